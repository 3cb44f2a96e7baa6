import Foundation

/// Why an Open311 call was refused (Open311 错误), as the spec's error list:
/// `<errors><error><code/><description/></error></errors>` or `[{code, description}]`.
/// The HTTP status is 404 for something that does not exist, 403 for a missing or bad API key,
/// 429 over the key's rate, and 400 for everything else; several problems may come at once.
public enum Open311Failure: Error, Sendable, Equatable {
    case jurisdictionNotFound(String)
    case serviceNotFound(String)
    case requestNotFound(String)
    case tokenNotFound(String)
    /// A path that names no Open311 resource.
    case resourceNotFound(String)
    /// A required parameter is absent or empty.
    case missing(parameter: String)
    /// A parameter has a value that cannot be used.
    case invalid(parameter: String, reason: LocalizedText)
    case apiKeyMissing
    case apiKeyInvalid
    case rateLimited(retryAfterSeconds: Int)
    /// `start_date`..`end_date` spans more than the allowed days.
    case windowTooLong(maximumDays: Int)
    /// Several problems with the submitted values (attributes), all reported together.
    case several([Open311Failure])

    /// The HTTP status code.
    public var httpStatus: Int {
        switch self {
        case .jurisdictionNotFound, .serviceNotFound, .requestNotFound, .tokenNotFound, .resourceNotFound: 404
        case .apiKeyMissing, .apiKeyInvalid: 403
        case .rateLimited: 429
        case .missing, .invalid, .windowTooLong: 400
        case .several(let all): all.map(\.httpStatus).max() ?? 400
        }
    }

    /// Each problem as (code, description); the body code equals the HTTP status of that problem.
    public var problems: [(code: Int, description: LocalizedText)] {
        switch self {
        case .several(let all): return all.flatMap(\.problems)
        default: return [(httpStatus, description)]
        }
    }

    private var description: LocalizedText {
        switch self {
        case .jurisdictionNotFound(let id):
            LocalizedText(zh: "jurisdiction_id 未找到：\(id)", en: "jurisdiction_id not found: \(id)")
        case .serviceNotFound(let code):
            LocalizedText(zh: "service_code 未找到：\(code)", en: "service_code not found: \(code)")
        case .requestNotFound(let id):
            LocalizedText(zh: "service_request_id 未找到：\(id)", en: "service_request_id not found: \(id)")
        case .tokenNotFound(let token):
            LocalizedText(zh: "token 未找到：\(token)", en: "token not found: \(token)")
        case .resourceNotFound(let path):
            LocalizedText(zh: "没有这个资源：\(path)", en: "no such resource: \(path)")
        case .missing(let parameter):
            LocalizedText(zh: "缺少参数 \(parameter)", en: "\(parameter) is required")
        case .invalid(let parameter, let reason):
            LocalizedText(zh: "参数 \(parameter) 无效：\(reason.zhHans)", en: "\(parameter) is invalid: \(reason.en)")
        case .apiKeyMissing:
            LocalizedText(zh: "缺少 api_key；提交诉求需要 API 密钥", en: "api_key is required to submit a request")
        case .apiKeyInvalid:
            LocalizedText(zh: "api_key 无效或已停用", en: "api_key is invalid or disabled")
        case .rateLimited(let seconds):
            LocalizedText(zh: "该 API 密钥请求过于频繁，请 \(seconds) 秒后重试", en: "too many requests for this api_key; retry in \(seconds) s")
        case .windowTooLong(let days):
            LocalizedText(zh: "start_date 与 end_date 的跨度不能超过 \(days) 天", en: "start_date to end_date may not span more than \(days) days")
        case .several:
            LocalizedText(zh: "请求有多处错误", en: "the request has several problems")
        }
    }
}

extension Open311Failure {
    /// The error list as a document (root element `errors`).
    public func document(in language: Language) -> Open311Node {
        .list(item: "error", problems.map { problem in
            .object([Open311Field("code", .integer(problem.code)), Open311Field("description", .text(problem.description.text(in: language)))])
        })
    }
}
