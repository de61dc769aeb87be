import CreditMedicalCore

/// Makes the calls for one encounter take turns: one at a time within this desk, and across the
/// desks on one store through claims (``EncounterClaim``) when another desk's writes keep
/// interrupting a call. Copies share one serializer: every part made with the same turns waits
/// for the same encounter.
struct EncounterTurns: Sendable {
    /// Names this desk in its claims.
    let deskID: String
    let store: any EncounterStore
    /// Writes the claims.
    let writer: EncounterWriter
    /// A call that must take its turn drops its encounter from here and reads the store.
    let kept: EncounterCache
    let clock: any TimeSource
    /// How long a call waits for its turn (``CreditDesk/Configuration/contendedCallSeconds``).
    let contendedCallSeconds: Int64
    /// How long a claim of this desk lasts (``CreditDesk/Configuration/claimSeconds``).
    let claimSeconds: Int64
    private let serializer = EncounterSerializer()

    private var now: Timestamp { clock.now() }

    /// Runs one call of the desk for encounter `id`: refuses a malformed id and runs the calls for
    /// one encounter one at a time within this desk.
    ///
    /// When another desk (another process or server on the same store) wrote the encounter or
    /// moved its hold while the call ran (``StaleEncounterError``), the call takes its turn: it
    /// claims the encounter (``EncounterClaim``), which makes other desks wait, and runs again on
    /// what the store holds; until ``CreditDesk/Configuration/contendedCallSeconds`` have passed,
    /// then it fails with ``StaleEncounterError``. A desk that only repeated its call would lose
    /// again and again to one that keeps the encounter in memory and so writes sooner.
    func perform<Result>(_ id: EncounterID, _ body: () async throws -> Result) async throws -> Result {
        try BillingError.requireValid(id, "encounter")
        return try await serializer.run(id) {
            do {
                return try await body()
            } catch let stale as StaleEncounterError where stale.encounters.contains(id) {
                return try await performInTurn(id, body)
            } catch let error as any CodedError {
                // A call that a party, the ledger or the store stopped leaves no claim behind for
                // others to wait on. (Any other error is taken for the end of the process, as a
                // crash would be: its claim lapses by itself.)
                try? await endClaim(on: id)
                throw error
            }
        }
    }

    /// Claims the encounter and runs `body`, as often as it takes until the deadline; ends the
    /// claim whatever `body` did.
    private func performInTurn<Result>(_ id: EncounterID, _ body: () async throws -> Result) async throws -> Result {
        let deadline = ContinuousClock.now + .seconds(contendedCallSeconds)
        while true {
            _ = kept.take(id)
            if try await claim(id) {
                do {
                    let result = try await body()
                    try await endClaim(on: id)
                    return result
                } catch let stale as StaleEncounterError where stale.encounters.contains(id) && ContinuousClock.now < deadline {
                    // The claim lapsed under a call that took too long, or the encounter is new.
                } catch {
                    try? await endClaim(on: id)
                    throw error
                }
            }
            guard ContinuousClock.now < deadline else { throw StaleEncounterError(encounters: [id]) }
            try await Task.sleep(for: .milliseconds(Int.random(in: 1...4)))
        }
    }

    /// Writes this desk's claim on the encounter; `false` when another desk holds a claim that has
    /// not lapsed, or wrote the encounter in between. An encounter not stored yet needs no claim.
    private func claim(_ id: EncounterID) async throws -> Bool {
        guard var encounter = try store.encounter(id) else { return true }
        if claimOfAnotherDesk(on: encounter) != nil { return false }
        encounter.claim = newClaim()
        encounter.revision += 1
        do {
            try await writer.write([.encounter(encounter)], claiming: true)
            return true
        } catch let stale as StaleEncounterError where stale.encounters.contains(id) {
            return false
        }
    }

    /// Ends this desk's claim on the encounter when the call did not end it by writing it.
    private func endClaim(on id: EncounterID) async throws {
        guard var encounter = try store.encounter(id), encounter.claim?.desk == deskID else { return }
        encounter.revision += 1
        try await writer.write([.encounter(encounter)])
    }

    /// The stored encounter, for a call that is going to change it; throws
    /// ``StaleEncounterError`` while another desk holds a claim on it that has not lapsed.
    func encounterToChange(_ id: EncounterID) throws -> Encounter? {
        guard let encounter = try store.encounter(id) else { return nil }
        if claimOfAnotherDesk(on: encounter) != nil { throw StaleEncounterError(encounters: [id]) }
        return encounter
    }

    /// A claim of this desk that starts now.
    func newClaim() -> EncounterClaim {
        EncounterClaim(desk: deskID, until: now.adding(seconds: claimSeconds))
    }

    /// The claim another desk holds on `encounter`, unless it has lapsed.
    func claimOfAnotherDesk(on encounter: Encounter) -> EncounterClaim? {
        guard let claim = encounter.claim, claim.desk != deskID, claim.until > now else { return nil }
        return claim
    }
}
