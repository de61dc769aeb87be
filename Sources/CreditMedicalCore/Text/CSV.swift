/// How the SDK's reports write CSV: RFC 4180 fields, money in yuan with two decimals.
public enum CSV {
    /// `text` as a CSV field: quoted, with quotes doubled, when it holds a comma, a quote or a line
    /// break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// `money` in yuan with two decimals and no grouping, such as `-1234.50`.
    public static func yuan(_ money: Money) -> String {
        money.formatted(symbol: "").filter { $0 != "," }
    }
}
