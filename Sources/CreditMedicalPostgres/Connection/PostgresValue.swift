import CreditMedicalStoreSupport

/// A value bound to a statement parameter; sent as text, which the server casts to the
/// column's type.
enum PostgresValue: Sendable {
    case text(String)
    case integer(Int64)
    case null

    static func optional(_ value: Int64?) -> PostgresValue { value.map(PostgresValue.integer) ?? .null }
    static func optional(_ value: String?) -> PostgresValue { value.map(PostgresValue.text) ?? .null }

    /// A value of a row of the column maps the SQL stores share.
    init(_ stored: StoredValue) {
        switch stored {
        case .integer(let number): self = .integer(number)
        case .text(let text): self = .text(text)
        case .null: self = .null
        }
    }

    /// The value as libpq sends it; `nil` for NULL.
    var text: String? {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .null: nil
        }
    }
}
