/// The one place that says how each ledger command is written into the journal and read back:
/// stores write a ``StoredCommand``'s fields into their columns and never look at a command.
/// Adding a command means a code here (new, never reused), its arm in ``encode(_:)`` and in
/// ``decode(_:line:)``; changing what a command carries means a new ``StoredCommand/version`` of
/// its code, while the decoder keeps reading the versions before, so old journals stay readable.
public enum JournalCommandCodec {
    /// The codes. Stores have kept them since the first journal: never change or reuse one.
    private enum Code: Int {
        case openLine = 1, adjustLimit, suspendLine, resumeLine, freezeLine, unfreezeLine, closeLine, openMemberLine
        case placeHold = 20, increaseHold, decreaseHold, captureHold, voidHold, expireHold, reverseCapture
        case lockUpToAvailable, lockUpToAllOrNothing, reverseCaptureUpTo, lockUpToEmergency, writeOff
        case repay = 40
    }

    /// The stored form of `command`.
    public static func encode(_ command: LedgerCommand) -> StoredCommand {
        switch command {
        case .openLine(_, let limit): stored(.openLine, amount: limit)
        // Version 1 of the code: the cap and, in `detail`, the guarantor line's id.
        case .openMemberLine(_, let guarantor, let cap): StoredCommand(code: Code.openMemberLine.rawValue, amount: cap, detail: guarantor.rawValue)
        case .adjustLimit(_, let limit, nil): stored(.adjustLimit, amount: limit)
        // Version 2 of the code: the limit and, in `detail`, the reason.
        case .adjustLimit(_, let limit, let reason?): StoredCommand(code: Code.adjustLimit.rawValue, version: 2, amount: limit, detail: reason)
        case .suspendLine: stored(.suspendLine)
        case .resumeLine: stored(.resumeLine)
        case .freezeLine: stored(.freezeLine)
        case .unfreezeLine: stored(.unfreezeLine)
        case .closeLine: stored(.closeLine)
        case .placeHold(let hold, _, let amount, let expiresAt): stored(.placeHold, hold: hold, amount: amount, time: expiresAt)
        case .increaseHold(let hold, let amount): stored(.increaseHold, hold: hold, amount: amount)
        case .decreaseHold(let hold, let amount): stored(.decreaseHold, hold: hold, amount: amount)
        case .captureHold(let hold, let amount): stored(.captureHold, hold: hold, amount: amount)
        case .voidHold(let hold): stored(.voidHold, hold: hold)
        case .expireHold(let hold): stored(.expireHold, hold: hold)
        case .repay(_, let amount): stored(.repay, amount: amount)
        case .reverseCapture(let hold, let amount): stored(.reverseCapture, hold: hold, amount: amount)
        case .lockUpTo(let hold, _, let target, .asMuchAsAvailable): stored(.lockUpToAvailable, hold: hold, amount: target)
        case .lockUpTo(let hold, _, let target, .allOrNothing): stored(.lockUpToAllOrNothing, hold: hold, amount: target)
        case .lockUpTo(let hold, _, let target, .emergency): stored(.lockUpToEmergency, hold: hold, amount: target)
        case .reverseCaptureUpTo(let hold, let amount): stored(.reverseCaptureUpTo, hold: hold, amount: amount)
        // Version 1 of the code: the hold, the amount and, in `detail`, the reason.
        case .writeOff(let hold, let amount, let reason): StoredCommand(code: Code.writeOff.rawValue, hold: hold, amount: amount, detail: reason)
        }
    }

    /// The command `stored` holds, on the entry's `line`; `nil` for a code or version this SDK
    /// does not know, or a field its layout needs that is missing (the store reports the row).
    public static func decode(_ stored: StoredCommand, line: CreditLineID) -> LedgerCommand? {
        guard let code = Code(rawValue: stored.code), stored.version == 1 || (stored.version == 2 && code == .adjustLimit) else { return nil }
        let amount = stored.amount
        func onHold(_ make: (HoldID, Money) -> LedgerCommand) -> LedgerCommand? {
            guard let hold = stored.hold, let amount else { return nil }
            return make(hold, amount)
        }
        switch code {
        case .openLine: return amount.map { .openLine(line, limit: $0) }
        case .openMemberLine:
            guard let amount, let guarantor = stored.detail else { return nil }
            return .openMemberLine(line, guarantor: CreditLineID(guarantor), cap: amount)
        case .adjustLimit:
            guard stored.version == 1 || stored.detail != nil else { return nil }
            return amount.map { .adjustLimit(line, to: $0, reason: stored.version == 2 ? stored.detail : nil) }
        case .suspendLine: return .suspendLine(line)
        case .resumeLine: return .resumeLine(line)
        case .freezeLine: return .freezeLine(line)
        case .unfreezeLine: return .unfreezeLine(line)
        case .closeLine: return .closeLine(line)
        case .repay: return amount.map { .repay(line, amount: $0) }
        case .placeHold: return onHold { .placeHold($0, line: line, amount: $1, expiresAt: stored.time) }
        case .increaseHold: return onHold { .increaseHold($0, by: $1) }
        case .decreaseHold: return onHold { .decreaseHold($0, by: $1) }
        case .captureHold: return onHold { .captureHold($0, amount: $1) }
        case .voidHold: return stored.hold.map { .voidHold($0) }
        case .expireHold: return stored.hold.map { .expireHold($0) }
        case .reverseCapture: return onHold { .reverseCapture($0, amount: $1) }
        case .lockUpToAvailable: return onHold { .lockUpTo($0, line: line, target: $1, rule: .asMuchAsAvailable) }
        case .lockUpToAllOrNothing: return onHold { .lockUpTo($0, line: line, target: $1, rule: .allOrNothing) }
        case .lockUpToEmergency: return onHold { .lockUpTo($0, line: line, target: $1, rule: .emergency) }
        case .reverseCaptureUpTo: return onHold { .reverseCaptureUpTo($0, amount: $1) }
        case .writeOff:
            guard let reason = stored.detail else { return nil }
            return onHold { .writeOff($0, amount: $1, reason: reason) }
        }
    }

    private static func stored(_ code: Code, hold: HoldID? = nil, amount: Money? = nil, time: Timestamp? = nil) -> StoredCommand {
        StoredCommand(code: code.rawValue, hold: hold, amount: amount, time: time)
    }
}
