import Foundation
import GridCore
import Vapor

/// Errors that belong to HTTP itself rather than to the domain.
public enum GridHTTPError: Error, Sendable, Equatable {
    case unauthenticated
    case csrfMismatch
    case notFound
    case badRequest(LocalizedText)
    /// Someone else changed the record first (乐观锁冲突): reload and try again.
    case conflict(LocalizedText)

    var status: HTTPResponseStatus {
        switch self {
        case .unauthenticated: .unauthorized
        case .csrfMismatch: .forbidden
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .conflict: .conflict
        }
    }

    var code: String {
        switch self {
        case .unauthenticated: "unauthenticated"
        case .csrfMismatch: "csrf_mismatch"
        case .notFound: "not_found"
        case .badRequest: "bad_request"
        case .conflict: "conflict"
        }
    }

    var message: LocalizedText {
        switch self {
        case .unauthenticated:
            LocalizedText(zh: "请先登录（令牌缺失、无效、已过期或已注销）", en: "Sign in first (the token is missing, invalid, expired or revoked)")
        case .csrfMismatch:
            LocalizedText(zh: "页面已过期，请刷新后重试（CSRF 校验失败）", en: "The page has expired; reload and try again (CSRF check failed)")
        case .notFound:
            LocalizedText(zh: "未找到", en: "Not found")
        case .badRequest(let text), .conflict(let text):
            text
        }
    }
}
