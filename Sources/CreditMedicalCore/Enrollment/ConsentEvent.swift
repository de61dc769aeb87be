/// One signature or cancellation of a consent, as recorded: who, for whom, which document and
/// version, through which channel, and when.
public struct ConsentEvent: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable {
        /// Signed (also a re-signature after a new version).
        case signed
        /// Cancelled (解约).
        case cancelled
    }

    /// Unique per event, chosen by the caller (a request id of the channel): recording an id
    /// again keeps the first event.
    public let id: String
    /// The HIS's patient id.
    public let patient: String
    public let document: String
    public let version: Int
    public let action: Action
    public let channel: SigningChannel
    public let signer: ConsentSigner
    public let at: Timestamp

    public init(id: String, patient: String, document: String, version: Int, action: Action, channel: SigningChannel,
                signer: ConsentSigner, at: Timestamp) {
        self.id = id
        self.patient = patient
        self.document = document
        self.version = version
        self.action = action
        self.channel = channel
        self.signer = signer
        self.at = at
    }
}
