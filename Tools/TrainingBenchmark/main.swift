import CreditMedicalCore
import CreditMedicalTraining
import Foundation

// Usage:
//   credit-medical-training-bench synthetic [ROWS] [SEED]
//       times reading and training on synthetic data (70/30 split) and prints the held-out AUC;
//   credit-medical-training-bench write-synthetic ROWS SEED PATH
//       writes synthetic data as CSV (target `defaulted`, 1 = bad);
//   credit-medical-training-bench compare TRAIN.csv TEST.csv TARGET [OPTION=VALUE...] [EXCLUDED...]
//       trains on TRAIN.csv and prints one JSON line with the AUC on TEST.csv; options are l2,
//       minimumInformationValue, correlationLimit, minimumBinShare, maximumBins, fineBins and nonMonotonicGain.

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func timed<T>(_ work: () throws -> T) rethrows -> (T, Double) {
    let clock = ContinuousClock()
    var result: T?
    let duration = try clock.measure { result = try work() }
    return (result!, seconds(duration))
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "synthetic":
        let rows = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
        let seed = arguments.count > 2 ? UInt64(arguments[2]) ?? 42 : 42
        let data = SyntheticCreditData(rows: rows, seed: seed)
        let (csv, generate) = timed { data.csv() }
        let bytes = Data(csv.utf8)
        var parses: [Double] = []
        var table: CSVTable?
        for _ in 0..<5 {
            let (parsed, time) = try timed { try CSVTable(data: bytes) }
            parses.append(time)
            table = parsed
        }
        guard let table else { exit(1) }
        let (result, train) = try timed { try ScorecardTrainer().train(table, target: SyntheticCreditData.target) }
        var order = Array(0..<table.rowCount)
        var generator = SplitMix64(seed: seed)
        order.shuffle(using: &generator)
        let cut = table.rowCount * 7 / 10
        let split = try ScorecardTrainer().train(table.rows(Array(order[..<cut])), target: SyntheticCreditData.target)
        let heldOut = try ScorecardEvaluation(scorecard: split.scorecard, table: table.rows(Array(order[cut...])),
                                              target: SyntheticCreditData.target)
        print("rows \(rows) × \(table.columnNames.count) columns, \(bytes.count) bytes; generate \(generate) s")
        print("parse best \(parses.min() ?? 0) s of \(parses.map { String(format: "%.4f", $0) })")
        print("train on all rows \(train) s: features \(result.scorecard.features.count), train AUC \(result.trainAUC), KS \(result.trainKS)")
        print("70/30 held-out AUC \(heldOut.auc), KS \(heldOut.ks), Gini \(heldOut.gini)")
        for dropped in result.dropped { print("dropped \(dropped)") }
    case "write-synthetic" where arguments.count == 4:
        let data = SyntheticCreditData(rows: Int(arguments[1]) ?? 100_000, seed: UInt64(arguments[2]) ?? 42)
        try Data(data.csv().utf8).write(to: URL(fileURLWithPath: arguments[3]))
    case "compare" where arguments.count >= 4:
        let train = try CSVTable(contentsOf: URL(fileURLWithPath: arguments[1]))
        let test = try CSVTable(contentsOf: URL(fileURLWithPath: arguments[2]))
        var options = TrainingOptions()
        for argument in arguments.dropFirst(4) {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]) else {
                options.excluded.append(argument)
                continue
            }
            switch parts[0] {
            case "l2": options.l2 = value
            case "minimumInformationValue": options.minimumInformationValue = value
            case "correlationLimit": options.correlationLimit = value
            case "minimumBinShare": options.minimumBinShare = value
            case "maximumBins": options.maximumBins = Int(value)
            case "fineBins": options.fineBins = Int(value)
            case "nonMonotonicGain": options.nonMonotonicGain = value
            default: options.excluded.append(argument)
            }
        }
        let (result, time) = try timed { try ScorecardTrainer(options: options).train(train, target: arguments[3]) }
        let evaluation = try ScorecardEvaluation(scorecard: result.scorecard, table: test, target: arguments[3])
        print(#"{"train_auc": \#(result.trainAUC), "test_auc": \#(evaluation.auc), "test_ks": \#(evaluation.ks), "seconds": \#(time), "features": \#(result.scorecard.features.count)}"#)
    default:
        FileHandle.standardError.write(Data("usage: credit-medical-training-bench synthetic [ROWS] [SEED] | write-synthetic ROWS SEED PATH | compare TRAIN.csv TEST.csv TARGET [OPTION=VALUE...] [EXCLUDED...]\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
