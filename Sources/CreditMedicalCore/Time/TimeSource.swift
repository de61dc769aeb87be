/// The source of time for the ledger and the desk: one reading per batch. (Named apart from the
/// standard library's `Clock`, which measures durations for sleeping.)
///
/// Inject ``SystemClock`` in production and ``ManualClock`` in tests and simulations, so due
/// dates, expiries and daily bills run at any speed.
public protocol TimeSource: Sendable {
    /// The current time.
    func now() -> Timestamp
}
