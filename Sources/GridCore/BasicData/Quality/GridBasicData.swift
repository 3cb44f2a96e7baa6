/// The basic data of one grid, as the data-quality report reads it.
public struct GridBasicData: Sendable, Hashable {
    public var gridPath: UnitPath
    public var people: [Person]
    public var rooms: [Room]
    public var organizations: [Organization]

    public init(gridPath: UnitPath, people: [Person] = [], rooms: [Room] = [], organizations: [Organization] = []) {
        self.gridPath = gridPath
        self.people = people
        self.rooms = rooms
        self.organizations = organizations
    }
}
