/// Where a patient stands with the arrears lists: the listings in force, here and in the
/// ``PublicCreditRegistry``, and whether the registry could be asked.
public struct ArrearsStanding: Sendable, Hashable {
    /// The listings that stand, each once: this deployment's entries first (as recorded here,
    /// which wins over what the registry still shows of them), then the other institutions'.
    public let listings: [RegistryListing]
    /// Why the registry could not be asked; `nil` when it answered or was not asked (no subject).
    /// The listings are then this deployment's only.
    public let registryError: AdapterError?

    public init(listings: [RegistryListing], registryError: AdapterError?) {
        self.listings = listings
        self.registryError = registryError
    }

    /// Whether a listing stands: new credit is refused (emergency care never is).
    public var isListed: Bool { !listings.isEmpty }
}
