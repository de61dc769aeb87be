/// The ledger's limits, stated as numbers.
public enum LedgerLimits {
    /// The most commands one submission or one storage batch may hold.
    public static let maximumBatchSize = 8_190
    /// The most UTF-8 bytes the reason of a limit change may have.
    public static let maximumReasonLength = 256
}
