import Foundation
import GridCore
import Vapor

/// The holiday calendar in the console (节假日): one year's holidays and make-up workdays as the
/// working calendar in use has them (the official table with administrators' years laid over
/// it), the years soon needed and missing, and importing years from a CSV — a preview listing
/// every wrong line first, then `CalendarService.importCSV` like `POST /api/v1/calendar/import`.
struct ConsoleCalendarController {
    struct Page: Encodable, Sendable {
        var shell: ShellContext
        var year: Int
        var years: [ConsoleChoice]
        var previousYear: Int
        var nextYear: Int
        var covered: Bool
        var source: String
        var entries: [Entry]
        var holidays: Int
        var workdays: Int
        var missing: [Int]
        var header: String
        var csv: String
        var preview: Preview?
        var message: String?
        var error: String?
    }

    struct Entry: Encodable, Sendable {
        var date: String
        var weekday: String
        var kind: String
        var holiday: Bool
        var festival: String
    }

    struct Preview: Encodable, Sendable {
        var ok: Bool
        var problems: [AdminRender.Problem]
        var years: [YearSummary]
        var csv: String
    }

    struct YearSummary: Encodable, Sendable {
        var year: Int
        var holidays: Int
        var workdays: Int
        /// What the import does to the year: adds it, or replaces the official or imported days.
        var effect: String
    }

    func register(_ routes: any RoutesBuilder) {
        let admin = routes.grouped("console", "admin", "calendar")
        admin.get { req in
            try await gate(req) { shell, _ in
                try await page(req, shell, year: req.query[Int.self, at: "year"])
            }
        }
        admin.post("preview") { req in
            try await gate(req) { shell, _ in try await preview(req, shell) }
        }
        admin.post("apply") { req in
            try await gate(req) { shell, principal in try await apply(req, shell, principal) }
        }
    }

    private func gate(_ req: Request, render: (ShellContext, Principal) async throws -> Response) async throws -> Response {
        try await ConsoleGate.page(req, titleKey: "admin_calendar_title", path: "/console/admin", needs: .calendarManage, render: render)
    }

    private func page(
        _ req: Request, _ shell: ShellContext, year requested: Int?, csv: String = "", preview: Preview? = nil,
        message: String? = nil, error: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let services = try req.grid
        let language = req.language
        let calendar = services.calendar
        let now = services.clock.now
        let thisYear = calendar.day(of: now).year
        // Years outside what a calendar can hold are shown as this year rather than refused.
        let year = requested.flatMap { (1900...2200).contains($0) ? $0 : nil } ?? thisYear
        let holidays = calendar.holidays
        let missing = calendar.yearsNeedingData(asOf: now)
        let added = try await services.calendars.addedYears(on: req.db)
        let entries = holidays.entries.filter { $0.day.year == year }
        let listed = holidays.coverage.union(missing).union([thisYear, year]).sorted(by: >)
        let sourceKey = added.contains(year) ? "admin_calendar_source_added"
            : holidays.isCovered(year: year) ? "admin_calendar_source_official" : "admin_calendar_source_none"
        let context = Page(
            shell: shell, year: year,
            years: listed.map { ConsoleChoice(value: String($0), label: String($0), selected: $0 == year) },
            previousYear: year - 1, nextYear: year + 1, covered: holidays.isCovered(year: year),
            source: services.strings.text(sourceKey, language),
            entries: entries.map { entry in
                Entry(
                    date: entry.day.description, weekday: entry.day.weekday.label.text(in: language),
                    kind: services.strings.text(entry.kind == .holiday ? "admin_calendar_holiday" : "admin_calendar_workday", language),
                    holiday: entry.kind == .holiday, festival: entry.festivalName.text(in: language))
            },
            holidays: entries.filter { $0.kind == .holiday }.count, workdays: entries.filter { $0.kind == .workday }.count,
            missing: missing, header: HolidayCalendar.csvHeader, csv: csv, preview: preview, message: message, error: error)
        return try await AdminRender.page(req, "console/admin-calendar", context, status: status)
    }

    // MARK: import

    private func preview(_ req: Request, _ shell: ShellContext) async throws -> Response {
        let services = try req.grid
        let language = req.language
        guard let csv = AdminRender.uploadedCSV(req) else {
            return try await page(
                req, shell, year: nil, error: services.strings.text("admin_import_empty", language), status: .unprocessableEntity)
        }
        let check = services.calendars.check(csv)
        let added = try await services.calendars.addedYears(on: req.db)
        let official = HolidayCalendar.official
        let years = Dictionary(grouping: check.entries, by: \.day.year).sorted { $0.key < $1.key }.map { year, days in
            let effect = added.contains(year) ? "admin_calendar_effect_replace_added"
                : official.isCovered(year: year) ? "admin_calendar_effect_replace_official" : "admin_calendar_effect_add"
            return YearSummary(
                year: year, holidays: days.filter { $0.kind == .holiday }.count, workdays: days.filter { $0.kind == .workday }.count,
                effect: services.strings.text(effect, language))
        }
        let preview = Preview(
            ok: check.problems.isEmpty,
            problems: check.problems.map {
                AdminRender.Problem(line: $0.line, column: $0.field ?? "", message: $0.detail.text(in: language))
            },
            years: years, csv: csv)
        return try await page(
            req, shell, year: years.first?.year, csv: csv, preview: preview, status: preview.ok ? .ok : .unprocessableEntity)
    }

    private func apply(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let services = try req.grid
        let language = req.language
        guard let csv = AdminRender.uploadedCSV(req) else {
            return try await page(
                req, shell, year: nil, error: services.strings.text("admin_import_empty", language), status: .unprocessableEntity)
        }
        do {
            let imported = try await services.calendars.importCSV(
                csv, dryRun: false, actor: principal.auditActor(for: req), now: services.clock.now, on: req.db)
            let years = imported.coverage.sorted()
            let message = services.strings.text("admin_calendar_applied", language)
                .replacingOccurrences(of: "{years}", with: years.map(String.init).joined(separator: "、"))
                .replacingOccurrences(of: "{n}", with: String(imported.entries.count))
            return try await page(req, shell, year: years.first, message: message)
        } catch let failure as any UserFacingError {
            return try await page(
                req, shell, year: nil, csv: csv, error: failure.reason.text(in: language), status: .unprocessableEntity)
        }
    }
}
