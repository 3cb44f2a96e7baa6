import Foundation

/// A statistics period (统计期): a day, month, quarter, year or custom run of days, in the
/// jurisdiction's calendar.
public enum StatPeriod: Sendable, Hashable, CustomStringConvertible {
    case day(CalendarDay)
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)
    case year(Int)
    /// Both ends included.
    case custom(from: CalendarDay, through: CalendarDay)

    /// Longest custom period accepted: three years of days.
    public static let maximumCustomDays = 1_096

    /// Parses "2026-11-05", "2026-11", "2026-Q4", "2026" or "2026-11-01..2026-11-20".
    /// - Throws: naming `field` and the forms accepted.
    public init(parsing text: String, field: String = "period") throws(ValidationFailure) {
        let text = text.trimmingCharacters(in: .whitespaces)
        let bad = ValidationFailure(
            field: field,
            zh: "统计期“\(text)”无法识别，应为 2026-11-05、2026-11、2026-Q4、2026 或 2026-11-01..2026-11-20",
            en: "the period “\(text)” is not understood; use 2026-11-05, 2026-11, 2026-Q4, 2026 or 2026-11-01..2026-11-20")
        let parts = text.components(separatedBy: "..")
        if parts.count == 2 {
            guard let from = CalendarDay(iso: parts[0]), let through = CalendarDay(iso: parts[1]) else { throw bad }
            guard from <= through else {
                throw ValidationFailure(field: field, zh: "统计期的起始日晚于截止日", en: "the period starts after it ends")
            }
            guard from.days(to: through) < Self.maximumCustomDays else {
                throw ValidationFailure(field: field, zh: "自定义统计期最长三年", en: "a custom period is at most three years long")
            }
            self = .custom(from: from, through: through)
            return
        }
        if let day = CalendarDay(iso: text) {
            self = .day(day)
            return
        }
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = pieces.first.flatMap({ Int($0) }), (2000...2100).contains(year), pieces[0].count == 4 else { throw bad }
        switch pieces.count {
        case 1: self = .year(year)
        case 2 where pieces[1].hasPrefix("Q"):
            guard let q = Int(pieces[1].dropFirst()), (1...4).contains(q) else { throw bad }
            self = .quarter(year: year, quarter: q)
        case 2:
            guard pieces[1].count == 2, let m = Int(pieces[1]), (1...12).contains(m) else { throw bad }
            self = .month(year: year, month: m)
        default: throw bad
        }
    }

    /// The period that contains `day` at the given length ("month", "quarter", "year", "day").
    public static func containing(_ day: CalendarDay, length: String) -> StatPeriod {
        switch length {
        case "day": .day(day)
        case "quarter": .quarter(year: day.year, quarter: (day.month - 1) / 3 + 1)
        case "year": .year(day.year)
        default: .month(year: day.year, month: day.month)
        }
    }

    public var first: CalendarDay {
        switch self {
        case .day(let day): day
        case .month(let year, let month): Self.day(year, month, 1)
        case .quarter(let year, let quarter): Self.day(year, (quarter - 1) * 3 + 1, 1)
        case .year(let year): Self.day(year, 1, 1)
        case .custom(let from, _): from
        }
    }

    public var last: CalendarDay {
        switch self {
        case .day(let day): day
        case .month(let year, let month): Self.day(year, month, CalendarDay.daysInMonth(year: year, month: month))
        case .quarter(let year, let quarter): Self.day(year, quarter * 3, CalendarDay.daysInMonth(year: year, month: quarter * 3))
        case .year(let year): Self.day(year, 12, 31)
        case .custom(_, let through): through
        }
    }

    /// The same kind of period just before this one (for "compared with last month").
    public var previous: StatPeriod {
        switch self {
        case .day(let day): .day(day.previous)
        case .month(let year, let month): month == 1 ? .month(year: year - 1, month: 12) : .month(year: year, month: month - 1)
        case .quarter(let year, let quarter): quarter == 1 ? .quarter(year: year - 1, quarter: 4) : .quarter(year: year, quarter: quarter - 1)
        case .year(let year): .year(year - 1)
        case .custom(let from, let through):
            .custom(from: from.adding(days: -(from.days(to: through) + 1)), through: from.previous)
        }
    }

    public var description: String {
        switch self {
        case .day(let day): day.description
        case .month(let year, let month): String(format: "%04d-%02d", year, month)
        case .quarter(let year, let quarter): "\(year)-Q\(quarter)"
        case .year(let year): String(year)
        case .custom(let from, let through): "\(from)..\(through)"
        }
    }

    /// Runs of cells that cover the period exactly: whole months from a monthly grain, the days
    /// at either end from a daily one (a district's custom year is then ~7,000 monthly rows and a
    /// few thousand daily ones, not 150,000). Bounds are inclusive period keys.
    public func segments(byType: Bool) -> [(grain: IndicatorCell.Grain, from: String, through: String)] {
        let daily: IndicatorCell.Grain = byType ? .dayType : .day
        let monthly: IndicatorCell.Grain = byType ? .monthType : .month
        let first = self.first, last = self.last
        // The first whole month inside the period, and the month after the last whole one.
        let monthStart = first.day == 1 ? first : Self.nextMonthStart(after: first)
        var segments: [(IndicatorCell.Grain, String, String)] = []
        let lastWhole = Self.nextMonthStart(after: last).previous == last ? last : Self.monthStart(of: last).previous
        guard monthStart <= lastWhole else {
            return [(daily, first.description, last.description)]
        }
        if first < monthStart { segments.append((daily, first.description, monthStart.previous.description)) }
        segments.append((monthly, String(monthStart.description.prefix(7)), String(lastWhole.description.prefix(7))))
        if lastWhole < last { segments.append((daily, lastWhole.next.description, last.description)) }
        return segments
    }

    static func monthStart(of day: CalendarDay) -> CalendarDay { Self.day(day.year, day.month, 1) }

    static func nextMonthStart(after day: CalendarDay) -> CalendarDay {
        day.month == 12 ? Self.day(day.year + 1, 1, 1) : Self.day(day.year, day.month + 1, 1)
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay {
        // Always valid: the callers pass a real month and a day within it.
        CalendarDay(year: year, month: month, day: day) ?? CalendarDay(year: 2000, month: 1, day: 1)!
    }
}
