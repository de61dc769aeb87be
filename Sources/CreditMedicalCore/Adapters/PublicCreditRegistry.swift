/// The city's or region's public credit platform (公共信用信息平台) that keeps the arrears lists
/// of its institutions, so that a patient listed by one hospital or city is seen by another
/// (Yangtze River Delta practice: 长三角信用联合奖惩).
///
/// The SDK pushes every listing and lifting through an outbox (``ArrearsList/pushPending(limit:)``),
/// in the order they happened per listing, and looks subjects up at enrollment and at each
/// encounter (``ArrearsList/standing(of:subject:)``).
///
/// Conforming types MUST:
/// - apply each push at most once per request id, also when ``push(_:)`` is called again after a
///   timeout or a crash, and answer a repeated id as the first time;
/// - throw ``AdapterError`` when it is not certain the push was applied (`adapter.timeout`) or
///   when it was not (`adapter.unavailable`), so the SDK keeps it in its outbox and sends it again;
/// - answer ``listings(of:)`` with every listing of the subject, from any institution, that no
///   lifting has ended, each once, with the text byte for byte as pushed;
/// - keep listings of different institutions apart, also under the same entry id.
///
/// `PublicCreditRegistryConformance` in `CreditMedicalConformance` checks these against a
/// vendor's adapter.
public protocol PublicCreditRegistry: Sendable {
    /// Applies a listing or a lifting.
    func push(_ push: RegistryPush) async throws
    /// The listings of `subject` in force, from every institution.
    func listings(of subject: ArrearsSubject) async throws -> [RegistryListing]
}
