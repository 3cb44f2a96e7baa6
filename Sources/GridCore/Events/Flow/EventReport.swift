import Foundation

/// A new report (事件上报) as the phone or the console sends it. The id is made by the client,
/// so that a retried submission never makes a second event.
public struct EventReport: Sendable, Hashable {
    public var id: UUID
    /// The grid the event is in (located from the phone's position).
    public var gridPath: UnitPath
    /// Nil: the type's default level.
    public var level: Int?
    /// 就地解决: solved while reporting (grid workers and grid heads only); starts at `handled`.
    public var solvedOnSpot: Bool
    public var description: String
    public var photos: [String]

    public init(id: UUID, gridPath: UnitPath, level: Int? = nil, solvedOnSpot: Bool = false, description: String, photos: [String] = []) {
        self.id = id
        self.gridPath = gridPath
        self.level = level
        self.solvedOnSpot = solvedOnSpot
        self.description = description
        self.photos = photos
    }
}
