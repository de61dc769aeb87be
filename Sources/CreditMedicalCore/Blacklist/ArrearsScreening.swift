/// The check that keeps new credit from a listed patient: at enrollment (`CreditEnrollment`'s
/// configuration) and when a credit encounter opens (the credit desk's configuration). It asks
/// the ``ArrearsList`` where the patient stands here and, by their ``ArrearsSubject``, in the
/// ``PublicCreditRegistry``. Emergency care is never screened.
public struct ArrearsScreening: Sendable {
    /// What a check does when the registry cannot be asked.
    public enum RegistryOutage: Sendable, Hashable {
        /// Fails the check with the registry's ``AdapterError`` (unless this deployment's own
        /// entries list the patient): the caller tries again later. Credit is refused for now;
        /// care is not (the patient can pay as usual, and emergencies are never screened).
        case refuse
        /// Decides on this deployment's entries alone.
        case useLocalEntries
    }

    public var list: ArrearsList
    public var subjects: any ArrearsSubjectDirectory
    public var registryOutage: RegistryOutage

    public init(list: ArrearsList, subjects: any ArrearsSubjectDirectory, registryOutage: RegistryOutage = .refuse) {
        self.list = list
        self.subjects = subjects
        self.registryOutage = registryOutage
    }

    /// Where `patient` (the HIS's id) stands. Throws the registry's error when it could not be
    /// asked, nothing here lists the patient, and ``registryOutage`` is ``RegistryOutage/refuse``.
    public func standing(of patient: String) async throws -> ArrearsStanding {
        let standing = try await list.standing(of: patient, subject: try subjects.subject(of: patient))
        if let error = standing.registryError, !standing.isListed, registryOutage == .refuse { throw error }
        return standing
    }
}
