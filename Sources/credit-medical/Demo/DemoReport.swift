import CreditMedicalCore
import CreditMedicalHIS

/// What `credit-medical demo --json` prints: the database, what the run finished of earlier
/// runs, the patients, visits and settlements of its stories, visits left unsettled, the audit.
struct DemoReport: Encodable {
    /// What `resumeCheckouts()` did at the start with the checkouts earlier runs left.
    struct Resumed: Encodable {
        struct Parked: Encodable {
            var encounter: String
            var code: String
            var reason: String
        }

        struct Deferred: Encodable {
            var encounter: String
            var failure: String
        }

        var finished: [String]
        var compensated: [String]
        var needsAttention: [Parked]
        var deferred: [Deferred]

        init(_ report: CheckoutResumeReport) {
            finished = report.finished.map(\.encounter.rawValue)
            compensated = report.compensated.map(\.encounter.rawValue)
            needsAttention = report.needsAttention.map {
                Parked(encounter: $0.encounter.rawValue, code: $0.attention?.code ?? "", reason: $0.attention?.reason ?? "")
            }
            deferred = report.deferred.map { Deferred(encounter: $0.record.encounter.rawValue, failure: $0.failure) }
        }
    }

    /// A visit of the stories that did not end settled.
    struct Unsettled: Encodable {
        var encounter: String
        var status: String
        var step: String
    }

    var database: String
    var resumed: Resumed
    var patients: [String]
    var encounters: [String]
    var settlements: [CheckoutSummary]
    var unsettled: [Unsettled]
    var audit: AuditSummary
}
