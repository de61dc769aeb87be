extension ReviewPolicy: PolicyFile {
    public static let keys: [String: Set<String>] = [
        "": ["format", "formatVersion", "id", "version", "onTimeRepaymentsToRaise", "daysBetweenRaises", "daysLateToLower",
             "daysLateToSuspend", "probationPermille"],
    ]

    /// Checks what the format cannot say: counts and days positive, a suspension no sooner than a
    /// lowering, and a probation share from 0 to ``LimitPolicy/maximumPermille``.
    public func validate() throws(PolicyError) {
        for (path, value) in [("onTimeRepaymentsToRaise", onTimeRepaymentsToRaise), ("daysBetweenRaises", daysBetweenRaises),
                              ("daysLateToLower", daysLateToLower), ("daysLateToSuspend", daysLateToSuspend)] where value < 1 {
            throw Self.invalid(path, "must be 1 or more")
        }
        guard daysLateToSuspend >= daysLateToLower else { throw Self.invalid("daysLateToSuspend", "below daysLateToLower") }
        guard (0...LimitPolicy.maximumPermille).contains(probationPermille) else {
            throw Self.invalid("probationPermille", "must be 0 to \(LimitPolicy.maximumPermille)")
        }
    }
}

extension ReviewPolicy {
    /// As in Suzhou: six on-time repayments in twelve months raise the line one tier, at most
    /// every half year; a payment late by a day lowers it one tier, by 30 days suspends it; a
    /// repaired line starts again at 30 % of the bank's line.
    public static let suzhouStyle = ReviewPolicy(id: "preset-suzhou-review", version: "1", onTimeRepaymentsToRaise: 6,
                                                 daysBetweenRaises: 180, daysLateToLower: 1, daysLateToSuspend: 30, probationPermille: 300)
}
