import CreditMedicalCore
import Synchronization

/// A broken registry: it applies every push it receives, a retried one again. Its books list
/// every push it applied; a listing's push sent again after its lifting lists it again.
final class ReplayingRegistry: PublicCreditRegistry {
    private struct Books {
        var applied: [RegistryPush] = []
        var listings: [String: RegistryListing] = [:]
    }

    private let books = Mutex(Books())

    /// How many times the registry applied push `id`.
    func bookings(of id: AdapterRequestID) -> Int { books.withLock { $0.applied.filter { $0.id == id }.count } }

    func push(_ push: RegistryPush) async throws {
        books.withLock { books in
            books.applied.append(push)
            switch push.change {
            case .listing(let listing): books.listings[push.listingKey] = listing
            case .lifting: books.listings[push.listingKey] = nil
            }
        }
    }

    func listings(of subject: ArrearsSubject) async throws -> [RegistryListing] {
        books.withLock { $0.listings.values.filter { $0.subject == subject }.sorted { $0.entry < $1.entry } }
    }
}
