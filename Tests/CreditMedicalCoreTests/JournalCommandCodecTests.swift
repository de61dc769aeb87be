import CreditMedicalCore
import XCTest

/// Every command goes into the journal and comes back as it was; the codes earlier journals hold
/// still read as the same commands; a row this SDK cannot read is refused, not guessed.
final class JournalCommandCodecTests: XCTestCase {
    private let expiry = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    /// One of each command (both lock rules), with the stored form earlier SDKs wrote for it.
    private var commands: [(LedgerCommand, StoredCommand)] {
        let (amount, hold) = (Money(fen: 1_234), HoldID("H"))
        return [
            (.openLine("L", limit: amount), StoredCommand(code: 1, amount: amount)),
            (.adjustLimit("L", to: amount), StoredCommand(code: 2, amount: amount)),
            (.adjustLimit("L", to: amount, reason: "复核升级 / review upgrade"),
             StoredCommand(code: 2, version: 2, amount: amount, detail: "复核升级 / review upgrade")),
            (.suspendLine("L"), StoredCommand(code: 3)),
            (.resumeLine("L"), StoredCommand(code: 4)),
            (.freezeLine("L"), StoredCommand(code: 5)),
            (.unfreezeLine("L"), StoredCommand(code: 6)),
            (.closeLine("L"), StoredCommand(code: 7)),
            (.openMemberLine("L", guarantor: "G", cap: amount), StoredCommand(code: 8, amount: amount, detail: "G")),
            (.placeHold(hold, line: "L", amount: amount, expiresAt: expiry), StoredCommand(code: 20, hold: hold, amount: amount, time: expiry)),
            (.placeHold(hold, line: "L", amount: amount, expiresAt: nil), StoredCommand(code: 20, hold: hold, amount: amount)),
            (.increaseHold(hold, by: amount), StoredCommand(code: 21, hold: hold, amount: amount)),
            (.decreaseHold(hold, by: amount), StoredCommand(code: 22, hold: hold, amount: amount)),
            (.captureHold(hold, amount: amount), StoredCommand(code: 23, hold: hold, amount: amount)),
            (.voidHold(hold), StoredCommand(code: 24, hold: hold)),
            (.expireHold(hold), StoredCommand(code: 25, hold: hold)),
            (.reverseCapture(hold, amount: amount), StoredCommand(code: 26, hold: hold, amount: amount)),
            (.lockUpTo(hold, line: "L", target: amount, rule: .asMuchAsAvailable), StoredCommand(code: 27, hold: hold, amount: amount)),
            (.lockUpTo(hold, line: "L", target: amount, rule: .allOrNothing), StoredCommand(code: 28, hold: hold, amount: amount)),
            (.reverseCaptureUpTo(hold, amount: amount), StoredCommand(code: 29, hold: hold, amount: amount)),
            (.writeOff(hold, amount: amount, reason: "bad debt: 180 days"), StoredCommand(code: 31, hold: hold, amount: amount, detail: "bad debt: 180 days")),
            (.lockUpTo(hold, line: "L", target: amount, rule: .emergency), StoredCommand(code: 30, hold: hold, amount: amount)),
            (.repay("L", amount: amount), StoredCommand(code: 40, amount: amount)),
        ]
    }

    func testEveryCommandIsStoredAsEarlierJournalsHoldItAndReadBack() {
        for (command, stored) in commands {
            XCTAssertEqual(JournalCommandCodec.encode(command), stored, "\(command)")
            XCTAssertEqual(JournalCommandCodec.decode(stored, line: "L"), command, "\(stored)")
        }
        XCTAssertEqual(Set(commands.map(\.1.code)).count, commands.count - 2, "one code per command (placeHold and adjustLimit twice)")
        XCTAssertEqual(commands.map(\.0.name).prefix(4), ["openLine", "adjustLimit", "adjustLimit", "suspendLine"])
    }

    func testARowThisSDKCannotReadIsRefused() {
        XCTAssertNil(JournalCommandCodec.decode(StoredCommand(code: 99), line: "L"), "an unknown code")
        XCTAssertNil(JournalCommandCodec.decode(StoredCommand(code: 8, amount: Money(fen: 1)), line: "L"), "a member line without its guarantor")
        XCTAssertNil(JournalCommandCodec.decode(StoredCommand(code: 1, version: 2, amount: Money(fen: 1)), line: "L"),
                     "a layout a newer SDK wrote")
        XCTAssertNil(JournalCommandCodec.decode(StoredCommand(code: 2, version: 3, amount: Money(fen: 1), detail: "x"), line: "L"),
                     "a layout of adjustLimit a newer SDK wrote")
        XCTAssertNil(JournalCommandCodec.decode(StoredCommand(code: 2, version: 2, amount: Money(fen: 1)), line: "L"),
                     "version 2 of adjustLimit without its reason")
        for code in [1, 2, 20, 21, 22, 23, 26, 27, 28, 29, 40] {
            XCTAssertNil(JournalCommandCodec.decode(StoredCommand(code: code, hold: "H"), line: "L"), "code \(code) without its amount")
        }
        for code in [20, 21, 22, 23, 24, 25, 26, 27, 28, 29] {
            XCTAssertNil(JournalCommandCodec.decode(StoredCommand(code: code, amount: Money(fen: 1)), line: "L"), "code \(code) without its hold")
        }
    }
}
