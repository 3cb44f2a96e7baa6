import Foundation
import GridCore
import GridStore
import Vapor

/// `GET /api/v1/events/map`: the events a list would show, as GeoJSON points (GCJ-02) for the
/// console's map layer — the same filters as `GET /api/v1/events`, most recent first.
extension EventsController {
    /// Points answered at most; `total` in the answer tells the map when it shows only part.
    static let mapPointLimit = 20_000

    func registerMap(_ api: APIRouter) {
        api.add(.GET, "events/map", summary: "Events as GeoJSON points (GCJ-02), with the list's filters; at most 20,000, newest first",
                tag: "events", access: .permission(.eventsRead),
                query: [
                    .query("state", .string(), "Comma-separated states"), .query("unit", .string(), "Unit id or code (subtree)"),
                    .query("type", .string(), "Event-type code"), .query("level", .integer(), "Level 1–4"),
                    .query("overdue", .boolean(), "Only overdue events"),
                    .query("from", .dateTime, "Reported from"), .query("to", .dateTime, "Reported before"),
                ],
                response: GeoJSONFeatureCollection.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let filter = try await Self.filter(req, principal, readingBox: false)
            let (points, total) = try await EventStore.points(filter, limit: Self.mapPointLimit, now: try req.grid.clock.now, on: req.db)
            let language = req.language
            let catalog = events.catalog
            return GeoJSONFeatureCollection(features: points.map { point in
                GeoJSONFeature(
                    id: .string(point.id.uuidString), geometry: .point(point.mapPoint),
                    properties: [
                        "id": .string(point.id.uuidString), "number": .string(point.number), "type": .string(point.typeCode),
                        "type_name": .string(catalog[point.typeCode]?.name ?? point.typeCode),
                        "state": .string(point.state.rawValue), "state_label": .string(point.state.label.text(in: language)),
                        "level": .number(Double(point.level)), "overdue": .bool(point.overdue),
                    ])
            }, total: points.count < total ? total : nil)
        }
    }
}
