import Foundation
import GridCore
import GridStore
import Vapor

/// One place that turns any error into the status and body a client can act on:
/// 422 with `{field, reason}` for bad input, 403 for a missing right, 404 for anything out of
/// scope, 409 for conflicts, and a bare 500 (logged with the request id) for the rest.
struct ErrorMapping {
    let status: HTTPResponseStatus
    let body: APIErrorDTO
    var headers: HTTPHeaders = [:]

    init(_ error: any Error, language: Language) {
        switch error {
        case let failures as ValidationFailures:
            let fields = failures.failures.map {
                APIErrorDTO.FieldError(field: $0.field ?? "", reason: $0.reason.text(in: language))
            }
            status = .unprocessableEntity
            body = APIErrorDTO(
                error: "validation_failed", message: failures.reason.text(in: language),
                field: failures.field, reason: fields.first?.reason, errors: fields)
        case let problems as ImportProblems:
            let fields = problems.problems.map {
                APIErrorDTO.FieldError(field: $0.column, reason: $0.message.text(in: language), row: $0.row)
            }
            status = .unprocessableEntity
            body = APIErrorDTO(
                error: "import_failed", message: problems.reason.text(in: language), field: problems.field,
                reason: fields.first?.reason, errors: fields)
        case let refusal as EventRefusal:
            let reason = refusal.reason.text(in: language)
            switch refusal {
            case .illegalInState, .conflict:
                status = .conflict
                body = APIErrorDTO(error: "illegal_action", message: reason)
            case .notPermitted:
                status = .forbidden
                body = APIErrorDTO(error: "forbidden", message: reason)
            case .outOfScope:
                status = .notFound
                body = APIErrorDTO(error: "not_found", message: GridHTTPError.notFound.message.text(in: language))
            case .missingReason, .invalidInput:
                status = .unprocessableEntity
                body = APIErrorDTO(
                    error: "validation_failed", message: reason, field: refusal.field, reason: reason,
                    errors: refusal.field.map { [APIErrorDTO.FieldError(field: $0, reason: reason)] })
            }
        case DeclarationError.alreadyReviewed:
            let reason = (error as? DeclarationError)?.reason.text(in: language) ?? ""
            status = .conflict
            body = APIErrorDTO(error: "already_reviewed", message: reason)
        case let failure as any UserFacingError:
            let reason = failure.reason.text(in: language)
            status = .unprocessableEntity
            body = APIErrorDTO(
                error: "validation_failed", message: reason, field: failure.field, reason: reason,
                errors: failure.field.map { [APIErrorDTO.FieldError(field: $0, reason: reason)] })
        case let denial as AccessDenial:
            switch denial {
            case .outOfScope:
                status = .notFound
                body = APIErrorDTO(error: "not_found", message: GridHTTPError.notFound.message.text(in: language))
            case .missingPermission(let permission):
                status = .forbidden
                body = APIErrorDTO(
                    error: "forbidden",
                    message: LocalizedText(
                        zh: "无权执行此操作（需要权限 \(permission.rawValue)）",
                        en: "You may not do this (it needs the permission \(permission.rawValue))"
                    ).text(in: language))
            }
        case let failure as LoginFailure:
            switch failure {
            case .invalidCredentials: status = .unauthorized
            case .locked: status = .locked
            case .disabled: status = .forbidden
            }
            let code = switch failure {
            case .invalidCredentials: "invalid_credentials"
            case .locked: "account_locked"
            case .disabled: "account_disabled"
            }
            body = APIErrorDTO(error: code, message: failure.message.text(in: language))
        case let http as GridHTTPError:
            status = http.status
            body = APIErrorDTO(error: http.code, message: http.message.text(in: language))
            if http == .unauthenticated { headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        case GridMapError.outsideEveryGrid:
            status = .notFound
            body = APIErrorDTO(
                error: "outside_every_grid",
                message: LocalizedText(zh: "该位置不在任何网格内", en: "The point lies outside every grid").text(in: language))
        case StoreError.notFound:
            status = .notFound
            body = APIErrorDTO(error: "not_found", message: GridHTTPError.notFound.message.text(in: language))
        case let decoding as DecodingError:
            let (field, reason) = Self.describe(decoding, language: language)
            status = .unprocessableEntity
            body = APIErrorDTO(
                error: "validation_failed", message: "\(field): \(reason)", field: field, reason: reason,
                errors: [APIErrorDTO.FieldError(field: field, reason: reason)])
        case let abort as any AbortError:
            status = abort.status
            headers = abort.headers
            body = APIErrorDTO(error: Self.code(for: abort.status), message: abort.reason)
        default:
            status = .internalServerError
            body = APIErrorDTO(
                error: "internal_error",
                message: LocalizedText(zh: "服务器内部错误，请稍后重试", en: "Internal server error; please try again later")
                    .text(in: language))
        }
    }

    static func code(for status: HTTPResponseStatus) -> String {
        status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
    }

    /// Names the JSON field a decoding error is about, as `a.b[2].c`.
    static func describe(_ error: DecodingError, language: Language) -> (field: String, reason: String) {
        func path(_ keys: [any CodingKey], appending last: (any CodingKey)? = nil) -> String {
            let all = keys + (last.map { [$0] } ?? [])
            let text = all.reduce(into: "") { result, key in
                if let index = key.intValue { result += "[\(index)]" } else { result += result.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
            return text.isEmpty ? "body" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath, appending: key), LocalizedText(zh: "缺少此字段", en: "this field is required").text(in: language))
        case .valueNotFound(_, let context):
            return (path(context.codingPath), LocalizedText(zh: "不能为空", en: "must not be null").text(in: language))
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), LocalizedText(zh: "类型错误，应为 \(type)", en: "wrong type, expected \(type)").text(in: language))
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return ("body", "\(error)")
        }
    }
}

/// Replaces Vapor's error middleware: JSON for the API, a short page for the console.
struct GridErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let failure as EncodedFailure {
            let response = Response(status: failure.status)
            response.headers.contentType = .json
            response.body = .init(data: failure.body)
            return response
        } catch {
            let mapping = ErrorMapping(error, language: request.language)
            if mapping.status == .internalServerError {
                request.logger.report(error: error)
            } else {
                request.logger.debug("request refused", metadata: ["status": "\(mapping.status.code)", "error": "\(mapping.body.error)"])
            }
            let response = Response(status: mapping.status, headers: mapping.headers)
            if Self.wantsHTML(request) {
                let page = try? request.grid.strings.errorPage(
                    status: mapping.status, message: mapping.body.message, language: request.language)
                response.headers.contentType = .html
                response.body = .init(string: page ?? mapping.body.message)
            } else {
                try response.content.encode(mapping.body, using: JSONEncoder.api)
            }
            return response
        }
    }

    static func wantsHTML(_ request: Request) -> Bool {
        let path = request.url.path
        if path.hasPrefix("/api/") || path.hasPrefix("/open311/") || path == "/healthz" || path == "/metrics" { return false }
        return request.headers.accept.contains { $0.mediaType == .html }
    }
}

extension JSONEncoder {
    /// RFC 3339 dates, stable key order: the API's one encoding.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

extension JSONDecoder {
    static var api: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// A refusal whose body is richer than `APIErrorDTO` (an import report listing every problem).
struct EncodedFailure: Error {
    let status: HTTPResponseStatus
    let body: Data

    init(status: HTTPResponseStatus, _ value: some Encodable) throws {
        self.status = status
        body = try JSONEncoder.api.encode(value)
    }
}
