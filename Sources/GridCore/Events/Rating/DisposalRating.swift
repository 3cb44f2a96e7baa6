/// The disposal rating (事件处置星级, Kuiyong): 1–5 stars from the handling's timeliness and the
/// party's satisfaction, given by the grid worker or community aide after verification.
///
/// The seed fixes five cells (超期不满意 1, 超期无意见 2, 按时无意见 3, 按时比较满意 4, 提前非常满意 5);
/// domain.md §4 fills the rest so the table is total and monotone — never fewer stars for a
/// better timeliness or a better satisfaction:
///
/// |          | unsatisfied | none | fair | very |
/// |----------|-------------|------|------|------|
/// | overdue  | 1           | 2    | 2    | 3    |
/// | on time  | 2           | 3    | 4    | 4    |
/// | early    | 2           | 3    | 4    | 5    |
///
/// A district may configure its own table (`init(table:)`), validated the same way.
public struct DisposalRating: Sendable, Hashable, Codable {
    /// Stars by timeliness, then satisfaction.
    public let table: [Timeliness: [Satisfaction: Int]]

    /// The stars a rating may give.
    public static let starRange: ClosedRange<Int> = 1...5

    /// Validates that the table is total (all 12 cells), within 1–5 stars and monotone in both
    /// directions; every failing cell is reported, named `table.<timeliness>.<satisfaction>`.
    public init(table: [Timeliness: [Satisfaction: Int]]) throws(ValidationFailures) {
        var failures: [ValidationFailure] = []
        for timeliness in Timeliness.ratingOrder {
            for satisfaction in Satisfaction.allCases {
                let field = "table.\(timeliness.rawValue).\(satisfaction.rawValue)"
                guard let stars = table[timeliness]?[satisfaction] else {
                    failures.append(ValidationFailure(field: field, zh: "缺少星级", en: "the cell is missing"))
                    continue
                }
                guard DisposalRating.starRange.contains(stars) else {
                    failures.append(ValidationFailure(field: field, zh: "星级应为 1 到 5", en: "stars must be 1 to 5"))
                    continue
                }
                if let left = DisposalRating.worse(satisfaction), let neighbour = table[timeliness]?[left], neighbour > stars {
                    failures.append(ValidationFailure(
                        field: field,
                        zh: "满意度更高，星级不能低于“\(left.label.zhHans)”的 \(neighbour) 星",
                        en: "a better satisfaction may not rate below \(left.label.en) (\(neighbour) stars)"))
                }
                if let above = DisposalRating.worse(timeliness), let neighbour = table[above]?[satisfaction], neighbour > stars {
                    failures.append(ValidationFailure(
                        field: field,
                        zh: "时效更好，星级不能低于“\(above.label.zhHans)”的 \(neighbour) 星",
                        en: "a better timeliness may not rate below \(above.label.en) (\(neighbour) stars)"))
                }
            }
        }
        if !failures.isEmpty { throw ValidationFailures(failures) }
        self.table = table
    }

    private init(trusted table: [Timeliness: [Satisfaction: Int]]) {
        self.table = table
    }

    /// domain.md §4's table.
    public static let standard = DisposalRating(trusted: [
        .overdue: [.unsatisfied: 1, .none: 2, .fair: 2, .very: 3],
        .onTime: [.unsatisfied: 2, .none: 3, .fair: 4, .very: 4],
        .early: [.unsatisfied: 2, .none: 3, .fair: 4, .very: 5],
    ])

    /// The stars for one handling under this table (total by construction; 1 is never reached
    /// through the fallback).
    public func stars(timeliness: Timeliness, satisfaction: Satisfaction) -> Int {
        table[timeliness]?[satisfaction] ?? DisposalRating.starRange.lowerBound
    }

    /// The stars under the standard table.
    public static func stars(timeliness: Timeliness, satisfaction: Satisfaction) -> Int {
        standard.stars(timeliness: timeliness, satisfaction: satisfaction)
    }

    /// A rater's correction of the computed stars (人工调整): at most one star either way, within
    /// 1–5, with a reason, so the table stays the rule and the exception is explained.
    public static func override(computed: Int, to stars: Int, reason: String) throws(ValidationFailure) -> StarOverride {
        guard DisposalRating.starRange.contains(computed) else {
            throw ValidationFailure(field: "computed", zh: "计算星级应为 1 到 5", en: "computed stars must be 1 to 5")
        }
        guard DisposalRating.starRange.contains(stars) else {
            throw ValidationFailure(field: "stars", zh: "星级应为 1 到 5", en: "stars must be 1 to 5")
        }
        guard abs(stars - computed) <= 1 else {
            throw ValidationFailure(
                field: "stars", zh: "人工调整最多一星（计算为 \(computed) 星）",
                en: "an override may change at most one star (computed: \(computed))")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw ValidationFailure(field: "reason", zh: "请填写调整理由", en: "a reason for the override is required")
        }
        return StarOverride(computed: computed, stars: stars, reason: reason)
    }

    private static func worse(_ satisfaction: Satisfaction) -> Satisfaction? {
        Satisfaction.allCases.firstIndex(of: satisfaction).flatMap { $0 > 0 ? Satisfaction.allCases[$0 - 1] : nil }
    }

    private static func worse(_ timeliness: Timeliness) -> Timeliness? {
        Timeliness.ratingOrder.firstIndex(of: timeliness).flatMap { $0 > 0 ? Timeliness.ratingOrder[$0 - 1] : nil }
    }
}

extension DisposalRating {
    private enum CodingKeys: String, CodingKey { case table }

    /// Wire form `{"table": {"overdue": {"unsatisfied": 1, …}, …}}`; decoding validates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let raw = try container.decode([String: [String: Int]].self, forKey: .table)
        var table: [Timeliness: [Satisfaction: Int]] = [:]
        for (row, cells) in raw {
            guard let timeliness = Timeliness(rawValue: row) else {
                throw DecodingError.dataCorruptedError(forKey: .table, in: container, debugDescription: "unknown timeliness \(row)")
            }
            for (column, stars) in cells {
                guard let satisfaction = Satisfaction(rawValue: column) else {
                    throw DecodingError.dataCorruptedError(forKey: .table, in: container, debugDescription: "unknown satisfaction \(column)")
                }
                table[timeliness, default: [:]][satisfaction] = stars
            }
        }
        do {
            try self.init(table: table)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .table, in: container, debugDescription: error.reason.en)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var raw: [String: [String: Int]] = [:]
        for (timeliness, cells) in table {
            raw[timeliness.rawValue] = Dictionary(uniqueKeysWithValues: cells.map { ($0.key.rawValue, $0.value) })
        }
        try container.encode(raw, forKey: .table)
    }
}
