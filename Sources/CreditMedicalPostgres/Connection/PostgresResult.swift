import CLibPQ

/// The rows a statement returned, read as text.
final class PostgresResult {
    private let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { PQclear(handle) }

    /// How many rows there are.
    var count: Int { Int(PQntuples(handle)) }

    /// The value at `row`, `column` as text; `nil` for NULL.
    func text(_ row: Int, _ column: Int) -> String? {
        guard PQgetisnull(handle, Int32(row), Int32(column)) == 0 else { return nil }
        return String(cString: PQgetvalue(handle, Int32(row), Int32(column)))
    }

    /// The value at `row`, `column` as an integer; `nil` for NULL or text that is not one.
    func int64(_ row: Int, _ column: Int) -> Int64? {
        text(row, column).flatMap { Int64($0) }
    }
}
