import Foundation

/// The working-day calendar of one jurisdiction (工作日历): Monday–Friday, minus official holidays,
/// plus make-up working days (调休), read in the jurisdiction's time zone.
///
/// Instants (`Date`, stored in UTC) are turned into local calendar days with `timeZone`
/// (Asia/Shanghai unless configured), so an event reported at 23:30 Beijing time on a Friday
/// belongs to that Friday although it is still Friday 15:30 in UTC, and one reported at 07:00 on a
/// Monday belongs to Monday although UTC still says Sunday.
///
/// Beyond the holiday table's `coverage` (2004–2026 for the official table) only weekends are off:
/// the calendar cannot know holidays the State Council has not yet published. `yearsNeedingData`
/// tells the administrator's screen which year to add.
public struct WorkingCalendar: Sendable {
    /// China Standard Time, the default for every jurisdiction.
    public static let defaultTimeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")
        ?? TimeZone(secondsFromGMT: 8 * 3600) ?? TimeZone.gmt

    public let timeZone: TimeZone
    public let holidays: HolidayCalendar
    /// Gregorian calendar in `timeZone`, used only to find the instant a local day starts.
    private let gregorian: Calendar

    public init(holidays: HolidayCalendar = .official, timeZone: TimeZone = WorkingCalendar.defaultTimeZone) {
        self.timeZone = timeZone
        self.holidays = holidays
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = timeZone
        self.gregorian = gregorian
    }

    // MARK: Coverage

    /// The years whose holidays the calendar knows (see `HolidayCalendar.coverage`).
    public var coverage: Set<Int> { holidays.coverage }

    /// Whether the holidays of `date`'s local year are known.
    public func isCovered(_ date: Date) -> Bool {
        holidays.isCovered(year: day(of: date).year)
    }

    /// The years, in order, between `now` and `lookAheadDays` later whose holidays are missing:
    /// what an administrator should import next. With the default 90 days, next year shows up from
    /// early October, about when the State Council publishes it (usually October–November).
    public func yearsNeedingData(asOf now: Date, lookAheadDays: Int = 90) -> [Int] {
        let today = day(of: now)
        let last = today.adding(days: max(0, min(lookAheadDays, 3660)))
        return (today.year...last.year).filter { !holidays.isCovered(year: $0) }
    }

    // MARK: Days and instants

    /// The local calendar day containing `date` in `timeZone`.
    public func day(of date: Date) -> CalendarDay {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        // Clamp to years 1–9999 so absurd input cannot trap the Double→Int conversion.
        let days = local.isFinite ? (local / 86_400).rounded(.down) : 0
        return CalendarDay(daysSinceEpoch: Int(min(max(days, -719_162), 2_932_896)))
    }

    /// The instant `day` begins in `timeZone` (local midnight, or the first existing instant on the
    /// rare zones whose clocks skip midnight).
    public func start(of day: CalendarDay) -> Date {
        // Local noon is always inside the day whatever the offset or a DST shift.
        let utcNoon = Double(day.daysSinceEpoch) * 86_400 + 43_200
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utcNoon))
        // Fast path, same answer: when the zone changes nothing from a day before local midnight
        // to a day after, the offset there is noon's and the day starts exactly at midnight.
        // (`Calendar.startOfDay` costs microseconds on Linux, and deadlines ask for it often.)
        let midnight = Date(timeIntervalSince1970: utcNoon - 43_200 - Double(offset))
        let before = midnight.addingTimeInterval(-86_400), after = midnight.addingTimeInterval(86_400)
        if timeZone.secondsFromGMT(for: midnight) == offset,
           timeZone.nextDaylightSavingTimeTransition(after: before).map({ $0 > after }) ?? true {
            return midnight
        }
        return startByCalendar(of: day)
    }

    /// `start(of:)` asked of the system calendar: the start of the local day that contains local
    /// noon. The reference the fast path must agree with.
    func startByCalendar(of day: CalendarDay) -> Date {
        let utcNoon = Double(day.daysSinceEpoch) * 86_400 + 43_200
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utcNoon))
        return gregorian.startOfDay(for: Date(timeIntervalSince1970: utcNoon - Double(offset)))
    }

    // MARK: Kinds of day

    public func kind(of day: CalendarDay) -> DayKind {
        switch holidays.entry(on: day)?.kind {
        case .holiday: .holiday
        case .workday: .makeUpWorkday
        case nil: day.weekday.isWeekend ? .weekend : .workday
        }
    }

    public func kind(of date: Date) -> DayKind {
        kind(of: day(of: date))
    }

    public func isWorkingDay(_ day: CalendarDay) -> Bool {
        kind(of: day).isWorkingDay
    }

    /// Whether the local day containing `date` is a working day.
    public func isWorkingDay(_ date: Date) -> Bool {
        isWorkingDay(day(of: date))
    }
}
