import CreditMedicalStoreSupport

/// One row of a result, read as the column maps the SQL stores share expect.
struct ResultRow: StoredRow {
    let result: PostgresResult
    let row: Int

    func text(_ column: Int) -> String? { result.text(row, column) }
    func integer(_ column: Int) -> Int64? { result.int64(row, column) }
}

extension PostgresResult {
    /// Every row, read by `decode`; a row it cannot read is reported as a stored `what` with a value
    /// this version does not know.
    func records<Record>(_ what: String, _ decode: (ResultRow) -> Record?) throws(PostgresStoreError) -> [Record] {
        try (0..<count).map { (index) throws(PostgresStoreError) in
            guard let record = decode(ResultRow(result: self, row: index)) else { throw PostgresLedgerRows.corrupt(what) }
            return record
        }
    }
}
