/// A family-group request refused; nothing was changed.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public typealias FamilyError = DomainError<FamilyErrorDomain>

/// The domain of ``FamilyError``: its codes are static members of `FamilyError.Code`.
public enum FamilyErrorDomain: ErrorDomain {
    public static let generalSentence = "Family group error."
}

extension FamilyError.Code {
    /// A patient id or a derived line id or key breaks an ``InputRule``; the context names the
    /// `field` and the `rule`.
    public static let invalidInput = Self("family.invalid_input", "An identifier breaks an input rule.")
    /// A member's cap would be above the guarantor line's limit; the context names the `limit`.
    public static let capAboveLine = Self("family.cap_above_line", "A member's cap may not be above the guarantor line's limit.")
    /// The agent may not act for the member; the context names the `relation` claimed.
    public static let agentWithoutAuthority = Self("family.agent_without_authority", "The agent may not pay for this member.")
    /// The patient is not a member of the group (or has been removed).
    public static let notAMember = Self("family.not_a_member", "The patient is not a member of this family group.")
    /// The patient is a member already, with another relation or cap.
    public static let alreadyAMember = Self("family.already_a_member", "The patient is a member of this family group already.")
    /// The member was removed from the group; a removed member's line stays closed.
    public static let memberRemoved = Self("family.member_removed", "The member was removed from this family group.")
    /// The member still has money held or owed, so they cannot be removed; the context says how
    /// much is `held` and `outstanding` (in fen) and how many holds are open (`open_holds`).
    public static let memberInUse = Self("family.member_in_use", "The member still has money held or owed.")
    /// The group's guarantor line does not exist, is closed, or is itself a member line.
    public static let guarantorUnusable = Self("family.guarantor_unusable", "The guarantor line cannot have members.")
}
