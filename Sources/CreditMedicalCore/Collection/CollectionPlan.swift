/// What the overdue job does about one receivable at one time: the steps that have come due,
/// each taken or passed over, and the receivable's progress after them. Pure: the job carries it
/// out.
struct CollectionPlan {
    /// A step that has come due, and whether it is taken (a late run passes over all but the
    /// latest of the steps that only tell the patient).
    struct Due {
        let index: Int
        let step: CollectionStep
        var outcome: CollectionEvent.Outcome
    }

    let receivable: Receivable
    private(set) var due: [Due] = []
    /// The receivable's progress once every due step is recorded.
    private(set) var progress: CollectionProgress

    init(_ receivable: Receivable, ladder: CollectionLadder, at time: Timestamp) {
        self.receivable = receivable
        progress = receivable.collection
        let days = receivable.daysPastDue(at: time)
        let overdue = receivable.isOverdue(at: time)
        var index = progress.stepsDone
        while index < ladder.steps.count, ladder.steps[index].day <= days, ladder.steps[index].day <= 0 || overdue {
            due.append(Due(index: index, step: ladder.steps[index], outcome: .taken))
            index += 1
        }
        if let latest = due.lastIndex(where: { $0.step.action.onlyTells }) {
            for position in due.indices where position < latest && due[position].step.action.onlyTells { due[position].outcome = .passedOver }
        }
        progress.stepsDone = index
        progress.reviewAt = index < ladder.steps.count ? Self.time(of: ladder.steps[index], for: receivable) : nil
        progress.restricted = progress.restricted || due.contains { $0.step.action.restricts }
    }

    /// When `step` comes due for `receivable`: its day counted from the due date, and not before
    /// the grace period ends for a step after the due date.
    static func time(of step: CollectionStep, for receivable: Receivable) -> Timestamp {
        let time = receivable.dueAt.adding(seconds: Int64(step.day) * 86_400)
        return step.day >= 1 ? max(time, Timestamp(millisecondsSince1970: receivable.graceEndsAt.millisecondsSince1970 + 1)) : time
    }

    /// Marks the due step at `position` as taken by another receivable of the line already.
    mutating func markAlreadyRestricted(_ position: Int) { due[position].outcome = .alreadyRestricted }

    /// Marks the due step at `position` as not configured.
    mutating func markNotConfigured(_ position: Int) { due[position].outcome = .notConfigured }

    /// The id of step `name` of the receivable: its event's, its notice's, and its ledger key.
    static func id(_ receivable: Receivable, _ name: String) -> String { "collection/\(receivable.hold.rawValue)/\(name)" }
}
