import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// A grid's card in the console (网格档案, `/console/grids/{code}`): where it lies and who serves
/// it, its outline with the open events placed on it, its households, residents and organisations,
/// this month's events, the open ones by urgency, and the quality of its basic data — what a
/// community operator checks before calling the grid worker.
struct ConsoleGridController {
    let events: EventService

    /// Open events listed and drawn on the card at most (most urgent first); the event list has all.
    static let openEventLimit = 50

    struct Page: Encodable, Sendable {
        var shell: ShellContext
        var grid: Facts
        var trail: [Link]
        var sketch: Sketch?
        var staff: [Member]
        var housing: [Figure]
        var month: [Figure]
        var monthLabel: String
        var openEvents: [ConsoleEventsController.InboxPage.Row]
        var openTotal: Int
        var quality: [Figure]
    }

    struct Facts: Encodable, Sendable {
        var code: String
        var name: String
        var kind: String
        var areaKm2: String
    }

    struct Link: Encodable, Sendable {
        var href: String
        var name: String
    }

    struct Sketch: Encodable, Sendable {
        var path: String
        var viewBox: String
        var points: [Point]
    }

    struct Point: Encodable, Sendable {
        var id: String
        var x: String
        var y: String
        var overdue: Bool
        var title: String
    }

    struct Member: Encodable, Sendable {
        var name: String
        var role: String
        var phone: String
        var since: String
    }

    /// One figure with its definition (shown on hover, as on the dashboard).
    typealias Figure = DashboardController.Page.Figure

    func register(_ routes: any RoutesBuilder) {
        routes.get("console", "grids", ":code") { req in
            try await ConsoleGate.page(req, titleKey: "menu_map", path: "/console/map", needs: .gridsRead) { shell, principal in
                try await card(req, shell, principal)
            }
        }
    }

    private func card(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        guard let code = req.parameters.get("code"), let grid = try await UnitStore.find(code: code, on: req.db), grid.kind.isGrid
        else { throw GridHTTPError.notFound }
        try principal.requireInScope(grid.path)
        let services = try req.grid
        let language = req.language
        let now = services.clock.now
        func text(_ zh: String, _ en: String) -> String { LocalizedText(zh: zh, en: en).text(in: language) }
        func figure(_ id: String, _ label: (String, String), _ value: String, _ definition: (String, String)) -> Figure {
            Figure(id: id, label: text(label.0, label.1), value: value, definition: text(definition.0, definition.1))
        }

        let outline = try await GridMapStore.outline(of: grid, on: req.db)
        let trail = try await UnitStore.ancestors(of: grid, on: req.db)
            .filter { $0.id != grid.id && principal.scope.unitPath.contains($0.path) }
            .map { Link(href: "/console/units?unit=\($0.code.rawValue)", name: $0.name) }
        let staff = try await GridMapStore.staff(of: grid, on: req.db)
            .sorted { (BoardController.order($0.role), $0.name) < (BoardController.order($1.role), $1.name) }
            .map { Member(name: $0.name, role: $0.role.label.text(in: language), phone: $0.workPhone ?? "", since: $0.validFrom) }

        // basic data
        let counts = try await AreaHousingCounts.count(under: grid.path, on: req.db)
        let housing = [
            figure("buildings", ("楼栋", "Buildings"), String(counts.buildings), ("登记在本网格的楼栋数", "buildings registered in the grid")),
            figure("rooms", ("房屋", "Rooms"), String(counts.rooms), ("登记的房间（套）数", "rooms (dwellings and shops) registered")),
            figure("households", ("实住户数", "Homes lived in"), String(counts.homesLivedIn),
                   ("至少有一名现住人员的房屋数", "rooms where at least one current resident lives")),
            figure("residents", ("实有人口", "Residents"), String(counts.residents), ("现住人员（不含已迁出）", "current residents (moved-out people excluded)")),
            figure("floating", ("其中流动人口", "of whom floating"), String(counts.residentsByKind[.floating] ?? 0),
                   ("户籍在外地、居住在本网格的人员", "registered elsewhere, living in the grid")),
            figure("care", ("关注群体", "In care groups"), String(counts.inCareGroups),
                   ("属于至少一个关注群体的现住人员（独居老人、残疾人、低保、留守儿童等）",
                    "current residents in at least one care group (elderly alone, disabled, low income, left-behind children…)")),
            figure("organizations", ("实有单位", "Organisations"), String(counts.organizations), ("登记在本网格的单位和门店", "organisations and shops registered in the grid")),
        ]

        // this month's events and the open ones
        let today = services.calendar.day(of: now)
        let thisMonth = StatPeriod.containing(today, length: "month")
        let from = thisMonth.first
        let tally = try await IndicatorStore.total(thisMonth, under: grid.path, on: req.db)
        var month = IndicatorFigure.all(["reported", "valid_rate", "closure_rate", "on_time_rate"], tally, language: language)
        // patrol hours this month in this grid (巡查时长), from the patrol log
        let monthStart = services.calendar.start(of: from)
        let patrols = try await PatrolStore.list(under: grid.path, worker: nil, days: from.adding(days: -1)...today, on: req.db)
        let patrolled = patrols.reduce(0) { $0 + $1.patrol.seconds(from: monthStart, to: now, now: now) }
        let patrollers = Set(patrols.map(\.patrol.workerID)).count
        month.append(figure(
            "patrol-hours", ("巡查时长", "Patrol hours"), String(format: "%.1f h", patrolled / 3600) + (patrollers > 0 ? " · \(patrollers)" : ""),
            ("本月在本网格的巡查时长合计 · 巡查人数（标准：专职网格员每天不少于 4 小时）",
             "hours patrolled in the grid this month · people who patrolled (standard: a full-time worker at least 4 h a day)")))
        var open = EventStore.Filter()
        open.gridUnder = grid.path
        open.visibleTo = principal.unitPath
        open.states = EventState.allCases.filter(\.isOpen)
        open.sort = .deadline
        let (openItems, openTotal) = try await EventStore.list(open, page: 1, per: Self.openEventLimit, on: req.db)
        let rows = try await ConsoleEventsController(events: events).rows(openItems, now: now, language: language, on: req.db)

        var sketch: Sketch?
        if let outline {
            let drawing = OutlineSketch(outline.geometry)
            let points = zip(openItems, rows).compactMap { item, row -> Point? in
                guard let place = drawing.place(item.mapPoint) else { return nil }
                return Point(id: row.id, x: place.x, y: place.y, overdue: row.overdue, title: "\(row.number) \(row.typeName) · \(row.stateLabel)")
            }
            sketch = Sketch(path: drawing.path, viewBox: drawing.viewBox, points: points)
        }

        // data quality
        let report = try await DataQualityController.report(for: grid, services: services, on: req.db, language: language).total
        func ratio(_ value: DataQualityDTO.Ratio) -> String { "\(RateText.percent(value.rate))（\(value.numerator)/\(value.denominator)）" }
        let quality = [
            figure("people-complete", ("人口信息完整率", "Residents complete"),
                   ratio(.init(CountRatio(report.people.complete, of: report.people.records))),
                   ("必填项齐全的现住人员 ÷ 现住人员", "current residents with every required field ÷ current residents")),
            figure("rooms-complete", ("房屋信息完整率", "Rooms complete"),
                   ratio(.init(CountRatio(report.rooms.complete, of: report.rooms.records))),
                   ("必填项齐全的房屋 ÷ 房屋", "rooms with every required field ÷ rooms")),
            figure("stale", ("一年未更新", "Not updated for a year"), String(report.people.stale + report.rooms.stale + report.organizations.stale),
                   ("超过一年未核实或更新的人口、房屋、单位记录数", "residents, rooms and organisations not confirmed or changed for over a year")),
            figure("duplicates", ("疑似重复人员", "Probable duplicates"), String(report.people.duplicates),
                   ("证件号相同，或姓名、出生日期、房屋都相同的人员记录", "people sharing an ID number, or name, birth date and room")),
            figure("occupied-empty", ("有人住却无登记", "Lived in, nobody registered"), ratio(report.occupiedRoomsWithoutResidents),
                   ("标为自住或出租却没有现住人员的房屋 ÷ 此类房屋", "rooms marked self-occupied or rented with no current resident ÷ such rooms")),
        ]

        var shell = shell
        shell.title = "\(text("网格档案", "Grid card")) · \(grid.name)"
        let page = Page(
            shell: shell,
            grid: Facts(code: grid.code.rawValue, name: grid.name, kind: grid.kind.label.text(in: language),
                        areaKm2: outline.map { String(format: "%.2f", $0.area / 1_000_000) } ?? "—"),
            trail: trail, sketch: sketch, staff: staff, housing: housing, month: month,
            monthLabel: "\(from) – \(thisMonth.last)", openEvents: rows, openTotal: openTotal, quality: quality)
        return try await req.view.render("console/grid", page).encodeResponse(for: req)
    }
}
