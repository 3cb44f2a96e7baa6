import Foundation
import GridCore
import GridStore
import Vapor

/// The grid worker's review queue of self-declarations (自主申报审核): pending first, each with
/// what was declared (identifiers masked), accept in one click, reject with a reason.
extension ConsolePagesController {
    struct DeclarationsPage: Encodable, Sendable {
        var shell: ShellContext
        var items: [Item]
        var state: String
        var states: [DeclarePageController.Option]
        var total: Int
        var message: String?
        var error: String?

        struct Item: Encodable, Sendable {
            var id: String
            var receipt: String
            var kind: String
            var declarant: String
            var person: String
            var address: String
            var effectiveOn: String
            var submittedAt: String
            var state: String
            var pending: Bool
            var outcome: String
        }
    }

    struct ReviewForm: Content {
        var decision: String
        var reason: String?
    }

    func registerDeclarations(_ console: any RoutesBuilder) {
        console.get("declarations") { req in
            try await page(req, titleKey: "menu_declarations", path: "/console/declarations", needs: .basicDataRead) { shell, principal in
                try await declarations(req, shell, principal, message: nil, error: nil)
            }
        }
        console.post("declarations", ":id") { req in
            try await page(req, titleKey: "menu_declarations", path: "/console/declarations", needs: .basicDataWrite) { shell, principal in
                let form = try req.content.decode(ReviewForm.self)
                guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw GridHTTPError.notFound }
                let strings = try req.grid.strings
                do {
                    let reviewed = try await DeclarationService(services: try req.grid).review(
                        id, DeclarationReviewDTO(decision: form.decision, reason: form.reason), scope: principal.unitPath,
                        actor: principal.auditActor(for: req), on: req.db)
                    let key = reviewed.state == .accepted ? "declarations_accepted" : "declarations_rejected"
                    return try await declarations(req, shell, principal, message: "\(reviewed.receipt) \(strings.text(key, req.language))", error: nil)
                } catch let failure as any UserFacingError {
                    let response = try await declarations(req, shell, principal, message: nil, error: failure.reason.text(in: req.language))
                    response.status = .unprocessableEntity
                    return response
                }
            }
        }
    }

    private func declarations(_ req: Request, _ shell: ShellContext, _ principal: Principal, message: String?, error: String?) async throws -> Response {
        let language = req.language
        let state = req.query[String.self, at: "state"].flatMap(DeclarationState.init(rawValue:)) ?? .pending
        let (items, total) = try await DeclarationStore.list(
            .init(under: principal.unitPath, state: state), keyRing: try req.grid.keyRing, page: 1, per: 100, on: req.db)
        let time = ConsoleTime(timeZone: try req.grid.calendar.timeZone)
        let page = DeclarationsPage(
            shell: shell,
            items: items.map { declaration in
                let content = declaration.content
                return .init(
                    id: declaration.id.uuidString, receipt: declaration.receipt, kind: declaration.kind.label.text(in: language),
                    declarant: "\(content.declarantName)（\(content.declarantRole.label.text(in: language))）\(Masking.maskPhone(content.declarantPhone.value))",
                    person: "\(content.personName) \(Masking.maskIDNumber(content.idNumber))",
                    address: content.addressCode ?? content.creditCode?.value ?? "", effectiveOn: content.effectiveOn.description,
                    submittedAt: time.text(declaration.submittedAt), state: declaration.state.label.text(in: language),
                    pending: declaration.state == .pending,
                    outcome: declaration.rejectionReason ?? declaration.reviewedBy ?? "")
            },
            state: state.rawValue,
            states: DeclarationState.allCases.map { .init(code: $0.rawValue, label: $0.label.text(in: language), selected: $0 == state) },
            total: total, message: message, error: error)
        return try await req.view.render("console/declarations", page).encodeResponse(for: req)
    }
}
