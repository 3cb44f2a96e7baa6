import Foundation
import GridCore

/// The `/api/v1` paths the SDK calls (the server registers the same ones; the OpenAPI document
/// at `/api/openapi.json` lists them all).
public enum ClientPath {
    public static let login = APIPath.login
    public static let logout = APIPath.logout
    public static let me = APIPath.me
    public static let units = APIPath.units
    public static let eventTypes = "/api/v1/event-types"
    public static let events = "/api/v1/events"
    public static let inbox = "/api/v1/inbox"
    public static let people = "/api/v1/people"
    public static let sync = "/api/v1/sync"

    public static func unit(_ idOrCode: String) -> String { APIPath.resolve(APIPath.unit, ["id": idOrCode]) }
    public static func event(_ id: UUID) -> String { "/api/v1/events/\(id.uuidString)" }
    public static func eventAction(_ id: UUID, _ action: String) -> String {
        "/api/v1/events/\(id.uuidString)/actions/" + (action.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? action)
    }
    public static func inboxRead(_ id: UUID) -> String { "/api/v1/inbox/\(id.uuidString)/read" }
}
