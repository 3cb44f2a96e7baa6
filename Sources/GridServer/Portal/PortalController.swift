import Foundation
import GridCore
import GridStore
import Vapor

/// The residents' portal (居民门户) at `/portal`: no account, phone-sized, Chinese first.
/// Report a problem (`/portal/report`), look up its progress and rate the result
/// (`/portal/status`, `/portal/rate`), the public map of recent events (`/portal/map`), and the way
/// to self-declaration (`/declare`). Forms carry a double-submit token against cross-site posting;
/// refusals answer 422 (by field), 429 (too many) or 404 (no such ticket for that phone), each
/// with its reason on the page.
struct PortalController: Sendable {
    static let csrf = PublicFormCSRF(cookie: "gridgov_portal_csrf")
    /// Largest report body: the photos plus the form.
    static let maximumBody: ByteCount = "32mb"

    struct ReportForm: Content {
        var _csrf: String?
        var form_id: String?
        var type: String?
        var description: String?
        var phone: String?
        var lon: String?
        var lat: String?
        var datum: String?
        var address: String?
        var website: String?
        var attr: [String: String]?
        var photos: [File]?
    }

    struct LookupForm: Content {
        var _csrf: String?
        var ticket: String?
        var phone: String?
        var satisfaction: String?
    }

    func register(_ app: Application) throws {
        PortalOpenAPI.register(in: try app.grid.openAPI)
        let portal = app.grouped("portal")
        portal.get { req async throws -> Response in
            let response = try await req.view.render("portal", PortalPages.Home(chrome: try .init(req, back: "/portal"))).encodeResponse(for: req)
            return response
        }
        portal.get("report") { req async throws -> Response in
            try await renderReport(req, form: .init(), errors: [], status: .ok)
        }
        portal.on(.POST, "report", body: .collect(maxSize: Self.maximumBody)) { req async throws -> Response in
            try await submitReport(req)
        }
        portal.get("status") { req async throws -> Response in
            try await renderStatus(req, ticket: req.query[String.self, at: "ticket"] ?? "", phone: "", found: nil, error: nil, message: nil, status: .ok)
        }
        portal.post("status") { req async throws -> Response in
            try await lookup(req, rating: false)
        }
        portal.post("rate") { req async throws -> Response in
            try await lookup(req, rating: true)
        }
        portal.get("map") { req async throws -> Response in
            try await mapPage(req)
        }
        portal.get("map", "events.json") { req async throws -> Response in
            let maps = try mapService(req)
            guard let code = req.query[String.self, at: "community"], let community = try await maps.community(code, on: req.db) else {
                throw GridHTTPError.notFound
            }
            return try await json(try await maps.events(in: community, language: req.language, on: req.db), req)
        }
        portal.get("map", "outlines.json") { req async throws -> Response in
            let maps = try mapService(req)
            if let code = req.query[String.self, at: "community"] {
                guard let community = try await maps.community(code, on: req.db) else { throw GridHTTPError.notFound }
                return try await json(try await maps.outlines(under: community, kinds: [.community, .grid], on: req.db), req)
            }
            let root = try await service(req).jurisdiction(on: req.db)
            return try await json(try await maps.outlines(under: root, kinds: [.community], on: req.db), req)
        }
    }

    // MARK: report

    private func submitReport(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ReportForm.self)
        var echo = PortalPages.Form(
            type: form.type ?? "", description: form.description ?? "", phone: form.phone ?? "", lon: form.lon ?? "", lat: form.lat ?? "",
            datum: form.datum ?? "", address: form.address ?? "")
        guard Self.csrf.matches(req, form._csrf) else {
            let reason = GridHTTPError.csrfMismatch.message.text(in: req.language)
            return try await renderReport(req, form: echo, errors: [.init(field: "_csrf", reason: reason)], status: .forbidden)
        }
        let input = PortalReportInput(
            typeCode: form.type ?? "", description: form.description ?? "", phone: form.phone ?? "", lon: form.lon ?? "",
            lat: form.lat ?? "", datum: form.datum ?? "", address: form.address ?? "", honeypot: form.website ?? "",
            attributes: form.attr ?? [:], photos: (form.photos ?? []).map { Array($0.data.readableBytesView) })
        let formID = form.form_id.flatMap(UUID.init(uuidString:)) ?? UUID()
        do {
            let event = try await service(req).report(input, formID: formID, clientAddress: req.clientAddress, on: req.db)
            echo = .init()
            return try await renderReport(
                req, form: echo, errors: [], status: .created, ticket: event.number,
                stage: PortalStage.of(event.snapshot).label.text(in: req.language))
        } catch let failures as ValidationFailures {
            return try await renderReport(req, form: echo, errors: failures.failures.map { fieldError($0, req) }, status: .unprocessableEntity)
        } catch let failure as ValidationFailure {
            return try await renderReport(req, form: echo, errors: [fieldError(failure, req)], status: .unprocessableEntity)
        } catch let limited as PortalRateLimited {
            let response = try await renderReport(req, form: echo, errors: [fieldError(limited, req)], status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(limited.retryAfter))
            return response
        } catch is EventConflictError {
            let reason = LocalizedText(zh: "该表单已提交过，请刷新页面后重新填写", en: "this form was already sent; reload the page to report again")
            return try await renderReport(
                req, form: echo, errors: [.init(field: "form_id", reason: reason.text(in: req.language))], status: .conflict)
        }
    }

    private func renderReport(
        _ req: Request, form: PortalPages.Form, errors: [PortalPages.FieldError], status: HTTPStatus, ticket: String? = nil, stage: String? = nil
    ) async throws -> Response {
        let language = req.language
        let portal = try service(req)
        let catalog = portal.catalog
        let types = portal.publicTypes
        let selected = form.type.isEmpty ? nil : catalog[form.type]
        func specs(_ type: EventType) -> [[String: JSONValue]] {
            type.requiredAttributes.map { spec in
                var options: [JSONValue] = []
                if case let .choice(list) = spec.type { options = list.map { .string($0) } }
                return [
                    "key": .string(spec.key), "label": .string(spec.label.text(in: language)), "type": .string(spec.type.name),
                    "options": .array(options), "required": .bool(spec.required),
                ]
            }
        }
        var byType: [String: JSONValue] = [:]
        for type in types where !type.requiredAttributes.isEmpty {
            byType[type.code] = .array(specs(type).map { .object($0) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let attributesJSON = String(decoding: try encoder.encode(JSONValue.object(byType)), as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
        let attributes = (selected?.requiredAttributes ?? []).map { spec -> PortalPages.Report.Attribute in
            var options: [String] = []
            if case let .choice(list) = spec.type { options = list }
            return .init(key: spec.key, label: spec.label.text(in: language), kind: spec.type.name, options: options, required: spec.required, value: "")
        }
        let limits = req.application.portalGuard.limits
        let token = Self.csrf.token(req)
        let page = PortalPages.Report(
            chrome: try .init(req, back: "/portal/report"), csrf: token, formID: UUID().uuidString,
            types: types.map { type in
                let group = type.parentCode.flatMap { catalog[$0]?.name }
                return .init(code: type.code, label: group.map { "\($0) · \(type.name)" } ?? type.name, selected: type.code == form.type)
            },
            attributesJSON: attributesJSON, attributes: attributes, form: form, errors: errors, hasErrors: !errors.isEmpty,
            maxPhotos: limits.maxPhotos, maxPhotoMB: max(1, limits.maxPhotoBytes / 1_048_576), ticket: ticket, ticketStage: stage)
        let response = try await req.view.render("portal-report", page).encodeResponse(for: req)
        response.status = status
        Self.csrf.set(response, token)
        return response
    }

    // MARK: lookup and rating

    private func lookup(_ req: Request, rating: Bool) async throws -> Response {
        let form = try req.content.decode(LookupForm.self)
        let ticket = (form.ticket ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let phone = form.phone ?? ""
        let language = req.language
        let strings = try req.grid.strings
        guard Self.csrf.matches(req, form._csrf) else {
            return try await renderStatus(
                req, ticket: ticket, phone: "", found: nil, error: GridHTTPError.csrfMismatch.message.text(in: language), message: nil, status: .forbidden)
        }
        var missing: [String] = []
        if ticket.isEmpty { missing.append(strings.text("portal_field_ticket", language)) }
        if phone.trimmingCharacters(in: .whitespaces).isEmpty { missing.append(strings.text("portal_field_phone", language)) }
        if !missing.isEmpty {
            let reason = LocalizedText(zh: "请填写" + missing.joined(separator: "和"), en: "Fill in " + missing.joined(separator: " and "))
            return try await renderStatus(req, ticket: ticket, phone: phone, found: nil, error: reason.text(in: language), message: nil, status: .unprocessableEntity)
        }
        let portal = try service(req)
        do {
            if !rating, ticket.uppercased().hasPrefix("W") {
                return try await lookUpDeskRequest(req, ticket: ticket.uppercased(), phone: phone)
            }
            var message: String?
            let pair: (event: StoredEvent, record: PortalReportRecord)?
            if rating {
                if let rated = try await portal.rate(
                    ticket: ticket, phone: phone, satisfaction: form.satisfaction ?? "", clientAddress: req.clientAddress, on: req.db) {
                    pair = (rated, try await PortalReportStore.find(eventID: rated.snapshot.id, on: req.db) ?? PortalReportRecord(
                        eventID: rated.snapshot.id, reporterID: rated.snapshot.reporterID, phoneHash: "", sealedPhone: "", maskedPhone: "",
                        address: nil, createdAt: rated.snapshot.reportedAt))
                    message = strings.text("portal_rate_thanks", language)
                } else {
                    pair = nil
                }
            } else {
                pair = try await portal.lookup(ticket: ticket, phone: phone, clientAddress: req.clientAddress, on: req.db)
            }
            guard let pair else {
                return try await renderStatus(
                    req, ticket: ticket, phone: phone, found: nil, error: strings.text("portal_status_not_found", language), message: nil, status: .notFound)
            }
            return try await renderStatus(
                req, ticket: ticket, phone: phone, found: try await found(pair.event, req), error: nil, message: message, status: .ok)
        } catch let limited as PortalRateLimited {
            let response = try await renderStatus(
                req, ticket: ticket, phone: "", found: nil, error: limited.reason.text(in: language), message: nil, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(limited.retryAfter))
            return response
        } catch let failure as any UserFacingError {
            var shown: PortalPages.Status.Found?
            if let pair = try await portal.lookup(ticket: ticket, phone: phone, clientAddress: req.clientAddress, on: req.db) {
                shown = try await found(pair.event, req)
            }
            return try await renderStatus(
                req, ticket: ticket, phone: phone, found: shown,
                error: failure.reason.text(in: language), message: nil, status: failure is ValidationFailure ? .unprocessableEntity : .conflict)
        }
    }

    /// A one-window desk request by ticket and phone: the same rules and answers as a report's.
    private func lookUpDeskRequest(_ req: Request, ticket: String, phone: String) async throws -> Response {
        let services = try req.grid
        try req.application.portalGuard.takeLookup(address: req.clientAddress ?? "unknown", now: services.clock.now)
        guard let request = try await OneWindowService(services: services).lookup(ticket: ticket, phone: phone, on: req.db) else {
            return try await renderStatus(
                req, ticket: ticket, phone: phone, found: nil, error: services.strings.text("portal_status_not_found", req.language), message: nil,
                status: .notFound)
        }
        let language = req.language
        let window = PortalPages.Status.Window(
            number: request.number, service: OneWindowCatalog.item(request.serviceCode)?.name.text(in: language) ?? request.serviceCode,
            state: request.state.rawValue, stateLabel: request.state.label.text(in: language), registeredAt: Self.minute(request.registeredAt),
            dueOn: request.dueOn?.description, outcome: request.outcome)
        return try await renderStatus(req, ticket: ticket, phone: phone, found: nil, window: window, error: nil, message: nil, status: .ok)
    }

    private func found(_ event: StoredEvent, _ req: Request) async throws -> PortalPages.Status.Found {
        let language = req.language
        let timeline = try await EventStore.timeline(event.snapshot.id, on: req.db).map(\.entry)
        let stage = PortalStage.of(event.snapshot)
        let type = try service(req).catalog[event.snapshot.typeCode]
        return .init(
            ticket: event.number, type: type?.name ?? event.snapshot.typeCode, reportedOn: Self.minute(event.snapshot.reportedAt),
            stage: stage.rawValue, stageLabel: stage.label.text(in: language), step: stage.step,
            steps: PortalTimeline.publicSteps(timeline).map { .init(at: Self.minute($0.at), label: $0.label.text(in: language), note: $0.note) },
            outcome: PortalTimeline.outcome(timeline), mayRate: try service(req).mayRate(event),
            satisfaction: event.ratings.satisfaction.map { $0.label.text(in: language) })
    }

    private func renderStatus(
        _ req: Request, ticket: String, phone: String, found: PortalPages.Status.Found?, window: PortalPages.Status.Window? = nil, error: String?,
        message: String?, status: HTTPStatus
    ) async throws -> Response {
        let token = Self.csrf.token(req)
        let page = PortalPages.Status(
            chrome: try .init(req, back: "/portal/status"), csrf: token, ticket: ticket, phone: found == nil ? "" : phone, found: found, window: window,
            error: error, message: message)
        let response = try await req.view.render("portal-status", page).encodeResponse(for: req)
        response.status = status
        // The answer carries the resident's own report (and the phone in the rating form): never cached.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        Self.csrf.set(response, token)
        return response
    }

    // MARK: map

    private func mapPage(_ req: Request) async throws -> Response {
        let maps = try mapService(req)
        let requested = req.query[String.self, at: "community"]
        var communities = try await maps.communities(selected: requested, on: req.db)
        if !communities.contains(where: \.selected), !communities.isEmpty { communities[0].selected = true }
        let chosen = communities.first(where: \.selected)
        var items: [PortalPages.Map.Item] = []
        if let chosen, let community = try await maps.community(chosen.code, on: req.db) {
            items = try await maps.events(in: community, language: req.language, on: req.db).features.map { feature in
                func text(_ key: String) -> String {
                    if case let .string(value)? = feature.properties[key] { return value }
                    return ""
                }
                return .init(type: text("type"), stage: text("stage"), stageLabel: text("stage_label"), day: text("day"))
            }
        }
        let page = PortalPages.Map(
            chrome: try .init(req, back: "/portal/map" + (chosen.map { "?community=\($0.code)" } ?? "")), communities: communities,
            community: chosen?.code ?? "", communityName: chosen.map { "\($0.street) \($0.name)" } ?? "",
            days: req.application.portalGuard.limits.mapDays, items: items, empty: items.isEmpty)
        return try await req.view.render("portal-map", page).encodeResponse(for: req)
    }

    // MARK: helpers

    private func service(_ req: Request) throws -> PortalService {
        PortalService(services: try req.grid, guardian: req.application.portalGuard)
    }

    private func mapService(_ req: Request) throws -> PortalMapService {
        PortalMapService(services: try req.grid, limits: req.application.portalGuard.limits)
    }

    private func json(_ value: some Encodable, _ req: Request) async throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(value)))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "geo+json", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        return response
    }

    private func fieldError(_ failure: any UserFacingError, _ req: Request) -> PortalPages.FieldError {
        let field = failure.field ?? ""
        let language = req.language
        var label = ""
        if let strings = try? req.grid.strings {
            let base = field.hasPrefix("attributes.") ? "attributes" : String(field.prefix { $0 != "[" })
            let key = "portal_field_" + base
            let text = strings.text(key, language)
            label = text == key ? field : text
        }
        let reason = failure.reason.text(in: language)
        return .init(field: field, reason: label.isEmpty ? reason : "\(label)：\(reason)")
    }

    static func minute(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
