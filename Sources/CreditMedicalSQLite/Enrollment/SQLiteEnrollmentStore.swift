public import CreditMedicalCore
import CreditMedicalStoreSupport

/// The `EnrollmentStore` in a ``SQLiteDatabase``, beside the ledger and the consents.
public struct SQLiteEnrollmentStore: EnrollmentStore {
    /// The database the store writes to.
    public let database: SQLiteDatabase

    /// The enrollment steps of `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    @discardableResult
    public func append(_ steps: [EnrollmentStep]) throws -> Set<String> {
        let rows = try steps.concurrentMap(EnrollmentStepColumns.init)
        var kept: Set<String> = []
        try database.exclusively {
            try database.writeTransaction { connection in
                let insert = try connection.statement("""
                    INSERT INTO enrollment_steps (\(EnrollmentStepColumns.inserted)) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                    ON CONFLICT (enrollment_id, step) DO NOTHING RETURNING seq
                    """)
                for row in rows {
                    try insert.bind(.text(row.enrollment), .text(row.step), .text(row.patient), .integer(row.at), .text(row.detail),
                                    .optional(row.line))
                    if try !insert.step() { kept.insert(row.enrollment) }
                    while try insert.step() {}
                }
            }
        }
        try database.flush()
        return kept
    }

    public func steps(of enrollment: String) throws -> [EnrollmentStep] {
        try steps(where: "enrollment_id = ?1", .text(enrollment), limit: .max).map(\.step)
    }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<EnrollmentStep> {
        let rows = try steps(where: "seq > ?1", .integer(after), limit: limit)
        return HistoryPage(records: rows.map(\.step), last: rows.last?.seq)
    }

    private func steps(where condition: String, _ value: SQLiteValue, limit: Int) throws -> [(seq: Int64, step: EnrollmentStep)] {
        let sql = "SELECT \(EnrollmentStepColumns.names), seq FROM enrollment_steps WHERE \(condition) ORDER BY seq LIMIT \(limit)"
        return try database.read(sql, [value]) { (row) throws(SQLiteStoreError) in
            let columns = EnrollmentStepColumns(enrollment: row.text(0), step: row.text(1), patient: row.text(2), at: row.int64(3),
                                                detail: row.text(4))
            guard let step = columns.enrollmentStep else {
                throw SQLiteStoreError(.corruptRow, message: "A stored enrollment step has a value this version does not know.")
            }
            return (row.int64(5), step)
        }
    }

    public func enrollment(onLine line: CreditLineID) throws -> String? {
        try database.read("SELECT enrollment_id FROM enrollment_steps WHERE line_id = ?1 ORDER BY seq DESC LIMIT 1",
                          [.text(line.rawValue)]) { row in row.text(0) as String }.first
    }

    public func enrollments(of patient: String) throws -> [String] {
        try database.read("SELECT enrollment_id FROM enrollment_steps WHERE patient_id = ?1 AND step = 'requested' ORDER BY seq",
                          [.text(patient)]) { row in row.text(0) }
    }
}
