/// When unrecoverable debt is written off (坏账核销), and who bears it: a credit insurer's share
/// (保险兜底) and a fiscal bad-debt subsidy's share (财政补助坏账) where the program provides them,
/// the bank the rest. Loaded from JSON and validated on load, like the other policies.
public struct WriteOffPolicy: Sendable, Hashable, Codable {
    /// The format this SDK writes; it reads this one and every earlier one.
    public static let currentFormatVersion = 1
    /// The `format` field of every write-off file.
    public static let formatName = "creditmedical.writeoff"

    public var format: String = WriteOffPolicy.formatName
    public var formatVersion: Int = WriteOffPolicy.currentFormatVersion
    public var id: String
    public var version: String
    /// A receivable this many days past due, or more, may be written off.
    public var daysPastDue: Int
    /// The credit insurer's share of what is written off, in thousandths (0 for none).
    public var insurancePermille: Int64
    /// The fiscal subsidy's share of what is written off, in thousandths (0 for none).
    public var subsidyPermille: Int64

    public init(id: String, version: String, daysPastDue: Int, insurancePermille: Int64, subsidyPermille: Int64) {
        self.id = id
        self.version = version
        self.daysPastDue = daysPastDue
        self.insurancePermille = insurancePermille
        self.subsidyPermille = subsidyPermille
    }

    /// Written off after 180 days; a credit insurer bears 70 % and the city's bad-debt fund 20 %,
    /// the bank 10 %: the shape of the programs that insure credit care (the shares are a
    /// deployment's to set).
    public static let insuredStyle = WriteOffPolicy(id: "preset-insured-writeoff", version: "1", daysPastDue: 180,
                                                    insurancePermille: 700, subsidyPermille: 200)
}

extension WriteOffPolicy: PolicyFile {
    public static let keys: [String: Set<String>] = [
        "": ["format", "formatVersion", "id", "version", "daysPastDue", "insurancePermille", "subsidyPermille"],
    ]

    /// Checks what the format cannot say: at least a day past due, shares from 0 to 1,000 that
    /// together are at most 1,000.
    public func validate() throws(PolicyError) {
        guard (1...3_650).contains(daysPastDue) else { throw Self.invalid("daysPastDue", "must be 1 to 3650") }
        for (path, share) in [("insurancePermille", insurancePermille), ("subsidyPermille", subsidyPermille)] where !(0...1_000).contains(share) {
            throw Self.invalid(path, "must be 0 to 1000")
        }
        guard insurancePermille + subsidyPermille <= 1_000 else { throw Self.invalid("subsidyPermille", "the shares add up to more than 1000") }
    }
}
