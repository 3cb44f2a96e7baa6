import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// The console's event work (事件办理): inboxes per role with counts, filters, sorting and the
/// time left in working days (`/console/events`), the same list as CSV, and one event's page with
/// the actions its viewer may take now (`/console/events/{id}`).
struct ConsoleEventsController {
    let events: EventService

    static let perPage = 20
    /// Rows a CSV export carries at most; the page says so when a list is longer.
    static let exportLimit = 10_000

    func register(_ routes: any RoutesBuilder) {
        let console = routes.grouped("console")
        console.get("events") { req in
            try await ConsoleGate.page(req, titleKey: "menu_events", path: "/console/events", needs: .eventsRead) { shell, principal in
                try await inbox(req, shell, principal)
            }
        }
        console.get("events.csv") { req in
            try await ConsoleGate.page(req, titleKey: "menu_events", path: "/console/events", needs: .eventsRead) { _, principal in
                try await export(req, principal)
            }
        }
        registerDetail(console)
    }

    // MARK: inbox

    struct InboxPage: Encodable, Sendable {
        var shell: ShellContext
        var tabs: [Tab]
        var box: String
        var boxLabel: String
        var rows: [Row]
        var total: Int
        var pager: ConsolePager
        var exportHref: String
        var types: [Choice]
        var levels: [Choice]
        var sorts: [Choice]
        var q: String
        var message: String?
        var error: String?

        struct Tab: Encodable, Sendable {
            var box: String
            var label: String
            var count: Int
            var active: Bool
        }

        struct Row: Encodable, Sendable {
            var id: String
            var number: String
            var typeName: String
            var description: String
            var grid: String
            var state: String
            var stateLabel: String
            var level: Int
            var reportedAt: String
            var deadline: String
            var timeLeft: String
            var overdue: Bool
            var flags: String
        }

        typealias Choice = ConsoleChoice
    }

    /// The box shown: the one asked for, else the first of the viewer's boxes.
    private func box(_ req: Request, _ principal: Principal) throws -> (EventBox?, [EventBox]) {
        let boxes = EventBox.boxes(for: principal.account.roles)
        guard let raw = req.query[String.self, at: "box"], !raw.isEmpty else { return (boxes.first, boxes) }
        if raw == "all" { return (nil, boxes) }
        guard let box = EventBox(rawValue: raw) else {
            throw ValidationFailure(field: "box", zh: "未知待办箱“\(raw)”", en: "unknown box '\(raw)'")
        }
        return (box, boxes)
    }

    private func inbox(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let language = req.language
        let now = try req.grid.clock.now
        let (current, boxes) = try box(req, principal)
        var tabs: [InboxPage.Tab] = []
        for box in boxes {
            let count = try await EventStore.count(box.filter(for: principal, now: now), on: req.db)
            tabs.append(.init(box: box.rawValue, label: box.label.text(in: language), count: count, active: box == current))
        }
        let all = LocalizedText(zh: "全部事件", en: "All events").text(in: language)
        tabs.append(.init(box: "all", label: all, count: try await EventStore.count(visibleFilter(principal), on: req.db), active: current == nil))

        var error: String?
        var filter = visibleFilter(principal)
        do {
            filter = try await listFilter(req, principal, box: current)
        } catch let failure as any UserFacingError {
            error = failure.reason.text(in: language)
        }
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let (items, total) = try await EventStore.list(filter, page: page, per: Self.perPage, on: req.db)
        let rows = try await self.rows(items, now: now, language: language, on: req.db)
        let query = self.query(req, dropping: "page")
        let catalog = events.catalog
        let typeCode = req.query[String.self, at: "type"] ?? ""
        let level = req.query[Int.self, at: "level"]
        let sort = req.query[String.self, at: "sort"] ?? EventStore.Sort.newest.rawValue
        let context = InboxPage(
            shell: shell, tabs: tabs, box: current?.rawValue ?? "all", boxLabel: current?.label.text(in: language) ?? all,
            rows: rows, total: total, pager: ConsolePager(total: total, page: page, per: Self.perPage, link: "/console/events?\(query)"),
            exportHref: "/console/events.csv?\(query)",
            types: [.init(value: "", label: LocalizedText(zh: "全部类型", en: "All types").text(in: language), selected: typeCode.isEmpty)]
                + catalog.reportableTypes.map { .init(value: $0.code, label: "\($0.code) \($0.name)", selected: $0.code == typeCode) },
            levels: [.init(value: "", label: LocalizedText(zh: "全部等级", en: "All levels").text(in: language), selected: level == nil)]
                + EventType.levels.map { .init(value: String($0), label: LocalizedText(zh: "\($0) 级", en: "level \($0)").text(in: language), selected: $0 == level) },
            sorts: Self.sortLabels.map { .init(value: $0.0.rawValue, label: $0.1.text(in: language), selected: $0.0.rawValue == sort) },
            q: req.query[String.self, at: "q"] ?? "", message: doneMessage(req), error: error)
        let response = try await req.view.render("console/events", context).encodeResponse(for: req)
        if error != nil { response.status = .unprocessableEntity }
        return response
    }

    static let sortLabels: [(EventStore.Sort, LocalizedText)] = [
        (.newest, LocalizedText(zh: "最新上报在前", en: "Newest first")),
        (.deadline, LocalizedText(zh: "最紧急在前", en: "Most urgent first")),
        (.oldest, LocalizedText(zh: "最早上报在前", en: "Oldest first")),
        (.highestLevel, LocalizedText(zh: "等级高在前", en: "Highest level first")),
    ]

    private func visibleFilter(_ principal: Principal) -> EventStore.Filter {
        var filter = EventStore.Filter()
        filter.visibleTo = principal.unitPath
        return filter
    }

    /// The box's filter narrowed by the page's own filters (the API's parameters, read the same way).
    private func listFilter(_ req: Request, _ principal: Principal, box: EventBox?) async throws -> EventStore.Filter {
        var filter = try await EventsController.filter(req, principal, readingBox: false)
        if let box {
            let boxed = box.filter(for: principal, now: try req.grid.clock.now)
            filter.states = boxed.states
            filter.ownerIs = boxed.ownerIs
            filter.undispatched = boxed.undispatched
            filter.handlerUnder = boxed.handlerUnder
            filter.reporterID = boxed.reporterID
            filter.overdueAt = boxed.overdueAt
        }
        if req.query[String.self, at: "sort"] == nil, box != nil, box != .mine { filter.sort = .deadline }
        return filter
    }

    /// The current query string without `name`, ending in `&` when not empty.
    private func query(_ req: Request, dropping name: String) -> String {
        let items = URLComponents(string: req.url.string)?.queryItems?.filter { ![name, "done", "number"].contains($0.name) && !($0.value ?? "").isEmpty } ?? []
        guard !items.isEmpty else { return "" }
        var components = URLComponents()
        components.queryItems = items
        return (components.percentEncodedQuery ?? "") + "&"
    }

    func rows(_ items: [StoredEvent], now: Date, language: Language, on db: any Database) async throws -> [InboxPage.Row] {
        let grids = try await UnitStore.find(ids: items.map(\.gridID), on: db).mapValues(\.name)
        let time = ConsoleTime(timeZone: events.calendar.timeZone)
        return items.map { event in
            let s = event.snapshot
            let status = deadlineStatus(s, now: now)
            var flags: [String] = []
            if s.awaitingCheck { flags.append(LocalizedText(zh: "待核实", en: "check pending").text(in: language)) }
            if s.parked { flags.append(LocalizedText(zh: "挂账", en: "parked").text(in: language)) }
            if let pending = s.pendingRequest { flags.append(pending.kind.label.text(in: language)) }
            if s.reworkCount > 0 { flags.append(LocalizedText(zh: "返工 \(s.reworkCount)", en: "rework \(s.reworkCount)").text(in: language)) }
            return InboxPage.Row(
                id: s.id.uuidString, number: event.number, typeName: events.catalog[s.typeCode]?.name ?? s.typeCode,
                description: String(event.description.prefix(60)), grid: grids[event.gridID] ?? "", state: s.state.rawValue,
                stateLabel: s.state.label.text(in: language), level: s.level, reportedAt: time.text(s.reportedAt),
                deadline: s.deadline.map { $0.dueDay.description } ?? "", timeLeft: status?.label.text(in: language) ?? "",
                overdue: status?.isOverdue ?? false, flags: flags.joined(separator: "、"))
        }
    }

    /// The open stage's deadline as the inbox shows it; none for finished or parked events.
    func deadlineStatus(_ s: EventSnapshot, now: Date) -> DeadlineStatus? {
        guard ![EventState.closed, .archived, .rejected].contains(s.state), !s.parked, let deadline = s.deadline else { return nil }
        return DeadlineStatus(deadline, at: now, calendar: events.calendar)
    }

    // MARK: export

    private func export(_ req: Request, _ principal: Principal) async throws -> Response {
        let language = req.language
        let now = try req.grid.clock.now
        let (current, _) = try box(req, principal)
        let filter = try await listFilter(req, principal, box: current)
        let (items, _) = try await EventStore.list(filter, page: 1, per: Self.exportLimit, on: req.db)
        let rows = try await self.rows(items, now: now, language: language, on: req.db)
        let header = language == .zhHans
            ? ["事件编号", "事件类型", "网格", "状态", "等级", "上报时间", "截止日", "时限", "标记", "描述"]
            : ["number", "type", "grid", "state", "level", "reported", "due", "time left", "flags", "description"]
        var csv = "\u{FEFF}" + CSVText.line(header) + "\r\n"
        for row in rows {
            csv += CSVText.line([row.number, row.typeName, row.grid, row.stateLabel, String(row.level), row.reportedAt, row.deadline,
                                 row.timeLeft, row.flags, row.description]) + "\r\n"
        }
        try await AuditLog.record(
            AuditRecord(action: "event.export", targetType: "event", targetID: nil,
                        summary: "\(rows.count) events (\(current?.rawValue ?? "all"))", unitPath: principal.unitPath),
            by: principal.auditActor(for: req), on: req.db, now: now)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"events-\(current?.rawValue ?? "all").csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }
}

