import CreditMedicalStoreSupport

// The column maps the SQL stores share read the statement's current row.
extension SQLiteStatement: StoredRow {
    func text(_ column: Int) -> String? { optionalText(Int32(column)) }
    func integer(_ column: Int) -> Int64? { optionalInt64(Int32(column)) }

    /// The current row as `read` reads it, or an error that reports it as a stored `what` with a
    /// value this version does not know.
    func record<Record>(_ what: String, _ read: (SQLiteStatement) -> Record?) throws(SQLiteStoreError) -> Record {
        guard let record = read(self) else {
            throw SQLiteStoreError(.corruptRow, message: "A stored \(what) has a value this version does not know.")
        }
        return record
    }
}
