// A helper program for tests that need several processes on one database; not shipped.
//
//   credit-medical-test-worker open PATH [START]
//       Waits until START (milliseconds since 1970) when given, so that many workers start
//       together, then opens the SQLite database at PATH (creating and migrating it) and exits 0.
//   credit-medical-test-worker sql PATH STATEMENT
//       Runs one SQL statement on the SQLite file at PATH, as an operator's tool would.
//   credit-medical-test-worker charge DATABASE ENCOUNTER LINE PREFIX COUNT
//       Opens the database (a SQLite path or a PostgreSQL URL), opens the outpatient encounter on
//       LINE (or finds it), and charges COUNT items (ids PREFIX-1 …, 100 fen each), one call
//       each, with up to 8 calls at a time. Prints one line per failed call, `failed <code>`,
//       and exits 0 when every call succeeded, 1 otherwise.
//   credit-medical-test-worker advance DATABASE NAME POSITIONS START
//       Opens the database (a SQLite path or a PostgreSQL URL), waits until START, then, until
//       the receivables' position reaches POSITIONS, reads it and advances it by one, saving the
//       receivables `race-P` (on line NAME) and `won-P-NAME`; another process advancing first
//       makes it read again. Prints `won P` for each position it advanced and `moved N`, how often
//       another was first; exits 0, or 1 when an advance failed otherwise.
//   credit-medical-test-worker collect PATH COUNT
//       Settles COUNT visits over 150 days and runs the overdue job on day 200 on the SQLite file
//       at PATH (`CollectionRun`), replaying what an earlier run recorded; exits 0 when no
//       receivable failed, 1 otherwise.
//   credit-medical-test-worker enroll PATH COUNT BATCH
//       Enrolls patients P0 … P(COUNT-1) on lines L0 … at one fake bank, BATCH per call, on the
//       SQLite file at PATH (resuming what an earlier run recorded), and exits 0 when every one
//       is open, 1 otherwise.
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import CreditMedicalSQLite
import CreditMedicalTestSupport
import CreditMedicalTesting
import CSQLite
import Foundation

func open(_ location: String) throws -> any CreditDatabase {
    PostgresDatabase.isURL(location) ? try PostgresDatabase(url: location) : try SQLiteDatabase(path: location)
}

func charge(_ location: String, _ encounter: EncounterID, _ line: CreditLineID, _ prefix: String, _ count: Int) async throws -> Int32 {
    let database = try open(location)
    let desk = FakeParties().desk(ledger: Ledger(store: database.ledgerStore), store: database.encounterStore)
    let patient = Patient(id: "patient-\(line)", line: line)
    try await desk.open(encounter, kind: .outpatient, patient: patient, department: "内科")
    let failures = try await withThrowingTaskGroup(of: String?.self) { group in
        var failures: [String] = []
        for index in 1...count {
            if index > 8, let failure = try await group.next() { failures += failure.map { [$0] } ?? [] }
            group.addTask {
                let item = try ChargeItem(id: ChargeItemID("\(prefix)-\(index)"), code: "X", name: "item", category: .examination,
                                          insuranceClass: .c, quantity: Quantity(units: 1), unitPrice: Money(fen: 100),
                                          time: SystemClock().now())
                do {
                    try await desk.charge([item], to: encounter)
                    return nil
                } catch let error as any CodedError {
                    return error.code.rawValue
                } catch {
                    return "\(error)"
                }
            }
        }
        for try await failure in group { failures += failure.map { [$0] } ?? [] }
        return failures
    }
    for failure in failures { print("failed \(failure)") }
    return failures.isEmpty ? 0 : 1
}

/// Sleeps until `start` (milliseconds since 1970), at most 30 seconds.
func wait(until start: Double) {
    let wait = start / 1000 - Date().timeIntervalSince1970
    if wait > 0 { usleep(UInt32(min(wait, 30) * 1_000_000)) }
}

func advance(_ location: String, _ name: String, _ positions: Int64, start: Double) throws -> Int32 {
    let store = try open(location).receivableStore
    wait(until: start)
    var (won, moved) = ([Int64](), 0)
    while case let position = try store.position(), position < positions {
        let at = Timestamp(millisecondsSince1970: 1_795_996_800_000)
        let saved = [HoldID("race-\(position)"), HoldID("won-\(position)-\(name)")].map {
            Receivable(hold: $0, line: CreditLineID(name), capturedAt: at, dueAt: at, graceEndsAt: at, principal: Money(fen: 100))
        }
        do {
            try store.advance(from: position, to: position + 1, saving: saved)
            won.append(position)
        } catch ReceivableError.Code.positionMoved {
            moved += 1
        }
    }
    print(won.map { "won \($0)" }.joined(separator: "\n"))
    print("moved \(moved)")
    return 0
}

func enroll(_ path: String, _ count: Int, _ batch: Int) async throws -> Int32 {
    let database = try SQLiteDatabase(path: path)
    let clock = SystemClock()
    let consent = ConsentDocument(id: "agreement", version: 1, title: BilingualText(chinese: "协议", english: "agreement"))
    let source = FakeCreditDataSource(featureNames: ["medical_insurance_region", "medical_insurance_status", "housing_fund_months"])
    let bank = FakeCreditProvider()
    try database.consentStore.append((0..<count).map {
        ConsentEvent(id: "sign-\($0)", patient: "P\($0)", document: "agreement", version: 1, action: .signed, channel: .app, signer: .patient,
                     at: clock.now())
    })
    for index in 0..<count {
        source.set(["medical_insurance_region": .category("local"), "medical_insurance_status": .category("normal"),
                    "housing_fund_months": .number(Double(index % 100))], for: "P\(index)")
        bank.grant(CreditLineID("L\(index)"), limit: Money(fen: 2_000_000))
    }
    let card = Scorecard(id: "worker", version: "1", baseScore: 700, features: [
        Scorecard.Feature(name: "housing_fund_months", kind: .numeric, bins: [Scorecard.Bin(upTo: 50, points: 0), Scorecard.Bin(points: 60)],
                          missing: Scorecard.Bin(points: 0)),
    ])
    let enrollment = CreditEnrollment(
        configuration: .init(consentDocument: "agreement", eligibility: .xiamenStyle, limits: .xiamenStyle),
        consents: ConsentBook(documents: [consent], store: database.consentStore, authority: FakeAgentAuthority(), clock: clock),
        scoring: CreditScoring(sources: [source], scorer: try ScorecardScorer(card), records: database.scoreRecordStore, clock: clock),
        banks: ["bank": bank], ledger: Ledger(store: database.ledgerStore, clock: clock), store: database.enrollmentStore)
    var opened = 0
    for first in stride(from: 0, to: count, by: batch) {
        let requests = (first..<min(first + batch, count)).map {
            EnrollmentRequest(id: "E\($0)", patient: "P\($0)", bank: "bank", line: CreditLineID("L\($0)"))
        }
        for result in await enrollment.enroll(requests) {
            if case .open = try? result.get() { opened += 1 }
        }
    }
    return opened == count ? 0 : 1
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch (arguments.first, arguments.count) {
    case ("open", 2), ("open", 3):
        if arguments.count == 3, let start = Double(arguments[2]) { wait(until: start) }
        _ = try SQLiteDatabase(path: arguments[1])
        exit(0)
    case ("sql", 3):
        var handle: OpaquePointer?
        guard sqlite3_open(arguments[1], &handle) == SQLITE_OK, sqlite3_exec(handle, arguments[2], nil, nil, nil) == SQLITE_OK else {
            FileHandle.standardError.write(Data("error: \(String(cString: sqlite3_errmsg(handle)))\n".utf8))
            exit(1)
        }
        sqlite3_close(handle)
        exit(0)
    case ("charge", 6):
        guard let count = Int(arguments[5]) else { throw CocoaError(.formatting) }
        exit(try await charge(arguments[1], EncounterID(arguments[2]), CreditLineID(arguments[3]), arguments[4], count))
    case ("advance", 5):
        guard let positions = Int64(arguments[3]), let start = Double(arguments[4]) else { throw CocoaError(.formatting) }
        exit(try advance(arguments[1], arguments[2], positions, start: start))
    case ("collect", 3):
        guard let count = Int(arguments[2]) else { throw CocoaError(.formatting) }
        let report = try await CollectionRun.run(on: try SQLiteDatabase(path: arguments[1]), count: count)
        exit(report.failed.isEmpty ? 0 : 1)
    case ("enroll", 4):
        guard let count = Int(arguments[2]), let batch = Int(arguments[3]) else { throw CocoaError(.formatting) }
        exit(try await enroll(arguments[1], count, batch))
    default:
        FileHandle.standardError.write(Data("usage: see Tests/TestWorker/main.swift\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
