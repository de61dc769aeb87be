public import CreditMedicalCore
import Synchronization

/// A `CreditLineDirectory` told which bank and institution each line belongs to, for tests and
/// examples; a deployment uses `CreditEnrollment`, which knows from its records.
public final class FakeCreditLineDirectory: CreditLineDirectory {
    private let accounts = Mutex<[CreditLineID: CreditLineAccount]>([:])

    public init() {}

    /// Records that `bank` granted `line`, enrolled at `institution`.
    public func register(_ line: CreditLineID, bank: String, institution: InstitutionID? = nil) {
        accounts.withLock { $0[line] = CreditLineAccount(line: line, bank: bank, institution: institution) }
    }

    public func account(of line: CreditLineID) throws -> CreditLineAccount? {
        accounts.withLock { $0[line] }
    }
}
