import CreditMedicalCore

/// A small hand-made scorecard: housing fund months (numeric), insurance status (categorical with
/// an "other" bin for unseen categories) and dishonesty record (categorical, unseen as missing).
enum ScorecardSample {
    static let card = Scorecard(
        id: "sample", version: "1", baseScore: 500,
        features: [
            Scorecard.Feature(
                name: "housing_fund_months", kind: .numeric, label: BilingualText(chinese: "住房公积金缴存月数", english: "housing fund months"),
                bins: [
                    Scorecard.Bin(upTo: 12, points: -30, reason: Scorecard.Reason(
                        code: "housing_fund.short", chinese: "住房公积金缴存不足12个月", english: "housing fund paid for less than 12 months")),
                    Scorecard.Bin(upTo: 36, points: 5),
                    Scorecard.Bin(points: 20),
                ],
                missing: Scorecard.Bin(points: -10)),
            Scorecard.Feature(
                name: "insurance_status", kind: .categorical,
                bins: [
                    Scorecard.Bin(categories: ["normal"], points: 15),
                    Scorecard.Bin(categories: ["suspended", "arrears"], points: -40),
                    Scorecard.Bin(categories: ["other"], points: -5),
                ],
                missing: Scorecard.Bin(points: -20), unseenBin: 2),
            Scorecard.Feature(
                name: "dishonesty_record", kind: .categorical,
                bins: [Scorecard.Bin(categories: ["none"], points: 10), Scorecard.Bin(categories: ["listed"], points: -100)],
                missing: Scorecard.Bin(points: 0)),
        ])

    static var json: String { String(decoding: card.json(), as: UTF8.self) }
}
