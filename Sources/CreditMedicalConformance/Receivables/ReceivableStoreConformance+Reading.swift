import CreditMedicalCore
import XCTest

/// The scenarios of the queries: a line's statement, pages by hold, what the overdue job must look
/// at, what is owed, and values at their extremes.
extension ReceivableStoreConformance {
    /// Holds that a store comparing text instead of bytes confuses or misorders: `é` precomposed
    /// (C3 A9) and decomposed (`e` and U+0301: 65 CC 81), Latin `a`, Cyrillic `а` (D0 B0) and
    /// fullwidth `ａ` (EF BD 81). In byte order, as listed.
    static let trickyHolds: [HoldID] = ["a", "e\u{301}x", "z", "\u{e9}a", "\u{430}", "\u{ff41}"]

    static func aLinesReceivablesComeOldestFirst(_ s: Subject) async throws {
        let name = "aLinesReceivablesComeOldestFirst"
        let line: CreditLineID = "线路-é"
        // Saved out of order: a later one first, then the same capture time in reverse byte order.
        let later = receivable("b", line: line, captured: 2, repaid: 10_000)
        let sameDay = trickyHolds.map { receivable($0, line: line, captured: 1) }
        try s.store.advance(from: 0, to: 1, saving: [later] + sameDay.reversed() + [receivable("c", line: "线路-e", captured: 0)])
        let statement = try s.store.receivables(on: line)
        XCTAssertEqual(bytes(statement), bytes(sameDay + [later]), "[\(name)] by capture time, then by the holds' bytes")
        XCTAssertEqual(statement, sameDay + [later], "[\(name)] read back whole")
        XCTAssertEqual(try s.store.receivables(on: "线路-e").map(\.hold), ["c"], "[\(name)] another line's")
        XCTAssertEqual(try s.store.receivables(on: "线路-e\u{301}"), [], "[\(name)] a line id differing only by normalization has none")
    }

    static func idsAreComparedByTheirBytes(_ s: Subject) async throws {
        let name = "idsAreComparedByTheirBytes"
        let precomposed = receivable("\u{e9}", line: "\u{e9}")
        let lookalike = receivable("\u{430}", line: "\u{430}")
        try s.store.advance(from: 0, to: 1, saving: [precomposed, lookalike])
        XCTAssertEqual(try s.store.receivables(of: ["e\u{301}", "a"]), [], "[\(name)] not found by other bytes")
        XCTAssertEqual(try s.store.receivables(of: ["\u{e9}"]), [precomposed], "[\(name)] found by its own bytes")
        XCTAssertEqual(bytes(try s.store.receivables(of: ["\u{430}"])), [[0xD0, 0xB0]], "[\(name)] read back byte for byte")
        XCTAssertEqual(try s.store.receivables(on: "e\u{301}"), [], "[\(name)] a line by its own bytes only")
        XCTAssertEqual(try s.store.openReceivables(on: ["e\u{301}", "a"]), [], "[\(name)] open ones by their line's bytes only")
        XCTAssertEqual(try s.store.openReceivables(on: ["\u{e9}"]), [precomposed], "[\(name)] open ones of the line")
        try s.store.saveCollection([], events: [event("collection/\u{e9}/sms", hold: "\u{e9}")])
        XCTAssertEqual(try s.store.collectionEvents(of: "e\u{301}"), [], "[\(name)] events by their hold's bytes only")
        XCTAssertEqual(try s.store.collectionEvents(of: "\u{e9}").map { Array($0.id.utf8) }, [Array("collection/\u{e9}/sms".utf8)],
                       "[\(name)] an event read back byte for byte")
    }

    static func pagesFollowTheHolds(_ s: Subject) async throws {
        let name = "pagesFollowTheHolds"
        let saved = trickyHolds.enumerated().map { receivable($1, line: CreditLineID("L-\($0 % 2)"), captured: Int64(6 - $0)) }
        try s.store.advance(from: 0, to: 1, saving: saved.reversed())
        XCTAssertEqual(bytes(try pages(of: 2) { try s.store.receivables(after: $0, limit: $1) }), bytes(saved),
                       "[\(name)] two at a time: every receivable once, in the order of the holds' bytes")
        XCTAssertEqual(bytes(try s.store.receivables(after: "e", limit: 3)), bytes(Array(saved[1...3])), "[\(name)] after a hold not stored")
        XCTAssertEqual(try s.store.receivables(after: "\u{ff41}", limit: 3), [], "[\(name)] nothing after the last")
        XCTAssertEqual(try s.store.receivables(after: nil, limit: 0), [], "[\(name)] a limit of 0")
    }

    static func needingCollectionIsWhatIsDueOrToLift(_ s: Subject) async throws {
        let name = "needingCollectionIsWhatIsDueOrToLift"
        let now = day(30)
        func progress(_ review: Int64?, restricted: Bool = false) -> CollectionProgress {
            CollectionProgress(stepsDone: 1, reviewAt: review.map(day), restricted: restricted)
        }
        let due = [receivable("A-due", repaid: 9_999, collection: progress(10)),
                   receivable("B-lift", repaid: 10_000, collection: progress(nil, restricted: true)),
                   receivable("C-due-now", collection: progress(30)),
                   receivable("D-reversed-lift", principal: 0, collection: progress(1, restricted: true)),
                   receivable("e\u{301}z-due", collection: progress(29, restricted: true)),
                   receivable("\u{e9}a-due", collection: progress(20))]
        let notDue = [receivable("A-later", collection: progress(31)),
                      receivable("B-never", collection: progress(nil)),
                      receivable("C-paid", repaid: 10_000, collection: progress(1)),
                      receivable("D-restricted-later", collection: progress(40, restricted: true)),
                      receivable("e\u{301}-later", collection: progress(31))]
        try s.store.advance(from: 0, to: 1, saving: (due + notDue).map { receivable($0.hold, principal: $0.principal.fen, repaid: $0.repaid.fen) })
        try s.store.saveCollection(due + notDue, events: [])
        XCTAssertEqual(bytes(try pages(of: 2) { try s.store.needingCollection(at: now, after: $0, limit: $1) }), bytes(due),
                       "[\(name)] owed and up for review by then, or paid with a restriction to lift; two at a time, by hold")
        XCTAssertEqual(try s.store.needingCollection(at: now, after: nil, limit: 10), due, "[\(name)] read back whole")
        XCTAssertEqual(try s.store.needingCollection(at: now, after: "B-lift", limit: 2).map(\.hold), ["C-due-now", "D-reversed-lift"],
                       "[\(name)] after a hold")
        XCTAssertEqual(try s.store.needingCollection(at: day(9), after: nil, limit: 10).map(\.hold), ["B-lift", "D-reversed-lift"],
                       "[\(name)] earlier, only the restrictions to lift")
    }

    static func openReceivablesOweSomething(_ s: Subject) async throws {
        let name = "openReceivablesOweSomething"
        let owed = [receivable("H-1"), receivable("H-3", line: "L-2", repaid: 9_999)]
        try s.store.advance(from: 0, to: 1, saving: owed + [receivable("H-2", repaid: 10_000), receivable("H-4", line: "L-3"),
                                                              receivable("H-5", line: "L-2", principal: 0)])
        XCTAssertEqual(byHold(try s.store.openReceivables(on: ["L-1", "L-2", "L-9"])), owed, "[\(name)] something owed, on those lines")
        XCTAssertEqual(try s.store.openReceivables(on: []), [], "[\(name)] no lines")
    }

    static func moneyAndTimesAtTheExtremesRoundTrip(_ s: Subject) async throws {
        let name = "moneyAndTimesAtTheExtremesRoundTrip"
        let max = Int64.max
        let extremes = [
            Receivable(hold: "max", line: "L-1", capturedAt: .distantPast, dueAt: .distantFuture, graceEndsAt: .distantFuture,
                       principal: Money(fen: max), collection: CollectionProgress(stepsDone: .max, reviewAt: .distantPast, restricted: true)),
            receivable("max-less-one", principal: max, repaid: max - 1),
            receivable("max-paid", principal: max, repaid: max),
        ]
        try s.store.advance(from: 0, to: max, saving: extremes)
        XCTAssertEqual(try s.store.position(), max, "[\(name)] the position")
        XCTAssertEqual(try all(s.store), extremes, "[\(name)] the receivables")
        XCTAssertEqual(byHold(try s.store.openReceivables(on: ["L-1"])).map(\.hold), ["max", "max-less-one"], "[\(name)] what is owed")
        XCTAssertEqual(try s.store.needingCollection(at: .distantPast, after: nil, limit: 10).map(\.hold), ["max"],
                       "[\(name)] up for review at the earliest time")
        let events = [event("collection/max/1", hold: "max", daysPastDue: .max, owed: max, on: 0),
                      CollectionEvent(id: "collection/max/2", hold: "max", line: "L-1", step: "s", action: nil, outcome: .lifted,
                                      daysPastDue: .min, owed: Money(fen: .min), at: .distantPast),
                      CollectionEvent(id: "collection/max/3", hold: "max", line: "L-1", step: "s", action: .freeze, outcome: .taken,
                                      daysPastDue: 0, owed: .zero, at: .distantFuture)]
        try s.store.saveCollection([], events: events)
        XCTAssertEqual(try s.store.collectionEvents(of: "max"), events, "[\(name)] the events")
    }
}
