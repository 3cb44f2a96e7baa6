import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// The dashboard (大数据): for the viewer's scope or a unit inside it, and a period, the events
/// reported, valid, closed and handled on time, the overdue list, the type mix, a 30-day trend and
/// a ranking of the sub-units — every figure counted by the platform from the events themselves,
/// each with its definition on hover.
struct DashboardController {
    let events: EventService

    enum Period: String, CaseIterable {
        case today, month, year, last30 = "30d"

        var label: LocalizedText {
            switch self {
            case .today: LocalizedText(zh: "今日", en: "Today")
            case .month: LocalizedText(zh: "本月", en: "This month")
            case .year: LocalizedText(zh: "本年", en: "This year")
            case .last30: LocalizedText(zh: "近 30 天", en: "Last 30 days")
            }
        }

        /// Report days `from ..< to` of the period containing `today`.
        func days(_ today: CalendarDay) -> (from: CalendarDay, to: CalendarDay) {
            let tomorrow = today.adding(days: 1)
            switch self {
            case .today: return (today, tomorrow)
            case .month: return (CalendarDay(year: today.year, month: today.month, day: 1) ?? today, tomorrow)
            case .year: return (CalendarDay(year: today.year, month: 1, day: 1) ?? today, tomorrow)
            case .last30: return (today.adding(days: -29), tomorrow)
            }
        }
    }

    struct Page: Encodable, Sendable {
        var shell: ShellContext
        var unitCode: String
        var unitName: String
        var units: [Choice]
        var periods: [Choice]
        var periodLabel: String
        var figures: [Figure]
        var ranking: [RankRow]
        var childKind: String
        var topTypes: [TypeRow]
        var overdue: [ConsoleEventsController.InboxPage.Row]
        var trend: String

        typealias Choice = ConsoleChoice

        struct Figure: Encodable, Sendable {
            var id: String
            var label: String
            var value: String
            var definition: String
        }

        struct RankRow: Encodable, Sendable {
            var rank: Int
            var code: String
            var name: String
            var reported: Int
            var validRate: String
            var closureRate: String
            var onTimeRate: String
            var overdue: Int
        }

        struct TypeRow: Encodable, Sendable {
            var name: String
            var count: Int
            var share: String
        }
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("console", "dashboard") { req in
            try await ConsoleGate.page(req, titleKey: "menu_dashboard", path: "/console/dashboard", needs: .statsRead) { shell, principal in
                try await dashboard(req, shell, principal)
            }
        }
    }

    private func dashboard(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let language = req.language
        let now = try req.grid.clock.now
        let scope = principal.account.unit
        var unit = scope
        if let ref = req.query[String.self, at: "unit"], !ref.isEmpty {
            guard let found = try await UnitStore.find(idOrCode: ref, on: req.db) else {
                throw ValidationFailure(field: "unit", zh: "找不到单位“\(ref)”", en: "no unit '\(ref)' was found")
            }
            try principal.requireInScope(found.path)
            unit = found
        }
        guard let period = Period(rawValue: req.query[String.self, at: "period"] ?? "month") else {
            throw ValidationFailure(field: "period", zh: "统计周期应为 today、month、year 或 30d", en: "period must be today, month, year or 30d")
        }
        let calendar = events.calendar
        let today = calendar.day(of: now)
        let (from, to) = period.days(today)

        let (byGrid, byType) = try await EventStatsStore.breakdown(under: unit.path, from: from, to: to, now: now, on: req.db)
        let total = byGrid.values.reduce(EventTally(), +)
        let children = try await UnitStore.children(of: unit.id, on: req.db).filter { $0.kind.isTerritorial }
        let rolled = EventTally.rollUp(byGrid, into: children.map(\.path))
        let ranking = children
            .map { child in (child, rolled[child.path] ?? EventTally()) }
            .sorted { ($0.1.closureRate ?? -1, $0.1.reported, $1.0.code.rawValue) > ($1.1.closureRate ?? -1, $1.1.reported, $0.0.code.rawValue) }
            .enumerated()
            .map { index, pair in
                Page.RankRow(
                    rank: index + 1, code: pair.0.code.rawValue, name: pair.0.name, reported: pair.1.reported,
                    validRate: RateText.percent(pair.1.validRate), closureRate: RateText.percent(pair.1.closureRate),
                    onTimeRate: RateText.percent(pair.1.onTimeRate), overdue: pair.1.overdue)
            }

        let types = byType.map { (code: $0.key, count: $0.value) }.sorted { ($0.count, $1.code) > ($1.count, $0.code) }.prefix(10)
        let catalog = events.catalog
        let topTypes = types.map { row in
            Page.TypeRow(name: catalog[row.code]?.name ?? row.code, count: row.count,
                         share: RateText.percent(total.reported > 0 ? Double(row.count) / Double(total.reported) : nil))
        }

        var overdueFilter = EventStore.Filter()
        overdueFilter.gridUnder = unit.path
        overdueFilter.overdueAt = now
        overdueFilter.sort = .deadline
        let (overdueItems, overdueTotal) = try await EventStore.list(overdueFilter, page: 1, per: 10, on: req.db)
        let overdue = try await ConsoleEventsController(events: events).rows(overdueItems, now: now, language: language, on: req.db)

        let trendFrom = today.adding(days: -29)
        let trendRows = try await EventStatsStore.trend(under: unit.path, from: trendFrom, to: today.adding(days: 1), on: req.db)
        let byDay = Dictionary(uniqueKeysWithValues: trendRows.map { ($0.day, ($0.reported, $0.closed)) })
        let days = (0..<30).map { trendFrom.adding(days: $0).description }
        let trend: [String: [String]] = [
            "labels": days.map { String($0.dropFirst(5)) },
            "reported": days.map { String(byDay[$0]?.0 ?? 0) },
            "closed": days.map { String(byDay[$0]?.1 ?? 0) },
            "names": [LocalizedText(zh: "上报", en: "Reported").text(in: language), LocalizedText(zh: "已结案", en: "Closed").text(in: language)],
        ]

        let choices = try await ConsoleChoice.territorialUnits(under: scope, selected: unit.id, on: req.db)
        func figure(_ id: String, _ zh: String, _ en: String, _ value: String, _ zhDefinition: String, _ enDefinition: String) -> Page.Figure {
            Page.Figure(id: id, label: LocalizedText(zh: zh, en: en).text(in: language), value: value,
                        definition: LocalizedText(zh: zhDefinition, en: enDefinition).text(in: language))
        }
        let figures = [
            figure("reported", "上报", "Reported", String(total.reported), "统计周期内上报的事件数", "events reported in the period"),
            figure("valid-rate", "有效上报率", "Valid rate", RateText.percent(total.validRate),
                   "（上报数 − 不予立案数）÷ 上报数", "(reported − rejected at triage) ÷ reported"),
            figure("closed", "已结案", "Closed", String(total.closed), "周期内上报、至今已结案或归档的事件数", "events reported in the period and closed or archived by now"),
            figure("closure-rate", "结案率", "Closure rate", RateText.percent(total.closureRate),
                   "已结案数 ÷ 有效上报数（不予立案的事件不应结案）", "closed ÷ valid reports (refused reports are never due to close)"),
            figure("on-time-rate", "按期处置率", "On-time handling", RateText.percent(total.onTimeRate),
                   "在处置时限前完成处置反馈的事件数 ÷ 已处置且有处置时限的事件数", "handled before the handling deadline ÷ handled events that had one"),
            figure("overdue", "超期未办", "Overdue now", String(overdueTotal),
                   "当前仍未办结且已超过当前环节时限的事件数（不限上报时间）", "open events past their current stage's deadline now, whenever reported"),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let page = Page(
            shell: shell, unitCode: unit.code.rawValue, unitName: unit.name, units: choices,
            periods: Period.allCases.map { .init(value: $0.rawValue, label: $0.label.text(in: language), selected: $0 == period) },
            periodLabel: "\(period.label.text(in: language))（\(from) – \(to.adding(days: -1))）", figures: figures, ranking: ranking,
            childKind: children.first?.kind.label.text(in: language) ?? "", topTypes: topTypes, overdue: overdue,
            trend: String(decoding: try encoder.encode(trend), as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/"))
        return try await req.view.render("console/dashboard", page).encodeResponse(for: req)
    }
}
