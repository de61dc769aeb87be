/// The ledger's limits, stated as numbers.
public enum LedgerLimits {
    /// The most commands one submission or one storage batch may hold.
    public static let maximumBatchSize = 8_190
}
