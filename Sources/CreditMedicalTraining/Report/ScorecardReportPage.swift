public import CreditMedicalCore

/// A self-contained HTML page of a scorecard's performance on a data set, for a risk committee:
/// the ROC curve, the KS chart, the score distribution of goods and bads, and every feature's bins
/// with weight of evidence and points. Charts are inline SVG; the page loads nothing from
/// elsewhere and runs no script.
public struct ScorecardReportPage: Sendable {
    public let scorecard: Scorecard
    /// Each row's score and outcome (1 = bad).
    let scores: [Int]
    let targets: [UInt8]
    let discrimination: Discrimination

    /// Scores every row of `table` and measures against column `target`. Throws
    /// `TrainingError.Code.missingTarget`, `TrainingError.Code.invalidTarget` or
    /// `TrainingError.Code.tableMismatch`.
    public init(scorecard: Scorecard, table: CSVTable, target: String) throws(TrainingError) {
        self.scorecard = scorecard
        targets = try TargetColumn.targets(of: table, named: target)
        let scores = try ScorecardEvaluation.scores(scorecard, table)
        self.scores = scores.map { Int($0) }
        discrimination = try Discrimination(scores: scores, targets: targets)
    }

    /// The page.
    public var html: String {
        let curve = ScoreCurve(scores: scores, targets: targets)
        let measured = discrimination
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <title>\(HTML.escape(scorecard.id)) \(HTML.escape(scorecard.version)) — scorecard report</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin-bottom: 1.5em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            .charts { display: flex; flex-wrap: wrap; gap: 2em; }
            figure { margin: 0; } figcaption { font-weight: bold; margin-bottom: 0.3em; }
            </style></head><body>
            <h1>Scorecard \(HTML.escape(scorecard.id)) version \(HTML.escape(scorecard.version))</h1>
            <p>\(scores.count) applicants, \(measured.bads) bad, \(measured.goods) good.
            AUC \(HTML.number(measured.auc)), KS \(HTML.number(measured.ks)), Gini \(HTML.number(measured.gini)).
            Base score \(scorecard.baseScore)\(scorecard.excluded.isEmpty ? "" : "; excluded by policy: " + HTML.escape(scorecard.excluded.joined(separator: ", "))).</p>
            <div class="charts">
            <figure><figcaption>ROC curve (grey: chance)</figcaption>\(rocChart(curve))</figure>
            <figure><figcaption>KS: cumulative share of bads (red) and goods (blue) by score</figcaption>\(ksChart(curve))</figure>
            <figure><figcaption>Score distribution of goods (blue) and bads (red)</figcaption>\(distributionChart())</figure>
            </div>
            <h2>Features and their bins</h2>
            \(scorecard.features.map(featureTable).joined(separator: "\n"))
            </body></html>

            """
    }

    private func rocChart(_ curve: ScoreCurve) -> String {
        let points = curve.points.map { (x: $0.goodShare, y: $0.badShare) }
        return SVGChart(yLabel: "bads caught", xLabel: "goods refused")
            .render(lines: [(points, "#c0392b"), ([(0, 0), (1, 1)], "#999")])
    }

    private func ksChart(_ curve: ScoreCurve) -> String {
        let bads = curve.points.enumerated().map { (x: Double($0.offset) / Double(max(curve.points.count - 1, 1)), y: $0.element.badShare) }
        let goods = curve.points.enumerated().map { (x: Double($0.offset) / Double(max(curve.points.count - 1, 1)), y: $0.element.goodShare) }
        return SVGChart(yLabel: "cumulative share", xLabel: "score, lowest first").render(lines: [(bads, "#c0392b"), (goods, "#2980b9")])
    }

    private func distributionChart() -> String {
        guard let low = scores.min(), let high = scores.max() else { return SVGChart(yLabel: "share", xLabel: "score").render(bars: []) }
        let buckets = 20
        let width = max(1, (high - low + buckets) / buckets)
        var bad = [Double](repeating: 0, count: buckets), good = [Double](repeating: 0, count: buckets)
        for (score, target) in zip(scores, targets) {
            let bucket = min((score - low) / width, buckets - 1)
            if target == 1 { bad[bucket] += 1 } else { good[bucket] += 1 }
        }
        let bads = max(bad.reduce(0, +), 1), goods = max(good.reduce(0, +), 1)
        return SVGChart(yLabel: "share", xLabel: "score \(low) to \(high)")
            .render(bars: (0..<buckets).map { (good[$0] / goods, bad[$0] / bads) })
    }

    private func featureTable(_ feature: Scorecard.Feature) -> String {
        var rows = feature.bins.indices.map { index in
            row(describe(feature, index), feature.bins[index])
        }
        rows.append(row("missing", feature.missing))
        let iv = feature.informationValue.map { ", IV \(HTML.number($0))" } ?? ""
        return """
            <h3>\(HTML.escape(feature.label.map { "\($0.chinese) / \($0.english)" } ?? feature.name)) (\(HTML.escape(feature.name))\(iv))</h3>
            <table><tr><th>bin</th><th>WoE</th><th>points</th></tr>
            \(rows.joined(separator: "\n"))
            </table>
            """
    }

    private func row(_ name: String, _ bin: Scorecard.Bin) -> String {
        "<tr><td>\(HTML.escape(name))</td><td>\(bin.woe.map(HTML.number) ?? "")</td><td>\(bin.points)</td></tr>"
    }

    private func describe(_ feature: Scorecard.Feature, _ index: Int) -> String {
        let bin = feature.bins[index]
        if let categories = bin.categories { return categories.joined(separator: ", ") + (feature.unseenBin == index ? " (and unseen)" : "") }
        let lower = index > 0 ? feature.bins[index - 1].upTo.map { "[\(HTML.number($0))" } ?? "(−∞" : "(−∞"
        return "\(lower), \(bin.upTo.map { HTML.number($0) + ")" } ?? "+∞)")"
    }
}
