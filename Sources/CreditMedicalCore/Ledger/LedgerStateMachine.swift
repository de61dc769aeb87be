/// The one place where money moves: a pure, deterministic function from a state, a batch of
/// requests and a time to a new state, journal entries and one result per request.
///
/// No I/O, no clock reads, no randomness. Each request succeeds or fails on its own; a failed
/// request leaves the state exactly as it was. A key seen before returns its first entry (when
/// the command is the same) or `LedgerError.Code.idempotencyConflict`; rejected requests are
/// not recorded, so a retry of a rejected key is decided afresh.
public enum LedgerStateMachine {
    /// Applies `batch` in order at time `now`, appending to `state.newEntries`.
    public static func apply(_ batch: [LedgerRequest], to state: inout LedgerState, at now: Timestamp) -> [LedgerResult] {
        var results: [LedgerResult] = []
        results.reserveCapacity(batch.count)
        state.reserveCapacity(forBatchOf: batch.count)
        // Through a buffer pointer, each request is borrowed in place instead of copied out.
        batch.withUnsafeBufferPointer { requests in
            for index in requests.indices {
                results.append(apply(requests[index], to: &state, at: now))
            }
        }
        return results
    }

    /// Applies one request at time `now`.
    public static func apply(_ request: LedgerRequest, to state: inout LedgerState, at now: Timestamp) -> LedgerResult {
        do {
            try request.validate()
        } catch {
            return .failure(error)
        }
        if let recorded = state.findOrReserve(request.key) {
            let prior = state.entry(recorded)
            guard prior.command == request.command else {
                return .failure(LedgerError(.idempotencyConflict, details: "key \(request.key)"))
            }
            return .success(LedgerReceipt(entry: prior, isReplay: true))
        }
        let transition: Transition
        do {
            transition = try Transition.decide(request.command, in: state, at: now)
        } catch {
            state.release(request.key)
            return .failure(error)
        }
        assert(transition.invariantViolation(of: request.command, in: state) == nil,
               "\(request.command): \(transition.invariantViolation(of: request.command, in: state) ?? "")")
        let before = transition.before
        let after = transition.after
        let entry = JournalEntry(
            sequence: state.lastSequence + 1, key: request.key, timestamp: now, command: request.command,
            line: transition.line,
            limitDelta: Money(fen: after.limit.fen - before.limit.fen),
            heldDelta: Money(fen: after.held.fen - before.held.fen),
            outstandingDelta: Money(fen: after.outstanding.fen - before.outstanding.fen),
            lineAfter: after, holdAmountAfter: transition.hold?.amount, holdStateAfter: transition.hold?.state,
            guarantor: transition.guarantor.map {
                GuarantorMovement(line: $0.line, limit: $0.after.limit, heldAfter: $0.after.held, outstandingAfter: $0.after.outstanding)
            }
        )
        state.lastSequence = entry.sequence
        transition.store(request.command, in: &state, at: now)
        state.append(entry)
        return .success(LedgerReceipt(entry: entry, isReplay: false))
    }
}
