/// Keeps every score decision, for the patient who asks why and the auditor who checks.
///
/// Conforming types MUST:
/// - keep records durably once ``append(_:)`` returns, byte for byte (reasons in Chinese, the
///   inputs as the scorer saw them, missing reasons included);
/// - keep the first record of an id: appending an id again changes nothing and does not fail;
/// - append a batch all or nothing;
/// - answer ``records(of:)`` oldest first (by decision time, then by the order appended).
///
/// `ScoreRecordStoreConformance` checks these against a store.
public protocol ScoreRecordStore: Sendable {
    /// Records `records` in order, except those whose id is recorded already: all of them or,
    /// when it throws, none. Returns the ids it kept from before instead (a later record of an id
    /// in the same batch included).
    @discardableResult
    func append(_ records: [ScoreRecord]) throws -> Set<String>
    /// The record `id`, if any.
    func record(id: String) throws -> ScoreRecord?
    /// The records of `patient`, oldest first.
    func records(of patient: String) throws -> [ScoreRecord]
    /// Up to `limit` records recorded after position `after` (0 for the first), in the order
    /// recorded.
    func page(after: Int64, limit: Int) throws -> HistoryPage<ScoreRecord>
}
