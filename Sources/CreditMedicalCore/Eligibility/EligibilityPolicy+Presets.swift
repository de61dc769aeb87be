extension EligibilityPolicy {
    /// The features the presets read, as a `CreditDataSource` should name them.
    public enum Feature {
        /// `normal`, `suspended`, `arrears` or `none`: the medical insurance (医保) status.
        public static let insuranceStatus = "medical_insurance_status"
        /// `local` when insured in the program's city, else `other`.
        public static let insuranceRegion = "medical_insurance_region"
        /// `none`, `listed` (失信被执行人) or `serious` (严重失信), from the courts or the public
        /// credit platform.
        public static let dishonestyRecord = "dishonesty_record"
    }

    /// As in Beijing Shijingshan: insured in the city, insurance in force, and no dishonesty
    /// record (a court source that cannot be asked refuses: the program needs the fact).
    public static let beijingStyle = EligibilityPolicy(id: "preset-beijing", version: "1", rules: [
        localInsurance,
        insuranceInForce,
        EligibilityRule(id: "no_dishonesty_record", feature: Feature.dishonestyRecord, operator: .in, values: ["none"],
                        sentence: BilingualText(chinese: "无失信记录方可签约", english: "no dishonesty record is allowed")),
    ])

    /// As in Suzhou: insurance in force and no serious dishonesty record; no age limit and no
    /// central-bank credit report needed (a missing court record does not refuse).
    public static let suzhouStyle = EligibilityPolicy(id: "preset-suzhou", version: "1", rules: [
        insuranceInForce,
        EligibilityRule(id: "no_serious_dishonesty", feature: Feature.dishonestyRecord, operator: .notIn, values: ["serious"],
                        sentence: BilingualText(chinese: "存在严重失信记录", english: "a serious dishonesty record stands")),
    ])

    /// As in Xiamen: insured in the city with insurance in force; the score's tier then decides
    /// the limit.
    public static let xiamenStyle = EligibilityPolicy(id: "preset-xiamen", version: "1", rules: [localInsurance, insuranceInForce])

    private static let localInsurance = EligibilityRule(
        id: "insured_locally", feature: Feature.insuranceRegion, operator: .in, values: ["local"],
        sentence: BilingualText(chinese: "须为本市医保参保人", english: "medical insurance must be held in this city"))

    private static let insuranceInForce = EligibilityRule(
        id: "insurance_in_force", feature: Feature.insuranceStatus, operator: .in, values: ["normal"],
        sentence: BilingualText(chinese: "医保参保状态须为正常", english: "medical insurance must be in force"))
}
