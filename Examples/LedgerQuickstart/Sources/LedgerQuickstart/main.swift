// The credit ledger from a server's point of view: open a durable SQLite ledger, enroll a
// patient, lock charges while they are treated, settle, repay, and audit. Run with `swift run`.
import CreditMedicalCore
import CreditMedicalSQLite
import Foundation

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-quickstart-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

// One store per process and one Ledger over it; share the Ledger between all request handlers:
// it batches concurrent callers into one transaction and one fsync.
let store = try SQLiteLedgerStore(path: directory.appendingPathComponent("ledger.sqlite").path)
let ledger = Ledger(store: store)

func show(_ step: String) throws {
    guard let line = try ledger.line("patient-42") else { return }
    print("\(step)\n    held \(line.held.formatted())  outstanding \(line.outstanding.formatted())  available \(line.available.formatted())")
}

// Enrollment: the bank granted ¥3,000.00. Keys are chosen by the caller; a retry with the same
// key returns the first result and applies nothing twice.
try await ledger.execute(.openLine("patient-42", limit: try Money(parsing: "¥3,000.00")), key: "enroll/patient-42")
try show("enrolled with a ¥3,000.00 line")

// Charges during the visit lock credit on the encounter's hold.
try await ledger.execute(.placeHold("MZ-7", line: "patient-42", amount: Money(fen: 12_000), expiresAt: nil), key: "MZ-7/charge/1")
try await ledger.execute(.increaseHold("MZ-7", by: Money(fen: 8_550)), key: "MZ-7/charge/2")
let retry = try await ledger.execute(.increaseHold("MZ-7", by: Money(fen: 8_550)), key: "MZ-7/charge/2")
print("a retried charge is a replay: \(retry.isReplay)")
try show("two charges locked")

// Too much is refused with a typed error and changes nothing.
do {
    try await ledger.execute(.increaseHold("MZ-7", by: Money(fen: 500_000)), key: "MZ-7/charge/3")
} catch let error as LedgerError {
    print("refused: \(error.code) (\(error))")
}

// Checkout: insurance paid ¥90.00 of ¥205.50; the self-pay ¥115.50 is charged, the rest released.
try await ledger.execute(.captureHold("MZ-7", amount: Money(fen: 11_550)), key: "MZ-7/settle")
try show("settled: self-pay charged to the line")

// Repayment restores the line at once.
try await ledger.execute(.repay("patient-42", amount: Money(fen: 11_550)), key: "repay/MZ-7")
try show("repaid")

for entry in try ledger.journal(for: "patient-42") {
    print("journal \(entry.sequence): \(entry.command.name) held \(entry.heldDelta.formatted()) outstanding \(entry.outstandingDelta.formatted())")
}
let report = try LedgerAuditor(store: store).audit()
print("audit: \(report.isClean ? "clean" : report.description)")
