/// Keeps every score decision, for the patient who asks why and the auditor who checks.
///
/// Conforming types MUST:
/// - keep a record durably once ``append(_:)`` returns, byte for byte (reasons in Chinese, the
///   inputs as the scorer saw them, missing reasons included);
/// - keep the first record of an id: appending an id again changes nothing and does not fail;
/// - answer ``records(of:)`` oldest first (by decision time, then by the order appended).
///
/// `ScoreRecordStoreConformance` checks these against a store.
public protocol ScoreRecordStore: Sendable {
    /// Records `record` unless its id is recorded already.
    func append(_ record: ScoreRecord) throws
    /// The record `id`, if any.
    func record(id: String) throws -> ScoreRecord?
    /// The records of `patient`, oldest first.
    func records(of patient: String) throws -> [ScoreRecord]
}
