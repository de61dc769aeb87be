/// The person an arrears entry is about, as every institution of the region names them: an
/// opaque key the integrator derives the same way everywhere, such as a salted hash of the
/// national id. Patient ids are a hospital's own; the subject is what another hospital or city
/// looks a patient up by in the `PublicCreditRegistry`. Up to 128 UTF-8 bytes; the SDK never
/// reads meaning into it.
public struct ArrearsSubject: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public static var maximumLength: Int { 128 }
}
