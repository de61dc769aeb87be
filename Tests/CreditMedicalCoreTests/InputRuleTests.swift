import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

final class InputRuleTests: XCTestCase {
    /// Each rule is found wherever the offending character stands, in ASCII and in Chinese text,
    /// for every length around the eight-byte words the ASCII check reads.
    func testEveryRuleIsFoundAtEveryPosition() {
        let offenders: [(Unicode.Scalar, InputRule)] = [
            ("\u{0}", .controlCharacter), ("\u{9}", .controlCharacter), ("\u{A}", .controlCharacter), ("\u{7F}", .controlCharacter),
            ("\u{80}", .controlCharacter), ("\u{61C}", .bidirectionalControl), ("\u{200E}", .bidirectionalControl),
            ("\u{202B}", .bidirectionalControl), ("\u{2067}", .bidirectionalControl), ("\u{200B}", .invisibleCharacter),
            ("\u{200D}", .invisibleCharacter), ("\u{2060}", .invisibleCharacter), ("\u{FEFF}", .invisibleCharacter),
            ("\u{2028}", .lineSeparator), ("\u{2029}", .lineSeparator),
        ]
        for filler in ["x", "院"] {
            for length in 1...18 {
                for position in 0..<length {
                    for (scalar, rule) in offenders {
                        var text = String(repeating: filler, count: position)
                        text.unicodeScalars.append(scalar)
                        text += String(repeating: filler, count: length - position - 1)
                        XCTAssertEqual(CreditLineID(text).violation, rule, "U+\(String(scalar.value, radix: 16)) at \(position) of \(length)")
                    }
                }
                XCTAssertNil(CreditLineID(String(repeating: filler, count: min(length, 21))).violation)
            }
        }
    }

    func testIdentifiersMustBeInNFCAndFitTheirLength() {
        XCTAssertNil(CreditLineID("Am\u{E9}lie").violation, "composed")
        XCTAssertEqual(CreditLineID("Ame\u{301}lie").violation, .notNFC, "decomposed")
        XCTAssertNil(CreditLineID("\u{AC00}").violation, "a Hangul syllable")
        XCTAssertEqual(CreditLineID("\u{1100}\u{1161}").violation, .notNFC, "the same syllable as two jamo")
        XCTAssertNil(CreditLineID("病人-\u{1F600}-Ｍ").violation, "emoji and fullwidth letters are allowed (NFC, not NFKC)")
        XCTAssertEqual(CreditLineID("").violation, .empty)
        XCTAssertNil(CreditLineID(String(repeating: "a", count: 64)).violation)
        XCTAssertEqual(CreditLineID(String(repeating: "a", count: 65)).violation, .tooLong)
        XCTAssertNil(HoldID(String(repeating: "a", count: 96)).violation)
        XCTAssertNil(AdapterRequestID(String(repeating: "键", count: 42)).violation, "126 bytes")
        XCTAssertEqual(AdapterRequestID(String(repeating: "键", count: 43)).violation, .tooLong, "129 bytes")
        XCTAssertEqual(EncounterID("MZ#2").violation, .reservedCharacter)
        XCTAssertNil(HoldID("MZ#2").violation, "only encounter numbers reserve #")
    }

    func testStoredTextMayHoldNewlinesAndTabsButNoOtherControl() {
        XCTAssertNil(InputRules.textViolation(""))
        XCTAssertNil(InputRules.textViolation("第一行\n第二行\t完"))
        XCTAssertNil(InputRules.textViolation("\u{202E} shows in a name, but is no control character"))
        for control in ["\u{0}", "\r", "\u{1B}", "\u{7F}", "\u{85}"] {
            XCTAssertEqual(InputRules.textViolation("a\(control)b"), .controlCharacter, "\(control.unicodeScalars.first?.value ?? 0)")
            XCTAssertEqual(InputRules.textViolation("名\(control)字"), .controlCharacter)
        }
        XCTAssertEqual(InputRules.textViolation(String(repeating: "a", count: InputRules.maximumTextLength + 1)), .tooLong)
    }

    func testTextFromOutsideIsMadeStorable() {
        XCTAssertEqual(InputRules.storable("ok\nline\ttab"), "ok\nline\ttab")
        XCTAssertEqual(InputRules.storable("a\u{0}b\u{1B}c\u{85}d"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
        XCTAssertEqual(InputRules.storable("病人病人", maximumLength: 7), "病人", "cut on a character boundary")
        XCTAssertNil(InputRules.textViolation(InputRules.storable(String(repeating: "\u{0}", count: 5_000))))
    }

    func testErrorsShowFieldAndRuleButNoIdentifier() async throws {
        let ledger = Ledger(store: InMemoryLedgerStore())
        let results = try await ledger.submit([LedgerRequest(key: "k", command: .openLine("secret\u{0}patient", limit: .zero))])
        guard case .failure(let error) = results[0] else { return XCTFail("refused") }
        XCTAssertEqual(error.description,
                       "ledger.invalid_identifier: \(LedgerError.Code.invalidIdentifier.sentence) (field=line, limit=64 bytes, rule=control_character)")
        XCTAssertFalse(error.debugDescription.contains("secret"), "the refused text is not repeated")
        let overdrawn = try await ledger.submit([LedgerRequest(key: "o", command: .openLine("patient-7", limit: Money(fen: 5))),
                                                 LedgerRequest(key: "h", command: .placeHold("H", line: "patient-7", amount: Money(fen: 9), expiresAt: nil))])
        guard case .failure(let tooMuch) = overdrawn[1] else { return XCTFail("refused") }
        XCTAssertFalse(tooMuch.description.contains("patient-7"), "ids stay out of description")
        XCTAssertTrue(tooMuch.debugDescription.contains("patient-7"), "and are in debugDescription")
    }

    /// Refused requests in a batch fail alone; the valid ones around them are applied.
    func testInABatchOnlyTheRefusedRequestsFail() async throws {
        _ = try await RefusedInputs.check(InMemoryLedgerStore())
    }
}
