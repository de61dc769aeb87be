import CreditMedicalCore
import CreditMedicalHIS

/// A desk audit's result as the commands' JSON documents show it.
struct DeskAuditSummary: Encodable {
    struct Finding: Encodable {
        var kind: String
        var encounter: String?
        var hold: String?
        var detail: String
    }

    var clean: Bool
    var encountersChecked: Int
    var settlementsChecked: Int
    var openHoldsChecked: Int
    var findings: [Finding]

    init(_ report: DeskAuditReport) {
        clean = report.isClean
        encountersChecked = report.encountersChecked
        settlementsChecked = report.settlementsChecked
        openHoldsChecked = report.holdsChecked
        findings = report.findings.map {
            Finding(kind: $0.kind.rawValue, encounter: $0.encounter?.rawValue, hold: $0.hold?.rawValue, detail: $0.detail)
        }
    }
}
