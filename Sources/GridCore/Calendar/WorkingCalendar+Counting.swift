import Foundation

extension WorkingCalendar {
    /// Largest step `addingWorkingDays` takes (about 3,800 years), so that absurd input cannot
    /// overflow day arithmetic.
    public static let maximumWorkingDayStep = 1_000_000

    /// Working days `d` with `a < d ≤ b`, as a negative number when `b` is before `a`:
    /// "how many working days later is `b` than `a`". Accepted on a Friday and closed on the
    /// following Monday is 1; the same day is 0. Runs in O(log n) of the holiday table.
    public func workingDaysBetween(_ a: CalendarDay, _ b: CalendarDay) -> Int {
        b >= a ? count(after: a.daysSinceEpoch, through: b.daysSinceEpoch)
            : -count(after: b.daysSinceEpoch, through: a.daysSinceEpoch)
    }

    /// `workingDaysBetween` on the local days containing `a` and `b`; the times of day do not matter.
    public func workingDaysBetween(_ a: Date, _ b: Date) -> Int {
        workingDaysBetween(day(of: a), day(of: b))
    }

    /// `day` itself if it is a working day, else the next working day.
    public func workingDay(onOrAfter day: CalendarDay) -> CalendarDay {
        isWorkingDay(day) ? day : addingWorkingDays(1, to: day)
    }

    /// The `n`th working day after `day` (before it when `n` is negative); `day` itself when `n`
    /// is 0, working or not. Whether `day` is a working day does not matter: from a Saturday, one
    /// working day on is the Monday. Inverse of `workingDaysBetween`:
    /// `workingDaysBetween(day, addingWorkingDays(n, to: day)) == n`.
    public func addingWorkingDays(_ n: Int, to day: CalendarDay) -> CalendarDay {
        let steps = min(max(n, -Self.maximumWorkingDayStep), Self.maximumWorkingDayStep)
        guard steps != 0 else { return day }
        let origin = day.daysSinceEpoch
        // The working-day count from `origin` only grows with distance, so find the first day at
        // which it reaches `steps`: double the distance until it does, then bisect.
        let worked: (Int) -> Int = steps > 0
            ? { distance in self.count(after: origin, through: origin + distance) }
            : { distance in self.count(after: origin - distance - 1, through: origin - 1) }
        let target = abs(steps)
        var high = target
        while worked(high) < target { high *= 2 }
        var low = 1
        while low < high {
            let middle = low + (high - low) / 2
            if worked(middle) >= target { high = middle } else { low = middle + 1 }
        }
        return CalendarDay(daysSinceEpoch: steps > 0 ? origin + low : origin - low)
    }

    /// The same local time of day on the `n`th working day after the local day of `date` (before,
    /// when negative). The time of day is kept as the elapsed time since local midnight.
    public func addingWorkingDays(_ n: Int, to date: Date) -> Date {
        let from = day(of: date)
        let sinceMidnight = date.timeIntervalSince(start(of: from))
        return start(of: addingWorkingDays(n, to: from)).addingTimeInterval(sinceMidnight)
    }

    /// Working time between two instants: the part of `[from, to)` that falls on working days, in
    /// seconds (0 when `to` is not after `from`). A working day counts whole, 00:00–24:00 local;
    /// office hours are not modelled, as the domain's deadlines count days, not hours.
    public func workingTime(from: Date, to: Date) -> TimeInterval {
        guard to > from else { return 0 }
        var total: TimeInterval = 0
        var current = day(of: from)
        let last = day(of: to)
        while current <= last {
            let next = current.next
            if isWorkingDay(current) {
                let dayStart = start(of: current)
                let dayEnd = start(of: next)
                total += max(0, min(to, dayEnd).timeIntervalSince(max(from, dayStart)))
            }
            current = next
        }
        return total
    }

    /// Working days among epoch days `(a, b]`, for `a ≤ b`: Monday–Friday days, minus holidays on
    /// weekdays, plus make-up days on weekends.
    private func count(after a: Int, through b: Int) -> Int {
        WorkingDayIndex.weekdays(through: b) - WorkingDayIndex.weekdays(through: a)
            + holidays.index.netChange(through: b) - holidays.index.netChange(through: a)
    }
}
