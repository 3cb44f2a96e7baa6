import Foundation

/// A hot spot as the API shows it (`GET /api/v1/risks/hotspots`): one risk kind reported again
/// and again within 100 m in the window (风险隐患高发点位).
public struct RiskHotSpotDTO: Codable, Sendable, Equatable {
    public var kind: String
    public var kindLabel: String
    public var gridPath: String
    /// The founding report's place, GCJ-02.
    public var lon: Double
    public var lat: Double
    public var count: Int
    public var first: Date
    public var last: Date
    /// The events' ids, newest first.
    public var events: [UUID]

    public init(kind: String, kindLabel: String, gridPath: String, lon: Double, lat: Double, count: Int, first: Date, last: Date, events: [UUID]) {
        self.kind = kind
        self.kindLabel = kindLabel
        self.gridPath = gridPath
        self.lon = lon
        self.lat = lat
        self.count = count
        self.first = first
        self.last = last
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case kind, lon, lat, count, first, last, events
        case kindLabel = "kind_label"
        case gridPath = "grid_path"
    }
}

/// The hot spots of a unit's subtree.
public struct RiskHotSpotListDTO: Codable, Sendable, Equatable {
    public var days: Int
    public var items: [RiskHotSpotDTO]

    public init(days: Int, items: [RiskHotSpotDTO]) {
        self.days = days
        self.items = items
    }
}
