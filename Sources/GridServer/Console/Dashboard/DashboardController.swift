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

    /// The periods offered on the page; any `StatPeriod` text ("2026-11", "2026-Q3"…) works too.
    enum Period: String, CaseIterable {
        case today, month, quarter, year, last30 = "30d"

        var label: LocalizedText {
            switch self {
            case .today: LocalizedText(zh: "今日", en: "Today")
            case .month: LocalizedText(zh: "本月", en: "This month")
            case .quarter: LocalizedText(zh: "本季度", en: "This quarter")
            case .year: LocalizedText(zh: "本年", en: "This year")
            case .last30: LocalizedText(zh: "近 30 天", en: "Last 30 days")
            }
        }

        /// The period containing `today`.
        func period(_ today: CalendarDay) -> StatPeriod {
            switch self {
            case .today: .day(today)
            case .month: .containing(today, length: "month")
            case .quarter: .containing(today, length: "quarter")
            case .year: .containing(today, length: "year")
            case .last30: .custom(from: today.adding(days: -29), through: today)
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
        let calendar = events.calendar
        let today = calendar.day(of: now)
        let asked = req.query[String.self, at: "period"] ?? "month"
        let preset = Period(rawValue: asked)
        let period: StatPeriod
        if let preset {
            period = preset.period(today)
        } else {
            do {
                period = try StatPeriod(parsing: asked)
            } catch {
                throw ValidationFailure(
                    field: "period", zh: "统计周期应为 today、month、quarter、year、30d 或 2026-11、2026-Q4 这样的期间",
                    en: "period must be today, month, quarter, year, 30d or a period such as 2026-11 or 2026-Q4")
            }
        }

        // One read of the indicator tables per question: the unit, its children, its types.
        let total = try await IndicatorStore.total(period, under: unit.path, on: req.db)
        let children = try await UnitStore.children(of: unit.id, on: req.db).filter { $0.kind.isTerritorial }
        let byGrid = try await IndicatorStore.sums(period, under: unit.path, subject: .territory, groupBy: .unitPath, on: req.db)
        let rolled = IndicatorBreakdown.rollUp(byGrid, into: children.map(\.path))
        let overdueByGrid = try await EventStore.overdueByGrid(under: unit.path, now: now, on: req.db)
        var overdueByChild: [UnitPath: Int] = [:]
        for (grid, count) in overdueByGrid {
            if let child = children.first(where: { $0.path.contains(grid) }) { overdueByChild[child.path, default: 0] += count }
        }
        let closure = Indicator.find("closure_rate"), onTime = Indicator.find("on_time_rate"), valid = Indicator.find("valid_rate")
        let ranking = children
            .map { child in (child, rolled[child.path] ?? MeasureVector()) }
            .sorted {
                (onTime?.value(of: $0.1) ?? -1, $0.1[.reported], $1.0.code.rawValue) > (onTime?.value(of: $1.1) ?? -1, $1.1[.reported], $0.0.code.rawValue)
            }
            .enumerated()
            .map { index, pair in
                Page.RankRow(
                    rank: index + 1, code: pair.0.code.rawValue, name: pair.0.name, reported: pair.1[.reported],
                    validRate: RateText.percent(valid?.value(of: pair.1)), closureRate: RateText.percent(closure?.value(of: pair.1)),
                    onTimeRate: RateText.percent(onTime?.value(of: pair.1)), overdue: overdueByChild[pair.0.path] ?? 0)
            }

        let typeRows = try await IndicatorStore.sums(period, under: unit.path, subject: .territory, typed: true, groupBy: .typeCode, on: req.db)
        let types = typeRows.map { (code: $0.key, count: $0.value[.reported]) }.filter { $0.count > 0 }
            .sorted { ($0.count, $1.code) > ($1.count, $0.code) }.prefix(10)
        let catalog = events.catalog
        let topTypes = types.map { row in
            Page.TypeRow(name: catalog[row.code]?.name ?? row.code, count: row.count,
                         share: RateText.percent(total[.reported] > 0 ? Double(row.count) / Double(total[.reported]) : nil))
        }

        var overdueFilter = EventStore.Filter()
        overdueFilter.gridUnder = unit.path
        overdueFilter.overdueAt = now
        overdueFilter.sort = .deadline
        let (overdueItems, overdueNow) = try await EventStore.list(overdueFilter, page: 1, per: 10, on: req.db)
        let overdue = try await ConsoleEventsController(events: events).rows(overdueItems, now: now, language: language, on: req.db)

        // The trend: by month for a period longer than a quarter (a district's year by day would
        // read 200,000 daily cells), else by day over the period, or the last 30 days when shorter.
        let length = period.first.days(to: period.last)
        let keys: [String]
        let byKey: [String: MeasureVector]
        if length > 92 {
            let months = StatPeriod.custom(
                from: StatPeriod.containing(period.first, length: "month").first, through: StatPeriod.containing(period.last, length: "month").last)
            byKey = try await IndicatorStore.sums(months, under: unit.path, subject: .territory, groupBy: .period, on: req.db)
            var monthKeys: [String] = []
            var cursor = months.first
            while cursor <= months.last {
                let month = StatPeriod.containing(cursor, length: "month")
                monthKeys.append(month.description)
                cursor = month.last.next
            }
            keys = monthKeys
        } else {
            let days = length >= 27 ? period : StatPeriod.custom(from: today.adding(days: -29), through: today)
            byKey = try await IndicatorStore.sums(days, under: unit.path, subject: .territory, daily: true, groupBy: .period, on: req.db)
            keys = (0...days.first.days(to: days.last)).map { days.first.adding(days: $0).description }
        }
        let trend: [String: [String]] = [
            "labels": keys.map { $0.count > 7 ? String($0.dropFirst(5)) : $0 },
            "reported": keys.map { String(byKey[$0]?[.reported] ?? 0) },
            "closed": keys.map { String(byKey[$0]?[.closed] ?? 0) },
            "names": [LocalizedText(zh: "上报", en: "Reported").text(in: language), LocalizedText(zh: "结案（按应结案日）", en: "Closed (by due day)").text(in: language)],
        ]

        let choices = try await ConsoleChoice.territorialUnits(under: scope, selected: unit.id, on: req.db)
        var figures = IndicatorFigure.all(
            ["reported", "valid_rate", "flow_rate", "due", "closure_rate", "on_time_rate", "satisfaction_rate"], total, language: language)
        figures.append(Page.Figure(
            id: "overdue", label: LocalizedText(zh: "超期未办", en: "Overdue now").text(in: language), value: String(overdueNow),
            definition: LocalizedText(zh: "当前仍未办结且已超过当前环节时限的事件数（不限上报时间）",
                                      en: "open events past their current stage's deadline now, whenever reported").text(in: language)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let page = Page(
            shell: shell, unitCode: unit.code.rawValue, unitName: unit.name, units: choices,
            periods: Period.allCases.map { .init(value: $0.rawValue, label: $0.label.text(in: language), selected: $0 == preset) },
            periodLabel: "\(preset?.label.text(in: language) ?? period.description)（\(period.first) – \(period.last)）", figures: figures, ranking: ranking,
            childKind: children.first?.kind.label.text(in: language) ?? "", topTypes: topTypes, overdue: overdue,
            trend: String(decoding: try encoder.encode(trend), as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/"))
        return try await req.view.render("console/dashboard", page).encodeResponse(for: req)
    }
}
