import Foundation
import GridCore
import GridStore
import Vapor

/// The public self-declaration form (`/declare`) and the outcome lookup (`/declare/status`):
/// no account, Chinese first, every problem shown beside its field, the receipt number at the end.
/// The form is protected against cross-site posting by a double-submit token, like sign-in.
struct DeclarePageController {
    static let csrf = PublicFormCSRF(cookie: "gridgov_declare_csrf")

    struct Option: Encodable, Sendable {
        var code: String
        var label: String
        var selected: Bool
    }

    struct FieldError: Encodable, Sendable {
        var field: String
        var label: String
        var reason: String
    }

    struct Form: Content {
        var _csrf: String?
        var kind: String?
        var declarant_role: String?
        var declarant_name: String?
        var declarant_phone: String?
        var person_name: String?
        var id_type: String?
        var id_number: String?
        var person_phone: String?
        var residence_kind: String?
        var address_code: String?
        var credit_code: String?
        var effective_on: String?
        var note: String?
    }

    struct Page: Encodable, Sendable {
        var t: [String: String]
        var lang: String
        var otherLang: String
        var otherLangLabel: String
        var csrf: String
        var form: Form
        var errors: [FieldError]
        var hasErrors: Bool
        var kinds: [Option]
        var roles: [Option]
        var idTypes: [Option]
        var residenceKinds: [Option]
        var receipt: String?
        var message: String?
    }

    struct StatusPage: Encodable, Sendable {
        var t: [String: String]
        var lang: String
        var receipt: String
        var status: DeclarationStatusDTO?
        var error: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("declare") { req async throws -> Response in
            try await Self.render(req, form: Form(), errors: [], receipt: nil, message: nil)
        }
        routes.post("declare") { req async throws -> Response in
            let form = try req.content.decode(Form.self)
            let language = req.language
            guard Self.csrf.matches(req, form._csrf) else {
                let reason = GridHTTPError.csrfMismatch.message.text(in: language)
                return try await Self.render(req, form: form, errors: [FieldError(field: "_csrf", label: "", reason: reason)], receipt: nil, message: nil)
            }
            do {
                let declaration = try await DeclarationService(services: try req.grid).submit(
                    try Self.draft(form), submittedBy: req.principal?.auditActor(for: req), on: req.db)
                let receipt = DeclarationReceiptDTO(declaration, language: language)
                let response = try await Self.render(req, form: Form(), errors: [], receipt: receipt.receipt, message: receipt.message)
                response.status = .created
                return response
            } catch let failures as ValidationFailures {
                return try await Self.render(req, form: form, errors: failures.failures.map { Self.fieldError($0, req) }, receipt: nil, message: nil)
            } catch let failure as ValidationFailure {
                return try await Self.render(req, form: form, errors: [Self.fieldError(failure, req)], receipt: nil, message: nil)
            }
        }
        routes.get("declare", "status") { req async throws -> Response in
            let language = req.language
            let strings = try req.grid.strings
            let receipt = req.query[String.self, at: "receipt"] ?? ""
            var page = StatusPage(t: strings.table(language), lang: language.rawValue, receipt: receipt, status: nil, error: nil)
            if let phone = req.query[String.self, at: "phone"], !receipt.isEmpty {
                do {
                    let declaration = try await DeclarationService(services: try req.grid).status(receipt: receipt, phone: phone, on: req.db)
                    page.status = DeclarationStatusDTO(declaration, language: language)
                } catch GridHTTPError.notFound {
                    page.error = strings.text("declare_status_not_found", language)
                }
            }
            let response = try await req.view.render("declare-status", page).encodeResponse(for: req)
            if page.error != nil { response.status = .notFound }
            return response
        }
    }

    /// The form's text as a draft; unknown choices fail on their field.
    static func draft(_ form: Form) throws -> DeclarationDraft {
        var failures: [ValidationFailure] = []
        func choice<Choice: BasicDataEnum>(_ raw: String?, _ field: String, _ type: Choice.Type) -> Choice? {
            guard let raw, !raw.isEmpty else { return nil }
            guard let value = Choice(cell: raw) else {
                failures.append(ValidationFailure(field: field, zh: "请从列表中选择", en: "choose from the list"))
                return nil
            }
            return value
        }
        let kind = choice(form.kind, "kind", DeclarationKind.self)
        let role = choice(form.declarant_role, "declarant_role", DeclarantRole.self)
        let idType = choice(form.id_type, "id_type", PersonIDType.self)
        let residence = choice(form.residence_kind, "residence_kind", ResidenceKind.self)
        if kind == nil { failures.append(ValidationFailure(field: "kind", zh: "请选择申报事项", en: "choose what you declare")) }
        if role == nil { failures.append(ValidationFailure(field: "declarant_role", zh: "请选择申报人身份", en: "choose who you are")) }
        guard failures.isEmpty, let kind, let role else { throw ValidationFailures(failures) }
        let blankToNil = { (text: String?) in text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        return DeclarationDraft(
            kind: kind, declarantRole: role, declarantName: form.declarant_name ?? "", declarantPhone: form.declarant_phone ?? "",
            personName: form.person_name ?? "", idType: idType ?? .residentID, idNumber: form.id_number ?? "",
            personPhone: blankToNil(form.person_phone), residenceKind: residence, declaredSex: nil, declaredBirthDate: nil,
            addressCode: blankToNil(form.address_code), creditCode: blankToNil(form.credit_code), effectiveOn: form.effective_on ?? "",
            note: blankToNil(form.note))
    }

    static func fieldError(_ failure: ValidationFailure, _ req: Request) -> FieldError {
        let field = failure.field ?? ""
        let strings = try? req.grid.strings
        let key = "declare_" + (field == "kind" ? "kind" : field == "declarant_role" ? "role" : field)
        let label = strings?.text(key, req.language) ?? field
        return FieldError(field: field, label: label == key ? field : label, reason: failure.reason.text(in: req.language))
    }

    static func render(_ req: Request, form: Form, errors: [FieldError], receipt: String?, message: String?) async throws -> Response {
        let language = req.language
        let strings = try req.grid.strings
        let other: Language = language == .zhHans ? .en : .zhHans
        let token = csrf.token(req)
        func options<Choice: BasicDataEnum>(_ type: Choice.Type, _ selected: String?) -> [Option] {
            Choice.allCases.map { Option(code: $0.rawValue, label: $0.label.text(in: language), selected: $0.rawValue == selected) }
        }
        let page = Page(
            t: strings.table(language), lang: language.rawValue, otherLang: other.rawValue, otherLangLabel: other == .en ? "English" : "中文",
            csrf: token, form: form, errors: errors, hasErrors: !errors.isEmpty, kinds: options(DeclarationKind.self, form.kind),
            roles: options(DeclarantRole.self, form.declarant_role), idTypes: options(PersonIDType.self, form.id_type ?? PersonIDType.residentID.rawValue),
            residenceKinds: options(ResidenceKind.self, form.residence_kind ?? ResidenceKind.floating.rawValue), receipt: receipt, message: message)
        let response = try await req.view.render("declare", page).encodeResponse(for: req)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        csrf.set(response, token)
        return response
    }
}
