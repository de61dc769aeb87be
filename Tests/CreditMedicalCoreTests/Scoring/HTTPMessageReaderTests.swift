import CreditMedicalCore
import XCTest

/// How the HTTP client frames and bounds an answer, byte by byte.
final class HTTPMessageReaderTests: XCTestCase {
    let reader = HTTPMessageReader(limit: 1024, isResponse: true)

    func testAChunkedBodyIsJoinedOnceItsLastChunkAndTrailersArrived() throws {
        let whole = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n5;ext=1\r\n{\"sco\r\n8\r\nre\": 61}\r\n0\r\nX-Trailer: y\r\n\r\n".utf8)
        let message = try XCTUnwrap(try reader.parse(whole[...], closed: false))
        XCTAssertEqual(String(decoding: message.body, as: UTF8.self), #"{"score": 61}"#)
        XCTAssertEqual(message.header("CONTENT-TYPE"), "application/json")
        XCTAssertEqual(try message.status(), 200)
        for cut in [40, whole.count - 3, whole.count - 1] {
            XCTAssertNil(try reader.parse(whole.prefix(cut), closed: false), "complete after \(cut) bytes")
        }
    }

    func testABodyIsFramedByContentLengthOrByTheConnectionClosing() throws {
        let sized = Array("HTTP/1.1 500 Oops\r\ncontent-length: 2\r\n\r\nok and more".utf8)
        XCTAssertEqual(try reader.parse(sized[...], closed: false)?.body, Array("ok".utf8))
        let unsized = Array("HTTP/1.0 200 OK\r\n\r\nto the end".utf8)
        XCTAssertNil(try reader.parse(unsized[...], closed: false))
        XCTAssertEqual(try reader.parse(unsized[...], closed: true)?.body, Array("to the end".utf8))
    }

    func testBrokenFramingIsMalformedAndAnOversizedLengthTooLarge() {
        let broken: [(String, HTTPFailure)] = [
            ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .malformed(problem: "chunk size")),
            ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", .malformed(problem: "chunk end")),
            ("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", .malformed(problem: "content-length")),
            ("HTTP/1.1 200 OK\r\nno colon\r\n\r\n", .malformed(problem: "header line")),
            ("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n", .tooLarge(limit: 1024)),
            ("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", .malformed(problem: "transfer coding gzip")),
        ]
        for (text, expected) in broken {
            XCTAssertThrowsError(try reader.parse(Array(text.utf8)[...], closed: false), text) { error in
                XCTAssertEqual(error as? HTTPFailure, expected, text)
            }
        }
        let garbage = HTTPMessage(startLine: "SSH-2.0-OpenSSH", headers: [:], body: [])
        XCTAssertThrowsError(try garbage.status())
    }
}
