import Foundation
import GridCore
import GridStore
import Vapor

/// The desk's console page (`/console/window`, 一窗式受理): the queue's counts and times on top,
/// the front desk's registration form (documents as photos), and the queue with each request's
/// next steps — hand over to the back office, complete with the outcome, or decline with a reason.
/// Every change goes through `OneWindowService`, as the API's do.
struct OneWindowPageController: Sendable {
    static let path = "/console/window"

    struct Page: Encodable, Sendable {
        var shell: ShellContext
        var services: [Service]
        var stats: [Figure]
        var items: [Item]
        var message: String?
        var error: String?
        var form: Echo

        /// What the registration form sent, to fill it again after a refusal.
        struct Echo: Encodable, Sendable {
            var applicantName: String
            var phone: String
            var note: String
        }

        struct Service: Encodable, Sendable {
            var code: String
            var label: String
            var selected: Bool
        }

        struct Figure: Encodable, Sendable {
            var id: String
            var label: String
            var value: String
        }

        struct Item: Encodable, Sendable {
            var id: String
            var number: String
            var service: String
            var applicant: String
            var phone: String
            var note: String
            var state: String
            var stateLabel: String
            var registeredAt: String
            var dueOn: String
            var overdue: Bool
            var outcome: String
            var documents: Int
            var version: Int
            var registered: Bool
            var inBackOffice: Bool
        }
    }

    struct Form: Content {
        var _csrf: String?
        var service: String?
        var applicant_name: String?
        var phone: String?
        var note: String?
        var documents: [File]?
    }

    struct StepForm: Content {
        var _csrf: String?
        var outcome: String?
        var reason: String?
        var version: Int?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("console", "window") { req in
            try await ConsoleGate.page(req, titleKey: "menu_window", path: Self.path, needs: .eventsTriage) { shell, principal in
                try await render(req, shell, principal, message: nil, error: nil, form: Form())
            }
        }
        routes.on(.POST, "console", "window", body: .collect(maxSize: "40mb")) { req in
            try await ConsoleGate.page(req, titleKey: "menu_window", path: Self.path, needs: .eventsTriage) { shell, principal in
                let form = try req.content.decode(Form.self)
                let body = OneWindowRegisterDTO(
                    service: form.service ?? "", applicantName: form.applicant_name ?? "", phone: form.phone ?? "", note: form.note,
                    documents: (form.documents ?? []).filter { $0.data.readableBytes > 0 }.map { Data($0.data.readableBytesView).base64EncodedString() })
                do {
                    let (request, _) = try await OneWindowService(services: try req.grid).register(
                        body, by: principal, actor: principal.auditActor(for: req), on: req.db)
                    let text = LocalizedText(zh: "已登记，受理编号 \(request.number)", en: "Registered as \(request.number)")
                    let response = try await render(req, shell, principal, message: text.text(in: req.language), error: nil, form: Form())
                    response.status = .created
                    return response
                } catch let failure as any UserFacingError {
                    let response = try await render(req, shell, principal, message: nil, error: Self.describe(failure, req.language), form: form)
                    response.status = .unprocessableEntity
                    return response
                }
            }
        }
        routes.post("console", "window", ":id", ":action") { req in
            try await ConsoleGate.page(req, titleKey: "menu_window", path: Self.path, needs: .eventsTriage) { shell, principal in
                guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let action = req.parameters.get("action") else {
                    throw GridHTTPError.notFound
                }
                let form = try req.content.decode(StepForm.self)
                do {
                    let request = try await OneWindowService(services: try req.grid).act(
                        id, action: action, input: OneWindowActionDTO(outcome: form.outcome, reason: form.reason, version: form.version),
                        by: principal, actor: principal.auditActor(for: req), on: req.db)
                    let text = "\(request.number) \(request.state.label.text(in: req.language))"
                    return try await render(req, shell, principal, message: text, error: nil, form: Form())
                } catch let failure as any UserFacingError {
                    let response = try await render(req, shell, principal, message: nil, error: Self.describe(failure, req.language), form: Form())
                    response.status = .unprocessableEntity
                    return response
                } catch let http as GridHTTPError {
                    guard case let .conflict(reason) = http else { throw http }
                    let response = try await render(req, shell, principal, message: nil, error: reason.text(in: req.language), form: Form())
                    response.status = .conflict
                    return response
                }
            }
        }
    }

    static func describe(_ failure: any UserFacingError, _ language: Language) -> String {
        if let several = failure as? ValidationFailures {
            return several.failures.map { ($0.field.map { "\($0)：" } ?? "") + $0.reason.text(in: language) }.joined(separator: "；")
        }
        return (failure.field.map { "\($0)：" } ?? "") + failure.reason.text(in: language)
    }

    private func render(_ req: Request, _ shell: ShellContext, _ principal: Principal, message: String?, error: String?, form: Form) async throws -> Response {
        let language = req.language
        let services = try req.grid
        let desk = OneWindowService(services: services)
        let (requests, stats) = try await desk.queue(under: principal.unitPath, on: req.db)
        let time = ConsoleTime(timeZone: services.calendar.timeZone)
        let today = services.calendar.day(of: services.clock.now)
        var items: [Page.Item] = []
        for request in requests {
            let documents = try await OneWindowStore.documents(request.id, on: req.db).count
            items.append(.init(
                id: request.id.uuidString, number: request.number,
                service: OneWindowCatalog.item(request.serviceCode)?.name.text(in: language) ?? request.serviceCode,
                applicant: request.applicantMasked, phone: request.phoneMasked, note: request.note, state: request.state.rawValue,
                stateLabel: request.state.label.text(in: language), registeredAt: time.text(request.registeredAt),
                dueOn: request.dueOn?.description ?? "", overdue: request.isOverdue(today: today), outcome: request.outcome ?? "",
                documents: documents, version: request.version, registered: request.state == .registered,
                inBackOffice: request.state == .inBackOffice))
        }
        let strings = services.strings
        func figure(_ id: String, _ key: String, _ value: String) -> Page.Figure {
            .init(id: id, label: strings.text(key, language), value: value)
        }
        var figures = OneWindowState.allCases.map { state in
            Page.Figure(id: "count-\(state.rawValue)", label: state.label.text(in: language), value: String(stats.byState[state.rawValue] ?? 0))
        }
        figures.append(figure("count-overdue", "window_overdue", String(stats.overdue)))
        figures.append(figure("mean-hours", "window_mean_hours", stats.meanHours.map { String(format: "%.1f", $0) } ?? "—"))
        figures.append(figure("mean-days", "window_mean_days", stats.meanWorkingDays.map { String(format: "%.1f", $0) } ?? "—"))
        figures.append(figure("on-time", "window_on_time", "\(stats.completedOnTime) / \(stats.finished)"))
        let page = Page(
            shell: shell,
            services: OneWindowCatalog.standard.map {
                .init(code: $0.code, label: "\($0.name.text(in: language))（\($0.workingDays) \(strings.text("window_working_days", language))）",
                      selected: $0.code == form.service)
            },
            stats: figures, items: items, message: message, error: error,
            form: .init(applicantName: form.applicant_name ?? "", phone: form.phone ?? "", note: form.note ?? ""))
        return try await req.view.render("console/window", page).encodeResponse(for: req)
    }
}
