/// What the arrears list tells the patient, in Chinese and in English, and the notices' ids,
/// derived from the entry: `arrears/ENTRY/listed`, `arrears/ENTRY/appeal/APPEAL` and
/// `arrears/ENTRY/removed`, so a notice sent again is delivered once.
enum ArrearsNotices {
    /// The patient was listed: why, how much, and how to get off the list.
    static func listed(_ entry: ArrearsEntry, coolingDays: Int) -> PatientNotification {
        let listing = entry.listing
        let (yuan, institution) = (listing.amount.formatted(symbol: ""), listing.institution.rawValue)
        return notice(entry, "listed", "您因\(listing.reason.chinese)被\(institution)列入欠费名单，欠款\(yuan)元，暂停信用就医（急诊不受影响）。"
            + "还清后经\(coolingDays)天可移出；如有异议可提出申诉。"
            + "You are on \(institution)'s arrears list: \(listing.reason.english); \(yuan) yuan owed. Credit care is stopped "
            + "(emergencies excepted). Once repaid in full, the entry is removed after \(coolingDays) days; you may appeal.")
    }

    /// An appeal was decided: upheld or revoked, and why.
    static func decided(_ entry: ArrearsEntry, _ decision: ArrearsDecision) -> PatientNotification {
        let text = switch decision.outcome {
        case .upheld: "您的申诉未获支持：\(decision.reason.chinese)。Your appeal was turned down: \(decision.reason.english)."
        case .revoked:
            "您的申诉成立，欠费名单记录已撤销：\(decision.reason.chinese)。Your appeal succeeded and the entry is revoked: \(decision.reason.english)."
        }
        return notice(entry, "appeal/\(decision.appeal.rawValue)", text)
    }

    /// The entry was removed after repayment: the credit is repaired, on probation.
    static func removed(_ entry: ArrearsEntry) -> PatientNotification {
        notice(entry, "removed", "欠款已还清，欠费名单记录已移出（信用修复），信用额度将进入观察期。"
            + "Your debt is repaid and the arrears entry removed (credit repaired); your credit line goes on probation.")
    }

    private static func notice(_ entry: ArrearsEntry, _ step: String, _ text: String) -> PatientNotification {
        PatientNotification(id: AdapterRequestID("arrears/\(entry.id.rawValue)/\(step)"), patient: entry.listing.patient, kind: .arrears, text: text)
    }
}
