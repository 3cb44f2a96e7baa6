import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// Administrators add next year's holidays before the official table runs out; deadlines use
/// them at once.
@Suite struct CalendarTests {
    /// A 2027 arrangement in the shared CSV format (illustrative days, real weekdays).
    static let csv2027 = """
        date,kind,festival
        2027-01-01,holiday,New Year's Day
        2027-02-06,holiday,Spring Festival
        2027-02-07,holiday,Spring Festival
        2027-02-08,holiday,Spring Festival
        2027-02-09,holiday,Spring Festival
        2027-02-10,holiday,Spring Festival
        2027-02-11,holiday,Spring Festival
        2027-02-12,holiday,Spring Festival
        2027-02-14,workday,Spring Festival
        2027-02-20,workday,Spring Festival

        """

    @Test("the official years are listed; an administrator adds 2027 and it is in force at once")
    func addYear() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let worker = try await app.token("gridworker")
            let (_, body2026) = try await app.call(.GET, "/api/v1/calendar?year=2026", token: worker)
            let official = try app.decode(HolidayCalendarDTO.self, body2026)
            #expect(official.coverage.contains(2004) && official.coverage.last == 2026)
            #expect(official.entries.contains { $0.date == "2026-10-01" && $0.kind == "holiday" && $0.festivalName == "国庆节" })
            #expect(official.yearsNeedingData.contains(2027))
            let newYear = try #require(CalendarDay(year: 2027, month: 1, day: 1))
            #expect(try app.grid.calendar.isWorkingDay(newYear))

            // a dry run checks and keeps nothing; a grid worker may not import
            #expect(try await app.call(.POST, "/api/v1/calendar/import?dry_run=true", token: admin, raw: Self.csv2027).status == .ok)
            #expect(try app.grid.calendar.isWorkingDay(newYear))
            #expect(try await app.call(.POST, "/api/v1/calendar/import", token: worker, raw: Self.csv2027).status == .forbidden)

            let (status, body) = try await app.call(.POST, "/api/v1/calendar/import", token: admin, raw: Self.csv2027)
            #expect(status == .ok)
            let imported = try app.decode(HolidayCalendarDTO.self, body)
            #expect(imported.entries.count == 10 && imported.coverage.last == 2027)
            #expect(!imported.yearsNeedingData.contains(2027))
            #expect(try !app.grid.calendar.isWorkingDay(newYear))
            let makeUp = try #require(CalendarDay(year: 2027, month: 2, day: 20))
            #expect(try app.grid.calendar.isWorkingDay(makeUp))
            // Thursday 2026-12-31 + 1 working day skips the new holiday and the weekend: Monday 4 January
            let lastDay = try #require(CalendarDay(year: 2026, month: 12, day: 31))
            #expect(try app.grid.calendar.addingWorkingDays(1, to: lastDay) == CalendarDay(year: 2027, month: 1, day: 4))

            // a second instance (or a restart) reads the same calendar from the database
            let reloaded = CalendarService()
            try await reloaded.load(on: app.db)
            #expect(!reloaded.calendar.isWorkingDay(newYear))
        }
    }

    @Test("a bad file is refused with its line, and the calendar is unchanged")
    func badFile() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let bad = Self.csv2027.replacingOccurrences(of: "2027-02-07,holiday", with: "2027-02-30,holiday")
            let (status, body) = try await app.call(.POST, "/api/v1/calendar/import", token: admin, raw: bad)
            #expect(status == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, body).message.contains("第 4 行"))
            let (_, after) = try await app.call(.GET, "/api/v1/calendar?year=2027", token: admin)
            #expect(try app.decode(HolidayCalendarDTO.self, after).entries.isEmpty)
        }
    }
}
