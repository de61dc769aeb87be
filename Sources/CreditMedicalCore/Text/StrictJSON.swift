import Foundation

/// Reads a document of one of the SDK's JSON data formats (scorecards, eligibility rules, limit
/// tiers) strictly: a key the format does not know is refused, so a misspelt setting is an error
/// and not silently ignored, and every problem names where it is (`features[2].bins[1].upTo`).
struct StrictJSON {
    /// A problem at `path` (empty for the whole file).
    struct Problem: Error {
        let path: String
        let problem: String
    }

    /// The keys each object may have, by the key it stands under (`""` for the top object). An
    /// object under a key not listed is not checked.
    let keys: [String: Set<String>]

    /// The top object's value of `key` when it is an integer (such as `formatVersion`), read
    /// before decoding so that a newer format is told apart from a broken file.
    static func integer(_ key: String, in data: Data) -> Int? {
        ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])?[key] as? Int
    }

    /// `value` as JSON for a file a person reads and version control diffs: indented, keys sorted.
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The formats hold plain numbers, strings and arrays: encoding them cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }

    /// `T` decoded from `data`, after the keys are checked.
    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(Problem) -> T {
        let tree: Any
        do {
            tree = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Problem(path: "", problem: "not JSON: \((error as NSError).localizedDescription)")
        }
        try refuseUnknownKeys(in: tree, path: "", key: "")
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw Self.problem(error)
        } catch {
            throw Problem(path: "", problem: "\(error)")
        }
    }

    private func refuseUnknownKeys(in value: Any, path: String, key: String) throws(Problem) {
        if let object = value as? [String: Any] {
            guard let known = keys[key] else { return }
            for name in object.keys.sorted() {
                let child = path.isEmpty ? name : "\(path).\(name)"
                guard known.contains(name) else {
                    throw Problem(path: child, problem: "unknown key (known: \(known.sorted().joined(separator: ", ")))")
                }
                try refuseUnknownKeys(in: object[name] ?? NSNull(), path: child, key: name)
            }
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                try refuseUnknownKeys(in: element, path: "\(path)[\(index)]", key: key)
            }
        }
    }

    private static func problem(_ error: DecodingError) -> Problem {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce(into: "") { path, key in
                if let index = key.intValue { path += "[\(index)]" } else { path += path.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
        }
        switch error {
        case .keyNotFound(let key, let context): return Problem(path: path(context.codingPath + [key]), problem: "missing")
        case .typeMismatch(let type, let context): return Problem(path: path(context.codingPath), problem: "expected \(type)")
        case .valueNotFound(let type, let context): return Problem(path: path(context.codingPath), problem: "expected \(type), found null")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // The text parsed as JSON before decoding began: Foundation says this when a number
            // does not fit its field, without the field's path.
            return Problem(path: "", problem: "a number does not fit its field (a fraction where a whole number belongs, or too large)")
        case .dataCorrupted(let context): return Problem(path: path(context.codingPath), problem: context.debugDescription)
        @unknown default: return Problem(path: "", problem: "\(error)")
        }
    }
}
