import CreditMedicalCore
import XCTest

final class LedgerIdentifierTests: XCTestCase {
    /// Every scalar from U+0000 to U+01FF, at every position of ids of 1 to 20 characters (the
    /// word-at-a-time check has separate paths below and above eight bytes), is judged as the
    /// rule says: no C0, DEL or C1 control character.
    func testControlCharactersAreRefusedAtEveryPositionAndLength() {
        for length in 1...20 {
            for position in 0..<length {
                for value in 0...0x1FF {
                    guard let scalar = Unicode.Scalar(value) else { continue }
                    var text = String(repeating: "x", count: position)
                    text.unicodeScalars.append(scalar)
                    text += String(repeating: "y", count: length - position - 1)
                    let control = value < 0x20 || (0x7F...0x9F).contains(value)
                    XCTAssertEqual(CreditLineID(text).isValid, !control, "U+\(String(value, radix: 16)) at \(position) of \(length)")
                }
            }
        }
    }
}
