/// A family group (信用家庭 / 亲情账号) around a guarantor's credit line: members (spouse, parents,
/// children, siblings) are treated on member lines of the ledger, each capped, whose holds count
/// against the guarantor's line through the same state machine
/// (``LedgerCommand/openMemberLine(_:guarantor:cap:)``); an agent with authority may repay for a
/// member (代付).
///
/// The group keeps no state of its own: its members are the guarantor's member lines. A member
/// line's id is `<guarantor>~<relation>~<patient>` (``line(for:as:)``), so the relation is
/// recorded where the line is, once; a patient id may not contain `~`. Requests are idempotent:
/// adding and removing a member use keys derived from the group and the member, and changing a
/// cap or repaying takes the caller's key.
public struct FamilyGroup: Sendable {
    /// The guarantor's line, which the members draw on.
    public let guarantor: CreditLineID
    /// The ledger the lines are in.
    public let ledger: Ledger
    /// Who may act for whom: asked before an agent repays for a member.
    public let authority: any AgentAuthority

    /// The group around `guarantor`'s line in `ledger`, asking `authority` who may pay for whom.
    public init(guarantor: CreditLineID, ledger: Ledger, authority: any AgentAuthority) {
        self.guarantor = guarantor
        self.ledger = ledger
        self.authority = authority
    }

    /// The id of `patient`'s member line as `relation`.
    public func line(for patient: String, as relation: FamilyRelation) -> CreditLineID {
        CreditLineID("\(guarantor.rawValue)~\(relation.rawValue)~\(patient)")
    }

    /// Adds `patient` as the guarantor's `relation` with `cap` (at most the guarantor's limit):
    /// opens their member line. Adding the same member again with the same cap answers the
    /// member; with another relation or cap it is `FamilyError.Code.alreadyAMember`, and a
    /// removed member cannot come back (`FamilyError.Code.memberRemoved`): their closed line
    /// keeps their history.
    @discardableResult
    public func addMember(_ patient: String, as relation: FamilyRelation, cap: Money) async throws -> FamilyMember {
        let id = try memberLine(patient, relation)
        if let existing = try member(patient) {
            guard !existing.isRemoved else { throw FamilyError(.memberRemoved, details: "patient \(patient)") }
            guard existing.relation == relation else { throw FamilyError(.alreadyAMember, details: "patient \(patient)") }
        }
        try await run(.openMemberLine(id, guarantor: guarantor, cap: cap), key: try key(patient, "add"))
        return try require(patient)
    }

    /// Sets a member's cap (at most the guarantor's limit); a cut below what the member uses
    /// blocks their new holds only.
    @discardableResult
    public func changeCap(of patient: String, to cap: Money, key: IdempotencyKey) async throws -> FamilyMember {
        let member = try require(patient)
        try await run(.adjustLimit(member.line.id, to: cap, reason: "family cap"), key: key)
        return try require(patient)
    }

    /// Removes a member: closes their member line. Refused with `FamilyError.Code.memberInUse`
    /// while they have money held or owed, saying how much and how many holds are open (their ids
    /// in the details).
    public func removeMember(_ patient: String) async throws {
        let member = try require(patient)
        do {
            try await run(.closeLine(member.line.id), key: try key(patient, "remove"))
        } catch let error as FamilyError where error.code == .memberInUse {
            let open = try ledger.holds(on: member.line.id).filter { $0.state == .open }
            throw FamilyError(.memberInUse, context: error.context.merging(["open_holds": "\(open.count)"]) { $1 },
                              details: "\(error.details) holds \(open.map(\.id.rawValue).joined(separator: ", "))")
        }
    }

    /// Repays `amount` of what `patient` owes, for them, by `agent` registered as `relation` to
    /// them (代付): both the member line and the guarantor's owe that much less.
    @discardableResult
    public func repay(_ amount: Money, for patient: String, by agent: String, as relation: FamilyRelation,
                      key: IdempotencyKey) async throws -> LedgerReceipt {
        guard authority.relation(of: agent, to: patient) == relation else {
            throw FamilyError(.agentWithoutAuthority, context: ["relation": relation.rawValue], details: "agent \(agent) for \(patient)")
        }
        return try await run(.repay(try require(patient).line.id, amount: amount), key: key)
    }

    /// The group's members, removed ones included, ordered by line id.
    public func members() throws -> [FamilyMember] {
        let prefix = "\(guarantor.rawValue)~"
        return try ledger.memberLines(of: guarantor).compactMap { line in
            guard line.id.rawValue.hasPrefix(prefix) else { return nil }
            let parts = line.id.rawValue.dropFirst(prefix.count).split(separator: "~", maxSplits: 1)
            guard parts.count == 2, let relation = FamilyRelation(rawValue: String(parts[0])) else { return nil }
            return FamilyMember(patient: String(parts[1]), relation: relation, line: line)
        }
    }

    /// The member `patient` (the one not removed, when there are several), or `nil`.
    public func member(_ patient: String) throws -> FamilyMember? {
        let found = try members().filter { $0.patient == patient }
        return found.first { !$0.isRemoved } ?? found.first
    }

    /// What `patient` may still be treated for on credit: the smaller of what their member line
    /// and the guarantor's line have available.
    public func available(for patient: String) throws -> Money {
        let member = try require(patient)
        guard let line = try ledger.line(guarantor) else { throw FamilyError(.guarantorUnusable, details: "line \(guarantor)") }
        return min(member.line.available, line.available)
    }

    /// The member `patient`, not removed.
    private func require(_ patient: String) throws -> FamilyMember {
        guard let member = try member(patient), !member.isRemoved else { throw FamilyError(.notAMember, details: "patient \(patient)") }
        return member
    }

    /// Runs `command`, with ledger refusals that concern the group as ``FamilyError``s.
    @discardableResult
    private func run(_ command: LedgerCommand, key: IdempotencyKey) async throws -> LedgerReceipt {
        do {
            return try await ledger.execute(command, key: key)
        } catch let error as LedgerError {
            let code: FamilyError.Code? = switch error.code {
            case .capAboveLine: .capAboveLine
            case .lineInUse: .memberInUse
            case .idempotencyConflict, .lineAlreadyExists: .alreadyAMember
            case .lineNotFound, .lineClosed, .guarantorIsMemberLine: .guarantorUnusable
            case .invalidIdentifier: .invalidInput
            default: nil
            }
            guard let code else { throw error }
            throw FamilyError(code, context: error.context, details: error.details)
        }
    }

    /// The member line id of `patient` as `relation`, checked.
    private func memberLine(_ patient: String, _ relation: FamilyRelation) throws(FamilyError) -> CreditLineID {
        if let rule = InputRules.identifierViolation(patient, maximumLength: CreditLineID.maximumLength, reserved: UInt8(ascii: "~")) {
            throw FamilyError(.invalidInput, context: ["field": "patient", "rule": rule.rawValue])
        }
        let id = line(for: patient, as: relation)
        if let rule = id.violation {
            throw FamilyError(.invalidInput, context: ["field": "member line", "rule": rule.rawValue, "limit": "\(CreditLineID.maximumLength) bytes"])
        }
        return id
    }

    /// The key of the group's `action` for `patient`.
    private func key(_ patient: String, _ action: String) throws(FamilyError) -> IdempotencyKey {
        let key = IdempotencyKey("family:\(guarantor.rawValue):\(patient):\(action)")
        if let rule = key.violation { throw FamilyError(.invalidInput, context: ["field": "key", "rule": rule.rawValue]) }
        return key
    }
}
