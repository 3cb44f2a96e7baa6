import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// One event's page (事件详情): what happened, where, who reported it, its deadline and timeline,
/// and one form per action the viewer may take now. Refused actions come back to the same page
/// with the reason in the viewer's language.
extension ConsoleEventsController {
    struct EventPage: Encodable, Sendable {
        var shell: ShellContext
        var event: Detail
        var timeline: [Step]
        var photos: [String]
        var actions: [ActionForm]
        var rating: RatingForm?
        var departments: [Department]
        var levels: [Int]
        var message: String?
        var error: String?
        var errorAction: String?
        var errorField: String?
        var form: [String: String]

        struct Detail: Encodable, Sendable {
            var id: String
            var number: String
            var typeName: String
            var typeCode: String
            var state: String
            var stateLabel: String
            var level: Int
            var levelLabel: String
            var description: String
            var reporter: String
            var channel: String
            var grid: String
            var gridCode: String
            var owner: String
            var handler: String
            var coHandlers: String
            var reportedAt: String
            var occurredAt: String
            var dueDay: String
            var timeLeft: String
            var overdue: Bool
            var flags: [String]
            var outcome: String
            var reworkCount: Int
            var returnCount: Int
            var version: Int
            var attributes: [Attribute]
            var discoveryStars: String
            var disposalStars: String
            var satisfaction: String
            var lon: Double
            var lat: Double
        }

        struct Attribute: Encodable, Sendable {
            var label: String
            var value: String
        }

        struct Step: Encodable, Sendable {
            var at: String
            var actor: String
            var role: String
            var action: String
            var change: String
            var note: String
        }

        struct ActionForm: Encodable, Sendable {
            var name: String
            var label: String
            var input: EventActionInput
            var main: Bool
        }

        struct RatingForm: Encodable, Sendable {
            var discovery: Bool
            var satisfaction: Bool
            var satisfactions: [Choice]
        }

        struct Choice: Encodable, Sendable {
            var value: String
            var label: String
        }

        struct Department: Encodable, Sendable {
            var code: String
            var name: String
            var load: Int
            var suggested: Bool
        }
    }

    func registerDetail(_ console: any RoutesBuilder) {
        console.get("events", ":id") { req in
            try await ConsoleGate.page(req, titleKey: "event_title", path: "/console/events", needs: .eventsRead) { shell, principal in
                let event = try await visibleEvent(req, principal)
                return try await detail(req, shell, principal, event, message: doneMessage(req), failure: nil)
            }
        }
        registerActions(console)
    }

    /// "Done: …" after a successful action (`?done=<action>`, with the ticket number when the
    /// event has left the viewer's hands).
    func doneMessage(_ req: Request) -> String? {
        guard let done = req.query[String.self, at: "done"].flatMap(EventAction.Name.init(rawValue:)) else { return nil }
        let number = req.query[String.self, at: "number"].map { " \($0)" } ?? ""
        return LocalizedText(zh: "已完成：\(done.label.zhHans)\(number)", en: "Done: \(done.label.en)\(number)").text(in: req.language)
    }

    func visibleEvent(_ req: Request, _ principal: Principal) async throws -> StoredEvent {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let event = try await EventStore.find(id, on: req.db),
              EventService.visible(event.snapshot, to: principal.unitPath)
        else { throw GridHTTPError.notFound }
        return event
    }

    /// A refused action, shown next to its form with what was typed.
    struct Failure {
        var action: String
        var field: String?
        var message: String
        var status: HTTPResponseStatus
        var form: [String: String]
    }

    func detail(
        _ req: Request, _ shell: ShellContext, _ principal: Principal, _ event: StoredEvent, message: String?, failure: Failure?
    ) async throws -> Response {
        var shell = shell
        shell.title = "\(shell.title) \(event.number)"
        let language = req.language
        let now = try req.grid.clock.now
        let s = event.snapshot
        let time = ConsoleTime(timeZone: events.calendar.timeZone)
        let actor = events.actor(principal)
        let type = events.catalog[s.typeCode]
        let status = deadlineStatus(s, now: now)

        var flags: [String] = []
        if s.awaitingCheck { flags.append(LocalizedText(zh: "待核实", en: "check pending").text(in: language)) }
        if s.parked { flags.append(LocalizedText(zh: "挂账中", en: "parked").text(in: language)) }
        if let pending = s.pendingRequest {
            let days = pending.days.map { LocalizedText(zh: " \($0) 个工作日", en: " \($0) working days").text(in: language) } ?? ""
            flags.append("\(pending.kind.label.text(in: language))\(days)：\(pending.reason)")
        }
        let ratings = event.ratings
        let detail = EventPage.Detail(
            id: s.id.uuidString, number: event.number, typeName: type?.name ?? s.typeCode, typeCode: s.typeCode, state: s.state.rawValue,
            stateLabel: s.state.label.text(in: language), level: s.level,
            levelLabel: LocalizedText(zh: "\(s.level) 级", en: "level \(s.level)").text(in: language), description: event.description, reporter: event.reporterName,
            channel: Self.channelLabel(event.channel).text(in: language),
            grid: try await UnitStore.find(id: event.gridID, on: req.db)?.name ?? "", gridCode: s.gridPath.codes.last ?? "",
            owner: try await unitName(s.ownerPath, on: req.db), handler: try await names(s.handlingUnit.map { [$0.path] } ?? [], on: req.db),
            coHandlers: try await names(s.coHandlers.map(\.path), on: req.db),
            reportedAt: time.text(s.reportedAt), occurredAt: time.text(event.occurredAt), dueDay: s.deadline?.dueDay.description ?? "",
            timeLeft: status?.label.text(in: language) ?? "", overdue: status?.isOverdue ?? false, flags: flags,
            outcome: s.outcome?.label.text(in: language) ?? "", reworkCount: s.reworkCount, returnCount: s.returnCount, version: s.version,
            attributes: (type?.requiredAttributes ?? []).compactMap { spec in
                event.attributes[spec.key].map { .init(label: spec.label.text(in: language), value: Self.text($0, language)) }
            },
            discoveryStars: ratings.discoveryStars.map { String(repeating: "★", count: $0) } ?? "",
            disposalStars: ratings.disposalStars.map { String(repeating: "★", count: $0) } ?? "",
            satisfaction: ratings.satisfaction?.label.text(in: language) ?? "",
            lon: event.mapPoint.lon, lat: event.mapPoint.lat)

        let timeline = try await EventStore.timeline(s.id, on: req.db).map { row in
            EventPage.Step(
                at: time.text(row.entry.at), actor: row.actorName, role: row.entry.actorRole?.label.text(in: language) ?? "",
                action: row.entry.action.label.text(in: language),
                change: row.entry.from.map { from in from == row.entry.to ? "" : "\(from.label.text(in: language)) → \(row.entry.to.label.text(in: language))" }
                    ?? row.entry.to.label.text(in: language),
                note: row.entry.note ?? "")
        }
        let available = EventMachine.availableActions(on: s, by: actor)
        let actions = (available.filter(EventActionInput.isMainStep) + available.filter { !EventActionInput.isMainStep($0) }).map { name in
            EventPage.ActionForm(name: name.rawValue, label: name.label.text(in: language), input: EventActionInput(name), main: EventActionInput.isMainStep(name))
        }
        let ratable = EventRatingRules.ratable(s, by: actor)
        let rating = ratable.discovery || ratable.satisfaction
            ? EventPage.RatingForm(
                discovery: ratable.discovery, satisfaction: ratable.satisfaction,
                satisfactions: Satisfaction.allCases.map { .init(value: $0.rawValue, label: $0.label.text(in: language)) })
            : nil
        let departments = available.contains(.dispatch) ? try await self.departments(for: principal, suggesting: type?.department, on: req.db) : []
        let photos = try await EventStore.photos(s.id, on: req.db).map { "/api/v1/events/\(s.id.uuidString)/photos/\($0.sha256)" }
        let page = EventPage(
            shell: shell, event: detail, timeline: timeline, photos: photos, actions: actions, rating: rating, departments: departments,
            levels: Array(EventType.levels), message: message, error: failure?.message, errorAction: failure?.action,
            errorField: failure?.field, form: failure?.form ?? [:])
        let response = try await req.view.render("console/event", page).encodeResponse(for: req)
        if let failure { response.status = failure.status }
        return response
    }

    /// The units a dispatcher may choose — the district's departments and outside units — with
    /// the open events each holds, the type's own department first.
    private func departments(for principal: Principal, suggesting code: String?, on db: any Database) async throws -> [EventPage.Department] {
        guard let root = principal.unitPath.ancestorsAndSelf.first else { return [] }
        let units = try await UnitStore.subtree(root, on: db).filter { $0.kind == .department || $0.kind == .outsideUnit }
        let load = try await EventStore.openLoad(under: root, on: db)
        return units
            .map { EventPage.Department(code: $0.code.rawValue, name: $0.name, load: load[$0.path] ?? 0, suggested: $0.code.rawValue == code) }
            .sorted { ($0.suggested ? 0 : 1, $0.code) < ($1.suggested ? 0 : 1, $1.code) }
    }

    private func unitName(_ path: UnitPath, on db: any Database) async throws -> String {
        guard let code = path.codes.last else { return "" }
        return try await UnitStore.find(code: code, on: db)?.name ?? code
    }

    private func names(_ paths: [UnitPath], on db: any Database) async throws -> String {
        var names: [String] = []
        for path in paths { names.append(try await unitName(path, on: db)) }
        return names.joined(separator: "、")
    }

    static func channelLabel(_ channel: String) -> LocalizedText {
        switch channel {
        case "grid_worker": LocalizedText(zh: "网格员上报", en: "grid worker")
        case "resident": LocalizedText(zh: "群众反映", en: "resident")
        case "hotline": LocalizedText(zh: "12345 热线", en: "hotline")
        case "department": LocalizedText(zh: "部门移交", en: "department")
        case "video": LocalizedText(zh: "视频发现", en: "video")
        case "open311": LocalizedText(zh: "Open311 接口", en: "Open311")
        default: LocalizedText(zh: channel, en: channel)
        }
    }

    static func text(_ value: JSONValue, _ language: Language) -> String {
        switch value {
        case .null: ""
        case .bool(let flag): (flag ? LocalizedText(zh: "是", en: "yes") : LocalizedText(zh: "否", en: "no")).text(in: language)
        case .number(let number): number.rounded() == number ? String(Int(number)) : String(number)
        case .string(let text): text
        case .array(let items): items.map { text($0, language) }.joined(separator: "、")
        case .object: ""
        }
    }
}
