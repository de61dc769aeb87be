import Foundation

/// Copies a history store (score records, consent events, enrollment steps) into another, empty
/// one, a page at a time in the order recorded, and reads every page back from the target: a
/// record that differs stops the copy with `CopyError`. Used by `credit-medical copy` beside the
/// ledger and the desk's copiers.
public struct HistoryCopier<Record: Codable & Sendable> {
    /// What the copy is of, for errors: `score_records`, `consent_events`, `enrollment_steps`.
    public let name: String
    public let source: (_ after: Int64, _ limit: Int) throws -> HistoryPage<Record>
    public let target: (_ after: Int64, _ limit: Int) throws -> HistoryPage<Record>
    public let append: ([Record]) throws -> Void

    public init(name: String, source: @escaping (Int64, Int) throws -> HistoryPage<Record>,
                target: @escaping (Int64, Int) throws -> HistoryPage<Record>, append: @escaping ([Record]) throws -> Void) {
        self.name = name
        self.source = source
        self.target = target
        self.append = append
    }

    /// Throws `CopyError.Code.targetNotEmpty` unless the target holds nothing.
    public func requireEmpty() throws {
        guard try target(0, 1).records.isEmpty else { throw CopyError(.targetNotEmpty, context: ["what": name]) }
    }

    /// Copies every record, `pageSize` per append, and returns how many.
    @discardableResult
    public func copy(pageSize: Int = 1_000) throws -> Int {
        try requireEmpty()
        var (after, targetAfter, count) = (Int64(0), Int64(0), 0)
        while true {
            let page = try source(after, pageSize)
            guard let last = page.last else { return count }
            try append(page.records)
            let copied = try target(targetAfter, pageSize)
            // As JSON with sorted keys: a NaN input of a score record is not equal to itself.
            guard try Self.encoder.encode(copied.records) == Self.encoder.encode(page.records), let copiedLast = copied.last else {
                throw CopyError(.differs, context: ["what": name], details: "after position \(after)")
            }
            (after, targetAfter, count) = (last, copiedLast, count + page.records.count)
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }
}
