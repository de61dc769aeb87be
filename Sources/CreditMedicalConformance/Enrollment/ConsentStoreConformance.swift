public import CreditMedicalCore
import XCTest

/// The conformance suite for a `ConsentStore`. Subclass it, override
/// ``StoreConformanceSuite/makeStore()`` (and ``StoreConformanceSuite/reopen(_:)`` for a store
/// that persists), and declare one test that calls ``ConformanceSuite/runAll()`` and compares the
/// count with ``allScenarios``, as for `LedgerStoreConformance`.
open class ConsentStoreConformance: StoreConformanceSuite<any ConsentStore> {
    public static let allScenarios: [ConformanceScenario<ConsentStoreConformance.Subject>] = [
        .init("eventsReadBackWhole", eventsReadBackWhole),
        .init("anIdIsRecordedOnce", anIdIsRecordedOnce),
        .init("eventsComeOldestFirst", eventsComeOldestFirst),
        .init("eventsSurviveReopening", eventsSurviveReopening),
        .init("pagesListEveryEventInTheOrderRecorded", pagesListEveryEventInTheOrderRecorded),
    ]

    override func scenarios() -> [BoundScenario] {
        bind(Self.allScenarios)
    }

    /// An event with every kind of value: an agent with a relation, a channel, a version.
    static func event(_ id: String, patient: String = "P-1", action: ConsentEvent.Action = .signed, seconds: Int64 = 0,
                      signer: ConsentSigner = .agent(id: "儿子-1", relation: .child)) -> ConsentEvent {
        ConsentEvent(id: id, patient: patient, document: "agreement", version: 3, action: action, channel: .miniProgram, signer: signer,
                     at: Timestamp(millisecondsSince1970: 1_795_996_800_000 + seconds * 1_000))
    }

    static func eventsReadBackWhole(_ s: Subject) async throws {
        let written = [event("E-1"), event("E-2", action: .cancelled, seconds: 1, signer: .patient)]
        try s.store.append(written)
        XCTAssertEqual(try s.store.events(of: "P-1"), written, "[eventsReadBackWhole]")
        XCTAssertEqual(try s.store.event(id: "E-2"), written[1], "[eventsReadBackWhole] by id")
        XCTAssertNil(try s.store.event(id: "E-3"), "[eventsReadBackWhole] no such id")
        XCTAssertEqual(try s.store.events(of: "P-2"), [], "[eventsReadBackWhole] another patient has none")
    }

    static func anIdIsRecordedOnce(_ s: Subject) async throws {
        try s.store.append([event("E-1")])
        try s.store.append([event("E-1", action: .cancelled, seconds: 5)])
        XCTAssertEqual(try s.store.events(of: "P-1").map(\.action), [.signed], "[anIdIsRecordedOnce] the first event stays")
    }

    static func eventsComeOldestFirst(_ s: Subject) async throws {
        for (id, seconds) in [("E-3", Int64(3)), ("E-1", 1), ("E-2a", 2), ("E-2b", 2)] {
            try s.store.append([event(id, seconds: seconds)])
        }
        XCTAssertEqual(try s.store.events(of: "P-1").map(\.id), ["E-1", "E-2a", "E-2b", "E-3"],
                       "[eventsComeOldestFirst] by time, then in the order appended")
    }

    static func eventsSurviveReopening(_ s: Subject) async throws {
        let written = [event("E-1"), event("E-2", patient: "P-2", signer: .patient)]
        try s.store.append(written)
        guard let reopened = try s.reopened() else { return }
        XCTAssertEqual(try reopened.events(of: "P-1") + reopened.events(of: "P-2"), written, "[eventsSurviveReopening]")
    }

    static func pagesListEveryEventInTheOrderRecorded(_ s: Subject) async throws {
        let written = [event("E-3", seconds: 3), event("E-1", patient: "P-2"), event("E-2", seconds: 2), event("E-4"), event("E-5")]
        try s.store.append(Array(written[..<2]))
        try s.store.append(Array(written[2...]) + [event("E-1", action: .cancelled)])
        try HistoryPages.check("pagesListEveryEventInTheOrderRecorded", expected: written, page: s.store.page)
    }
}
