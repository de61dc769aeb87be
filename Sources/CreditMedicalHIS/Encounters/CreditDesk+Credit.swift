public import CreditMedicalCore
import Synchronization

/// What bringing charges to credit did: how much more (or less) the line locks for the
/// encounter, how much excess the patient was asked to pay, and what the line has left.
public struct CreditOutcome: Sendable, Hashable {
    /// The encounter afterwards.
    public let encounter: Encounter
    /// Change of what the encounter's hold locks (negative after refunds).
    public let lockedChange: Money
    /// Change of the excess due now (negative when refunds took some back).
    public let excessChange: Money
    /// What the line had available when the call last looked at it or changed it; `nil` for an
    /// encounter not paid on credit, and when the call changed nothing.
    public let available: Money?
    /// The notifications this call put into the outbox.
    public let notifications: [PatientNotification]
}

extension CreditDesk {
    /// How many ledger keys one call tries at most to bring a bill to credit: the first serves,
    /// unless a crashed attempt or another desk used it already.
    static let creditAttempts = 32

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
        // Nothing to do when the hold is already at the target (a crashed call may have moved it).
        if try target != encounter.locked || (ledger.hold(encounter.hold)?.amount ?? .zero) != target {
            let receipt = try await lock(&encounter, to: target, on: line)
            encounter.locked = receipt.entry.holdAmountAfter ?? .zero
            available = receipt.available
        }
        encounter.uncovered = Money(fen: billed.fen - encounter.locked.fen)
        let lockedChange = Money(fen: encounter.locked.fen - before.locked.fen)
        let excessChange = Money(fen: encounter.uncovered.fen - before.uncovered.fen)
        let notifications = notices(for: encounter, lockedChange: lockedChange, excessChange: excessChange, available: available)
        return CreditOutcome(encounter: encounter, lockedChange: lockedChange, excessChange: excessChange,
                             available: available, notifications: notifications)
    }

    /// Brings the encounter's hold to `target` under the encounter's next step key. A key used
    /// already (by a crashed attempt or another desk) is skipped; so is one whose command was
    /// applied before, since the hold may have moved after it: only a new entry tells what the
    /// hold holds now.
    private func lock(_ encounter: inout Encounter, to target: Money, on line: CreditLineID) async throws -> LedgerReceipt {
        let command = LedgerCommand.lockUpTo(encounter.hold, line: line, target: target, rule: configuration.excessPolicy.rule)
        for _ in 0..<Self.creditAttempts {
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
    func billedAmount(of encounter: Encounter, in bill: Bill) -> Money {
        guard encounter.kind == .inpatient, encounter.status == .open else { return bill.total }
        guard let through = encounter.billedThrough else { return .zero }
        return bill.total(through: through, in: configuration.calendar)
    }

    /// The patient's notifications about a change of credit, numbered by the encounter's step.
    private func notices(for encounter: Encounter, lockedChange: Money, excessChange: Money, available: Money?) -> [PatientNotification] {
        func notice(_ kind: PatientNotificationKind, _ text: String) -> PatientNotification {
            PatientNotification(id: encounter.keys.notice(kind, step: encounter.creditSteps), patient: encounter.patient.id, kind: kind,
                                text: "【信用就医】就诊号 \(encounter.id)：\(text)")
        }
        var notices: [PatientNotification] = []
        if lockedChange.isPositive {
            notices.append(notice(.chargesLocked, "本次费用 \(lockedChange) 已由信用额度担保，可用额度 \(available ?? .zero)。"))
        }
        if excessChange.isPositive {
            notices.append(notice(.excessDue, "\(excessChange) 超出信用额度，请现场或线上支付（待付合计 \(encounter.uncovered)）。"))
        }
        if encounter.kind == .inpatient, excessChange.isPositive || (lockedChange.isPositive && available == .zero) {
            notices.append(notice(.creditExhausted, "信用额度已用完，后续费用将于出院时结算。"))
        }
        return notices
    }

    /// Sends notifications that are in the outbox; the delivered ones leave it with the desk's
    /// next write (a crash before that makes the desk send them again, with the same ids, which
    /// the sender drops). What fails stays for ``deliverNotifications()``.
    func deliver(_ pending: [PatientNotification]) async {
        for notification in pending where (try? await notifications.send(notification)) != nil {
            deliveredMarks.withLock { _ = $0.insert(notification.id) }
        }
    }

    /// Sends every notification still in the outbox (after a crash or a failed send); returns how
    /// many were delivered. Each failed attempt is counted in the outbox, so the audit can report
    /// a notification that keeps failing (``DeskAuditor/deliveryAttempts``).
    @discardableResult
    public func deliverNotifications(limit: Int = 1_000) async throws -> Int {
        let marked = deliveredMarks.withLock { $0 }
        let pending = try store.pendingNotifications(limit: limit).filter { !marked.contains($0.id) }
        var outcomes: [EncounterChange] = []
        var firstError: (any Error)?
        for notification in pending {
            do {
                try await notifications.send(notification)
                outcomes.append(.notificationSent(notification.id))
            } catch {
                firstError = firstError ?? error
                outcomes.append(.deliveryFailed(notification.id))
            }
        }
        if !outcomes.isEmpty || !marked.isEmpty { try await write(outcomes) }
        let delivered = outcomes.count { if case .notificationSent = $0 { true } else { false } }
        if let firstError, delivered == 0 { throw firstError }
        return delivered
    }
}
