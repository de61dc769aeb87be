import CreditMedicalCore
import CreditMedicalStoreSupport

extension SQLiteDatabase {
    /// Appends `records` to `table` in one transaction, on disk before it returns, each unless its
    /// key is stored; returns those that were stored already, in order. `then` runs in the same
    /// transaction after them, with those.
    func append<Record: Sendable>(_ records: [Record], to table: HistoryTable<Record>,
                                  then: (SQLiteConnection, _ stored: [Record]) throws -> Void = { _, _ in }) throws -> [Record] {
        let rows = try table.rows(records)
        let stored = try exclusively {
            try writeTransaction { connection in
                let insert = try connection.statement(table.insert(in: .sqlite))
                let stored = try zip(records, rows).filter { _, row in
                    try insert.bind(row.map(SQLiteValue.init))
                    let added = try insert.step()
                    if added { while try insert.step() {} }
                    return !added
                }.map(\.0)
                try then(connection, stored)
                return stored
            }
        }
        try flush()
        return stored
    }

    /// The records of `table` that meet `condition`, whose `?1` is `value`, in `order`, at most
    /// `limit`, each with its `seq`.
    func history<Record>(_ table: HistoryTable<Record>, where condition: String, _ value: SQLiteValue, order: String = "seq",
                         limit: Int = .max) throws -> [(seq: Int64, record: Record)] {
        let sql = table.select(where: condition, order: order, limit: limit)
        return try read(sql, [value]) { (row) throws(SQLiteStoreError) in
            (seq: row.int64(Int32(table.columns.count)), record: try row.record(table.what) { table.record($0) })
        }
    }

    /// The records of `table` after `seq` `after`, at most `limit`, in the order appended.
    func page<Record>(of table: HistoryTable<Record>, after: Int64, limit: Int) throws -> HistoryPage<Record> {
        let rows = try history(table, where: "seq > ?1", .integer(after), limit: limit)
        return HistoryPage(records: rows.map(\.record), last: rows.last?.seq)
    }
}
