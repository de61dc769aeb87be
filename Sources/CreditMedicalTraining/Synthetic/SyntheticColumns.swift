import CreditMedicalCore
import Foundation

/// The columns of ``SyntheticCreditData`` and how one applicant is drawn.
enum SyntheticColumns {
    static let numericNames = ["age", "monthly_income", "debt_ratio", "months_employed", "credit_lines", "delinquencies_12m",
                               "utilization"]

    /// A categorical column: its categories, how often each occurs, and what each adds to the
    /// log-odds of default.
    struct Categorical {
        let name: String
        let values: [String]
        let weights: [Double]
        let effects: [Double]
        let missingShare: Double
    }

    static let categories: [Categorical] = [
        Categorical(name: "housing", values: ["own", "rent", "family", "other"], weights: [4, 3, 2, 1], effects: [-0.4, 0.2, 0, 0.5],
                    missingShare: 0),
        Categorical(name: "employment_type", values: ["salaried", "self_employed", "contract", "unemployed"], weights: [6, 2, 2, 1],
                    effects: [-0.3, 0.2, 0.3, 1.0], missingShare: 0.02),
        Categorical(name: "education", values: ["primary", "secondary", "college", "graduate"], weights: [2, 4, 3, 1],
                    effects: [0.4, 0.1, -0.2, -0.5], missingShare: 0),
        Categorical(name: "marital_status", values: ["single", "married", "divorced", "widowed"], weights: [4, 5, 1, 0.5],
                    effects: [0.15, -0.1, 0.25, 0], missingShare: 0),
        Categorical(name: "region", values: ["north", "south", "east", "west", "central", "northeast", "northwest", "southwest"],
                    weights: [3, 3, 3, 2, 2, 1, 1, 1], effects: [0, -0.1, -0.2, 0.1, 0, 0.3, 0.2, 0.1], missingShare: 0),
        Categorical(name: "phone_type", values: ["smartphone", "feature_phone", "none"], weights: [8, 2, 0.5], effects: [0, 0.3, 0.7],
                    missingShare: 0),
        Categorical(name: "insurance", values: ["none", "basic", "commercial"], weights: [3, 5, 2], effects: [0.5, 0, -0.4],
                    missingShare: 0.05),
        Categorical(name: "payment_channel", values: ["app", "bank", "cash", "wechat"], weights: [3, 3, 1, 3], effects: [-0.1, -0.2, 0.4, 0],
                    missingShare: 0),
        Categorical(name: "product", values: ["inpatient", "outpatient", "dental", "maternity"], weights: [3, 4, 2, 1],
                    effects: [0.15, 0, -0.2, -0.1], missingShare: 0),
        Categorical(name: "city_tier", values: ["tier1", "tier2", "tier3", "tier4"], weights: [2, 3, 3, 2], effects: [-0.25, -0.1, 0.1, 0.25],
                    missingShare: 0),
        Categorical(name: "loan_purpose", values: ["surgery", "chronic", "emergency", "checkup", "other"], weights: [3, 3, 2, 1, 1],
                    effects: [0, 0.2, 0.3, -0.3, 0.1], missingShare: 0),
        Categorical(name: "department", values: ["surgery", "internal", "pediatrics", "obstetrics", "orthopedics", "oncology",
                                                 "dermatology", "ophthalmology", "dentistry", "psychiatry", "rehabilitation", "ent"],
                    weights: [10, 10, 6, 5, 5, 3, 1, 1, 1, 0.5, 0.5, 0.5], effects: [Double](repeating: 0, count: 12), missingShare: 0),
        Categorical(name: "referral", values: ["none", "doctor", "friend", "advert"], weights: [4, 3, 2, 1], effects: [0, 0, 0, 0],
                    missingShare: 0.01),
    ]

    /// One applicant: numeric values (`nil` for missing), categories, and whether they defaulted.
    static func applicant(_ generator: inout SplitMix64) -> (numbers: [Double?], categories: [String?], bad: Bool) {
        let age = 20 + (50 * generator.unit()).rounded(.down)
        let incomeShock = normal(&generator)
        let income = exp(8.6 + 0.5 * incomeShock)
        let debtRatio = pow(generator.unit(), 1.5) * 1.5
        let monthsEmployed = (-60 * log(1 - generator.unit())).rounded(.down)
        let creditLines = Double(poisson(&generator, mean: 5))
        var delinquencies = 0.0
        while delinquencies < 6, generator.unit() < 0.3 { delinquencies += 1 }
        let utilization = min(max(debtRatio * 0.6 + 0.15 * normal(&generator) + 0.1, 0), 1.2)
        var logOdds = -2.35 - 0.015 * (age - 45) - 0.7 * incomeShock + 1.6 * (debtRatio - 0.5) - 0.008 * min(monthsEmployed, 120)
            + 0.04 * (creditLines - 5) * (creditLines - 5) - 0.2 + 0.55 * delinquencies + 0.8 * (utilization - 0.4)
        var categories: [String?] = []
        for column in Self.categories {
            let choice = pick(&generator, column.weights)
            logOdds += column.effects[choice]
            categories.append(generator.unit() < column.missingShare ? nil : column.values[choice])
        }
        let bad = generator.unit() < 1 / (1 + exp(-logOdds))
        let numbers: [Double?] = [age, generator.unit() < 0.05 ? nil : income, debtRatio, generator.unit() < 0.03 ? nil : monthsEmployed,
                                  creditLines, delinquencies, generator.unit() < 0.08 ? nil : utilization]
        return (numbers, categories, bad)
    }

    /// A standard normal draw (Box–Muller).
    private static func normal(_ generator: inout SplitMix64) -> Double {
        (-2 * log(1 - generator.unit())).squareRoot() * cos(2 * Double.pi * generator.unit())
    }

    /// A Poisson draw (Knuth's method, for small means).
    private static func poisson(_ generator: inout SplitMix64, mean: Double) -> Int {
        let limit = exp(-mean)
        var product = generator.unit(), count = 0
        while product > limit, count < 100 {
            product *= generator.unit()
            count += 1
        }
        return count
    }

    /// An index drawn with probability proportional to `weights`.
    private static func pick(_ generator: inout SplitMix64, _ weights: [Double]) -> Int {
        var draw = generator.unit() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            draw -= weight
            if draw < 0 { return index }
        }
        return weights.count - 1
    }
}
