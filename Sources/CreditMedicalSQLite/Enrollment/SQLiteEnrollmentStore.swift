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
        Set(try database.append(steps, to: EnrollmentStepColumns.table).map(\.enrollment))
    }

    public func steps(of enrollment: String) throws -> [EnrollmentStep] {
        try database.history(EnrollmentStepColumns.table, where: "enrollment_id = ?1", .text(enrollment)).map(\.record)
    }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<EnrollmentStep> {
        try database.page(of: EnrollmentStepColumns.table, after: after, limit: limit)
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
