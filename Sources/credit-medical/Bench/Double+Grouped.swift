extension Double {
    /// The value rounded to a whole number with a comma between groups of three digits: `12,345`.
    var grouped: String {
        let digits = String(Int(rounded()).magnitude)
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return self < -0.5 ? "-" + text : text
    }
}
