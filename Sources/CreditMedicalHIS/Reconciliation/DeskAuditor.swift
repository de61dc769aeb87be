public import CreditMedicalCore

/// Checks the credit desk's paperwork against itself and against the ledger, for what the
/// `LedgerAuditor` cannot see: visits stuck in `settling` or parked for an operator, holds on a
/// line that no open visit owns, settled visits whose settlement does not match the bill or does
/// not add up, advances the bank has not paid by the time it promised, and notifications not
/// delivered after the delivery job's retries.
///
/// Give it a snapshot (`SQLiteSnapshot`, `PostgresSnapshot`) for one consistent answer while the
/// desk keeps working; `credit-medical audit` runs it next to the ledger's audit. Reads every
/// encounter; memory grows with the number of open ones.
public struct DeskAuditor: Sendable {
    /// The ledger, for its open holds.
    public let ledger: any LedgerReader
    /// The desk's paperwork.
    public let desk: any EncounterReader
    /// How many rows each query reads.
    public var pageSize = 1_000
    /// After how many failed deliveries a notification still in the outbox is a finding.
    public var deliveryAttempts = 3

    public init(ledger: any LedgerReader, desk: any EncounterReader) {
        self.ledger = ledger
        self.desk = desk
    }

    /// Audits the desk as of `time` (for the advances' due times) and reports every finding.
    public func audit(at time: Timestamp) throws -> DeskAuditReport {
        var report = DeskAuditReport()
        let owned = try checkEncounters(into: &report)
        for record in try desk.settlements(in: Set(SettlementRecord.Step.allCases.filter { !$0.isFinal }), limit: .max) {
            if let attention = record.attention {
                report.findings.append(DeskFinding(.checkoutNeedsAttention, encounter: record.encounter,
                                                   "round \(record.round) parked since \(attention.since): \(attention.reason)"))
            } else {
                report.findings.append(DeskFinding(.checkoutUnfinished, encounter: record.encounter,
                                                   "round \(record.round) at step \(record.step.rawValue) since \(record.updatedAt)"))
            }
        }
        if report.encountersChecked > 0 { try checkHolds(owned: owned, into: &report) }
        for record in try desk.settlementsAwaitingAdvance(limit: .max) where record.advanceIsOverdue(at: time) {
            report.findings.append(DeskFinding(.advanceOverdue, encounter: record.encounter,
                                               "round \(record.round) due by \(record.advanceDueBy.map(\.description) ?? "?")"))
        }
        for notification in try desk.pendingNotifications(failedAtLeast: deliveryAttempts, limit: .max) {
            report.findings.append(DeskFinding(.notificationUndelivered,
                                               "\(notification.kind.rawValue) \(notification.id) failed \(deliveryAttempts) or more times"))
        }
        return report
    }

    /// Checks every encounter and returns the holds that open and settling encounters own.
    private func checkEncounters(into report: inout DeskAuditReport) throws -> Set<HoldID> {
        var owned = Set<HoldID>()
        var after: EncounterID?
        while true {
            let page = try desk.encounters(after: after, limit: pageSize)
            for encounter in page {
                report.encountersChecked += 1
                switch encounter.status {
                case .open:
                    owned.insert(encounter.hold)
                case .settling:
                    owned.insert(encounter.hold)
                    if try desk.settlement(of: encounter.id)?.round != encounter.round {
                        report.findings.append(DeskFinding(.settlingWithoutRecord, encounter: encounter.id, "round \(encounter.round)"))
                    }
                case .settled:
                    try checkSettled(encounter, into: &report)
                case .cancelled:
                    break
                }
            }
            guard page.count == pageSize, let last = page.last else { return owned }
            after = last.id
        }
    }

    /// A settled encounter's settlement of its round is done, covers its bill, and its parties'
    /// parts add up.
    private func checkSettled(_ encounter: Encounter, into report: inout DeskAuditReport) throws {
        func mismatch(_ detail: String) {
            report.findings.append(DeskFinding(.settlementMismatch, encounter: encounter.id, "round \(encounter.round): \(detail)"))
        }
        guard let record = try desk.settlement(of: encounter.id), record.round == encounter.round else {
            return mismatch("settled without a settlement record of its round")
        }
        report.settlementsChecked += 1
        let bill = try desk.bill(of: encounter.id)
        if bill.total != record.total { mismatch("settled \(record.total.fen) fen, the bill is \(bill.total.fen) fen") }
        guard let medical = record.medical, let split = record.split else { return mismatch("no insurers' answers or split recorded") }
        let insured = [medical.fund, medical.personalAccount, medical.cash].reduce(Int64(0)) { $0 &+ $1.fen }
        if insured != record.total.fen { mismatch("medical insurance's parts add up to \(insured) fen of \(record.total.fen)") }
        if let commercial = record.commercial, commercial.paid > medical.cash {
            mismatch("commercial insurance paid \(commercial.paid.fen) fen of \(medical.cash.fen) left")
        }
        if split.total != record.total { mismatch("the split is of \(split.total.fen) fen, the settlement of \(record.total.fen)") }
    }

    /// Every open hold on the ledger belongs to an open or settling encounter.
    private func checkHolds(owned: Set<HoldID>, into report: inout DeskAuditReport) throws {
        var after: HoldID?
        while true {
            let page = try ledger.holds(after: after, limit: pageSize)
            for hold in page where hold.state == .open {
                report.holdsChecked += 1
                if !owned.contains(hold.id) {
                    report.findings.append(DeskFinding(.holdWithoutOpenEncounter, hold: hold.id,
                                                       "line \(hold.line) holds \(hold.amount.fen) fen"))
                }
            }
            guard page.count == pageSize, let last = page.last else { return }
            after = last.id
        }
    }
}
