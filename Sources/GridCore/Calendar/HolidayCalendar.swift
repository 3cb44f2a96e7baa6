/// The official holiday arrangement (节假日安排): which days are off and which weekend days are
/// worked (调休), year by year, plus the years it knows (`coverage`).
///
/// Built from the compiled table (`official`, 2004–2026), from a list of entries, or from an
/// administrator's CSV (`init(csv:)`), and extended at run time with `merging(_:)` or
/// `replacingYears(with:)` when the State Council publishes the next year. Days it does not list
/// follow the plain Monday–Friday week; outside `coverage` that is a guess, and the UI should warn.
public struct HolidayCalendar: Sendable, Hashable {
    private let byDay: [CalendarDay: HolidayEntry]
    /// The years this calendar knows (有数据的年份): every year with at least one entry, plus any
    /// declared explicitly. Beyond them only weekends are off.
    public let coverage: Set<Int>
    /// Where the arrangement differs from Monday–Friday, for O(log n) counting.
    let index: WorkingDayIndex

    /// - Parameters:
    ///   - entries: holidays and make-up workdays in any order; when a day appears twice, the
    ///     later entry wins (so a correction can simply be appended).
    ///   - coveredYears: years to count as known even without entries (rare; a year always has
    ///     holidays), added to the years the entries fall in.
    public init(entries: some Sequence<HolidayEntry>, coveredYears: Set<Int> = []) {
        var byDay: [CalendarDay: HolidayEntry] = [:]
        for entry in entries {
            byDay[entry.day] = entry
        }
        self.byDay = byDay
        self.coverage = coveredYears.union(byDay.keys.map(\.year))
        self.index = WorkingDayIndex(entries: byDay.values)
    }

    /// No holidays at all: a plain Monday–Friday week.
    public static let empty = HolidayCalendar(entries: [])

    /// The compiled official table (see `OfficialHolidays.generated.swift`), 2004–2026.
    public static let official: HolidayCalendar = {
        func entries(_ rows: [(date: Int32, festival: UInt8)], _ kind: HolidayEntry.Kind) -> [HolidayEntry] {
            rows.compactMap { row in
                guard let day = CalendarDay(yyyymmdd: Int(row.date)) else { return nil }
                let festival = Int(row.festival) < OfficialHolidays.festivals.count
                    ? OfficialHolidays.festivals[Int(row.festival)] : ""
                return HolidayEntry(day: day, kind: kind, festival: festival)
            }
        }
        return HolidayCalendar(
            entries: entries(OfficialHolidays.holidays, .holiday) + entries(OfficialHolidays.workdays, .workday))
    }()

    /// The provenance of `official`, for the administrator's calendar page.
    public static var officialSource: String { OfficialHolidays.source }

    /// All entries, sorted by day.
    public var entries: [HolidayEntry] {
        byDay.values.sorted { $0.day < $1.day }
    }

    /// The entry for `day`, if the arrangement lists it.
    public func entry(on day: CalendarDay) -> HolidayEntry? {
        byDay[day]
    }

    public func isCovered(year: Int) -> Bool {
        coverage.contains(year)
    }

    /// The latest year the calendar knows, or nil when it knows none.
    public var lastCoveredYear: Int? { coverage.max() }

    /// This calendar with `other` laid over it day by day: `other`'s entries win on the same day,
    /// entries of `self` that `other` does not mention stay. Use it to add days or a new year.
    public func merging(_ other: HolidayCalendar) -> HolidayCalendar {
        HolidayCalendar(entries: entries + other.entries, coveredYears: coverage.union(other.coverage))
    }

    /// This calendar with every year that `other` covers replaced wholesale by `other`'s entries.
    /// Use it to re-import a corrected year: days dropped from the correction disappear too
    /// (which `merging(_:)` would keep).
    public func replacingYears(with other: HolidayCalendar) -> HolidayCalendar {
        let kept = entries.filter { !other.coverage.contains($0.day.year) }
        return HolidayCalendar(entries: kept + other.entries, coveredYears: coverage.union(other.coverage))
    }

    public static func == (lhs: HolidayCalendar, rhs: HolidayCalendar) -> Bool {
        lhs.byDay == rhs.byDay && lhs.coverage == rhs.coverage
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(byDay)
        hasher.combine(coverage)
    }
}
