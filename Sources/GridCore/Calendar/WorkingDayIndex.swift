/// The days on which the holiday arrangement changes whether a day is worked, as sorted epoch
/// days with running sums, so that counting working days over any span is a subtraction and two
/// binary searches instead of a walk over every day.
struct WorkingDayIndex: Sendable {
    /// Epoch days (`CalendarDay.daysSinceEpoch`) where the status differs from Monday–Friday.
    private let days: [Int]
    /// `runningTotal[i]` is the sum of the changes at `days[0...i]`: −1 for a weekday off, +1 for
    /// a weekend day worked.
    private let runningTotal: [Int]

    init(entries: some Sequence<HolidayEntry>) {
        // Only entries that change something count: a holiday on a Sunday was off anyway, and a
        // make-up "workday" on a Tuesday (a typo an administrator might make) was worked anyway.
        let changes: [(day: Int, delta: Int)] = entries.compactMap { entry in
            switch (entry.kind, entry.day.weekday.isWeekend) {
            case (.holiday, false): (entry.day.daysSinceEpoch, -1)
            case (.workday, true): (entry.day.daysSinceEpoch, +1)
            default: nil
            }
        }.sorted { $0.day < $1.day }
        days = changes.map(\.day)
        var total = 0
        runningTotal = changes.map { change in
            total += change.delta
            return total
        }
    }

    /// The last epoch day at which the arrangement changes anything; after it, the plain week rules.
    var lastChange: Int? { days.last }

    /// Net change to the working-day count over all days up to and including `day`.
    func netChange(through day: Int) -> Int {
        // Index of the first element greater than `day`.
        var low = 0
        var high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle] <= day { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? 0 : runningTotal[low - 1]
    }

    /// Monday–Friday days counted from a fixed origin up to and including epoch day `day`, so that
    /// the weekdays in (a, b] are `weekdays(through: b) − weekdays(through: a)`.
    static func weekdays(through day: Int) -> Int {
        // Shift so that index 0 is a Monday (1970-01-01 was a Thursday, three days later).
        let shifted = day + 3
        let weeks = shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
        let dayInWeek = shifted - weeks * 7
        return weeks * 5 + min(dayInWeek + 1, 5)
    }
}
