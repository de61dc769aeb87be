public import CreditMedicalCore
import Synchronization

/// A data-source fake: answers the features set for each patient; a patient it has nothing for
/// gets every feature it names as `.missing(.noRecord)`, and while it is ``down`` every feature as
/// `.missing(.sourceDown)`.
public final class FakeCreditDataSource: CreditDataSource {
    public let featureNames: [String]
    private let state = Mutex<(byPatient: [String: ApplicantFeatures], down: Bool, asked: Int)>(([:], false, 0))

    /// A source of the features `featureNames`.
    public init(featureNames: [String]) {
        self.featureNames = featureNames
    }

    /// Sets what the source knows of `patient`.
    public func set(_ features: ApplicantFeatures, for patient: String) {
        state.withLock { $0.byPatient[patient] = features }
    }

    /// Whether the source is unreachable.
    public var down: Bool {
        get { state.withLock { $0.down } }
        set { state.withLock { $0.down = newValue } }
    }

    /// How many times it was asked.
    public var asked: Int { state.withLock { $0.asked } }

    public func features(of patient: String) async -> ApplicantFeatures {
        state.withLock { state in
            state.asked += 1
            guard !state.down else { return ApplicantFeatures(Dictionary(uniqueKeysWithValues: featureNames.map { ($0, .missing(.sourceDown)) })) }
            guard let known = state.byPatient[patient] else {
                return ApplicantFeatures(Dictionary(uniqueKeysWithValues: featureNames.map { ($0, .missing(.noRecord)) }))
            }
            return known
        }
    }
}
