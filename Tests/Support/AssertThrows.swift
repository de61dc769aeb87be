public import CreditMedicalCore
import XCTest

/// Fails unless `body` throws an error with `code`; returns the error.
@discardableResult
public func assertThrows<Code: ErrorCode>(
    _ code: Code, file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> some Any
) async -> (any Error)? {
    do {
        let value = try await body()
        XCTFail("expected \(code.rawValue), got \(value)", file: file, line: line)
        return nil
    } catch {
        XCTAssertTrue(code ~= error, "expected \(code.rawValue), got \(error)", file: file, line: line)
        return error
    }
}
