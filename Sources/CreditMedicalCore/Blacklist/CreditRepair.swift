/// The record a removal leaves (信用修复): the line was repaid in full at ``repaidAt`` and the
/// cooling period of ``coolingDays`` passed. The removal's time is the line's
/// `RepaymentRecord.repairedAt`, which puts the line on a probation limit at its next review
/// (``ReviewPolicy``).
public struct CreditRepair: Sendable, Hashable, Codable {
    /// The line that was repaired.
    public let line: CreditLineID
    /// When the line last owed money and was repaid to zero (the listing's time when that was
    /// later).
    public let repaidAt: Timestamp
    /// The cooling period that passed after it.
    public let coolingDays: Int

    public init(line: CreditLineID, repaidAt: Timestamp, coolingDays: Int) {
        self.line = line
        self.repaidAt = repaidAt
        self.coolingDays = coolingDays
    }
}
