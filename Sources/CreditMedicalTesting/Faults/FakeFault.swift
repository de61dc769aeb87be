import CreditMedicalCore

/// A failure a fake adapter acts out on one of its next calls.
public enum FakeFault: Sendable, Hashable {
    /// Applies the request, then throws `AdapterError.Code.timeout`: the answer is lost.
    case timeoutAfterApplying
    /// Throws `AdapterError.Code.unavailable` and applies nothing.
    case unavailable
    /// Receives the request twice, as a network that delivers it again would; the second
    /// delivery must change nothing.
    case deliveredTwice
}

/// The faults a fake still has to act out, in order, and how many requests it applied.
struct FaultPlan {
    var pending: [FakeFault] = []
    /// Requests that changed the fake's state (replays and failures excluded).
    var applied = 0

    mutating func next() -> FakeFault? {
        pending.isEmpty ? nil : pending.removeFirst()
    }

    /// Runs `apply` as `fault` says: before or after it throws, or twice.
    static func act<Answer>(_ fault: FakeFault?, _ apply: () throws -> Answer) throws -> Answer {
        switch fault {
        case .unavailable?: throw AdapterError(.unavailable, details: "injected")
        case .timeoutAfterApplying?:
            _ = try apply()
            throw AdapterError(.timeout, details: "injected")
        case .deliveredTwice?:
            _ = try apply()
            return try apply()
        case nil: return try apply()
        }
    }
}
