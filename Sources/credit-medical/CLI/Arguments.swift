/// The command line, taken apart by hand: options are `--name value` or `--flag`, anything left
/// over when a command has taken what it knows is an error.
struct Arguments: Sendable {
    private var words: [String]

    init(_ words: [String]) { self.words = words }

    /// Takes the next word when it is not an option (a command's name or a positional argument).
    mutating func subcommand() -> String? {
        guard let first = words.first, !Self.isOption(first) else { return nil }
        return words.removeFirst()
    }

    /// Takes the next word when it is not an option and `accept` says yes.
    mutating func subcommand(where accept: (String) -> Bool) -> String? {
        guard let first = words.first, !Self.isOption(first), accept(first) else { return nil }
        return words.removeFirst()
    }

    /// Takes `name` and says whether it was there.
    mutating func flag(_ name: String) -> Bool {
        guard let index = words.firstIndex(of: name) else { return false }
        words.remove(at: index)
        return true
    }

    /// Takes `-h` and `--help` and says whether either was there.
    mutating func help() -> Bool {
        let short = flag("-h")
        return flag("--help") || short
    }

    /// Takes `name` and the value after it.
    mutating func value(_ name: String) throws(UsageError) -> String? {
        guard let index = words.firstIndex(of: name) else { return nil }
        guard index + 1 < words.count, !words[index + 1].hasPrefix("--") else {
            throw UsageError("\(name) needs a value")
        }
        let value = words[index + 1]
        words.removeSubrange(index...(index + 1))
        return value
    }

    /// Takes `name` and the positive whole number after it.
    mutating func positiveNumber(_ name: String) throws(UsageError) -> Int? {
        guard let text = try value(name) else { return nil }
        guard let number = Int(text), number > 0 else { throw UsageError("\(name) needs a positive whole number, not \(text)") }
        return number
    }

    /// Fails when words are left that no one took.
    func finish() throws(UsageError) {
        guard let word = words.first else { return }
        throw UsageError(Self.isOption(word) ? "unknown option \(word)" : "unexpected argument \(word)")
    }

    /// Whether `word` is an option (`--name`, `-h`) rather than a name or a value.
    private static func isOption(_ word: String) -> Bool {
        word.count > 1 && word.hasPrefix("-")
    }
}
