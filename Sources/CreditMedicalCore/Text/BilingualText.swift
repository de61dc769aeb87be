/// A sentence or a label in Chinese and in English, as patients, cashiers and auditors read it.
public struct BilingualText: Sendable, Hashable, Codable {
    public var chinese: String
    public var english: String

    public init(chinese: String, english: String) {
        self.chinese = chinese
        self.english = english
    }
}
