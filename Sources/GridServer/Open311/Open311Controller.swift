import Foundation
import GridCore
import GridStore
import Vapor

/// Open311 GeoReport v2 at `/open311/v2` (and discovery also at `/open311/discovery`): every
/// resource in `.xml` and `.json`, errors as the spec's error list with 400/403/404/429.
/// GETs are public; `POST requests` needs an `api_key` (from the form or the query string), and
/// a key's calls are rate limited.
struct Open311Controller: Sendable {
    let services: GridServices
    let limiter = Open311RateLimiter()

    var requests: Open311RequestService { Open311RequestService(services: services) }

    func register(_ app: Application) {
        Open311OpenAPI.register(in: services.openAPI)
        let open311 = app.grouped("open311")
        let root = open311.grouped("v2")
        open311.get(":file") { req in await respond(req, file: "file") { format in try await discovery(req, format) } }
        root.get(":file") { req in
            await respond(req, file: "file") { format in
                switch try name(req, "file") {
                case "discovery": return try await discovery(req, format)
                case "services": return try await serviceList(req)
                case "requests": return try await requestList(req)
                default: throw Abort(.notFound)
                }
            }
        }
        root.on(.POST, ":file", body: .collect(maxSize: "256kb")) { req in
            await respond(req, file: "file") { _ in
                guard try name(req, "file") == "requests" else { throw Abort(.notFound) }
                return try await create(req)
            }
        }
        // `service/{code}` is what the old `open311` client asks for.
        for segment in ["services", "service"] {
            root.get(.constant(segment), ":code") { req in await respond(req, file: "code") { _ in try await definition(req) } }
        }
        root.get("requests", ":id") { req in await respond(req, file: "id") { _ in try await oneRequest(req) } }
        root.get("tokens", ":token") { req in await respond(req, file: "token") { _ in try await token(req) } }
    }

    // MARK: resources

    private func discovery(_ req: Request, _ format: Open311Format) async throws -> (Open311Node, String) {
        guard try name(req, "file") == "discovery" else { throw Abort(.notFound) }
        let strings = services.strings
        let language = req.language
        let host = req.headers.first(name: .host) ?? "\(services.config.hostname):\(services.config.port)"
        let changeset = "2026-12-03T00:00:00+08:00"
        let node = Open311Node.object([
            Open311Field("changeset", .text(changeset)),
            Open311Field("contact", .text(strings.text("open311_contact", language))),
            Open311Field("key_service", .text(strings.text("open311_key_service", language))),
            Open311Field("endpoints", .list(item: "endpoint", [
                .object([
                    Open311Field("specification", .text("http://wiki.open311.org/GeoReport_v2")),
                    Open311Field("url", .text("http://\(host)/open311/v2")),
                    Open311Field("changeset", .text(changeset)),
                    Open311Field("type", .text("production")),
                    Open311Field("formats", .list(item: "format", [.text("text/xml"), .text("application/json")])),
                ]),
            ])),
        ])
        return (node, "discovery")
    }

    private func serviceList(_ req: Request) async throws -> (Open311Node, String) {
        try await checkJurisdiction(req, Open311Form(encoded: req.url.query ?? ""))
        let list = Open311Service.services(in: requests.catalog, language: req.language)
        return (.list(item: "service", list.map(\.node)), "services")
    }

    private func definition(_ req: Request) async throws -> (Open311Node, String) {
        try await checkJurisdiction(req, Open311Form(encoded: req.url.query ?? ""))
        let code = try name(req, "code")
        guard Open311Service.service(requests.catalog, code, language: req.language) != nil, let type = requests.catalog[code] else {
            throw Open311Failure.serviceNotFound(code)
        }
        return (Open311ServiceDefinition(type: type, language: req.language).node, "service_definition")
    }

    private func requestList(_ req: Request) async throws -> (Open311Node, String) {
        let form = Open311Form(encoded: req.url.query ?? "")
        try await checkJurisdiction(req, form)
        try await limitIfKeyed(form, req)
        let query = try Open311RequestQuery.parse(form.firstValues, now: services.clock.now)
        let rows = try await requests.query(query, on: req.db)
        return (try await presenter(req).requests(rows, on: req.db), "service_requests")
    }

    private func oneRequest(_ req: Request) async throws -> (Open311Node, String) {
        try await checkJurisdiction(req, Open311Form(encoded: req.url.query ?? ""))
        let row = try await requests.request(number: try name(req, "id"), on: req.db)
        return (try await presenter(req).requests([row], on: req.db), "service_requests")
    }

    private func token(_ req: Request) async throws -> (Open311Node, String) {
        try await checkJurisdiction(req, Open311Form(encoded: req.url.query ?? ""))
        let token = try name(req, "token")
        let row = try await requests.request(token: token, on: req.db)
        return (.list(item: "request", [.object([
            Open311Field("service_request_id", .text(row.event.number)), Open311Field("token", .text(token)),
        ])]), "service_requests")
    }

    private func create(_ req: Request) async throws -> (Open311Node, String) {
        let body = req.body.string ?? ""
        let form = Open311Form(encoded: body).filling(from: Open311Form(encoded: req.url.query ?? ""))
        try await checkJurisdiction(req, form)
        guard let key = form["api_key"] else { throw Open311Failure.apiKeyMissing }
        guard let client = try await Open311ClientStore.find(key: key, on: req.db), client.active else { throw Open311Failure.apiKeyInvalid }
        try limit(client)
        let event = try await requests.create(form, client: client, clientAddress: req.clientAddress, on: req.db)
        let notice = LocalizedText(
            zh: "已受理，事件编号 \(event.number)，将转交所在社区办理", en: "received as event \(event.number); it goes to the local community")
        return (.list(item: "request", [.object([
            Open311Field("service_request_id", .text(event.number)),
            Open311Field("service_notice", .text(notice.text(in: req.language))),
            Open311Field("account_id", .null),
        ])]), "service_requests")
    }

    // MARK: checks

    /// A `jurisdiction_id`, when given, must be this server's (configured, else the top unit's code).
    private func checkJurisdiction(_ req: Request, _ form: Open311Form) async throws {
        guard let given = form["jurisdiction_id"] else { return }
        let expected: String
        if let configured = services.config.open311Jurisdiction, !configured.isEmpty {
            expected = configured
        } else {
            expected = try await requests.jurisdictionUnit(on: req.db).code.rawValue
        }
        guard given.caseInsensitiveCompare(expected) == .orderedSame else { throw Open311Failure.jurisdictionNotFound(given) }
    }

    private func limit(_ client: Open311Client) throws {
        let (allowed, retryAfter) = limiter.take(client, now: Date())
        guard allowed else { throw Open311Failure.rateLimited(retryAfterSeconds: retryAfter) }
    }

    /// A GET that names a key counts against it (a bad key is refused like on POST).
    private func limitIfKeyed(_ form: Open311Form, _ req: Request) async throws {
        guard let key = form["api_key"] else { return }
        guard let client = try await Open311ClientStore.find(key: key, on: req.db), client.active else { throw Open311Failure.apiKeyInvalid }
        try limit(client)
    }

    private func presenter(_ req: Request) -> Open311Presenter {
        Open311Presenter(timeZone: services.calendar.timeZone, language: req.language, catalog: requests.catalog)
    }

    /// The path parameter without its format suffix.
    private func name(_ req: Request, _ parameter: String) throws -> String {
        guard let file = req.parameters.get(parameter), let (name, _) = Open311Format.split(file) else { throw Abort(.notFound) }
        return name
    }

    // MARK: answering

    /// Runs `body` and renders its document, or the error list, in the format the path asks for
    /// (JSON when the suffix is missing or unknown, which is also a 404).
    private func respond(
        _ req: Request, file parameter: String, _ body: (Open311Format) async throws -> (Open311Node, String)
    ) async -> Response {
        let split = req.parameters.get(parameter).flatMap(Open311Format.split)
        let format = split?.format ?? .json
        let language = req.language
        do {
            guard split != nil else { throw Abort(.notFound) }
            let (node, root) = try await body(format)
            return Self.render(node, root: root, format: format, status: .ok)
        } catch {
            let failure = Self.failure(for: error, req)
            let response = Self.render(failure.document(in: language), root: "errors", format: format, status: HTTPResponseStatus(statusCode: failure.httpStatus))
            if case .rateLimited(let seconds) = failure { response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
            return response
        }
    }

    static func render(_ node: Open311Node, root: String, format: Open311Format, status: HTTPResponseStatus) -> Response {
        let response = Response(status: status, body: .init(string: node.rendered(as: format, root: root)))
        response.headers.replaceOrAdd(name: .contentType, value: format.contentType)
        return response
    }

    /// Any error as Open311 problems; what the domain refuses is a 400 naming the field.
    static func failure(for error: any Error, _ req: Request) -> Open311Failure {
        switch error {
        case let failure as Open311Failure:
            return failure
        case let failures as ValidationFailures:
            return .several(failures.failures.map { .invalid(parameter: Self.parameter($0.field), reason: $0.reason) })
        case let refusal as EventRefusal:
            return .invalid(parameter: Self.parameter(refusal.field), reason: refusal.reason)
        case let failure as any UserFacingError:
            return .invalid(parameter: Self.parameter(failure.field), reason: failure.reason)
        case let abort as any AbortError where abort.status == .notFound:
            return .resourceNotFound(req.url.path)
        default:
            req.logger.report(error: error)
            return .invalid(parameter: "request", reason: LocalizedText(zh: "服务器暂时无法处理，请稍后重试", en: "the server could not handle this now; try again later"))
        }
    }

    /// Our field names in Open311 spelling (`attributes.x` → `attribute[x]`, `location` → `lat/long`).
    static func parameter(_ field: String?) -> String {
        guard let field else { return "request" }
        if field.hasPrefix("attributes.") { return "attribute[\(field.dropFirst("attributes.".count))]" }
        if field.hasPrefix("location") { return "lat/long" }
        return field
    }
}
