extension OverdueJob {
    /// The ledger command of a restricting step.
    func restriction(_ step: CollectionStep, of receivable: Receivable) throws -> LedgerRequest {
        let key = IdempotencyKey(CollectionPlan.id(receivable, step.name))
        switch step.action {
        case .suspend: return LedgerRequest(key: key, command: .suspendLine(receivable.line))
        case .freeze: return LedgerRequest(key: key, command: .freezeLine(receivable.line))
        default:
            // A replay answers with the first cut, so the share is taken of the limit only once.
            let limit = try book.ledger.entry(for: key).map { Money(fen: $0.lineAfter.limit.fen - $0.limitDelta.fen) }
                ?? book.ledger.line(receivable.line)?.limit ?? .zero
            return LedgerRequest(key: key, command: .adjustLimit(receivable.line, to: try limit.share(permille: step.permille ?? 0),
                                                                 reason: "collection \(step.name): overdue"))
        }
    }

    /// For each line of `paid` on which nothing restricted is owed any more: the commands that
    /// undo what the collection of its receivables did to it (a listed line stays frozen). Lines
    /// still restricted by another receivable are absent.
    func lifting(_ paid: [Receivable], others: [CreditLineID: [Receivable]], plans: [CollectionPlan])
        async throws -> [CreditLineID: [LedgerRequest]]
    {
        let stillRestricted = Set(plans.filter(\.progress.restricted).map(\.receivable.line))
        var lifts: [CreditLineID: [LedgerRequest]] = [:]
        for (line, receivables) in Dictionary(grouping: paid, by: \.line) {
            guard !stillRestricted.contains(line), !(others[line] ?? []).contains(where: { $0.owed.isPositive && $0.collection.restricted }) else {
                continue
            }
            var commands: [LedgerRequest] = []
            for receivable in receivables {
                for step in ladder.steps.prefix(receivable.collection.stepsDone) where step.action.restricts {
                    let id = CollectionPlan.id(receivable, step.name)
                    guard let entry = try book.ledger.entry(for: IdempotencyKey(id)) else { continue }
                    let key = IdempotencyKey("\(id)/lift")
                    switch step.action {
                    case .suspend: commands.append(LedgerRequest(key: key, command: .resumeLine(line)))
                    case .freeze:
                        if try await listing?.isListed(line) != true { commands.append(LedgerRequest(key: key, command: .unfreezeLine(line))) }
                    default:
                        let before = Money(fen: entry.lineAfter.limit.fen - entry.limitDelta.fen)
                        commands.append(LedgerRequest(key: key, command: .adjustLimit(line, to: before, reason: "collection lifted: repaid")))
                    }
                }
            }
            lifts[line] = commands
        }
        return lifts
    }

    /// Sends the notices and makes the listings of the plan's steps taken; returns their events.
    func carryOut(_ plan: CollectionPlan, holder: String, at now: Timestamp) async throws -> [CollectionEvent] {
        let receivable = plan.receivable
        let days = receivable.daysPastDue(at: now)
        for due in plan.due {
            let id = CollectionPlan.id(receivable, due.step.name)
            guard due.outcome == .taken else { continue }
            if due.step.action == .arrearsList, let listing {
                try await listing.list(receivable, holder: holder, rule: due.step.name, id: id, at: now)
                continue
            }
            if due.step.action == .bankCollection, let bank {
                try await bank.handOver(CollectionHandover(requestID: AdapterRequestID(id), line: receivable.line, hold: receivable.hold,
                                                           owed: receivable.owed, daysPastDue: days, dueAt: receivable.dueAt, at: now))
            }
            try await notices.send(PatientNotification(id: AdapterRequestID(id), patient: holder, kind: Self.kind(of: due.step.action),
                                                       text: Self.text(of: due.step.action, owed: receivable.owed, days: days)))
        }
        return plan.due.map {
            CollectionEvent(id: CollectionPlan.id(receivable, $0.step.name), hold: receivable.hold, line: receivable.line, step: $0.step.name,
                            action: $0.step.action, outcome: $0.outcome, daysPastDue: days, owed: receivable.owed, at: now)
        }
    }

    static func kind(of action: CollectionAction) -> PatientNotificationKind {
        switch action {
        case .reminder: .repaymentReminder
        case .sms: .overdueText
        case .appMessage: .overdueAppMessage
        case .staffContact: .staffContact
        case .suspend, .cutLimit, .freeze, .arrearsList: .creditRestricted
        case .bankCollection: .collectionHandover
        }
    }

    /// The message of a step, in Chinese and English; restrictions say that emergency care goes on.
    static func text(of action: CollectionAction, owed: Money, days: Int) -> String {
        let yuan = owed.formatted(symbol: "")
        switch action {
        case .reminder:
            return days < 0 ? "您有\(yuan)元信用就医费用将于\(-days)天后到期。\(yuan) yuan of credit care falls due in \(-days) days."
                : "您有\(yuan)元信用就医费用今天到期。\(yuan) yuan of credit care falls due today."
        case .sms, .appMessage:
            return "您有\(yuan)元信用就医费用已逾期\(days)天，请尽快还款。\(yuan) yuan of credit care is \(days) days overdue; please repay."
        case .staffContact:
            return "请联系患者：信用就医欠款\(yuan)元，逾期\(days)天。Contact the patient: \(yuan) yuan, \(days) days overdue."
        case .suspend, .cutLimit, .freeze, .arrearsList:
            return "因\(yuan)元欠款逾期\(days)天，新的非急诊信用就医暂停；急诊不受影响。"
                + "\(yuan) yuan is \(days) days overdue: new non-emergency credit is restricted; emergency care is not affected."
        case .bankCollection:
            return "您\(yuan)元的逾期欠款已移交银行催收。\(yuan) yuan overdue has been handed to the bank's collection."
        }
    }
}
