import Foundation
import Testing
@testable import GridCore

@Suite("CalendarDay: civil dates without time zones")
struct CalendarDayTests {
    @Test("only dates that exist are accepted", arguments: [
        ("2026-02-14", true), ("2024-02-29", true), ("2000-02-29", true),
        ("2023-02-29", false), ("1900-02-29", false), ("1999-02-30", false), ("2026-04-31", false),
        ("2026-13-01", false), ("2026-00-10", false), ("2026-1-01", false), ("2026/01/01", false),
        ("20260101", false), ("２０２６-01-01", false), ("", false),
    ])
    func isoParsing(text: String, valid: Bool) {
        #expect((CalendarDay(iso: text) != nil) == valid)
    }

    @Test func compactAndIntegerForms() throws {
        let day = try #require(CalendarDay(compact: "19491231"))
        #expect(day == CalendarDay(year: 1949, month: 12, day: 31))
        #expect(day.yyyymmdd == 19_491_231)
        #expect(CalendarDay(yyyymmdd: 20_260_214)?.description == "2026-02-14")
        #expect(CalendarDay(compact: "19990230") == nil)
        #expect(CalendarDay(compact: "2023022") == nil)
        #expect(CalendarDay(yyyymmdd: 20_230_229) == nil)
    }

    @Test("weekdays of known dates", arguments: [
        ("1970-01-01", Weekday.thursday), ("2026-02-14", .saturday), ("2026-02-15", .sunday),
        ("2026-02-24", .tuesday), ("2025-09-28", .sunday), ("2025-10-11", .saturday),
        ("2000-01-01", .saturday), ("1949-10-01", .saturday), ("2027-01-01", .friday),
    ])
    func weekdays(text: String, expected: Weekday) {
        #expect(CalendarFixture.day(text).weekday == expected)
    }

    @Test("epoch-day arithmetic agrees with Foundation's Gregorian calendar, 1900–2100")
    func arithmeticMatchesFoundation() throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = try #require(TimeZone(identifier: "UTC"))
        let start = try #require(CalendarDay(year: 1900, month: 1, day: 1))
        for offset in stride(from: 0, through: 73_000, by: 37) {
            let day = start.adding(days: offset)
            let date = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
            let parts = gregorian.dateComponents([.year, .month, .day, .weekday], from: date)
            #expect(parts.year == day.year && parts.month == day.month && parts.day == day.day,
                    "\(day) vs \(parts)")
            // Foundation numbers Sunday 1 … Saturday 7; ISO numbers Monday 1 … Sunday 7.
            #expect(((parts.weekday ?? 0) + 5) % 7 + 1 == day.weekday.rawValue)
            #expect(CalendarDay(daysSinceEpoch: day.daysSinceEpoch) == day)
        }
    }

    @Test func stepsAcrossMonthAndYearEnds() {
        #expect(CalendarFixture.day("2024-02-28").next.description == "2024-02-29")
        #expect(CalendarFixture.day("2023-02-28").next.description == "2023-03-01")
        #expect(CalendarFixture.day("2026-01-01").previous.description == "2025-12-31")
        #expect(CalendarFixture.day("2026-02-13").days(to: CalendarFixture.day("2026-02-24")) == 11)
        #expect(CalendarFixture.day("2026-02-24") > CalendarFixture.day("2026-02-13"))
    }

    @Test func codableAsISOString() throws {
        let data = try JSONEncoder().encode([CalendarFixture.day("2026-02-14")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-02-14"]"#)
        #expect(try JSONDecoder().decode([CalendarDay].self, from: data) == [CalendarFixture.day("2026-02-14")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDay].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}
