/// An appeal with where it stands: submitted, under review by whom, decided with the reason.
public struct ArrearsAppealRecord: Sendable, Hashable {
    /// Where an appeal stands.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case submitted
        case underReview = "under_review"
        /// Turned down: the entry stands.
        case upheld
        /// Granted: the entry is revoked.
        case revoked
    }

    public let appeal: ArrearsAppeal
    public let submittedAt: Timestamp
    public internal(set) var state: State
    /// The reviewer who took it up, once one did.
    public internal(set) var reviewer: String?
    /// The decision, once made, and when.
    public internal(set) var decision: ArrearsDecision?
    public internal(set) var decidedAt: Timestamp?
}
