import CreditMedicalCore

/// The 0/1 target of a table: 1 = bad (defaulted), 0 = good. Accepts `0`, `1`, `0.0` and `1.0`.
enum TargetColumn {
    /// The target of every row. Throws `TrainingError.Code.missingTarget` (listing the columns
    /// there are) or `TrainingError.Code.invalidTarget` (naming the row, its line and the value).
    static func targets(of table: CSVTable, named target: String) throws(TrainingError) -> [UInt8] {
        guard let column = table.column(target) else {
            throw TrainingError(.missingTarget, context: ["target": target, "columns": table.columnNames.joined(separator: ",")])
        }
        var targets = [UInt8](repeating: 0, count: table.rowCount)
        switch column {
        case .numbers(let values):
            for (row, value) in values.enumerated() {
                guard value == 0 || value == 1 else { throw invalid(table, row, value.isNaN ? "missing" : "\(value)") }
                targets[row] = value == 1 ? 1 : 0
            }
        case .categories(let codes, let dictionary):
            let meaning: [UInt8?] = dictionary.map { ["0": 0, "0.0": 0, "1": 1, "1.0": 1][$0] }
            for (row, code) in codes.enumerated() {
                guard code >= 0, let target = meaning[Int(code)] else { throw invalid(table, row, code < 0 ? "missing" : dictionary[Int(code)]) }
                targets[row] = target
            }
        }
        return targets
    }

    private static func invalid(_ table: CSVTable, _ row: Int, _ value: String) -> TrainingError {
        TrainingError(.invalidTarget, context: ["row": "\(row + 1)", "line": "\(table.rowLines[row])", "value": value])
    }
}
