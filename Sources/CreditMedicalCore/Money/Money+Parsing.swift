extension Money {
    /// Parses a yuan amount exactly, without floating point.
    ///
    /// Accepted: an optional sign (`-` or `+`), an optional currency symbol (`¥`, `￥` or `CNY`,
    /// before or after the sign, optionally followed by a space), digits with optional thousands separators in groups of three
    /// (`1,000`), and at most two decimals (`12.3`, `12.34`). Surrounding spaces are ignored.
    /// More than two decimals is ``MoneyError/Code/tooManyDecimals`` (never rounded); anything
    /// else malformed is ``MoneyError/Code/invalidFormat``; an amount beyond `Int64` fen is
    /// ``MoneyError/Code/overflow``.
    public init(parsing text: String) throws(MoneyError) {
        var rest = Substring(text.trimmingSpaces())
        var negative = false
        func takeSign() {
            if rest.hasPrefix("-") { negative = true; rest = rest.dropFirst() }
            else if rest.hasPrefix("+") { rest = rest.dropFirst() }
        }
        func takeSymbol() -> Bool {
            for symbol in ["¥", "￥", "CNY"] where rest.hasPrefix(symbol) {
                rest = rest.dropFirst(symbol.count).drop { $0 == " " }
                return true
            }
            return false
        }
        takeSign()
        if takeSymbol() && !negative && rest.first.map({ $0 == "-" || $0 == "+" }) == true { takeSign() }

        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let wholeText = parts[0]
        guard let whole = Money.parseGroupedDigits(wholeText) else { throw MoneyError(.invalidFormat) }
        var fraction: UInt64 = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard !decimals.isEmpty, decimals.allSatisfy(\.isASCIIDigit) else { throw MoneyError(.invalidFormat) }
            guard decimals.count <= 2 else { throw MoneyError(.tooManyDecimals) }
            fraction = decimals.reduce(0) { $0 * 10 + ($1.asciiDigitValue ?? 0) } * (decimals.count == 1 ? 10 : 1)
        }
        let (scaled, overflowA) = whole.multipliedReportingOverflow(by: 100)
        let (magnitude, overflowB) = scaled.addingReportingOverflow(fraction)
        let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        guard !overflowA, !overflowB, magnitude <= limit else { throw MoneyError(.overflow) }
        self.init(fen: negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude))
    }

    /// Digits with optional, correctly placed thousands separators; `nil` when malformed or too long.
    private static func parseGroupedDigits(_ text: Substring) -> UInt64? {
        guard let first = text.first, first.isASCIIDigit else { return nil }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        var value: UInt64 = 0
        for group in groups {
            for character in group {
                guard let digit = character.asciiDigitValue else { return nil }
                let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = shifted.addingReportingOverflow(digit)
                guard !overflowA, !overflowB else { return UInt64.max }
                value = sum
            }
        }
        return value
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { asciiDigitValue != nil }

    fileprivate var asciiDigitValue: UInt64? {
        guard let ascii = asciiValue, (48...57).contains(ascii) else { return nil }
        return UInt64(ascii - 48)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[start...end]
    }
}
