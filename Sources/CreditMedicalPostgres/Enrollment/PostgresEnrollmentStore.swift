public import CreditMedicalCore
import CreditMedicalStoreSupport

/// The `EnrollmentStore` in a ``PostgresDatabase``, beside the ledger and the consents.
public struct PostgresEnrollmentStore: EnrollmentStore {
    /// The database the store writes to.
    public let database: PostgresDatabase

    /// The enrollment steps of `database`.
    public init(database: PostgresDatabase) {
        self.database = database
    }

    @discardableResult
    public func append(_ steps: [EnrollmentStep]) throws -> Set<String> {
        let rows = try steps.concurrentMap(EnrollmentStepColumns.init)
        return try database.write { connection in
            var kept: Set<String> = []
            for row in rows {
                let inserted = try connection.query("""
                    INSERT INTO enrollment_steps (\(EnrollmentStepColumns.inserted)) VALUES ($1, $2, $3, $4, $5, $6)
                    ON CONFLICT (enrollment_id, step) DO NOTHING RETURNING seq
                    """, [.text(row.enrollment), .text(row.step), .text(row.patient), .integer(row.at), .text(row.detail),
                          .optional(row.line)])
                if inserted.count == 0 { kept.insert(row.enrollment) }
            }
            return kept
        }
    }

    public func steps(of enrollment: String) throws -> [EnrollmentStep] {
        try steps(where: "enrollment_id = $1", .text(enrollment), limit: .max).map(\.step)
    }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<EnrollmentStep> {
        let rows = try steps(where: "seq > $1", .integer(after), limit: limit)
        return HistoryPage(records: rows.map(\.step), last: rows.last?.seq)
    }

    private func steps(where condition: String, _ value: PostgresValue, limit: Int) throws -> [(seq: Int64, step: EnrollmentStep)] {
        let sql = "SELECT \(EnrollmentStepColumns.names), seq FROM enrollment_steps WHERE \(condition) ORDER BY seq LIMIT \(limit)"
        return try database.read(sql, [value]) { (result) throws(PostgresStoreError) in
            try (0..<result.count).map { (row) throws(PostgresStoreError) in
                let columns = EnrollmentStepColumns(enrollment: result.text(row, 0) ?? "", step: result.text(row, 1) ?? "",
                                                    patient: result.text(row, 2) ?? "", at: result.int64(row, 3) ?? 0,
                                                    detail: result.text(row, 4) ?? "")
                guard let step = columns.enrollmentStep else { throw PostgresLedgerRows.corrupt("enrollment_steps") }
                return (result.int64(row, 5) ?? 0, step)
            }
        }
    }

    public func enrollment(onLine line: CreditLineID) throws -> String? {
        let sql = "SELECT enrollment_id FROM enrollment_steps WHERE line_id = $1 ORDER BY seq DESC LIMIT 1"
        return try database.read(sql, [.text(line.rawValue)]) { result in (0..<result.count).map { result.text($0, 0) ?? "" } }.first
    }

    public func enrollments(of patient: String) throws -> [String] {
        let sql = "SELECT enrollment_id FROM enrollment_steps WHERE patient_id = $1 AND step = 'requested' ORDER BY seq"
        return try database.read(sql, [.text(patient)]) { result in (0..<result.count).map { result.text($0, 0) ?? "" } }
    }
}
