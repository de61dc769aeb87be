import Foundation

/// A directory of its own for one test, removed when the value goes away.
public final class TemporaryDirectory {
    /// The directory's path.
    public let path: String

    public init() throws {
        path = NSTemporaryDirectory() + "creditmedical-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A path inside the directory.
    public func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
