import Foundation
import GridCore
import GridStore
import Vapor

/// The event loop over the API: the admission list, reporting, lists and inboxes, one event with
/// its timeline, and actions.
struct EventsController {
    let events: EventService

    struct ConflictBody: Encodable, Sendable {
        var error: String
        var message: String
        var current: EventDTO
    }

    func register(_ api: APIRouter) {
        registerInbox(api)
        registerMap(api)
        api.add(.GET, "event-types", summary: "The admission list (准入清单) as a tree", tag: "events", access: .signedIn,
                response: EventTypeTreeDTO.self) { _, _ in
            EventTypeTreeDTO(items: events.catalog.tree)
        }
        api.add(.POST, "event-types/import", summary: "Replace the admission list from CSV (text/csv body, Chinese headers); dry_run only checks",
                tag: "events", access: .permission(.catalogManage),
                query: [.query("dry_run", .boolean(), "Only check and report (default false)")],
                response: EventTypeTreeDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            guard let buffer = req.body.data, buffer.readableBytes > 0 else {
                throw ValidationFailure(field: "body", zh: "请上传 CSV 文件内容", en: "send the CSV text as the body")
            }
            let catalog = try await req.grid.catalog.importCSV(
                String(decoding: buffer.readableBytesView, as: UTF8.self), dryRun: req.query[Bool.self, at: "dry_run"] ?? false,
                actor: principal.auditActor(for: req), now: try req.grid.clock.now, on: req.db)
            return EventTypeTreeDTO(items: catalog.tree)
        }
        api.addDynamic(.POST, "events", summary: "Report an event (client-made id; a repeat returns the first event)", tag: "events",
                       access: .permission(.eventsReport), body: ReportEventRequestDTO.self, status: .created,
                       response: EventDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let body = try req.decodeBody(ReportEventRequestDTO.self)
            do {
                let (event, created) = try await events.report(body, by: principal, on: req.db)
                var dto = try await presenter(req).full(event, on: req.db)
                let config = try req.grid.config
                dto.possibleDuplicates = try await EventStore.nearby(
                    typeCode: event.snapshot.typeCode, point: event.mapPoint, radius: config.duplicateRadius,
                    since: event.snapshot.reportedAt.addingTimeInterval(-config.duplicateWindow), excluding: event.snapshot.id, on: req.db
                ).map { DuplicateDTO(id: $0.event.snapshot.id, number: $0.event.number, state: $0.event.snapshot.state.rawValue,
                                     distanceM: ($0.distance * 10).rounded() / 10, reportedAt: $0.event.snapshot.reportedAt) }
                return (dto, created ? .created : .ok)
            } catch let conflict as EventConflictError {
                throw try await conflictFailure(conflict, req)
            }
        }
        api.add(.GET, "events", summary: "Events in the caller's scope, filtered and paged", tag: "events",
                access: .permission(.eventsRead),
                query: [
                    .query("box", .string(enumeration: EventBox.allCases.map(\.rawValue)), "A role's inbox: work waiting at the caller's level"),
                    .query("state", .string(), "Comma-separated states"), .query("unit", .string(), "Unit id or code (subtree)"),
                    .query("type", .string(), "Event-type code"), .query("level", .integer(), "Level 1–4"),
                    .query("overdue", .boolean(), "Only overdue events"), .query("q", .string(), "Text or ticket number"),
                    .query("campaign", .string(format: "uuid"), "Members of one special rectification (专项整治)"),
                    .query("reporter", .string(format: "uuid"), "Reported by this user"),
                    .query("handler", .string(), "Handled by this unit or beneath it (id or code)"),
                    .query("sort", .string(enumeration: EventStore.Sort.allCases.map(\.rawValue)), "Order (default -reported_at: newest first)"),
                    .query("from", .dateTime, "Reported from"), .query("to", .dateTime, "Reported before"),
                    .query("page", .integer(), "Page from 1"), .query("per", .integer(), "Items per page, 1–200"),
                ],
                response: PageDTO<EventDTO>.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let (page, per) = try req.paging()
            let filter = try await Self.filter(req, principal)
            let (items, total) = try await EventStore.list(filter, page: page, per: per, on: req.db)
            let presenter = try presenter(req)
            let grids = try await UnitStore.find(ids: items.map(\.gridID), on: req.db).mapValues(GridFeatures.ref)
            return PageDTO(
                items: items.map { presenter.dto($0, grid: grids[$0.gridID] ?? GridRefDTO(id: $0.gridID, code: "", name: "", kind: .grid), timeline: nil, photos: []) },
                page: page, per: per, total: total)
        }
        api.add(.GET, "events/{id}", summary: "One event with its timeline", tag: "events", access: .permission(.eventsRead),
                response: EventDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let id = try req.idParameter()
            guard let event = try await EventStore.find(id, on: req.db),
                  EventService.visible(event.snapshot, to: principal.unitPath)
            else { throw GridHTTPError.notFound }
            return try await presenter(req).full(event, on: req.db)
        }
        api.addFile(.GET, "events/{id}/photos/{sha256}", summary: "A photo of the event (report or handling), for those who may see the event",
                    tag: "events", access: .permission(.eventsRead), mediaType: "image/*") { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let sha = try req.pathParameter("sha256")
            let id = try req.idParameter()
            guard let event = try await EventStore.find(id, on: req.db),
                  EventService.visible(event.snapshot, to: principal.unitPath),
                  let photo = try await EventStore.photos(id, on: req.db).first(where: { $0.sha256 == sha })
            else { throw GridHTTPError.notFound }
            let store = PhotoStore(dataDirectory: try req.grid.config.dataDirectory)
            let response = try await req.fileio.asyncStreamFile(
                at: store.path(for: photo.sha256, kind: photo.kind).path, mediaType: HTTPMediaType(type: "image", subType: photo.kind == .jpeg ? "jpeg" : photo.kind.rawValue))
            response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=86400, immutable")
            return response
        }
        api.add(.POST, "events/{id}/actions/{action}", summary: "Act on an event (accept, reject, dispatch, take, return, handle, verify, close, reopen, escalate, urge, supervise, extend, …)",
                tag: "events", access: .signedIn, body: EventActionRequestDTO.self, response: EventDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let id = try req.idParameter()
            let body = req.body.data.map { $0.readableBytes > 0 } == true ? try req.decodeBody(EventActionRequestDTO.self) : EventActionRequestDTO()
            do {
                let event = try await events.act(id, action: try req.pathParameter("action"), input: body, by: principal, on: req.db)
                return try await presenter(req).full(event, on: req.db)
            } catch let conflict as EventConflictError {
                throw try await conflictFailure(conflict, req)
            }
        }
    }

    /// The reporter hears back (闭环反馈): every step that concerns them lands here.
    func registerInbox(_ api: APIRouter) {
        api.add(.GET, "inbox", summary: "Messages about the events that concern the caller", tag: "events", access: .signedIn,
                query: [.query("unread", .boolean(), "Only unread messages"), .query("page", .integer(), "Page from 1"),
                        .query("per", .integer(), "Items per page, 1–200")],
                response: PageDTO<InboxItemDTO>.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let (page, per) = try req.paging()
            return try await EventStore.inbox(
                userID: principal.id, unitPath: principal.unitPath, roles: principal.account.roles,
                unreadOnly: req.query[Bool.self, at: "unread"] ?? false, language: req.language, page: page, per: per, on: req.db)
        }
        api.addNoContent(.POST, "inbox/{id}/read", summary: "Mark a message read", tag: "events", access: .signedIn) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let now = try req.grid.clock.now
            let id = try req.idParameter()
            let actor = req.auditActor
            let found = try await req.db.transaction { tx in
                guard try await EventStore.markRead(id, userID: principal.id, unitPath: principal.unitPath, on: tx, now: now) else { return false }
                try await AuditLog.record(
                    AuditRecord(action: "inbox.read", targetType: "inbox", targetID: id.uuidString, summary: "message read", unitPath: principal.unitPath),
                    by: actor, on: tx, now: now)
                return true
            }
            guard found else { throw GridHTTPError.notFound }
        }
    }

    private func presenter(_ req: Request) throws -> EventPresenter {
        EventPresenter(catalog: events.catalog, now: try req.grid.clock.now, language: req.language)
    }

    /// The list filter from the query (`box`, `state`, `unit`, `type`, `level`, `q`, …), within the
    /// caller's scope; the console's event lists read the same parameters.
    /// The console sets `box` itself (it knows `all`), so it passes `readingBox: false`.
    static func filter(_ req: Request, _ principal: Principal, readingBox: Bool = true) async throws -> EventStore.Filter {
        var filter = EventStore.Filter()
        if readingBox, let raw = req.query[String.self, at: "box"] {
            guard let box = EventBox(rawValue: raw) else {
                throw ValidationFailure(field: "box", zh: "未知待办箱“\(raw)”", en: "unknown box '\(raw)'")
            }
            filter = box.filter(for: principal, now: try req.grid.clock.now)
        }
        filter.visibleTo = principal.unitPath
        if let ref = req.query[String.self, at: "unit"] {
            guard let unit = try await UnitStore.find(idOrCode: ref, on: req.db) else { throw GridHTTPError.notFound }
            try principal.requireInScope(unit.path)
            filter.visibleTo = unit.path
        }
        if let raw = req.query[String.self, at: "state"] {
            filter.states = try raw.split(separator: ",").map { part in
                guard let state = EventState(rawValue: String(part)) else {
                    throw ValidationFailure(field: "state", zh: "未知状态“\(part)”", en: "unknown state '\(part)'")
                }
                return state
            }
        }
        if req.query[Bool.self, at: "overdue"] == true { filter.overdueAt = try req.grid.clock.now }
        filter.typeCode = req.query[String.self, at: "type"].flatMap { $0.isEmpty ? nil : $0 }
        filter.level = req.query[Int.self, at: "level"]
        filter.text = req.query[String.self, at: "q"]
        if let raw = req.query[String.self, at: "reporter"] {
            guard let id = UUID(uuidString: raw) else {
                throw ValidationFailure(field: "reporter", zh: "上报人应为用户编号（UUID）", en: "reporter must be a user id (UUID)")
            }
            filter.reporterID = id
        }
        if let ref = req.query[String.self, at: "handler"] {
            guard let unit = try await UnitStore.find(idOrCode: ref, on: req.db) else {
                throw ValidationFailure(field: "handler", zh: "找不到处置单位“\(ref)”", en: "no unit '\(ref)' was found")
            }
            filter.handlerUnder = unit.path
        }
        if let raw = req.query[String.self, at: "sort"] {
            guard let sort = EventStore.Sort(rawValue: raw) else {
                let options = EventStore.Sort.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationFailure(field: "sort", zh: "排序方式应为 \(options) 之一", en: "sort must be one of \(options)")
            }
            filter.sort = sort
        }
        if let raw = req.query[String.self, at: "campaign"] {
            guard let id = UUID(uuidString: raw) else {
                throw ValidationFailure(field: "campaign", zh: "专项整治编号应为 UUID", en: "campaign must be a UUID")
            }
            filter.campaignID = id
        }
        let formatter = ISO8601DateFormatter()
        for (name, assign) in [("from", { (d: Date) in filter.from = d }), ("to", { (d: Date) in filter.to = d })] as [(String, (Date) -> Void)] {
            if let raw = req.query[String.self, at: name] {
                guard let date = formatter.date(from: raw) else {
                    throw ValidationFailure(field: name, zh: "应为 RFC 3339 时间", en: "must be an RFC 3339 time")
                }
                assign(date)
            }
        }
        return filter
    }

    private func conflictFailure(_ conflict: EventConflictError, _ req: Request) async throws -> any Error {
        let language = req.language
        switch conflict {
        case .differentContent(let event):
            return try EncodedFailure(status: .conflict, ConflictBody(
                error: "id_conflict",
                message: LocalizedText(zh: "该编号已用于另一条内容不同的上报", en: "This id was already used for a report with different content").text(in: language),
                current: try await presenter(req).full(event, on: req.db)))
        case .stale(let event):
            return try EncodedFailure(status: .conflict, ConflictBody(
                error: "stale_version",
                message: LocalizedText(
                    zh: "事件已被他人处理，当前状态为“\(event.snapshot.state.label.zhHans)”",
                    en: "Someone else acted first; the event is now \(event.snapshot.state.label.en)").text(in: language),
                current: try await presenter(req).full(event, on: req.db)))
        case .unknownAction(let name):
            return ValidationFailure(field: "action", zh: "未知操作“\(name)”", en: "unknown action '\(name)'")
        }
    }
}
