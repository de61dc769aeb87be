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
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import CreditMedicalSQLite
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

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch (arguments.first, arguments.count) {
    case ("open", 2), ("open", 3):
        if arguments.count == 3, let start = Double(arguments[2]) {
            let wait = start / 1000 - Date().timeIntervalSince1970
            if wait > 0 { usleep(UInt32(min(wait, 30) * 1_000_000)) }
        }
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
    default:
        FileHandle.standardError.write(Data("usage: see Tests/TestWorker/main.swift\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
