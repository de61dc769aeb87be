import CreditMedicalCore
import CreditMedicalTesting
import CreditMedicalTraining
import Foundation

// 1. The risk team trains a scorecard on past applicants (1 = defaulted). Age is excluded by
//    policy: the program promises no age limit.
let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("applicants.csv")
let table = try CSVTable(contentsOf: data)
let options = TrainingOptions(id: "example-pilot", version: "2026-12", excluded: ["applicant", "age"])
let trained = try ScorecardTrainer(options: options).train(table, target: "defaulted")
print("Trained \(trained.scorecard.identity) on \(table.rowCount) applicants: AUC \(String(format: "%.3f", trained.trainAUC))")
for feature in trained.features {
    print("  \(feature.name): information value \(String(format: "%.3f", feature.informationValue))")
}
for dropped in trained.dropped { print("  not used: \(dropped)") }

// 2. They label the features in both languages and hand the card to IT as JSON.
var card = trained.scorecard
let labels = ["housing_fund_months": ("住房公积金缴存月数", "housing fund months"), "years_insured": ("医保参保年限", "years insured"),
              "insurance_status": ("医保参保状态", "insurance status"), "dishonesty_record": ("失信记录", "dishonesty record"),
              "bank_grade": ("银行信用等级", "bank credit grade")]
for index in card.features.indices {
    if let (chinese, english) = labels[card.features[index].name] {
        card.features[index].label = BilingualText(chinese: chinese, english: english)
    }
}
let file = FileManager.default.temporaryDirectory.appendingPathComponent("example-scorecard.json")
try card.json().write(to: file)

// 3. IT loads the card (validated on load) and scores applicants as they enroll. Features come
//    from the data sources; a source that is down gives missing values, never zeros. Every
//    decision is recorded with its inputs, so the patient and an auditor can be told why.
let scorer = try ScorecardScorer(Scorecard(json: Data(contentsOf: file)))
let socialSecurity = FakeCreditDataSource(featureNames: ["housing_fund_months", "years_insured", "insurance_status"])
let courts = FakeCreditDataSource(featureNames: ["dishonesty_record"])
let bank = FakeCreditDataSource(featureNames: ["bank_grade"])
socialSecurity.set(["housing_fund_months": .number(96), "years_insured": .number(15), "insurance_status": .category("normal")],
                   for: "patient-1")
courts.set(["dishonesty_record": .category("none")], for: "patient-1")
bank.set(["bank_grade": .category("A")], for: "patient-1")
socialSecurity.set(["housing_fund_months": .number(4), "years_insured": .number(1), "insurance_status": .category("arrears")],
                   for: "patient-2")
let records = InMemoryScoreRecordStore()
let scoring = CreditScoring(sources: [socialSecurity, courts, bank], scorer: scorer, records: records,
                            clock: ManualClock(Timestamp(millisecondsSince1970: 1_795_996_800_000)))
for patient in ["patient-1", "patient-2"] {
    bank.down = patient == "patient-2"  // the bank's system is down when patient-2 enrolls
    let decision = try await scoring.decide(patient: patient, id: "enroll-\(patient)").decision
    print("\n\(patient): score \(decision.score) by \(decision.scorer)")
    for reason in decision.reasons {
        print("  \(reason.chinese) / \(reason.english) (−\(reason.pointsBelowBest) points)")
    }
    let missing = decision.inputs.values.filter { if case .missing = $0.value { true } else { false } }.keys.sorted()
    if !missing.isEmpty { print("  missing: \(missing.joined(separator: ", "))") }
}
print("\n\(try records.records(of: "patient-1").count + records.records(of: "patient-2").count) decisions recorded")
