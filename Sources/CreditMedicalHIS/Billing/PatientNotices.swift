import CreditMedicalCore

/// The notifications the desk writes to a patient, with their ids and texts: about a change of
/// credit, the fee notice once an encounter is settled, and the notice of a settlement reversed
/// or cancelled. Every id comes from the encounter's ``EncounterKeys``, so a repeated call writes
/// the same notification again, which the outbox and the sender drop.
enum PatientNotices {
    /// The notifications about a change of credit, numbered by the encounter's step: charges
    /// locked, excess due, and for an inpatient stay the line exhausted.
    static func credit(for encounter: Encounter, lockedChange: Money, excessChange: Money, available: Money?) -> [PatientNotification] {
        func notice(_ kind: PatientNotificationKind, _ text: String) -> PatientNotification {
            PatientNotification(id: encounter.keys.notice(kind, step: encounter.creditSteps), patient: encounter.patient.id, kind: kind,
                                text: about(encounter, text))
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

    /// The warnings that this visit's last change brought the line's use across a threshold
    /// (`thresholds` in thousandths of the limit): each crossed threshold once, with its own id.
    /// `entry` is the ledger's entry of the change.
    static func usageWarnings(for encounter: Encounter, thresholds: [Int64], after entry: JournalEntry) -> [PatientNotification] {
        let line = entry.lineAfter
        let used = line.held.fen + line.outstanding.fen
        let usedBefore = used - entry.heldDelta.fen - entry.outstandingDelta.fen
        guard line.limit.isPositive else { return [] }
        return thresholds.compactMap { permille in
            guard let threshold = try? line.limit.share(permille: permille), usedBefore < threshold.fen, threshold.fen <= used else { return nil }
            let text = "信用额度已使用 \(permille / 10)%（已用 \(Money(fen: used)) / 额度 \(line.limit)），请留意后续费用。"
            return PatientNotification(id: encounter.keys.usageWarning(permille: permille), patient: encounter.patient.id, kind: .usageWarning,
                                       text: about(encounter, text))
        }
    }

    /// The fee notice the patient gets once the encounter is settled.
    static func settled(_ encounter: Encounter, bill: Bill, split: SettlementSplit?) -> PatientNotification {
        PatientNotification(id: encounter.keys.settledNotice, patient: encounter.patient.id,
                            kind: .settled, text: FeeNotice(bill: bill, split: split).text)
    }

    /// The notice that the encounter's settlement in its current round was reversed (or, when
    /// `cancelled`, that its checkout was cancelled): what the credit debt went down by, and what
    /// the patient had repaid already and gets back.
    static func reversed(_ encounter: Encounter, cancelled: Bool, reversed: Money, refundOwed: Money) -> PatientNotification {
        var text = about(encounter, "\(cancelled ? "结算已取消" : "结算已撤销")，信用欠款减少 \(reversed)。")
        if refundOwed.isPositive { text += "已还款部分 \(refundOwed) 将退还给您。" }
        if cancelled { text += "费用核对后将重新结算。" }
        return PatientNotification(id: encounter.keys.reversedNotice, patient: encounter.patient.id,
                                   kind: .settlementReversed, text: text)
    }

    /// `text` headed with the program and the encounter's number.
    private static func about(_ encounter: Encounter, _ text: String) -> String {
        "【信用就医】就诊号 \(encounter.id)：\(text)"
    }
}
