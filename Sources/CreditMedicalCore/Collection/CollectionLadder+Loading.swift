extension CollectionLadder: PolicyFile {
    public static let keys: [String: Set<String>] = [
        "": ["format", "formatVersion", "id", "version", "steps"],
        "steps": ["name", "day", "action", "permille"],
    ]

    /// Checks what the format cannot say: at least one step; names not empty and unique; days
    /// strictly increasing (a step out of order is refused); reminders on day zero or before and
    /// every other step on day 1 or after; a share from 0 to 999 for a cut and for no other step;
    /// and at most one step of each restricting, handing-over or listing action.
    public func validate() throws(PolicyError) {
        guard !steps.isEmpty else { throw Self.invalid("steps", "at least one step") }
        var names = Set<String>()
        var once = Set<CollectionAction>()
        for (index, step) in steps.enumerated() {
            let path = "steps[\(index)]"
            guard !step.name.isEmpty, InputRules.identifierViolation(step.name, maximumLength: 32) == nil, names.insert(step.name).inserted else {
                throw Self.invalid("\(path).name", "empty, malformed, longer than 32 bytes or used twice")
            }
            if index > 0, step.day <= steps[index - 1].day {
                throw Self.invalid("\(path).day", "out of order: day \(step.day) is not after day \(steps[index - 1].day) of the step before")
            }
            guard (step.action == .reminder) == (step.day <= 0) else {
                throw Self.invalid("\(path).day", step.action == .reminder ? "a reminder comes by the due day (0 or less)" : "must be 1 or more")
            }
            guard abs(step.day) <= 3_650 else { throw Self.invalid("\(path).day", "more than ten years") }
            switch (step.action, step.permille) {
            case (.cutLimit, let permille?) where (0..<1_000).contains(permille): break
            case (.cutLimit, _): throw Self.invalid("\(path).permille", "a cut needs a share from 0 to 999")
            case (_, nil): break
            case (_, .some): throw Self.invalid("\(path).permille", "only a cut has a share")
            }
            if step.action.restricts || step.action == .bankCollection || step.action == .arrearsList, !once.insert(step.action).inserted {
                throw Self.invalid("\(path).action", "\(step.action.rawValue) happens once")
            }
        }
    }
}

extension CollectionLadder {
    /// As in Suzhou and Xiamen: reminders 3 days before and on the due date; then a text message
    /// on day 1, an app message on day 7, a member of staff calls on day 15, new credit is
    /// suspended on day 30, the limit cut by half on day 60, the receivable handed to the bank
    /// on day 90 and the patient put on the arrears list on day 120.
    public static let suzhouStyle = CollectionLadder(id: "preset-suzhou-collection", version: "1", steps: [
        CollectionStep(name: "remind-3", day: -3, action: .reminder),
        CollectionStep(name: "remind-0", day: 0, action: .reminder),
        CollectionStep(name: "sms-1", day: 1, action: .sms),
        CollectionStep(name: "app-7", day: 7, action: .appMessage),
        CollectionStep(name: "staff-15", day: 15, action: .staffContact),
        CollectionStep(name: "suspend-30", day: 30, action: .suspend),
        CollectionStep(name: "cut-60", day: 60, action: .cutLimit, permille: 500),
        CollectionStep(name: "bank-90", day: 90, action: .bankCollection),
        CollectionStep(name: "list-120", day: 120, action: .arrearsList),
    ])

    /// As in Beijing Shijingshan: a reminder on the due date, text messages on days 1 and 10, a
    /// call on day 20, suspension on day 30, a freeze on day 60 and the arrears list on day 90.
    public static let beijingStyle = CollectionLadder(id: "preset-beijing-collection", version: "1", steps: [
        CollectionStep(name: "remind-0", day: 0, action: .reminder),
        CollectionStep(name: "sms-1", day: 1, action: .sms),
        CollectionStep(name: "sms-10", day: 10, action: .sms),
        CollectionStep(name: "staff-20", day: 20, action: .staffContact),
        CollectionStep(name: "suspend-30", day: 30, action: .suspend),
        CollectionStep(name: "freeze-60", day: 60, action: .freeze),
        CollectionStep(name: "list-90", day: 90, action: .arrearsList),
    ])
}
