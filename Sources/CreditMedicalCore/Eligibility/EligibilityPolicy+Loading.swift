extension EligibilityPolicy: PolicyFile {
    public static let keys: [String: Set<String>] = [
        "": ["format", "formatVersion", "id", "version", "rules"],
        "rules": ["id", "feature", "operator", "values", "minimum", "maximum", "whenMissing", "sentence"],
        "sentence": ["chinese", "english"],
    ]

    /// Checks what the format cannot say: ids unique, each operator with the values it needs
    /// and no other, a `between` whose minimum is not above its maximum, sentences in both
    /// languages.
    public func validate() throws(PolicyError) {
        var ids = Set<String>()
        for (index, rule) in rules.enumerated() {
            let path = "rules[\(index)]"
            guard !rule.id.isEmpty, ids.insert(rule.id).inserted else { throw Self.invalid("\(path).id", "empty or used twice") }
            guard !rule.feature.isEmpty else { throw Self.invalid("\(path).feature", "empty") }
            guard !rule.sentence.chinese.isEmpty, !rule.sentence.english.isEmpty else {
                throw Self.invalid("\(path).sentence", "a refusal is told in Chinese and in English")
            }
            try Self.check(rule, path)
        }
    }

    /// Each operator takes exactly the fields it compares with.
    private static func check(_ rule: EligibilityRule, _ path: String) throws(PolicyError) {
        let needs: (values: Bool, minimum: Bool, maximum: Bool) = switch rule.operator {
        case .in, .notIn: (true, false, false)
        case .atLeast: (false, true, false)
        case .atMost: (false, false, true)
        case .between: (false, true, true)
        case .present: (false, false, false)
        }
        for (field, present, needed) in [("values", rule.values != nil, needs.values), ("minimum", rule.minimum != nil, needs.minimum),
                                         ("maximum", rule.maximum != nil, needs.maximum)] where present != needed {
            throw invalid("\(path).\(field)", needed ? "\(rule.operator.rawValue) needs it" : "\(rule.operator.rawValue) takes none")
        }
        if let values = rule.values, values.isEmpty { throw invalid("\(path).values", "at least one category") }
        for (field, value) in [("minimum", rule.minimum), ("maximum", rule.maximum)] {
            if let value, !value.isFinite { throw invalid("\(path).\(field)", "must be finite") }
        }
        if let minimum = rule.minimum, let maximum = rule.maximum, minimum > maximum {
            throw invalid("\(path).minimum", "above the maximum \(maximum)")
        }
    }
}
