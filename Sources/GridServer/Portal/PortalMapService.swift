import FluentKit
import Foundation
import GridCore
import GridStore

/// The public map (身边事地图): recent events per community for anyone, with nothing personal —
/// the item's name (a dispute only as 矛盾纠纷), a rough place, the stage in plain words and the
/// day it was reported. No description, no reporter, no ticket; police and non-public items never.
struct PortalMapService: Sendable {
    let services: GridServices
    let limits: PortalLimits

    static let maximumPoints = 500

    struct Community: Encodable, Sendable {
        var code: String
        var name: String
        var street: String
        var selected: Bool
    }

    /// Every community of the jurisdiction with its street, in code order.
    func communities(selected: String?, on db: any Database) async throws -> [Community] {
        let root = try await PortalService.jurisdiction(on: db)
        let units = try await UnitStore.subtree(root.path, maxDepth: 2, on: db)
        let names = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return units.filter { $0.kind == .community }.sorted { $0.code.rawValue < $1.code.rawValue }.map { unit in
            Community(
                code: unit.code.rawValue, name: unit.name, street: unit.parentID.flatMap { names[$0] } ?? "",
                selected: unit.code.rawValue == selected)
        }
    }

    /// The community with this code, or nil.
    func community(_ code: String, on db: any Database) async throws -> OrgUnit? {
        guard let unit = try await UnitStore.find(code: code, on: db), unit.kind == .community else { return nil }
        return unit
    }

    /// Outlines (GCJ-02) of the units of `kinds` under `unit`, each with a point inside it, as GeoJSON.
    func outlines(under unit: OrgUnit, kinds: Set<UnitKind>, on db: any Database) async throws -> GeoJSONFeatureCollection {
        let outlines = try await GridMapStore.outlines(under: unit.path, kinds: kinds, on: db)
        return GeoJSONFeatureCollection(features: outlines.map { outline in
            var properties: [String: JSONValue] = [
                "code": .string(outline.unit.code.rawValue), "name": .string(outline.unit.name), "kind": .string(outline.unit.kind.rawValue),
            ]
            if let inside = outline.geometry.pointOnSurface {
                properties["inside"] = .array([.number(inside.lon), .number(inside.lat)])
            }
            return GeoJSONFeature(geometry: .multiPolygon(outline.geometry), properties: properties)
        })
    }

    /// The community's public events of the last `limits.mapDays` days as GeoJSON points (GCJ-02).
    func events(in community: OrgUnit, language: Language, on db: any Database) async throws -> GeoJSONFeatureCollection {
        let now = services.clock.now
        var filter = EventStore.Filter()
        filter.gridUnder = community.path
        filter.from = now.addingTimeInterval(-Double(limits.mapDays) * 86_400)
        let (events, _) = try await EventStore.list(filter, page: 1, per: Self.maximumPoints, on: db)
        let catalog = services.catalog.catalog
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd"
        var features: [GeoJSONFeature] = []
        for event in events {
            guard let type = catalog[event.snapshot.typeCode], PortalVisibility.onPublicMap(type) else { continue }
            let sensitive = PortalVisibility.isSensitive(type)
            let stage = PortalStage.of(event.snapshot)
            features.append(GeoJSONFeature(
                geometry: .point(PortalVisibility.roughPlace(event.mapPoint, sensitive: sensitive)),
                properties: [
                    "type": .string(PortalVisibility.mapLabel(type).text(in: language)),
                    "stage": .string(stage.rawValue), "stage_label": .string(stage.label.text(in: language)),
                    "day": .string(formatter.string(from: event.snapshot.reportedAt)),
                ]))
        }
        return GeoJSONFeatureCollection(features: features)
    }
}
