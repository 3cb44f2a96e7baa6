import Foundation
import GridCore
import Vapor

/// The working-day calendar: read by everyone who sees deadlines, extended by administrators.
struct CalendarController {
    func register(_ api: APIRouter) {
        api.add(.GET, "calendar", summary: "Holiday arrangement of a year and the years the calendar knows (工作日历)", tag: "settings",
                access: .signedIn, query: [.query("year", .integer(), "Year to list (default: this year)")],
                response: HolidayCalendarDTO.self) { req, _ in
            let services = try req.grid
            let calendar = services.calendar
            let year = req.query[Int.self, at: "year"] ?? calendar.day(of: services.clock.now).year
            return dto(calendar.holidays, entries: calendar.holidays.entries.filter { $0.day.year == year }, now: services.clock.now, req)
        }
        api.add(.POST, "calendar/import", summary: "Add or correct years of holidays from CSV (date,kind,festival); dry_run only checks",
                tag: "settings", access: .permission(.calendarManage),
                query: [.query("dry_run", .boolean(), "Only check and report (default false)")],
                response: HolidayCalendarDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            guard let buffer = req.body.data, buffer.readableBytes > 0 else {
                throw ValidationFailure(field: "body", zh: "请上传 CSV 文件内容", en: "send the CSV text as the body")
            }
            let services = try req.grid
            let imported = try await services.calendars.importCSV(
                String(decoding: buffer.readableBytesView, as: UTF8.self), dryRun: req.query[Bool.self, at: "dry_run"] ?? false,
                actor: principal.auditActor(for: req), now: services.clock.now, on: req.db)
            return dto(services.calendar.holidays, entries: imported.entries, now: services.clock.now, req)
        }
    }

    private func dto(_ holidays: HolidayCalendar, entries: [HolidayEntry], now: Date, _ req: Request) -> HolidayCalendarDTO {
        let calendar = WorkingCalendar(holidays: holidays)
        return HolidayCalendarDTO(
            coverage: holidays.coverage.sorted(), yearsNeedingData: calendar.yearsNeedingData(asOf: now),
            entries: entries.map { HolidayCalendarDTO.Entry($0, language: req.language) })
    }
}
