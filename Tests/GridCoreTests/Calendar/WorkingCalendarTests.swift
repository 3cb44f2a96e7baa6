import Foundation
import Testing
@testable import GridCore

@Suite("WorkingCalendar: working days in Asia/Shanghai")
struct WorkingCalendarTests {
    let calendar = CalendarFixture.beijing

    @Test("kinds of day, checked against cn-holidays.csv", arguments: [
        // Ordinary week: Fri 2026-03-06 worked, Sat 03-07 off.
        ("2026-03-06", DayKind.workday), ("2026-03-07", .weekend),
        // 2026 Spring Festival: Sat 02-14 make-up (CSV workday), 02-15 … 02-23 off, Sat 02-28 make-up.
        ("2026-02-13", .workday), ("2026-02-14", .makeUpWorkday), ("2026-02-15", .holiday),
        ("2026-02-23", .holiday), ("2026-02-24", .workday), ("2026-02-28", .makeUpWorkday),
        ("2026-03-01", .weekend),
        // National Day 2025: Sun 09-28 make-up, 10-01 … 10-08 off (10-06 listed as Mid-autumn), Sat 10-11 make-up.
        ("2025-09-28", .makeUpWorkday), ("2025-10-01", .holiday), ("2025-10-06", .holiday),
        ("2025-10-08", .holiday), ("2025-10-09", .workday), ("2025-10-11", .makeUpWorkday),
        ("2025-10-12", .weekend),
        // National Day 2026: Sun 09-20 make-up, 09-25 … 09-27 Mid-autumn, 10-01 … 10-07 off, Sat 10-10 make-up.
        ("2026-09-20", .makeUpWorkday), ("2026-09-25", .holiday), ("2026-10-07", .holiday),
        ("2026-10-08", .workday), ("2026-10-10", .makeUpWorkday),
        // New Year 2026: Thu 01-01 … Sat 01-03 off, Sun 01-04 make-up.
        ("2026-01-02", .holiday), ("2026-01-04", .makeUpWorkday),
        // Beyond the table: Fri 2027-01-01 is surely a holiday, but nothing says so yet.
        ("2027-01-01", .workday), ("2027-01-02", .weekend), ("2003-12-31", .workday),
    ])
    func kinds(text: String, expected: DayKind) {
        let day = CalendarFixture.day(text)
        #expect(calendar.kind(of: day) == expected)
        #expect(calendar.isWorkingDay(day) == expected.isWorkingDay)
    }

    @Test("adding working days, walked by hand through the CSV", arguments: [
        // Fri 2026-03-06 + 1 skips the weekend: Mon 03-09.
        ("2026-03-06", 1, "2026-03-09"),
        // Thu 2026-02-12 + 3: Fri 13 (1), Sat 14 make-up (2), 15–23 off, Tue 24 (3).
        ("2026-02-12", 3, "2026-02-24"),
        // Fri 2026-02-13 + 1 lands on the make-up Saturday 02-14.
        ("2026-02-13", 1, "2026-02-14"),
        // From the holiday Wed 02-18: 24 (1), 25, 26 (3); five reaches the make-up Sat 02-28.
        ("2026-02-18", 3, "2026-02-26"), ("2026-02-18", 5, "2026-02-28"),
        // From the make-up Sat 02-14, the next working day is Tue 02-24.
        ("2026-02-14", 1, "2026-02-24"),
        // Fri 2025-09-26 + 3: Sun 28 make-up (1), Mon 29 (2), Tue 30 (3).
        ("2025-09-26", 3, "2025-09-30"),
        // Tue 2025-09-30 + 7: 10-01 … 10-08 off; 9, 10, Sat 11 make-up, 13, 14, 15, 16.
        ("2025-09-30", 7, "2025-10-16"),
        // Fri 2026-09-18 + 1: Sat 19 off, Sun 20 make-up.
        ("2026-09-18", 1, "2026-09-20"),
        // Wed 2026-09-30 + 3: 10-01 … 10-07 off; Thu 8, Fri 9, Sat 10 make-up.
        ("2026-09-30", 3, "2026-10-10"),
        // Thu 2026-09-24 + 3: Mid-autumn 25–27 off; 28, 29, 30.
        ("2026-09-24", 3, "2026-09-30"),
        // Across the end of the table: Mon 2026-12-28 + 5: 29, 30, 31, Fri 2027-01-01 (no data), Mon 01-04.
        ("2026-12-28", 5, "2027-01-04"),
        // Backwards: Tue 2026-02-24 − 1 is the make-up Sat 02-14; Mon 2025-10-13 − 3 is Thu 10-09.
        ("2026-02-24", -1, "2026-02-14"), ("2025-10-13", -3, "2025-10-09"),
        // Zero keeps the day, even a holiday.
        ("2026-02-18", 0, "2026-02-18"),
    ])
    func addingWorkingDays(start: String, n: Int, expected: String) {
        let from = CalendarFixture.day(start)
        let result = calendar.addingWorkingDays(n, to: from)
        #expect(result == CalendarFixture.day(expected))
        #expect(calendar.workingDaysBetween(from, result) == n)
    }

    @Test("working days between two days: those after the first, up to and including the second", arguments: [
        // (Fri 02-13, Fri 02-27]: Sat 14 make-up, then 24, 25, 26, 27 → 5.
        ("2026-02-13", "2026-02-27", 5), ("2026-02-27", "2026-02-13", -5),
        // (Fri 2025-09-26, Mon 10-13]: 28, 29, 30, 9, 10, 11, 13 → 7.
        ("2025-09-26", "2025-10-13", 7),
        // (Fri 2026-09-18, Mon 10-12]: 20, 21–24, 28–30, 8, 9, 10, 12 → 12.
        ("2026-09-18", "2026-10-12", 12),
        ("2026-03-06", "2026-03-06", 0), ("2026-03-06", "2026-03-09", 1),
        // All of 2026 (01-01 is a holiday, so (01-01, 12-31] is the whole year): 248, and 2025 too,
        // both counted by walking the CSV day by day.
        ("2026-01-01", "2026-12-31", 248), ("2025-01-01", "2025-12-31", 248),
        // Beyond the table, weekdays only: (Fri 2026-12-25, Fri 2027-01-08] → 10.
        ("2026-12-25", "2027-01-08", 10),
    ])
    func workingDaysBetween(a: String, b: String, expected: Int) {
        #expect(calendar.workingDaysBetween(CalendarFixture.day(a), CalendarFixture.day(b)) == expected)
    }

    @Test("the fast counting agrees with walking day by day, across the whole table")
    func countingMatchesAWalk() {
        let first = CalendarFixture.day("2003-11-01")
        let last = CalendarFixture.day("2027-03-01")
        // Walk once, recording each day's running working-day total.
        var running: [Int] = [0]
        var day = first
        while day < last {
            day = day.next
            running.append((running.last ?? 0) + (calendar.isWorkingDay(day) ? 1 : 0))
        }
        for startOffset in stride(from: 0, to: running.count - 40, by: 5) {
            let start = first.adding(days: startOffset)
            for span in [1, 2, 6, 13, 39] {
                let end = start.adding(days: span)
                let walked = running[startOffset + span] - running[startOffset]
                #expect(calendar.workingDaysBetween(start, end) == walked, "\(start)…\(end)")
            }
            for n in [1, 3, 7] {
                let target = calendar.addingWorkingDays(n, to: start)
                #expect(calendar.isWorkingDay(target), "\(start) + \(n)")
                #expect(calendar.workingDaysBetween(start, target.previous) == n - 1, "\(start) + \(n)")
                #expect(calendar.workingDaysBetween(start, target) == n, "\(start) + \(n)")
            }
        }
    }

    @Test("instants are read in the jurisdiction's time zone, not UTC")
    func localDayOfAnInstant() {
        // Mon 2026-03-09 07:00 in Beijing is still Sun 2026-03-08 23:00 UTC.
        let mondayMorning = CalendarFixture.instant("2026-03-09T07:00:00+08:00")
        #expect(calendar.day(of: mondayMorning) == CalendarFixture.day("2026-03-09"))
        #expect(calendar.isWorkingDay(mondayMorning))
        #expect(!CalendarFixture.utc.isWorkingDay(mondayMorning))
        // Fri 2026-03-06 23:30 in Beijing: Friday in both, but Beijing's Friday ends 16:00 UTC.
        let fridayNight = CalendarFixture.instant("2026-03-06T23:30:00+08:00")
        #expect(calendar.day(of: fridayNight) == CalendarFixture.day("2026-03-06"))
        #expect(calendar.start(of: CalendarFixture.day("2026-03-07")) == CalendarFixture.instant("2026-03-06T16:00:00Z"))
        #expect(calendar.day(of: CalendarFixture.instant("2026-03-06T16:00:00Z")) == CalendarFixture.day("2026-03-07"))
        #expect(calendar.day(of: CalendarFixture.instant("2026-03-06T15:59:59Z")) == CalendarFixture.day("2026-03-06"))
    }

    @Test("adding working days to an instant keeps the local time of day")
    func addingToAnInstant() {
        // Thu 2026-02-12 22:15 Beijing + 3 working days → Tue 2026-02-24 22:15 Beijing.
        let start = CalendarFixture.instant("2026-02-12T22:15:00+08:00")
        #expect(calendar.addingWorkingDays(3, to: start) == CalendarFixture.instant("2026-02-24T22:15:00+08:00"))
        #expect(calendar.workingDaysBetween(start, CalendarFixture.instant("2026-02-24T01:00:00+08:00")) == 3)
    }

    @Test("a configured time zone with daylight saving gets 23-hour days right")
    func daylightSavingZone() throws {
        let newYork = WorkingCalendar(holidays: .empty, timeZone: try #require(TimeZone(identifier: "America/New_York")))
        // US clocks sprang forward on Sun 2026-03-08 at 02:00.
        let sunday = newYork.start(of: CalendarFixture.day("2026-03-08"))
        let monday = newYork.start(of: CalendarFixture.day("2026-03-09"))
        #expect(sunday == CalendarFixture.instant("2026-03-08T00:00:00-05:00"))
        #expect(monday.timeIntervalSince(sunday) == 23 * 3600)
        #expect(newYork.workingTime(from: sunday, to: monday.addingTimeInterval(3600)) == 3600)
    }

    @Test("coverage tells the administrator which year to add")
    func coverage() throws {
        #expect(calendar.coverage == Set(2004...2026))
        #expect(calendar.isCovered(CalendarFixture.instant("2026-12-31T23:59:00+08:00")))
        // 2027-01-01 00:30 Beijing is still 2026 in UTC, but it is 2027 here: not covered.
        #expect(!calendar.isCovered(CalendarFixture.instant("2027-01-01T00:30:00+08:00")))
        #expect(calendar.yearsNeedingData(asOf: CalendarFixture.instant("2026-03-01T12:00:00+08:00")).isEmpty)
        // 90 days from 2026-10-02 is 2026-12-31; from 2026-10-03 it is 2027-01-01.
        #expect(calendar.yearsNeedingData(asOf: CalendarFixture.instant("2026-10-02T12:00:00+08:00")).isEmpty)
        #expect(calendar.yearsNeedingData(asOf: CalendarFixture.instant("2026-10-03T12:00:00+08:00")) == [2027])
        #expect(calendar.yearsNeedingData(asOf: CalendarFixture.instant("2027-11-01T12:00:00+08:00")) == [2027, 2028])
        let extended = WorkingCalendar(holidays: .official.merging(try HolidayCalendar(csv: HolidayCalendarTests.hypothetical2027)))
        #expect(extended.yearsNeedingData(asOf: CalendarFixture.instant("2026-11-01T12:00:00+08:00")).isEmpty)
    }

    @Test("absurd input does not trap")
    func extremes() {
        let day = CalendarFixture.day("2026-03-06")
        #expect(calendar.addingWorkingDays(Int.max, to: day) > day)
        #expect(calendar.addingWorkingDays(Int.min, to: day) < day)
        #expect(calendar.day(of: Date(timeIntervalSince1970: 1e300)).year == 9999)
        #expect(calendar.day(of: Date(timeIntervalSince1970: .nan)) == CalendarDay(daysSinceEpoch: 0))
    }
}
