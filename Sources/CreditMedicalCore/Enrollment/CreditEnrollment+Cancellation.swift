extension CreditEnrollment {
    /// Cancels (解约) enrollment `id`: closes its line and records the cancellation, through
    /// `channel`, by the patient or an agent with authority. The program's consent is cancelled
    /// too (as consent event `eventID`) unless the patient keeps another enrollment open.
    /// Cancelling again with the same event id answers the same; a later enrollment keeps the
    /// history.
    ///
    /// Throws `EnrollmentError.Code.notEnrolled` when the enrollment is not open,
    /// `EnrollmentError.Code.agentWithoutAuthority` for an agent who may not act for the patient,
    /// and `EnrollmentError.Code.balanceRemains` (listing what is held and owed) while the line
    /// holds or owes anything; then nothing changes.
    public func cancel(_ id: String, channel: SigningChannel, signer: ConsentSigner, eventID: String) async throws -> EnrollmentStatus {
        let steps = try store.steps(of: id)
        guard case .requested(let request) = steps.first?.event else { throw EnrollmentError(.notEnrolled, details: id) }
        switch EnrollmentStatus(steps: steps) {
        case .open: break
        case .cancelled where steps.last?.event == .cancelled(consentEvent: eventID): return EnrollmentStatus(steps: steps)
        case .inProgress, .refused, .cancelled: throw EnrollmentError(.notEnrolled, details: id)
        }
        try consents.checkAuthority(of: signer, for: request.patient)
        do {
            try await ledger.execute(.closeLine(request.line), key: EnrollmentKeys.close(id))
        } catch let error as LedgerError where error.code == .lineInUse {
            throw try remaining(on: request.line)
        }
        if try !othersOpen(of: request.patient, besides: id), try consents.standing(of: request.patient, in: configuration.consentDocument).inForce {
            _ = try consents.cancel(configuration.consentDocument, patient: request.patient, channel: channel, signer: signer, id: eventID)
        }
        let cancelled = EnrollmentStep(enrollment: id, patient: request.patient, at: ledger.clock.now(),
                                       event: .cancelled(consentEvent: eventID))
        try store.append([cancelled])
        return EnrollmentStatus(steps: try store.steps(of: id))
    }

    /// What keeps `line` from closing, as the error that lists it.
    private func remaining(on line: CreditLineID) throws -> EnrollmentError {
        let current = try ledger.line(line)
        let open = try ledger.holds(on: line).filter { $0.state == .open }
        return EnrollmentError(.balanceRemains, context: [
            "held": "\(current?.held.fen ?? 0)", "outstanding": "\(current?.outstanding.fen ?? 0)", "open_holds": "\(open.count)",
        ], details: open.map(\.id.rawValue).joined(separator: ", "))
    }

    /// Whether `patient` has an open enrollment other than `id`.
    private func othersOpen(of patient: String, besides id: String) throws -> Bool {
        try store.enrollments(of: patient).contains { other in
            guard other != id else { return false }
            if case .open = EnrollmentStatus(steps: try store.steps(of: other)) { return true }
            return false
        }
    }
}
