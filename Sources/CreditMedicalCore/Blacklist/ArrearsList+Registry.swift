extension ArrearsList {
    /// Sends the pushes waiting in the outbox to the registry, oldest first, and records how each
    /// went: a delivered push leaves the outbox, a failed one stays for the next run, and the
    /// later pushes about the same listing wait behind it. The registry applies each request id
    /// once, so a push sent again after a timeout or a crash is not applied twice.
    ///
    /// Run it every minute or so, and after listing, deciding or removing; running it late only
    /// delays what other institutions see, and running it twice or on two servers changes nothing
    /// more. Throws only when the store cannot list or record the pushes.
    @discardableResult
    public func pushPending(limit: Int = 1_000) async throws -> RegistryPushReport {
        var report = RegistryPushReport()
        var attempts: [RegistryPushAttempt] = []
        var held: Set<String> = []
        for item in try store.pendingPushes(limit: limit) {
            let push = item.push
            guard !held.contains(push.listingKey) else {
                report.deferred.append(push.id)
                continue
            }
            do {
                try await registry.push(push)
                attempts.append(RegistryPushAttempt(id: push.id, at: now, failure: nil))
                report.delivered.append(push.id)
            } catch {
                let code = (error as? any CodedError)?.code.rawValue ?? String(describing: type(of: error))
                attempts.append(RegistryPushAttempt(id: push.id, at: now, failure: code))
                report.failed[push.id] = code
                held.insert(push.listingKey)
            }
        }
        if !attempts.isEmpty { try store.recordAttempts(attempts) }
        return report
    }

    /// Where a patient stands: the entries of this deployment that stand for `patient` (the HIS's
    /// id) or `subject`, and the registry's listings of `subject` from every institution. The
    /// registry is asked only with a subject; when it cannot be asked, the standing says why
    /// (``ArrearsStanding/registryError``) and holds this deployment's entries only.
    public func standing(of patient: String?, subject: ArrearsSubject?) async throws -> ArrearsStanding {
        if let patient { try ArrearsInput.check(patient, "patient") }
        if let subject { try ArrearsInput.check(subject, "subject") }
        var ids = try patient.map(store.entries(ofPatient:)) ?? []
        if let subject { ids += try store.entries(ofSubject: subject) }
        var (known, listings): (Set<String>, [RegistryListing]) = ([], [])
        for id in ids {
            guard let entry = try entry(id), known.insert(RegistryPush.key(entry.listing.institution, entry.id)).inserted else { continue }
            if entry.isInForce { listings.append(entry.registryListing) }
        }
        guard let subject else { return ArrearsStanding(listings: listings, registryError: nil) }
        do {
            let elsewhere = try await registry.listings(of: subject)
            listings += elsewhere.filter { known.insert(RegistryPush.key($0.institution, $0.entry)).inserted }
            return ArrearsStanding(listings: listings, registryError: nil)
        } catch {
            let failure = error as? AdapterError ?? AdapterError(.unavailable, details: String(describing: error))
            return ArrearsStanding(listings: listings, registryError: failure)
        }
    }
}
