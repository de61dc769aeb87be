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
        Set(try database.append(steps, to: EnrollmentStepColumns.table).map(\.enrollment))
    }

    public func steps(of enrollment: String) throws -> [EnrollmentStep] {
        try database.history(EnrollmentStepColumns.table, where: "enrollment_id = $1", .text(enrollment)).map(\.record)
    }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<EnrollmentStep> {
        try database.page(of: EnrollmentStepColumns.table, after: after, limit: limit)
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
