extension CreditLine {
    /// How the patient uses this line, as scoring features: `credit_utilisation` (held and
    /// outstanding over the limit; missing for a zero limit) and `credit_line_status` (`usable`,
    /// `suspended`, `frozen` or `closed`).
    public var usageFeatures: ApplicantFeatures {
        let used = Double(held.fen) + Double(outstanding.fen)
        let utilisation: FeatureValue = limit.fen > 0 ? .number(used / Double(limit.fen)) : .missing(.noRecord)
        let status = status.contains(.closed) ? "closed" : status.contains(.frozen) ? "frozen" : status.contains(.suspended) ? "suspended" : "usable"
        return ["credit_utilisation": utilisation, "credit_line_status": .category(status)]
    }
}
