import Foundation
import GridCore

/// Residents (实有人口) of the caller's area, identifiers masked as the server masks them.
extension GridClient {
    public func people(_ query: PeopleQuery) async throws -> PageDTO<PersonDTO> {
        try await send("GET", ClientPath.people, query: query.items)
    }
}

/// The search of `GET /api/v1/people`; exact ID numbers and phones are matched by the server's
/// keyed hash and never come back in clear.
public struct PeopleQuery: Sendable, Equatable {
    public var name: String?
    public var idNumber: String?
    public var phone: String?
    public var unit: String?
    public var careGroup: String?
    public var building: UUID?
    public var room: UUID?
    public var includeMovedOut: Bool
    public var page: Int
    public var per: Int

    public init(
        name: String? = nil, idNumber: String? = nil, phone: String? = nil, unit: String? = nil, careGroup: String? = nil,
        building: UUID? = nil, room: UUID? = nil, includeMovedOut: Bool = false, page: Int = 1, per: Int = 50
    ) {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.unit = unit
        self.careGroup = careGroup
        self.building = building
        self.room = room
        self.includeMovedOut = includeMovedOut
        self.page = page
        self.per = per
    }

    var items: [URLQueryItem] {
        var items = [URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "per", value: String(per))]
        let pairs: [(String, String?)] = [
            ("q", name), ("id_number", idNumber), ("phone", phone), ("unit", unit), ("care_group", careGroup),
            ("building", building?.uuidString), ("room", room?.uuidString),
        ]
        for (name, value) in pairs { if let value { items.append(URLQueryItem(name: name, value: value)) } }
        if includeMovedOut { items.append(URLQueryItem(name: "include_moved_out", value: "true")) }
        return items
    }
}
