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
    /// How many ledger steps one call takes at most to bring a bill to credit: two suffice
    /// (another encounter on the line may take the money the first was about to lock), the rest
    /// skip keys that a crashed attempt or another desk used.
    static let creditAttempts = 32

    /// Brings the encounter's billed amount to credit: the hold grows (up to what the line and the
    /// ``ExcessPolicy`` allow, the rest becomes excess) or shrinks (the excess first).
    ///
    /// The ledger's hold is the truth for `locked`: it is read before every step, so a step that
    /// was applied before a crash is counted, not applied again, and `locked + uncovered` always
    /// equals the billed amount afterwards. Each step's idempotency key is numbered by
    /// ``Encounter/creditSteps``; a key that a crashed attempt used already is skipped.
    func bringToCredit(_ encounter: inout Encounter, bill: Bill) async throws -> CreditOutcome {
        let before = (locked: encounter.locked, uncovered: encounter.uncovered)
        let target = billedAmount(of: encounter, in: bill)
        guard let line = encounter.creditLine else {
            return CreditOutcome(encounter: encounter, lockedChange: .zero, excessChange: .zero, available: nil, notifications: [])
        }
        var mayLock = true
        var available: Money?
        for _ in 0..<Self.creditAttempts {
            let hold = try ledger.hold(encounter.hold)
            encounter.locked = hold?.amount ?? .zero
            let delta = target.fen - encounter.locked.fen - encounter.uncovered.fen
            if delta == 0 { break }
            if delta < 0 && encounter.uncovered.isPositive {
                encounter.uncovered.fen -= min(-delta, encounter.uncovered.fen)
                continue
            }
            encounter.creditSteps += 1
            let key = encounter.keys.creditStep(encounter.creditSteps)
            let command: LedgerCommand
            if delta < 0 {
                command = .decreaseHold(encounter.hold, by: Money(fen: -delta))
            } else {
                guard let current = try ledger.line(line) else { throw LedgerError(.lineNotFound, details: "line \(line)") }
                available = current.available
                let usable = (try? current.requireOpenForCharges()) != nil
                let lock = mayLock && usable
                    ? configuration.excessPolicy.lockable(Money(fen: delta), available: current.available) : .zero
                encounter.uncovered.fen += delta - lock.fen
                guard lock.isPositive else { continue }
                command = hold == nil
                    ? .placeHold(encounter.hold, line: line, amount: lock, expiresAt: nil)
                    : .increaseHold(encounter.hold, by: lock)
            }
            do {
                let receipt = try await ledger.execute(command, key: key)
                guard !receipt.isReplay else { continue }
                encounter.locked = receipt.entry.holdAmountAfter ?? encounter.locked
                available = receipt.available
                if encounter.locked.fen + encounter.uncovered.fen == target.fen { break }
            } catch let error as LedgerError where Self.raceCodes.contains(error.code) {
                // Another encounter on the line took the money first (lock nothing more this
                // call), or a crashed attempt or another desk used this step's key or changed the
                // hold: read the hold and the line again, with the next key.
                if delta > 0 { encounter.uncovered.fen -= delta - (command.amount?.fen ?? 0) }
                mayLock = mayLock && !Self.lineRaceCodes.contains(error.code)
            }
        }
        // Still apart after every step: another desk keeps changing the hold; the call starts
        // again from the store.
        guard target.fen == encounter.locked.fen + encounter.uncovered.fen else { throw StaleEncounterError(encounters: [encounter.id]) }
        let lockedChange = Money(fen: encounter.locked.fen - before.locked.fen)
        let excessChange = Money(fen: encounter.uncovered.fen - before.uncovered.fen)
        let notifications = notices(for: encounter, lockedChange: lockedChange, excessChange: excessChange, available: available)
        return CreditOutcome(encounter: encounter, lockedChange: lockedChange, excessChange: excessChange,
                             available: available, notifications: notifications)
    }

    /// Ledger rejections that mean the line changed under the call.
    private static let lineRaceCodes: Set<LedgerError.Code> = [.insufficientAvailable, .lineFrozen, .lineSuspended, .lineClosed]
    /// Ledger rejections after which the call reads the hold and the line again: the line's, and
    /// those that mean the step's key was used or the encounter's hold changed under the call.
    private static let raceCodes = lineRaceCodes.union([.insufficientHeld, .idempotencyConflict, .holdAlreadyExists])

    /// What has been billed so far: the whole bill, or for an inpatient stay the items of the
    /// closed days (refunds of them included).
    func billedAmount(of encounter: Encounter, in bill: Bill) -> Money {
        guard encounter.kind == .inpatient, encounter.status == .open else { return bill.total }
        guard let through = encounter.billedThrough else { return .zero }
        let end = configuration.calendar.end(of: through)
        var total: Int64 = 0
        for line in bill.lines where line.item.time < end {
            total += line.amount.fen
        }
        return Money(fen: total)
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
