import Foundation
import GridCore

/// The scheme editor's form (考核方案编辑) as typed: every value kept as text so a refused form
/// comes back exactly as it was sent, with each reason beside its own field. Blank item rows are
/// ignored, so an administrator adds an item by filling the next empty row.
struct AssessmentSchemeForm: Encodable, Sendable {
    /// One item row: indicator, weight and the rule with the numbers each kind needs.
    struct ItemRow: Encodable, Sendable {
        var row: Int
        var indicator = ""
        var weight = ""
        /// "linear", "thresholds" or "penalty".
        var rule = "linear"
        var zeroAt = ""
        var fullAt = ""
        /// Steps as `at:points` pairs, comma separated: `0.6:5, 0.8:10`.
        var steps = ""
        var pointsEach = ""
        var errors = RowErrors()
    }

    struct RowErrors: Encodable, Sendable {
        var indicator: String?
        var weight: String?
        var rule: String?
    }

    /// Blank rows offered below the scheme's items.
    static let spareRows = 3
    /// The most item rows a form may carry (a guard on what is read from a request).
    static let maxRows = 30

    var name = ""
    var subject = AssessmentScheme.Subject.worker.rawValue
    var items: [ItemRow] = []
    var excellent = ""
    var qualified = ""
    var basic = ""
    var forced = false
    var maxExcellent = ""
    var minBasic = ""
    /// Errors of the whole form by field: name, subject, items, bands, forced.
    var errors: [String: String] = [:]

    init(_ scheme: AssessmentScheme) {
        name = scheme.name
        subject = scheme.subject.rawValue
        items = scheme.items.enumerated().map { index, item in
            var row = ItemRow(row: index, indicator: item.indicator, weight: Self.text(item.weight))
            switch item.rule {
            case .linear(let zeroAt, let fullAt):
                row.rule = "linear"
                row.zeroAt = Self.text(zeroAt)
                row.fullAt = Self.text(fullAt)
            case .thresholds(let steps):
                row.rule = "thresholds"
                row.steps = steps.map { "\(Self.text($0.atLeast)):\(Self.text($0.points))" }.joined(separator: ", ")
            case .penalty(let each):
                row.rule = "penalty"
                row.pointsEach = Self.text(each)
            }
            return row
        }
        items += (items.count..<items.count + Self.spareRows).map { ItemRow(row: $0) }
        let minimum = { (grade: Grade) in scheme.bands.first { $0.grade == grade }.map { Self.text($0.minimum) } ?? "" }
        excellent = minimum(.excellent)
        qualified = minimum(.qualified)
        basic = minimum(.basic)
        forced = scheme.forced != nil
        maxExcellent = scheme.forced.map { Self.text($0.maxExcellentShare * 100) } ?? "20"
        minBasic = scheme.forced.map { Self.text($0.minBasicShare * 100) } ?? "10"
    }

    /// The form as posted; `field` reads one posted value.
    init(posted field: (String) -> String?) {
        func value(_ name: String) -> String { (field(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        name = value("name")
        subject = value("subject")
        let rows = min(Self.maxRows, Int(value("rows")) ?? 0)
        items = (0..<rows).map { index in
            ItemRow(
                row: index, indicator: value("item-\(index)-indicator"), weight: value("item-\(index)-weight"),
                rule: value("item-\(index)-rule"), zeroAt: value("item-\(index)-zero"), fullAt: value("item-\(index)-full"),
                steps: value("item-\(index)-steps"), pointsEach: value("item-\(index)-each"))
        }
        if !items.contains(where: { $0.indicator.isEmpty }) { items.append(ItemRow(row: items.count)) }
        excellent = value("band-excellent")
        qualified = value("band-qualified")
        basic = value("band-basic")
        forced = !value("forced").isEmpty
        maxExcellent = value("forced-excellent")
        minBasic = value("forced-basic")
    }

    /// The scheme the form describes, checked by `AssessmentScheme.validate()`; on failure the
    /// form is returned with every reason placed beside its field.
    func scheme(id: UUID, language: Language) -> Result<AssessmentScheme, Refused> {
        var failures: [ValidationFailure] = []
        let filled = items.filter { !$0.indicator.isEmpty }
        var schemeItems: [AssessmentScheme.Item] = []
        for (index, row) in filled.enumerated() {
            let field = "items[\(index)]"
            let weight = Self.number(row.weight, field: "\(field).weight", failures: &failures)
            let rule: ScoringRule?
            switch row.rule {
            case "thresholds":
                rule = Self.steps(row.steps, field: "\(field).rule", failures: &failures).map { .thresholds(steps: $0) }
            case "penalty":
                rule = Self.number(row.pointsEach, field: "\(field).rule", failures: &failures).map { .penalty(pointsEach: $0) }
            default:
                let zeroAt = Self.number(row.zeroAt, field: "\(field).rule", failures: &failures)
                let fullAt = Self.number(row.fullAt, field: "\(field).rule", failures: &failures)
                rule = zeroAt.flatMap { zero in fullAt.map { .linear(zeroAt: zero, fullAt: $0) } }
            }
            if let weight, let rule { schemeItems.append(.init(indicator: row.indicator, weight: weight, rule: rule)) }
        }
        let parsedSubject = AssessmentScheme.Subject(rawValue: subject)
        if parsedSubject == nil {
            failures.append(ValidationFailure(field: "subject", zh: "请选择考核对象", en: "choose whom the scheme assesses"))
        }
        let minimums = [excellent, qualified, basic].map { Self.number($0, field: "bands", failures: &failures) }
        let shares = forced
            // these fields are typed in percent already: "15" and "15%" both mean 15 %
            ? [maxExcellent, minBasic].map { Self.number(Self.halfwidth($0).replacingOccurrences(of: "%", with: ""), field: "forced", failures: &failures).map { $0 / 100 } }
            : []
        let scheme = AssessmentScheme(
            id: id, name: name, subject: parsedSubject ?? .worker, items: schemeItems,
            bands: zip([Grade.excellent, .qualified, .basic], minimums).map { .init(grade: $0, minimum: $1 ?? 0) }
                + [.init(grade: .unqualified, minimum: AssessmentScheme.standardBands.last?.minimum ?? -1_000_000)],
            forced: forced ? AssessmentScheme.ForcedDistribution(maxExcellentShare: shares[0] ?? 0, minBasicShare: shares[1] ?? 0) : nil)
        do {
            try scheme.validate()
        } catch {
            failures += error.failures.filter { failure in
                // a number that did not parse already explains itself; its knock-on failures do not
                !failures.contains { $0.field == failure.field } && !(failure.field == "items" && schemeItems.count < filled.count)
            }
        }
        guard failures.isEmpty else { return .failure(Refused(form: placing(failures, rows: filled.map(\.row), language: language))) }
        return .success(scheme)
    }

    /// A refused form: what was typed, with its reasons.
    struct Refused: Error {
        var form: AssessmentSchemeForm
    }

    /// The form with each failure beside its field: `items[k].x` names the k-th filled row.
    private func placing(_ failures: [ValidationFailure], rows: [Int], language: Language) -> AssessmentSchemeForm {
        var form = self
        for failure in failures {
            let reason = failure.reason.text(in: language)
            let field = failure.field ?? "form"
            if let (index, part) = Self.itemField(field), index < rows.count,
               let position = form.items.firstIndex(where: { $0.row == rows[index] }) {
                switch part {
                case "indicator": form.items[position].errors.indicator = Self.join(form.items[position].errors.indicator, reason)
                case "weight": form.items[position].errors.weight = Self.join(form.items[position].errors.weight, reason)
                default: form.items[position].errors.rule = Self.join(form.items[position].errors.rule, reason)
                }
            } else {
                form.errors[field] = Self.join(form.errors[field], reason)
            }
        }
        return form
    }

    /// `items[2].weight` → (2, "weight").
    private static func itemField(_ field: String) -> (Int, String)? {
        guard field.hasPrefix("items["), let close = field.firstIndex(of: "]"),
              let index = Int(field[field.index(field.startIndex, offsetBy: 6)..<close]) else { return nil }
        let rest = field[field.index(after: close)...]
        return (index, rest.hasPrefix(".") ? String(rest.dropFirst()) : "")
    }

    private static func join(_ earlier: String?, _ reason: String) -> String {
        earlier.map { "\($0)；\(reason)" } ?? reason
    }

    /// A number as people type it: `0.9`, `90%` (a share), full-width digits and signs allowed.
    static func number(_ text: String, field: String, failures: inout [ValidationFailure]) -> Double? {
        let normal = halfwidth(text)
        let percent = normal.hasSuffix("%")
        guard let value = Double(percent ? String(normal.dropLast()) : normal), value.isFinite else {
            failures.append(ValidationFailure(
                field: field, zh: text.isEmpty ? "请填写数值" : "“\(text)”不是数字", en: text.isEmpty ? "a number is needed" : "'\(text)' is not a number"))
            return nil
        }
        return percent ? value / 100 : value
    }

    /// Threshold steps typed as `0.6:5, 0.8:10` (Chinese punctuation allowed).
    static func steps(_ text: String, field: String, failures: inout [ValidationFailure]) -> [ScoringRule.Step]? {
        let normal = halfwidth(text).replacingOccurrences(of: "、", with: ",")
        let pairs = normal.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.split(separator: ":") }
        let steps = pairs.compactMap { pair -> ScoringRule.Step? in
            guard pair.count == 2,
                  let at = Double(pair[0].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")),
                  let points = Double(pair[1].trimmingCharacters(in: .whitespaces)) else { return nil }
            return .init(atLeast: pair[0].contains("%") ? at / 100 : at, points: points)
        }
        guard !pairs.isEmpty, steps.count == pairs.count else {
            failures.append(ValidationFailure(
                field: field, zh: "分档写作“下限:分值”，逗号分隔，如 0.6:5, 0.8:10", en: "write steps as at:points, comma separated, e.g. 0.6:5, 0.8:10"))
            return nil
        }
        return steps
    }

    /// Full-width forms (０-９, ．, ％, ：, ，, －) as their ASCII twins, as a Chinese keyboard types them.
    static func halfwidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar : scalar
        }))
    }

    /// A number without a trailing `.0`.
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
