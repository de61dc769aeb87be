/// A ledger command as a journal row keeps it (``JournalCommandCodec`` writes and reads it): a
/// stable code, the layout version of that code's fields, the fields every store has a column
/// for, and a text for anything else a command carries. The line is the entry's
/// (``JournalEntry/line``).
public struct StoredCommand: Sendable, Hashable {
    /// The command's code; never reused for another command.
    public var code: Int
    /// The layout of the code's fields: 1 for every command so far. A command whose fields change
    /// writes a higher version, and its decoder keeps reading the earlier ones.
    public var version: Int
    /// The hold the command names.
    public var hold: HoldID?
    /// The amount the command carries.
    public var amount: Money?
    /// The time the command carries (a hold's expiry).
    public var time: Timestamp?
    /// The fields beyond these, as the command's codec writes them (a limit change's reason, a
    /// member line's guarantor); `nil` for the other commands.
    public var detail: String?

    public init(code: Int, version: Int = 1, hold: HoldID? = nil, amount: Money? = nil, time: Timestamp? = nil, detail: String? = nil) {
        self.code = code
        self.version = version
        self.hold = hold
        self.amount = amount
        self.time = time
        self.detail = detail
    }
}
