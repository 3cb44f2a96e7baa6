import Foundation
import Testing
@testable import GridCore

@Suite("Deadlines and timeliness of event handling")
struct DeadlineTests {
    let calendar = CalendarFixture.beijing

    @Test("due days for the domain's rules, walked by hand through the CSV", arguments: [
        // Level 1, accepted on a working day: due that day.
        ("2026-03-06T10:00:00+08:00", 0, "2026-03-06"),
        // Level 1 on the make-up Saturday 2026-02-14: a working day, so due that day.
        ("2026-02-14T09:00:00+08:00", 0, "2026-02-14"),
        // Level 1 on a holiday (Wed 2026-02-18): due on the next working day, Tue 02-24.
        ("2026-02-18T11:00:00+08:00", 0, "2026-02-24"),
        // Level 1 on a Saturday of the 2025 National Day holiday (10-04): next working day Thu 10-09.
        ("2025-10-04T08:00:00+08:00", 0, "2025-10-09"),
        // Level 2 (3 days) from Thu 2026-02-12: Fri 13, Sat 14 make-up, Tue 24.
        ("2026-02-12T09:00:00+08:00", 3, "2026-02-24"),
        // 3 days from a holiday (Wed 02-18): the holiday does not count; 24, 25, 26.
        ("2026-02-18T11:00:00+08:00", 3, "2026-02-26"),
        // 3 days from Fri 2025-09-26: Sun 28 make-up, 29, 30.
        ("2025-09-26T15:00:00+08:00", 3, "2025-09-30"),
        // 7 days from Tue 2025-09-30: 10-09, 10, Sat 11 make-up, 13, 14, 15, 16.
        ("2025-09-30T15:00:00+08:00", 7, "2025-10-16"),
        // 7 days from Mon 2026-09-21: 22, 23, 24, 28, 29, 30, 10-08 (Mid-autumn and National Day off).
        ("2026-09-21T10:00:00+08:00", 7, "2026-10-08"),
        // 3 days from Wed 2026-09-30: 10-08, 09, Sat 10 make-up.
        ("2026-09-30T16:00:00+08:00", 3, "2026-10-10"),
        // 3 days from Fri 2025-01-24 (Spring Festival 2025: Sun 01-26 make-up, 01-28 … 02-04 off): 26, 27, 02-05.
        ("2025-01-24T10:00:00+08:00", 3, "2025-02-05"),
        // Late evening: Fri 2026-03-06 23:30 Beijing (15:30 UTC) is still Friday.
        ("2026-03-06T23:30:00+08:00", 0, "2026-03-06"),
        // Early morning: Mon 2026-03-09 07:00 Beijing is Sunday 23:00 UTC, yet a Monday here.
        ("2026-03-09T07:00:00+08:00", 0, "2026-03-09"),
        // Beyond the table: Fri 2027-01-01 has no data, so it counts as a working day.
        ("2026-12-31T10:00:00+08:00", 1, "2027-01-01"),
        ("2027-09-30T10:00:00+08:00", 3, "2027-10-05"),
    ])
    func dueDays(accepted: String, workingDays: Int, due: String) throws {
        let rule = try DeadlineRule(workingDays: workingDays)
        let deadline = calendar.deadline(rule, acceptedAt: CalendarFixture.instant(accepted))
        let dueDay = CalendarFixture.day(due)
        #expect(deadline.dueDay == dueDay)
        #expect(calendar.isWorkingDay(deadline.dueDay))
        // The deadline ends at the Beijing midnight after the due day (exclusive), 16:00 UTC.
        #expect(deadline.end == CalendarFixture.instant("\(dueDay.next)T00:00:00+08:00"))
        #expect(deadline.lastDayStart == CalendarFixture.instant("\(dueDay)T00:00:00+08:00"))
        #expect(deadline.acceptedAt == CalendarFixture.instant(accepted))
    }

    @Test("an evening start: the local midnight, not the UTC one, ends a same-day deadline")
    func eveningStart() {
        let accepted = CalendarFixture.instant("2026-03-06T23:30:00+08:00")
        let deadline = calendar.deadline(.sameWorkingDay, acceptedAt: accepted)
        #expect(deadline.end == CalendarFixture.instant("2026-03-06T16:00:00Z"))
        // 00:30 Saturday in Beijing is 16:30 Friday UTC: overdue here, on time for a UTC calendar.
        let afterMidnight = CalendarFixture.instant("2026-03-07T00:30:00+08:00")
        #expect(calendar.timeliness(completedAt: afterMidnight, deadline: deadline) == .overdue)
        let utcDeadline = CalendarFixture.utc.deadline(.sameWorkingDay, acceptedAt: accepted)
        #expect(utcDeadline.end == CalendarFixture.instant("2026-03-07T00:00:00Z"))
        #expect(CalendarFixture.utc.timeliness(completedAt: afterMidnight, deadline: utcDeadline) == .onTime)
        #expect(calendar.timeliness(
            completedAt: CalendarFixture.instant("2026-03-06T23:59:59+08:00"), deadline: deadline) == .onTime)
    }

    @Test("timeliness with the default early rule", arguments: [
        // Accepted Thu 2026-02-12 09:00, 3 working days → due Tue 02-24, end Wed 02-25 00:00.
        ("2026-02-13T17:00:00+08:00", Timeliness.early),
        ("2026-02-23T18:00:00+08:00", .early),     // on the last holiday, before the due day begins
        ("2026-02-24T00:00:00+08:00", .onTime),    // the due day has begun
        ("2026-02-24T23:59:59+08:00", .onTime),
        ("2026-02-25T00:00:00+08:00", .overdue),   // end is exclusive
        ("2026-03-02T10:00:00+08:00", .overdue),
    ])
    func defaultTimeliness(completed: String, expected: Timeliness) {
        let deadline = calendar.deadline(
            DeadlineRule.standard(forLevel: 2) ?? .sameWorkingDay,
            acceptedAt: CalendarFixture.instant("2026-02-12T09:00:00+08:00"))
        #expect(deadline.dueDay == CalendarFixture.day("2026-02-24"))
        #expect(calendar.timeliness(completedAt: CalendarFixture.instant(completed), deadline: deadline) == expected)
        #expect(deadline.isOverdue(at: CalendarFixture.instant(completed)) == (expected == .overdue))
    }

    @Test("same-working-day events are never early under the default rule, but can be with a fraction")
    func sameDayEarliness() {
        // Mon 2026-03-09 08:00 → due that Monday; allowed working time 16 h (08:00–24:00).
        let deadline = calendar.deadline(.sameWorkingDay, acceptedAt: CalendarFixture.instant("2026-03-09T08:00:00+08:00"))
        let at15 = CalendarFixture.instant("2026-03-09T15:00:00+08:00")   // 9 h of 16 left: 0.5625
        let at17 = CalendarFixture.instant("2026-03-09T17:00:00+08:00")   // 7 h of 16 left: 0.4375
        #expect(calendar.timeliness(completedAt: at15, deadline: deadline) == .onTime)
        #expect(calendar.timeliness(completedAt: at15, deadline: deadline, early: .remainingFraction(0.5)) == .early)
        #expect(calendar.timeliness(completedAt: at17, deadline: deadline, early: .remainingFraction(0.5)) == .onTime)
        #expect(calendar.timeliness(
            completedAt: CalendarFixture.instant("2026-03-10T00:00:00+08:00"), deadline: deadline,
            early: .remainingFraction(0.5)) == .overdue)
    }

    @Test("the fraction rule measures working time only, so holidays are not counted as time left")
    func fractionAcrossHolidays() {
        // Accepted Thu 2026-02-12 12:00, due Tue 02-24: working time Thu 12 h + Fri 24 h + Sat 14
        // (make-up) 24 h + Tue 24 h = 84 h; the holidays 15–23 count nothing.
        let deadline = calendar.deadline(
            DeadlineRule.standard(forLevel: 2) ?? .sameWorkingDay,
            acceptedAt: CalendarFixture.instant("2026-02-12T12:00:00+08:00"))
        #expect(calendar.workingTime(from: deadline.acceptedAt, to: deadline.end) == 84 * 3600)
        // Finished on a holiday, 02-23: only Tue's 24 h are left, 24/84 ≈ 0.286.
        let onHoliday = CalendarFixture.instant("2026-02-23T12:00:00+08:00")
        #expect(calendar.timeliness(completedAt: onHoliday, deadline: deadline, early: .remainingFraction(0.25)) == .early)
        #expect(calendar.timeliness(completedAt: onHoliday, deadline: deadline, early: .remainingFraction(0.3)) == .onTime)
        // Fri 02-13 12:00: 12 + 24 + 24 = 60 h of 84 left, ≈ 0.714.
        let friday = CalendarFixture.instant("2026-02-13T12:00:00+08:00")
        #expect(calendar.timeliness(completedAt: friday, deadline: deadline, early: .remainingFraction(0.7)) == .early)
        #expect(calendar.timeliness(completedAt: friday, deadline: deadline, early: .remainingFraction(0.75)) == .onTime)
    }

    @Test("an approved extension counts from the old due day")
    func approvedExtension() {
        let deadline = calendar.deadline(
            DeadlineRule.standard(forLevel: 2) ?? .sameWorkingDay,
            acceptedAt: CalendarFixture.instant("2026-02-12T09:00:00+08:00"))
        let extended = calendar.extending(deadline, byWorkingDays: 3)
        // Tue 02-24 + 3: 25, 26, 27.
        #expect(extended.dueDay == CalendarFixture.day("2026-02-27"))
        #expect(extended.acceptedAt == deadline.acceptedAt)
        #expect(extended.end == CalendarFixture.instant("2026-02-28T00:00:00+08:00"))
    }

    @Test("rules: levels, limits and JSON")
    func rules() throws {
        #expect(DeadlineRule.standard(forLevel: 1) == .sameWorkingDay)
        #expect(DeadlineRule.standard(forLevel: 2)?.workingDays == 3)
        #expect(DeadlineRule.standard(forLevel: 3)?.workingDays == 7)
        #expect(DeadlineRule.standard(forLevel: 4)?.workingDays == 7)
        #expect(DeadlineRule.standard(forLevel: 5) == nil)
        #expect(DeadlineRule.sameWorkingDay.label.zhHans == "当日办结")
        #expect(try DeadlineRule(workingDays: 3).label == LocalizedText(zh: "3 个工作日", en: "3 working days"))
        #expect(throws: ValidationFailure(
            field: "deadline_working_days", zh: "处置时限应为 0 到 250 个工作日，实际为 -1",
            en: "the deadline must be 0 to 250 working days, not -1")) {
            try DeadlineRule(workingDays: -1)
        }
        let json = try JSONEncoder().encode(try DeadlineRule(workingDays: 5))
        #expect(String(decoding: json, as: UTF8.self) == #"{"workingDays":5}"#)
        #expect(try JSONDecoder().decode(DeadlineRule.self, from: json).workingDays == 5)
        #expect(throws: ValidationFailure.self) {
            try JSONDecoder().decode(DeadlineRule.self, from: Data(#"{"workingDays":999}"#.utf8))
        }
    }

    @Test func timelinessLabels() {
        #expect(Timeliness.allCases.map(\.label.zhHans) == ["提前", "按时", "超期"])
        #expect(Timeliness.onTime.rawValue == "on_time")
        #expect(EarlyRule.remainingFraction(1.7).minimumRemainingFraction == 1)
        #expect(EarlyRule.remainingFraction(.nan) == .beforeLastWorkingDay)
    }
}
