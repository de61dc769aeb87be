import CreditMedicalCore
import CreditMedicalHIS
import Foundation

/// A checkout (one settlement round of an encounter) as the commands' JSON documents show it:
/// times in ISO 8601 (UTC), amounts in fen, the split once it is known, and why it is parked.
struct CheckoutSummary: Encodable {
    /// How the settlement split the total, in fen.
    struct Split: Encodable {
        var fundFen: Int64
        var personalAccountFen: Int64
        var commercialFen: Int64
        var creditFen: Int64
        var excessFen: Int64
    }

    /// Why the checkout waits for an operator.
    struct Attention: Encodable {
        var code: String
        var reason: String
        var since: String
    }

    var encounter: String
    var round: Int
    var step: String
    var totalFen: Int64
    var split: Split?
    var startedAt: String
    var updatedAt: String
    /// `nil` while it runs or waits for the next resume.
    var attention: Attention?

    init(_ record: SettlementRecord) {
        encounter = record.encounter.rawValue
        round = record.round
        step = record.step.rawValue
        totalFen = record.total.fen
        split = record.split.map {
            Split(fundFen: $0.fund.fen, personalAccountFen: $0.personalAccount.fen, commercialFen: $0.commercial.fen,
                  creditFen: $0.credit.fen, excessFen: $0.excess.fen)
        }
        startedAt = Self.iso(record.startedAt)
        updatedAt = Self.iso(record.updatedAt)
        attention = record.attention.map { Attention(code: $0.code, reason: $0.reason, since: Self.iso($0.since)) }
    }

    /// `time` in ISO 8601, UTC.
    static func iso(_ time: Timestamp) -> String { time.date.ISO8601Format() }
}
