import Foundation
import GridCore
import GridStore
import Vapor

/// `GET /api/v1/stats/indicators`: the assessment indicators of a unit for a period (考核指标),
/// by sub-unit, type, period, worker or department, from the indicator tables.
struct StatsController {
    let indicators: IndicatorService

    func register(_ api: APIRouter) {
        api.add(.GET, "stats/indicators", summary: "Indicators of a unit for a period, with numerators and denominators, optionally broken down",
                tag: "stats", access: .permission(.statsRead),
                query: [
                    .query("unit", .string(), "Unit id or code; the caller's own unit when absent"),
                    .query("period", .string(), "2026-11-05, 2026-11, 2026-Q4, 2026 or 2026-11-01..2026-11-20 (default: this month)"),
                    .query("type", .string(), "One event type's code"),
                    .query("by", .string(enumeration: IndicatorBreakdown.allCases.map(\.rawValue)), "Rows of the breakdown (default none)"),
                    .query("completeness", .boolean(), "Also read the register's completeness (a stock, read live: slower on large areas)"),
                ],
                response: IndicatorReportDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let services = try req.grid
            let unit = try await PeopleController.unit(req, principal)
            let query = try Self.query(req, today: services.calendar.day(of: services.clock.now))
            return try await indicators.report(
                unit: unit, period: query.period, type: query.type, by: query.by, completeness: Self.completeness(req),
                now: services.clock.now, language: req.language, on: req.db)
        }
    }

    /// Whether the register's completeness is asked for (`completeness=true` or `1`).
    static func completeness(_ req: Request) -> Bool {
        ["true", "1", "on"].contains(req.query[String.self, at: "completeness"] ?? "")
    }

    /// The period, type and breakdown asked for, each refused by name when malformed.
    static func query(_ req: Request, today: CalendarDay) throws -> (period: StatPeriod, type: String?, by: IndicatorBreakdown) {
        let period = try req.query[String.self, at: "period"].map { try StatPeriod(parsing: $0) } ?? StatPeriod.containing(today, length: "month")
        let rawBy = req.query[String.self, at: "by"] ?? "none"
        guard let by = IndicatorBreakdown(rawValue: rawBy) else {
            throw ValidationFailure(
                field: "by", zh: "by 应为 \(IndicatorBreakdown.allCases.map(\.rawValue).joined(separator: "、"))",
                en: "by must be one of \(IndicatorBreakdown.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let type = req.query[String.self, at: "type"].flatMap { $0.isEmpty ? nil : $0 }
        return (period, type, by)
    }
}
