import CreditMedicalCore

/// Locks credit for encounters: brings what an encounter has billed to its hold on the patient's
/// line through the ledger, under the hospital's ``ExcessPolicy``, and words the notices about
/// the change (``PatientNotices/credit(for:lockedChange:excessChange:available:)``) and the
/// in-visit warnings of the line's use (``PatientNotices/usageWarnings(for:thresholds:after:)``).
struct CreditLocker: Sendable {
    /// How many ledger keys one call tries at most to bring a bill to credit: the first serves,
    /// unless a crashed attempt or another desk used it already.
    static let attempts = 32

    let ledger: Ledger
    let excessPolicy: ExcessPolicy
    let calendar: BillingCalendar
    /// The line's use, in thousandths of its limit, at which a visit warns the patient.
    var usageWarnings: [Int64] = []

    /// Brings the encounter's billed amount to credit: refunds take back the excess first, and
    /// the hold is brought to the rest (``LedgerCommand/lockUpTo(_:line:target:rule:)``): the
    /// ledger decides, in its batch, how much the line can lock under the ``ExcessPolicy``, and
    /// what it cannot lock is excess. So `locked + uncovered` always equals the billed amount,
    /// `locked` is what the ledger's hold holds, and no call has to read the line first or retry
    /// when another encounter on the line was quicker.
    ///
    /// The command names its target, not a change, so repeating it after a crash changes
    /// nothing more. Each step's idempotency key is numbered by ``Encounter/creditSteps``.
    func bringToCredit(_ encounter: inout Encounter, bill: Bill) async throws -> CreditOutcome {
        let before = (locked: encounter.locked, uncovered: encounter.uncovered)
        let billed = billedAmount(of: encounter, in: bill)
        guard let line = encounter.creditLine else {
            return CreditOutcome(encounter: encounter, lockedChange: .zero, excessChange: .zero, available: nil, notifications: [])
        }
        let billedBefore = before.locked.fen + before.uncovered.fen
        if billed.fen < billedBefore {
            encounter.uncovered = Money(fen: encounter.uncovered.fen - min(billedBefore - billed.fen, encounter.uncovered.fen))
        }
        let target = Money(fen: billed.fen - encounter.uncovered.fen)
        var available: Money?
        var warnings: [PatientNotification] = []
        // Nothing to do when the hold is already at the target (a crashed call may have moved it).
        if try target != encounter.locked || (ledger.hold(encounter.hold)?.amount ?? .zero) != target {
            let receipt = try await lock(&encounter, to: target, on: line)
            encounter.locked = receipt.entry.holdAmountAfter ?? .zero
            available = receipt.available
            warnings = PatientNotices.usageWarnings(for: encounter, thresholds: usageWarnings, after: receipt.entry)
        }
        encounter.uncovered = Money(fen: billed.fen - encounter.locked.fen)
        let lockedChange = Money(fen: encounter.locked.fen - before.locked.fen)
        let excessChange = Money(fen: encounter.uncovered.fen - before.uncovered.fen)
        let notifications = PatientNotices.credit(for: encounter, lockedChange: lockedChange, excessChange: excessChange,
                                                  available: available) + warnings
        return CreditOutcome(encounter: encounter, lockedChange: lockedChange, excessChange: excessChange,
                             available: available, notifications: notifications)
    }

    /// Brings the encounter's hold to `target` under the encounter's next step key. A key used
    /// already (by a crashed attempt or another desk) is skipped; so is one whose command was
    /// applied before, since the hold may have moved after it: only a new entry tells what the
    /// hold holds now.
    private func lock(_ encounter: inout Encounter, to target: Money, on line: CreditLineID) async throws -> LedgerReceipt {
        let rule = encounter.kind == .emergency ? LockRule.emergency : excessPolicy.rule
        let command = LedgerCommand.lockUpTo(encounter.hold, line: line, target: target, rule: rule)
        for _ in 0..<Self.attempts {
            encounter.creditSteps += 1
            do {
                let receipt = try await ledger.execute(command, key: encounter.keys.creditStep(encounter.creditSteps))
                if !receipt.isReplay { return receipt }
            } catch let error as LedgerError where error.code == .idempotencyConflict {}
        }
        throw StaleEncounterError(encounters: [encounter.id])
    }

    /// What has been billed so far: the whole bill, or for an inpatient stay the items of the
    /// closed days (refunds of them included).
    private func billedAmount(of encounter: Encounter, in bill: Bill) -> Money {
        guard encounter.kind == .inpatient, encounter.status == .open else { return bill.total }
        guard let through = encounter.billedThrough else { return .zero }
        return bill.total(through: through, in: calendar)
    }
}
