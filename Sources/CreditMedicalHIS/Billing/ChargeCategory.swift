/// The fee category of a charge item (费用类别), as fee notices and insurers group them.
/// Raw values are stable and used by stores and interfaces.
public enum ChargeCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case registration, consultation, examination, laboratory, imaging, treatment, surgery
    case westernDrug = "western_drug"
    case chinesePatentDrug = "chinese_patent_drug"
    case herbal, material, bed, nursing, other

    /// The category's name on a patient-facing fee notice.
    public var chineseName: String {
        switch self {
        case .registration: "挂号费"
        case .consultation: "诊查费"
        case .examination: "检查费"
        case .laboratory: "化验费"
        case .imaging: "影像费"
        case .treatment: "治疗费"
        case .surgery: "手术费"
        case .westernDrug: "西药费"
        case .chinesePatentDrug: "中成药费"
        case .herbal: "中草药费"
        case .material: "材料费"
        case .bed: "床位费"
        case .nursing: "护理费"
        case .other: "其他费用"
        }
    }
}

/// The medical-insurance class of a charge item (医保目录甲/乙/丙类): class A is paid by the fund
/// in full, class B in part, class C not at all.
public enum InsuranceClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// 甲类.
    case a
    /// 乙类.
    case b
    /// 丙类 (self-pay).
    case c
}
