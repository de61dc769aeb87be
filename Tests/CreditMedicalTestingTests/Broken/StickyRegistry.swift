import CreditMedicalCore
import CreditMedicalTesting
import Synchronization

/// A broken registry: it books each push once (its books are a ``FakePublicCreditRegistry``),
/// but its look-up answers from a copy of every listing ever pushed, so a revoked or removed
/// listing still shows.
final class StickyRegistry: PublicCreditRegistry {
    let books = FakePublicCreditRegistry()
    private let seen = Mutex<[RegistryListing]>([])

    func push(_ push: RegistryPush) async throws {
        try await books.push(push)
        if case .listing(let listing) = push.change { seen.withLock { if !$0.contains(listing) { $0.append(listing) } } }
    }

    func listings(of subject: ArrearsSubject) async throws -> [RegistryListing] {
        seen.withLock { $0.filter { $0.subject == subject } }
    }
}
