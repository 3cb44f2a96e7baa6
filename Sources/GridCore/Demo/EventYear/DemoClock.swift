import Foundation

/// Time on the demo year's axis: whole seconds since the local midnight that starts the first
/// day, with each local day's start and kind read once from the `WorkingCalendar`, so that the
/// generator moves through days, working hours and holidays without asking `Calendar` again.
/// Instants handed to `EventMachine` are `date(_:)` of these seconds.
struct DemoClock: Sendable {
    /// A set of daily windows, in seconds since local midnight, ascending and disjoint.
    struct Windows: Sendable {
        let spans: [(start: Int, end: Int)]
        /// Only on working days (else every day).
        let workingDaysOnly: Bool

        /// Office hours of the centres and departments: 08:30–12:00 and 13:30–18:00 on working days.
        static let office = Windows(spans: [(30_600, 43_200), (48_600, 64_800)], workingDaysOnly: true)
        /// The duty hours (值班) in which centres and communities triage, take and dispatch events:
        /// 08:00–23:00 on working days.
        static let duty = Windows(spans: [(28_800, 82_800)], workingDaysOnly: true)
    }

    let base: Date
    let firstDay: CalendarDay
    /// Seconds from `base` to the start of day `i`; one more entry than there are days.
    private let starts: [Int]
    private let working: [Bool]
    /// The last second events may happen at (`until`).
    let until: Int

    /// Covers `firstDay` through `horizonDays` days after the day of `until`.
    init(calendar: WorkingCalendar, firstDay: CalendarDay, until: Date, horizonDays: Int = 45) {
        self.firstDay = firstDay
        let base = calendar.start(of: firstDay)
        self.base = base
        let lastDay = calendar.day(of: until).adding(days: horizonDays)
        let count = firstDay.days(to: lastDay) + 1
        var starts: [Int] = []
        var working: [Bool] = []
        starts.reserveCapacity(count + 1)
        for offset in 0...count {
            let day = firstDay.adding(days: offset)
            starts.append(Int(calendar.start(of: day).timeIntervalSince(base).rounded()))
            if offset < count { working.append(calendar.isWorkingDay(day)) }
        }
        self.starts = starts
        self.working = working
        self.until = Int(until.timeIntervalSince(base).rounded(.down))
    }

    /// The clock of a demo year — the 365 local days ending with the day of `until` — and those days, oldest first.
    static func year(until: Date, calendar: WorkingCalendar) -> (clock: DemoClock, days: [CalendarDay]) {
        let firstDay = calendar.day(of: until).adding(days: -364)
        return (DemoClock(calendar: calendar, firstDay: firstDay, until: until), (0..<365).map { firstDay.adding(days: $0) })
    }

    var dayCount: Int { working.count }

    func date(_ t: Int) -> Date { base.addingTimeInterval(TimeInterval(t)) }

    /// The axis second of an instant (rounded down).
    func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince(base).rounded(.down)) }

    /// The day index containing `t` (clamped to the covered days).
    func dayIndex(_ t: Int) -> Int {
        var index = min(max(t / 86_400, 0), working.count - 1)
        while index + 1 < starts.count - 1, starts[index + 1] <= t { index += 1 }
        while index > 0, starts[index] > t { index -= 1 }
        return index
    }

    func start(ofDay index: Int) -> Int { starts[min(max(index, 0), starts.count - 1)] }

    func isWorking(day index: Int) -> Bool {
        index >= 0 && index < working.count ? working[index] : false
    }

    /// `t` when it lies inside one of the windows, else the start of the next window; nil when
    /// that is beyond the covered days (so beyond `until`: the step never happens).
    func open(_ t: Int, in windows: Windows) -> Int? {
        var day = dayIndex(max(t, 0))
        while day < working.count {
            if !windows.workingDaysOnly || working[day] {
                let dayStart = starts[day]
                for span in windows.spans {
                    let from = dayStart + span.start, to = dayStart + span.end
                    if t < to { return max(t, from) }
                }
            }
            day += 1
        }
        return nil
    }

    /// The instant `seconds` of window time after `t` (starting at the first open moment).
    func advance(_ t: Int, by seconds: Int, in windows: Windows) -> Int? {
        guard var now = open(t, in: windows) else { return nil }
        var left = max(0, seconds)
        while true {
            // `now` lies inside a window (that is what `open` returns): spend what is left of it.
            let dayStart = starts[dayIndex(now)]
            let end = dayStart + (windows.spans.first { now < dayStart + $0.end }?.end ?? 86_400)
            if left < end - now { return now + left }
            left -= end - now
            guard let next = open(end, in: windows), next > now else { return nil }
            now = next
        }
    }

    /// The start of the `n`th working day after the day of `t` (n ≥ 1), nil beyond coverage.
    func workingDayStart(after t: Int, count n: Int) -> Int? {
        var day = dayIndex(t)
        var left = max(1, n)
        while left > 0 {
            day += 1
            guard day < working.count else { return nil }
            if working[day] { left -= 1 }
        }
        return starts[day]
    }

    /// A moment in the windows of day `index` chosen by `fraction` (0…1) of the day's window
    /// time; nil when the day has no window.
    func moment(onDay index: Int, fraction: Double, in windows: Windows) -> Int? {
        guard index >= 0, index < working.count, !windows.workingDaysOnly || working[index] else { return nil }
        let total = windows.spans.reduce(0) { $0 + $1.end - $1.start }
        var offset = Int(Double(total) * min(max(fraction, 0), 0.999))
        for span in windows.spans {
            let length = span.end - span.start
            if offset < length { return starts[index] + span.start + offset }
            offset -= length
        }
        return nil
    }
}
