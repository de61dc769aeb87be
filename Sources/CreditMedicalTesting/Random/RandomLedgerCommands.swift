public import CreditMedicalCore

/// Random ledger requests over a few lines and holds: mostly valid, some malformed, some
/// replays of earlier requests and some reused keys with other commands. A fifth of the commands
/// name one of two member lines (`M0`, `M1`), which only member-line commands open, on one of the
/// lines (or, refused, on the other member line).
public struct RandomLedgerCommands {
    /// How many lines (`L0`, `L1`, …) the commands name; one more id names a line that does not exist.
    public let lines: Int
    private var sent: [LedgerRequest] = []
    private var nextKey = 0
    private var nextHold = 0

    public init(lines: Int) {
        self.lines = lines
    }

    /// The next request; `now` is the batch's time, for expiry times around it.
    public mutating func request(using random: inout SplitMix64, now: Timestamp) -> LedgerRequest {
        if !sent.isEmpty, random.next(below: 12) == 0 {
            let earlier = sent[Int(random.next(below: UInt64(sent.count)))]
            if random.next(below: 2) == 0 { return earlier }
            return LedgerRequest(key: earlier.key, command: command(using: &random, now: now))
        }
        nextKey += 1
        let request = LedgerRequest(key: IdempotencyKey("k\(nextKey)"), command: command(using: &random, now: now))
        sent.append(request)
        return request
    }

    private mutating func command(using random: inout SplitMix64, now: Timestamp) -> LedgerCommand {
        let isMember = random.next(below: 5) == 0
        let line = isMember ? CreditLineID("M\(random.next(below: 2))") : CreditLineID("L\(random.next(below: UInt64(lines + 1)))")
        // Mostly one of the last few holds; placing mostly takes a new id.
        let recent = max(0, nextHold - Int(random.next(below: 6)))
        let hold = HoldID("H\(recent)")
        let amounts: [Int64] = [0, -1, 1, 99, 1_000, 1_000, 5_000, 5_000, 20_000, 100_000, .max]
        let amount = Money(fen: amounts[Int(random.next(below: UInt64(amounts.count)))])
        switch random.next(below: 18) {
        case 0 where !isMember: return .openLine(line, limit: Money(fen: Int64(random.next(below: 4)) * 50_000))
        case 1: return .adjustLimit(line, to: Money(fen: Int64(random.next(below: 5)) * 40_000))
        case 2: return [.suspendLine(line), .resumeLine(line), .freezeLine(line), .unfreezeLine(line), .closeLine(line)][
            Int(random.next(below: random.next(below: 8) == 0 ? 5 : 4))]
        case 3, 4, 5:
            let expiry = random.next(below: 3) == 0 ? now.adding(seconds: Int64(random.next(below: 120)) - 10) : nil
            if random.next(below: 5) != 0 { nextHold += 1 }
            return .placeHold(HoldID("H\(nextHold)"), line: line, amount: amount, expiresAt: expiry)
        case 6, 7: return .increaseHold(hold, by: amount)
        case 8: return .decreaseHold(hold, by: amount)
        case 9, 10: return .captureHold(hold, amount: amount)
        case 11: return .voidHold(hold)
        case 12: return .expireHold(hold)
        case 13: return .openLine("", limit: amount)
        case 14: return .reverseCapture(hold, amount: amount)
        case 0, 15:
            let guarantor = CreditLineID(random.next(below: 4) == 0 ? "M0" : "L\(random.next(below: UInt64(lines)))")
            return .openMemberLine(CreditLineID("M\(random.next(below: 2))"), guarantor: guarantor,
                                   cap: Money(fen: Int64(random.next(below: 5) + 1) * 100_000))
        default: return .repay(line, amount: amount)
        }
    }
}
