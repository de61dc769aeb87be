/// A consent a patient signs to enroll (信用就医服务协议), in one version. A new version needs a
/// new signature before the patient's credit is used again.
public struct ConsentDocument: Sendable, Hashable, Codable {
    /// A stable id, such as `credit-medical-agreement`.
    public let id: String
    /// Counts up from 1 with every change of the text.
    public let version: Int
    public let title: BilingualText

    public init(id: String, version: Int, title: BilingualText) {
        self.id = id
        self.version = version
        self.title = title
    }
}
