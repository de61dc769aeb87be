/// Gathers an applicant's features from the sources a program uses: social security, medical
/// insurance status and years insured, housing fund, the bank's credit grade and initial line,
/// judicial and dishonesty records, past defaults and credit repair.
///
/// Conforming types MUST:
/// - report a source that is down, slow or refusing as `.missing(.sourceDown)` and a source with
///   no record of the applicant as `.missing(.noRecord)`, never as zero or an empty category;
/// - answer within their own timeout: gathering never throws, so one source down never stops an
///   enrollment, and the scorer sees what was missing and why;
/// - report only the features they name in ``featureNames``.
public protocol CreditDataSource: Sendable {
    /// The features this source reports.
    var featureNames: [String] { get }
    /// The features of the patient `patient` (the HIS's patient id).
    func features(of patient: String) async -> ApplicantFeatures
}
