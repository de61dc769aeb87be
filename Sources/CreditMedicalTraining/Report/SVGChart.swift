/// A small chart as inline SVG: lines over the unit square, or pairs of bars side by side.
struct SVGChart {
    let yLabel: String
    let xLabel: String
    private let size = (width: 360.0, height: 260.0)
    private let margin = 36.0

    init(yLabel: String, xLabel: String) {
        self.yLabel = yLabel
        self.xLabel = xLabel
    }

    /// Lines through points in [0, 1] × [0, 1], each in its colour.
    func render(lines: [(points: [(x: Double, y: Double)], colour: String)]) -> String {
        let paths = lines.map { line in
            let points = line.points.map { "\(HTML.number(x($0.x))),\(HTML.number(y($0.y)))" }.joined(separator: " ")
            return "<polyline fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\" points=\"\(points)\"/>"
        }
        return frame(paths.joined())
    }

    /// Pairs of bars (good share, bad share) from left to right, scaled to the highest bar.
    func render(bars: [(good: Double, bad: Double)]) -> String {
        let highest = bars.map { max($0.good, $0.bad) }.max() ?? 1
        let slot = (size.width - 2 * margin) / Double(max(bars.count, 1))
        let rects = bars.enumerated().map { index, bar in
            let left = margin + Double(index) * slot
            return rect(left, slot / 2, bar.good / max(highest, 1e-12), "#2980b9")
                + rect(left + slot / 2, slot / 2, bar.bad / max(highest, 1e-12), "#c0392b")
        }
        return frame(rects.joined())
    }

    private func rect(_ left: Double, _ width: Double, _ share: Double, _ colour: String) -> String {
        let height = share * (size.height - 2 * margin)
        return "<rect x=\"\(HTML.number(left))\" y=\"\(HTML.number(size.height - margin - height))\" width=\"\(HTML.number(width * 0.9))\" "
            + "height=\"\(HTML.number(height))\" fill=\"\(colour)\"/>"
    }

    private func x(_ value: Double) -> Double { margin + value * (size.width - 2 * margin) }
    private func y(_ value: Double) -> Double { size.height - margin - value * (size.height - 2 * margin) }

    private func frame(_ content: String) -> String {
        let (width, height) = (HTML.number(size.width), HTML.number(size.height))
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)">\
            <rect x="\(HTML.number(margin))" y="\(HTML.number(margin))" width="\(HTML.number(size.width - 2 * margin))" \
            height="\(HTML.number(size.height - 2 * margin))" fill="none" stroke="#444"/>\
            \(content)\
            <text x="\(HTML.number(size.width / 2))" y="\(HTML.number(size.height - 8))" text-anchor="middle" font-size="12">\(HTML.escape(xLabel))</text>\
            <text x="12" y="\(HTML.number(size.height / 2))" text-anchor="middle" font-size="12" \
            transform="rotate(-90 12 \(HTML.number(size.height / 2)))">\(HTML.escape(yLabel))</text></svg>
            """
    }
}
