public import CreditMedicalCore
import XCTest

/// The conformance suite for a `PublicCreditRegistry`. Subclass it, override ``makeRegistry()``
/// and ``bookings(of:from:)`` (how many times the registry's test system booked a request id),
/// and declare one test that calls ``ConformanceSuite/runAll()`` and compares the count with
/// ``allScenarios``.
///
/// Every scenario uses subjects and entry ids of its own run, so a persistent test system never
/// sees one twice.
open class PublicCreditRegistryConformance: ConformanceSuite {
    /// A fresh registry adapter; each scenario calls this once.
    open func makeRegistry() throws -> any PublicCreditRegistry {
        throw ConformanceError("Override makeRegistry() to return the registry adapter under test.")
    }

    /// How many times the registry's test system booked push `id` (a push booked again after a
    /// retry counts twice). Look it up in the test system itself, not in the adapter's memory.
    open func bookings(of id: AdapterRequestID, from registry: any PublicCreditRegistry) async throws -> Int {
        throw ConformanceError("Override bookings(of:from:) to count what the registry's test system booked under a request id.")
    }

    public static let allScenarios: [ConformanceScenario<PublicCreditRegistryConformance.Subject>] = [
        .init("aListingIsSeenByItsSubjectAsPushed", aListingIsSeenByItsSubjectAsPushed),
        .init("aPushSentAgainIsAppliedOnce", aPushSentAgainIsAppliedOnce),
        .init("aLiftingEndsTheListingForGood", aLiftingEndsTheListingForGood),
        .init("institutionsAreKeptApart", institutionsAreKeptApart),
    ]

    override func scenarios() -> [BoundScenario] {
        bind(Self.allScenarios, of: self, makeRegistry)
    }

    /// What a scenario works with.
    public typealias Subject = AdapterSubject<any PublicCreditRegistry, PublicCreditRegistryConformance>

    private static let now = Timestamp(millisecondsSince1970: 1_795_996_800_000)
    /// A reason with quotes and a newline, read back byte for byte.
    private static let reason = BilingualText(chinese: "住院费用逾期“90天”\n未还", english: "inpatient bill \"90 days\" overdue")

    /// A listing of this run: entry `entry` of `institution`, about the run's subject `person`.
    static func listing(_ s: Subject, _ entry: String, person: String = "P", institution: InstitutionID = "conformance-a") -> RegistryListing {
        RegistryListing(entry: ArrearsEntryID("c\(s.run)-\(entry)"), institution: institution, subject: subject(s, person),
                        amount: Money(fen: 1_234_567), reason: reason, rule: "overdue_90_days", listedAt: now)
    }

    static func subject(_ s: Subject, _ person: String) -> ArrearsSubject { ArrearsSubject("conformance-\(s.run)-\(person)") }

    static func lifting(of listing: RegistryListing, _ cause: RegistryLifting.Cause = .revoked) -> RegistryPush {
        .lifting(RegistryLifting(entry: listing.entry, institution: listing.institution, subject: listing.subject, cause: cause,
                                 at: now.adding(seconds: 86_400)))
    }

    static func aListingIsSeenByItsSubjectAsPushed(_ s: Subject) async throws {
        let listing = listing(s, "E1")
        try await s.adapter.push(.listing(listing))
        let seen = try await s.adapter.listings(of: listing.subject)
        XCTAssertEqual(seen, [listing], "[aListingIsSeenByItsSubjectAsPushed] as pushed, byte for byte")
        let other = try await s.adapter.listings(of: subject(s, "Q"))
        XCTAssertEqual(other, [], "[aListingIsSeenByItsSubjectAsPushed] another subject has none")
    }

    static func aPushSentAgainIsAppliedOnce(_ s: Subject) async throws {
        let listing = listing(s, "E1")
        let (listed, lifted) = (RegistryPush.listing(listing), lifting(of: listing, .removed))
        for push in [listed, listed, lifted, lifted] { try await s.adapter.push(push) }
        for push in [listed, lifted] {
            let count = try await s.suite.bookings(of: push.id, from: s.adapter)
            XCTAssertEqual(count, 1, "[aPushSentAgainIsAppliedOnce] \(push.id) sent twice is booked once")
        }
    }

    static func aLiftingEndsTheListingForGood(_ s: Subject) async throws {
        let (first, second) = (listing(s, "E1"), listing(s, "E2"))
        try await s.adapter.push(.listing(first))
        try await s.adapter.push(.listing(second))
        try await s.adapter.push(lifting(of: first))
        let after = try await s.adapter.listings(of: first.subject)
        XCTAssertEqual(after, [second], "[aLiftingEndsTheListingForGood] the lifted listing is gone, the other stays")
        try await s.adapter.push(.listing(first))
        let replayed = try await s.adapter.listings(of: first.subject)
        XCTAssertEqual(replayed, [second], "[aLiftingEndsTheListingForGood] the listing's push sent again (a late retry) does not list it again")
    }

    static func institutionsAreKeptApart(_ s: Subject) async throws {
        let atA = listing(s, "E1")
        let atB = listing(s, "E1", institution: "conformance-b")
        try await s.adapter.push(.listing(atA))
        try await s.adapter.push(.listing(atB))
        let both = try await s.adapter.listings(of: atA.subject)
        XCTAssertEqual(Set(both), [atA, atB], "[institutionsAreKeptApart] one entry id at two institutions is two listings")
        XCTAssertEqual(both.count, 2, "[institutionsAreKeptApart] each once")
        try await s.adapter.push(lifting(of: atA))
        let left = try await s.adapter.listings(of: atA.subject)
        XCTAssertEqual(left, [atB], "[institutionsAreKeptApart] lifting one institution's listing leaves the other's")
    }
}
