public import CreditMedicalCore

/// The credit side of one HIS encounter (就诊): a single hold on the patient's line that grows
/// with each charge item, shrinks with refunds (退费) and is settled once at checkout.
///
/// Every call derives its idempotency key from the encounter number and the HIS's own ids, so a
/// HIS that retries a call after a timeout gets the first result back and nothing twice:
///
/// ```swift
/// let visit = EncounterCredit(ledger: ledger, line: "patient-0042", encounter: "MZ20261124-0007")
/// try await visit.lock(Money(fen: 2_500), forItem: "REG-1")       // registration
/// try await visit.lock(Money(fen: 18_050), forItem: "LAB-7")      // blood test
/// try await visit.refund(Money(fen: 4_830), ofItem: "RX-3")       // returned medicine
/// try await visit.settle(selfPay: Money(fen: 22_160))            // after 医保 paid its part
/// ```
public struct EncounterCredit: Sendable {
    /// The ledger that holds the line.
    public let ledger: Ledger
    /// The patient's (or family's) credit line.
    public let line: CreditLineID
    /// The encounter's hold; its id is the HIS encounter number.
    public let hold: HoldID

    /// The credit of encounter `encounter` on `line`.
    public init(ledger: Ledger, line: CreditLineID, encounter: String) {
        self.ledger = ledger
        self.line = line
        self.hold = HoldID(encounter)
    }

    /// Locks `amount` on the line for the HIS charge item `item`: the first charge places the
    /// encounter's hold, later ones increase it. Throws ``LedgerError`` (for instance
    /// ``LedgerError/Code/insufficientAvailable``) when the line cannot cover it.
    @discardableResult
    public func lock(_ amount: Money, forItem item: String) async throws -> LedgerReceipt {
        let key = key("charge", item)
        let place = LedgerCommand.placeHold(hold, line: line, amount: amount, expiresAt: nil)
        let increase = LedgerCommand.increaseHold(hold, by: amount)
        // Rejected commands are not recorded, so after `holdAlreadyExists` the same key may carry
        // the increase; a retry finds whichever of the two was applied.
        do {
            return try await ledger.execute(place, key: key)
        } catch let error as LedgerError where error.code == .holdAlreadyExists {
            return try await ledger.execute(increase, key: key)
        } catch let error as LedgerError where error.code == .idempotencyConflict {
            guard let entry = try ledger.store.entry(for: key), entry.command == increase else { throw error }
            return LedgerReceipt(entry: entry, isReplay: true)
        }
    }

    /// Releases `amount` of the hold because charge item `item` was refunded before settlement.
    @discardableResult
    public func refund(_ amount: Money, ofItem item: String) async throws -> LedgerReceipt {
        try await ledger.execute(.decreaseHold(hold, by: amount), key: key("refund", item))
    }

    /// Settles the encounter once: the self-pay part (what insurers did not pay) becomes
    /// outstanding on the line and the rest of the hold is released. A zero self-pay part just
    /// releases the hold.
    @discardableResult
    public func settle(selfPay: Money) async throws -> LedgerReceipt {
        let command: LedgerCommand = selfPay == .zero ? .voidHold(hold) : .captureHold(hold, amount: selfPay)
        return try await ledger.execute(command, key: key("settle", ""))
    }

    /// The encounter's hold as the ledger has it now.
    public func current() throws -> Hold? { try ledger.hold(hold) }

    private func key(_ step: String, _ item: String) -> IdempotencyKey {
        IdempotencyKey("\(hold.rawValue)/\(step)/\(item)")
    }
}
