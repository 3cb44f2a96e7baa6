import Foundation

/// The stable `/api/v1` paths, shared by the server (which registers them), the SDK (which calls
/// them) and the OpenAPI document. Parameters are written `{name}` as OpenAPI does.
public enum APIPath {
    public static let base = "/api/v1"
    public static let login = "/api/v1/auth/login"
    public static let logout = "/api/v1/auth/logout"
    public static let changePassword = "/api/v1/auth/password"
    public static let me = "/api/v1/me"
    public static let units = "/api/v1/units"
    public static let unit = "/api/v1/units/{id}"
    public static let users = "/api/v1/users"
    public static let user = "/api/v1/users/{id}"
    public static let audit = "/api/v1/audit"

    /// Fills `{name}` placeholders.
    public static func resolve(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { path, pair in
            path.replacingOccurrences(of: "{\(pair.key)}", with: pair.value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? pair.value)
        }
    }
}
