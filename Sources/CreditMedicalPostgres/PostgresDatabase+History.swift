import CreditMedicalCore
import CreditMedicalStoreSupport

extension PostgresDatabase {
    /// Appends `records` to `table` in one transaction, each unless its key is stored; returns those
    /// that were stored already, in order. `then` runs in the same transaction after them, with
    /// those (again, with the whole transaction, when a serialization failure retries it).
    func append<Record: Sendable>(_ records: [Record], to table: HistoryTable<Record>,
                                  then: (PostgresConnection, _ stored: [Record]) throws -> Void = { _, _ in }) throws -> [Record] {
        let rows = try table.rows(records).map { $0.map(PostgresValue.init) }
        let sql = table.insert(in: .postgres)
        return try write { connection in
            let stored = try zip(records, rows).filter { _, row in try connection.query(sql, row).count == 0 }.map(\.0)
            try then(connection, stored)
            return stored
        }
    }

    /// The records of `table` that meet `condition`, whose `$1` is `value`, in `order`, at most
    /// `limit`, each with its `seq`.
    func history<Record>(_ table: HistoryTable<Record>, where condition: String, _ value: PostgresValue, order: String = "seq",
                         limit: Int = .max) throws -> [(seq: Int64, record: Record)] {
        let sql = table.select(where: condition, order: order, limit: limit)
        return try read(sql, [value]) { (result) throws(PostgresStoreError) in
            try result.records(table.what) { row in table.record(row).map { (seq: row.integer(table.columns.count) ?? 0, record: $0) } }
        }
    }

    /// The records of `table` after `seq` `after`, at most `limit`, in the order appended.
    func page<Record>(of table: HistoryTable<Record>, after: Int64, limit: Int) throws -> HistoryPage<Record> {
        let rows = try history(table, where: "seq > $1", .integer(after), limit: limit)
        return HistoryPage(records: rows.map(\.record), last: rows.last?.seq)
    }
}
