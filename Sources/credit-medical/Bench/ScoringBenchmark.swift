import CreditMedicalCore
import CreditMedicalTesting
import CreditMedicalTraining

/// Times training a scorecard on made-up applicants (``SyntheticCreditData``: 7 numeric and 13
/// categorical columns), measures the held-out AUC of one trained on a 70/30 split, and times
/// scoring the held-out rows: the batch path (columns, categories looked up once per column)
/// against one applicant at a time.
struct ScoringBenchmark {
    /// Rows of synthetic data, all of them timed in training.
    var rows = 100_000
    var seed: UInt64 = 42
    /// How many applicants the batch path scores per measurement (the held-out rows, repeated).
    var batchApplicants = 3_000_000
    /// How many applicants are scored one at a time.
    var singleApplicants = 100_000
    /// Measurements per path; the best counts.
    static let runs = 5

    struct Figures {
        var trainRows: Int
        var trainSeconds: Double
        var auc: Double
        var features: Int
        var batchPerSecond: Double
        var singlePerSecond: Double
        var ratio: Double { batchPerSecond / singlePerSecond }
    }

    func run() throws -> Figures {
        let table = try CSVTable(csv: SyntheticCreditData(rows: rows, seed: seed).csv())
        var order = Array(0..<table.rowCount)
        var generator = SplitMix64(seed: seed)
        order.shuffle(using: &generator)
        let cut = table.rowCount * 7 / 10
        let (train, test) = (table.rows(Array(order[..<cut])), table.rows(Array(order[cut...])))

        let trainSeconds = try Self.best { _ = try ScorecardTrainer().train(table, target: SyntheticCreditData.target) }
        let scorecard = try ScorecardTrainer().train(train, target: SyntheticCreditData.target).scorecard
        let auc = try ScorecardEvaluation(scorecard: scorecard, table: test, target: SyntheticCreditData.target).auc

        let batch = test.batch()
        let repeats = max(batchApplicants / max(batch.count, 1), 1)
        var checksum = 0
        let batchSeconds = try Self.best {
            for _ in 0..<repeats { checksum &+= try scorecard.scores(batch).reduce(0, &+) }
        }
        let applicants = (0..<min(singleApplicants, test.rowCount)).map(test.applicant(row:))
        var singleChecksum = 0
        let singleSeconds = try Self.best {
            for applicant in applicants { singleChecksum &+= try scorecard.decide(applicant).score }
        }
        // Both paths must agree: the batch's sum over the same rows, once, equals the single path's.
        let sameRows = try scorecard.scores(batch).prefix(applicants.count).reduce(0, &+)
        guard sameRows * Self.runs == singleChecksum, checksum != 0 else {
            throw ToolError(.benchmarkFailed, details: "batch and one-at-a-time scores differ")
        }
        return Figures(trainRows: table.rowCount, trainSeconds: trainSeconds, auc: auc, features: scorecard.features.count,
                       batchPerSecond: Double(repeats * batch.count) / batchSeconds, singlePerSecond: Double(applicants.count) / singleSeconds)
    }

    /// The shortest of ``runs`` runs of `work`, in seconds.
    private static func best(_ work: () throws -> Void) throws -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try work()
            best = min(best, (ContinuousClock.now - start).seconds)
        }
        return best
    }
}
