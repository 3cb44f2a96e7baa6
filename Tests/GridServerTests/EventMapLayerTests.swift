import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// `GET /api/v1/events/map`: the map's event layer — points where the events lie (GCJ-02), with
/// the list's filters and scope.
@Suite struct EventMapLayerTests {
    @Test("a report appears as a point inside its grid's outline; filters and scope apply")
    func points() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let report = try await EventFixtures.report(app, worker, description: "地图图层测试：路灯不亮")
            #expect(try await app.call(.POST, "/api/v1/events", token: worker, json: report).status == .created)
            let stored = try #require(try await EventStore.find(report.id, on: app.db))

            let community = try await app.token("community_op")
            let (status, body) = try await app.call(.GET, "/api/v1/events/map?unit=510117001001&state=reported,accepted", token: community)
            #expect(status == .ok, "\(body.prefix(300))")
            let collection = try app.decode(GeoJSONFeatureCollection.self, body)
            #expect(collection.total == nil)
            let feature = try #require(collection.features.first { $0.properties["id"] == .string(report.id.uuidString) })
            #expect(feature.properties["number"] == .string(stored.number))
            #expect(feature.properties["state_label"] == .string("已上报"))
            #expect(feature.properties["overdue"] == .bool(false))
            // the point is the GCJ-02 position, inside the grid's outline as the map draws it
            guard case .point(let point)? = feature.geometry else { Issue.record("not a point"); return }
            #expect(abs(point.lon - stored.mapPoint.lon) < 1e-9 && abs(point.lat - stored.mapPoint.lat) < 1e-9)
            let outline = try #require(try await MapFixtures.geometry(app, community, "510117001001001").multiPolygon)
            #expect(outline.contains(point))

            // filters: not overdue, not of another type, not in another state
            for query in ["overdue=true", "type=A01", "state=closed"] {
                let (_, filtered) = try await app.call(.GET, "/api/v1/events/map?unit=510117001001&\(query)", token: community)
                #expect(!(try app.decode(GeoJSONFeatureCollection.self, filtered).features.contains { $0.properties["id"] == .string(report.id.uuidString) }), "\(query)")
            }
            // another community's operator neither sees it nor may ask for this community
            _ = try await app.makeUser("community_b", role: .communityOperator, unit: "510117002001")
            let other = try await app.token("community_b")
            let (_, theirs) = try await app.call(.GET, "/api/v1/events/map", token: other)
            #expect(!(try app.decode(GeoJSONFeatureCollection.self, theirs).features.contains { $0.properties["id"] == .string(report.id.uuidString) }))
            #expect(try await app.call(.GET, "/api/v1/events/map?unit=510117001001", token: other).status == .notFound)
        }
    }

    @Test("the map page offers the event layer with the admission list's types")
    func page() async throws {
        try await TestApp.with { app in
            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("street_op")
            let (status, page, _) = try await browser.request(.GET, "/console/map")
            #expect(status == .ok)
            #expect(page.contains("id=\"map-events\"") && page.contains("在办事件"))
            #expect(page.contains("value=\"\(EventFixtures.fireLaneType)\""))
        }
    }
}

/// `GET /api/v1/buildings/map`: the map's building layer.
@Suite struct BuildingMapLayerTests {
    @Test("a grid's surveyed buildings come as GCJ-02 points inside its outline; another community's are not served")
    func buildings() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let (status, body) = try await app.call(.GET, "/api/v1/buildings/map?unit=510117001001001", token: worker)
            #expect(status == .ok, "\(body.prefix(300))")
            let collection = try app.decode(GeoJSONFeatureCollection.self, body)
            let gridUnit = try #require(try await UnitStore.find(code: "510117001001001", on: app.db))
            let (listed, total) = try await BasicDataQueries.buildings(.init(under: gridUnit.path), page: 1, per: 1, on: app.db)
            #expect(!listed.isEmpty && collection.features.count == total && collection.total == nil)
            let outline = try #require(try await MapFixtures.geometry(app, worker, "510117001001001").multiPolygon)
            for feature in collection.features {
                guard case .point(let point)? = feature.geometry else { Issue.record("not a point"); continue }
                #expect(outline.contains(point), "\(feature.properties["name"] ?? .null)")
            }
            #expect(try await app.call(.GET, "/api/v1/buildings/map?unit=510117002001", token: worker).status == .notFound)
        }
    }
}
