import Foundation

/// Hot spots (风险隐患高发点位): places where reports of one risk kind repeat — at least
/// `minimum` within `radius` metres of one another in the window the caller read. Greedy: the
/// report with most neighbours founds a spot and takes its unassigned neighbours, then the next.
public enum RiskHotSpots {
    public struct Report: Sendable, Hashable {
        public var id: UUID
        public var kind: RiskKind
        public var point: Coordinate
        public var at: Date
        public var gridPath: UnitPath
        /// The event's ticket number (事件编号), for lists.
        public var number: String

        public init(id: UUID, kind: RiskKind, point: Coordinate, at: Date, gridPath: UnitPath, number: String = "") {
            self.id = id
            self.number = number
            self.kind = kind
            self.point = point
            self.at = at
            self.gridPath = gridPath
        }
    }

    public struct Spot: Sendable, Hashable {
        public var kind: RiskKind
        /// The founding report's place.
        public var centre: Coordinate
        public var gridPath: UnitPath
        /// The reports of the spot, newest first.
        public var reportIDs: [UUID]
        /// Their ticket numbers, in the same order.
        public var numbers: [String]
        public var first: Date
        public var last: Date
        public var count: Int { reportIDs.count }
    }

    public static func find(_ reports: [Report], radius: Double = 100, minimum: Int = 3) -> [Spot] {
        guard let reference = reports.first?.point.lat else { return [] }
        var index = RepeatIndex(radius: radius, referenceLatitude: reference)
        for report in reports { index.insert(report.kind, id: report.id, point: report.point, at: report.at) }
        let byID = Dictionary(reports.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let neighbours: [UUID: [UUID]] = Dictionary(reports.map { report in
            (report.id, index.neighbours(report.kind, of: report.point, from: .distantPast, to: .distantFuture, excluding: report.id).map(\.id))
        }, uniquingKeysWith: { first, _ in first })
        let order = reports.sorted {
            let (a, b) = (neighbours[$0.id]?.count ?? 0, neighbours[$1.id]?.count ?? 0)
            return a != b ? a > b : ($0.at != $1.at ? $0.at > $1.at : $0.id.uuidString < $1.id.uuidString)
        }
        var taken: Set<UUID> = []
        var spots: [Spot] = []
        for founder in order where !taken.contains(founder.id) {
            let members = [founder.id] + (neighbours[founder.id] ?? []).filter { !taken.contains($0) }
            guard members.count >= minimum else { continue }
            taken.formUnion(members)
            let dated = members.compactMap { byID[$0] }.sorted { $0.at > $1.at }
            spots.append(Spot(
                kind: founder.kind, centre: founder.point, gridPath: founder.gridPath, reportIDs: dated.map(\.id), numbers: dated.map(\.number),
                first: dated.last?.at ?? founder.at, last: dated.first?.at ?? founder.at))
        }
        return spots.sorted { $0.count != $1.count ? $0.count > $1.count : $0.last > $1.last }
    }
}
