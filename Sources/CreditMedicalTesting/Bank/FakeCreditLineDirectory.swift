public import CreditMedicalCore
import Synchronization

/// A `CreditLineDirectory` told which bank and institution each line belongs to, for tests and
/// examples; a deployment uses `CreditEnrollment`, which knows from its records.
public final class FakeCreditLineDirectory: CreditLineDirectory {
    private let accounts = Mutex<[CreditLineID: CreditLineAccount]>([:])

    public init() {}

    /// Records that `bank` granted `line`, enrolled at `institution` by `holder`.
    public func register(_ line: CreditLineID, bank: String, institution: InstitutionID? = nil, holder: String? = nil) {
        accounts.withLock { $0[line] = CreditLineAccount(line: line, bank: bank, institution: institution, holder: holder) }
    }

    public func account(of line: CreditLineID) throws -> CreditLineAccount? {
        accounts.withLock { $0[line] }
    }
}
