import Foundation
import GridCore
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The one map through the API: locating points, importing and exporting, versions, staffing.
@Suite struct GridMapTests {
    static func locate(_ app: Application, _ token: String, _ point: Coordinate, _ datum: Datum) async throws -> (HTTPStatus, LocateResultDTO?) {
        let (status, body) = try await app.call(.GET, "/api/v1/locate?lon=\(point.lon)&lat=\(point.lat)&datum=\(datum.rawValue)", token: token)
        return (status, status == .ok ? try app.decode(LocateResultDTO.self, body) : nil)
    }

    /// A point 30 m inside grid `a` from the middle of an edge it shares with grid `b`.
    static func nearSharedEdge(_ a: MultiPolygon, _ b: MultiPolygon) throws -> Coordinate {
        let bVertices = Set(b.polygons.flatMap { $0.exterior.vertices }.map { "\($0.lon),\($0.lat)" })
        for polygon in a.polygons {
            let ring = polygon.exterior.vertices
            for index in 0..<(ring.count - 1) {
                let p = ring[index], q = ring[index + 1]
                guard bVertices.contains("\(p.lon),\(p.lat)"), bVertices.contains("\(q.lon),\(q.lat)") else { continue }
                let mid = Coordinate(lon: (p.lon + q.lon) / 2, lat: (p.lat + q.lat) / 2)
                let length = ((q.lon - p.lon) * (q.lon - p.lon) + (q.lat - p.lat) * (q.lat - p.lat)).squareRoot()
                guard length > 0.001 else { continue }
                let step = 0.0003 / length  // about 30 m
                for sign in [1.0, -1.0] {
                    let candidate = Coordinate(lon: mid.lon - sign * (q.lat - p.lat) * step, lat: mid.lat + sign * (q.lon - p.lon) * step)
                    if a.contains(candidate) && !b.contains(candidate) { return candidate }
                }
            }
        }
        throw TestSupportError.unexpected("no shared edge")
    }

    @Test("a WGS-84 phone fix 30 m from a grid border lands in the right grid after conversion")
    func phoneFixNearBorder() async throws {
        try await TestApp.with { app in
            let token = try await app.token("community_op")
            let a = try #require(try await MapFixtures.geometry(app, token, "510117001001001").multiPolygon)
            let b = try #require(try await MapFixtures.geometry(app, token, "510117001001002").multiPolygon)
            let inside = try Self.nearSharedEdge(a, b)
            let phone = DatumConverter.convert(inside, from: .gcj02, to: .wgs84)
            #expect(abs(phone.lon - inside.lon) + abs(phone.lat - inside.lat) > 0.002, "GCJ-02 is shifted by hundreds of metres")
            let (status, result) = try await Self.locate(app, token, phone, .wgs84)
            #expect(status == .ok)
            #expect(result?.grid?.code == "510117001001001")
            #expect(abs((result?.point.lon ?? 0) - inside.lon) < 1e-6)
            #expect(result?.ancestors.map(\.code) == ["510117", "510117001", "510117001001"])
            // CGCS2000 is read as WGS-84
            #expect(try await Self.locate(app, token, phone, .cgcs2000).1?.grid?.code == "510117001001001")
            // the same point given directly in GCJ-02
            #expect(try await Self.locate(app, token, inside, .gcj02).1?.grid?.code == "510117001001001")
        }
    }

    @Test("a special grid is returned beside the general grid under it; outside every grid is a clear 404")
    func specialGridsAndOutside() async throws {
        try await TestApp.with { app in
            let token = try await app.token("admin")
            let (_, body) = try await app.call(.GET, "/api/v1/grids?unit=510117", token: token)
            let grids = try JSONDecoder().decode(GeoJSONFeatureCollection.self, from: Data(body.utf8))
            #expect(grids.features.count == 9)
            let special = try #require(grids.features.first { $0.properties["kind"] == .string("special_grid") })
            let shape = try #require(special.geometry?.multiPolygon)
            let inside = try #require(shape.pointOnSurface)
            let (status, result) = try await Self.locate(app, token, inside, .gcj02)
            #expect(status == .ok)
            #expect(result?.specialGrids.map(\.code) == [special.properties["code"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""])
            #expect(result?.grid?.kind == .grid)
            let (outside, outsideBody) = try await app.call(.GET, "/api/v1/locate?lon=116.4&lat=39.9&datum=wgs84", token: token)
            #expect(outside == .notFound)
            #expect(outsideBody.contains("outside_every_grid"))
            #expect(outsideBody.contains("不在任何网格内"))
            #expect(try await app.call(.GET, "/api/v1/locate?lon=500&lat=30", token: token).status == .unprocessableEntity)
        }
    }

    @Test("a good file round-trips export → import unchanged, and the old outlines stay queryable")
    func roundTrip() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let (_, first) = try await app.call(.GET, "/api/v1/grids/export?unit=510117", token: admin)
            let exported = try JSONDecoder().decode(GeoJSONFeatureCollection.self, from: Data(first.utf8))
            #expect(exported.features.count == 2 + 4 + 9)
            let (dryStatus, dryBody) = try await app.call(.POST, "/api/v1/grids/import?dry_run=true", token: admin, raw: first)
            #expect(dryStatus == .ok)
            let dry = try app.decode(GridImportReportDTO.self, dryBody)
            #expect(dry.valid)
            #expect(dry.problems.isEmpty)
            #expect(dry.updated.count == 15)
            #expect(dry.created.isEmpty)
            let (status, reportBody) = try await app.call(.POST, "/api/v1/grids/import", token: admin, raw: first)
            #expect(status == .ok, "\(reportBody)")
            let report = try app.decode(GridImportReportDTO.self, reportBody)
            #expect(report.changeID != nil)
            let (_, second) = try await app.call(.GET, "/api/v1/grids/export?unit=510117", token: admin)
            #expect(try JSONDecoder().decode(GeoJSONFeatureCollection.self, from: Data(second.utf8)) == exported)
            // the version before the import is still there
            let (oldStatus, oldBody) = try await app.call(.GET, "/api/v1/grids/510117001001001?at=2025-06-01", token: admin)
            #expect(oldStatus == .ok)
            #expect(oldBody.contains("\"valid_from\":\"2024-01-01\""))
            #expect(try await app.call(.GET, "/api/v1/grids/510117001001001?at=2023-06-01", token: admin).status == .notFound)
        }
    }

    @Test("a broken file is refused with every problem listed, and nothing changes")
    func brokenImport() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let (_, exportBody) = try await app.call(.GET, "/api/v1/grids/export?unit=510117001001", token: admin)
            var file = try JSONDecoder().decode(GeoJSONFeatureCollection.self, from: Data(exportBody.utf8))
            let community = try #require(try await MapFixtures.feature(app, admin, "510117001001001").properties["parent"])
            #expect(community == .string("510117001001"))
            // 1. a new grid drawn over grid 001: an overlap
            let communityOutline = try #require(try await GridMapStore.outline(of: app.unit(code: "510117001001"), on: app.db)?.geometry)
            let index001 = try #require(file.features.firstIndex { $0.properties["code"] == .string("510117001001001") })
            var copy = file.features[index001]
            copy.properties["code"] = .string("510117001001040")
            file.features.append(copy)
            // 2. grid 002 shrinks to a corner triangle: a gap
            let index002 = try #require(file.features.firstIndex { $0.properties["code"] == .string("510117001001002") })
            let b = try #require(file.features[index002].geometry?.multiPolygon?.polygons.first?.exterior.vertices)
            file.features[index002].geometry = .polygon(Polygon([b[0], b[1], b[2], b[0]]))
            // 3. a self-intersecting bow tie, 4. an unknown parent, 5. a duplicate code
            let c = try #require(communityOutline.pointOnSurface)
            let bowTie = Polygon([c, Coordinate(lon: c.lon + 0.01, lat: c.lat + 0.01), Coordinate(lon: c.lon + 0.01, lat: c.lat), Coordinate(lon: c.lon, lat: c.lat + 0.01), c])
            file.features.append(GeoJSONFeature(geometry: .polygon(bowTie), properties: [
                "code": .string("510117001001030"), "name": .string("坏网格"), "parent": .string("510117001001"), "kind": .string("grid"), "datum": .string("gcj02")]))
            let square = Polygon([c, Coordinate(lon: c.lon + 0.01, lat: c.lat), Coordinate(lon: c.lon + 0.01, lat: c.lat + 0.01), Coordinate(lon: c.lon, lat: c.lat + 0.01), c])
            file.features.append(GeoJSONFeature(geometry: .polygon(square), properties: [
                "code": .string("510117099001001"), "name": .string("孤儿网格"), "parent": .string("510117099001"), "kind": .string("grid"), "datum": .string("gcj02")]))
            file.features.append(file.features[index001])
            let raw = String(decoding: try JSONEncoder().encode(file), as: UTF8.self)
            let auditBefore = try await app.auditCount()

            let (status, body) = try await app.call(.POST, "/api/v1/grids/import", token: admin, raw: raw)
            #expect(status == .unprocessableEntity)
            let report = try app.decode(GridImportReportDTO.self, body)
            #expect(!report.valid)
            #expect(report.error == "validation_failed")
            let kinds = Set(report.problems.map(\.kind))
            #expect(kinds.isSuperset(of: ["invalid_geometry", "unknown_parent", "duplicate_code"]), "\(report.problems.map(\.message))")
            #expect(report.problems.first { $0.kind == "invalid_geometry" }?.code == "510117001001030")
            #expect(report.problems.first { $0.kind == "invalid_geometry" }?.location != nil)

            // without the three structural problems, the coverage problems come through
            file.features.removeLast(3)
            let coverageRaw = String(decoding: try JSONEncoder().encode(file), as: UTF8.self)
            let (coverageStatus, coverageBody) = try await app.call(.POST, "/api/v1/grids/import", token: admin, raw: coverageRaw)
            #expect(coverageStatus == .unprocessableEntity)
            let coverage = try app.decode(GridImportReportDTO.self, coverageBody)
            let overlap = try #require(coverage.problems.first { $0.kind == "overlap" })
            #expect((overlap.areaM2 ?? 0) > 1000)
            #expect(overlap.location != nil)
            let gap = try #require(coverage.problems.first { $0.kind == "gap" })
            #expect((gap.areaM2 ?? 0) > 1000)
            #expect(gap.message.contains("未被任何下级覆盖"))

            // nothing changed: same export, no import row, the map still answers as before
            #expect(try await app.call(.GET, "/api/v1/grids/export?unit=510117001001", token: admin).body == exportBody)
            #expect(try await app.auditCount() == auditBefore)
            #expect(try await app.call(.GET, "/api/v1/grids/510117001001030", token: admin).status == .notFound)
        }
    }

    @Test("merge and split make new versions with crosswalks; the old grids stay queryable by date")
    func mergeAndSplit() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let a = try #require(try await MapFixtures.geometry(app, admin, "510117001001001").multiPolygon)
            let (merge, split) = try await MapFixtures.mergeThenSplit(app, admin)
            let (mergeStatus, mergeBody) = try await app.call(.POST, "/api/v1/grids/merge", token: admin, json: merge)
            #expect(mergeStatus == .ok, "\(mergeBody)")
            let merged = try app.decode(CrosswalkDTO.self, mergeBody)
            #expect(Set(merged.entries.map(\.oldCode)) == ["510117001001001", "510117001001002"])
            #expect(merged.entries.allSatisfy { $0.newCode == MapFixtures.mergedCode && abs($0.share - 1) < 1e-6 })
            let point = try #require(a.pointOnSurface)
            #expect(try await Self.locate(app, admin, point, .gcj02).1?.grid?.code == MapFixtures.mergedCode)
            #expect(try await app.call(.GET, "/api/v1/grids/510117001001001", token: admin).status == .notFound)
            #expect(try await app.call(.GET, "/api/v1/grids/510117001001001?at=2025-01-01", token: admin).status == .ok)

            let (splitStatus, splitBody) = try await app.call(.POST, "/api/v1/grids/\(MapFixtures.mergedCode)/split", token: admin, json: split)
            #expect(splitStatus == .ok, "\(splitBody)")
            let parts = try app.decode(CrosswalkDTO.self, splitBody)
            #expect(abs(parts.entries.reduce(0) { $0 + $1.share } - 1) < 1e-6)
            #expect(try await Self.locate(app, admin, point, .gcj02).1?.grid?.code == "510117001001021")

            // a split whose parts do not cover the grid is refused and changes nothing
            var bad = split
            bad.parts = [GridPartDTO(code: "510117001001031", name: "甲", geometry: .multiPolygon(a)),
                         GridPartDTO(code: "510117001001032", name: "乙", geometry: .multiPolygon(a))]
            let (badStatus, badBody) = try await app.call(.POST, "/api/v1/grids/510117001001021/split", token: admin, json: bad)
            #expect(badStatus == .unprocessableEntity)
            #expect(badBody.contains("\"field\":\"parts\""))
            #expect(try await Self.locate(app, admin, point, .gcj02).1?.grid?.code == "510117001001021")
        }
    }

    @Test("多网合一: an old department layer gets, for each old grid, the new grids and shares")
    func departmentLayerCrosswalk() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let community = try #require(try await GridMapStore.outline(of: app.unit(code: "510117001001"), on: app.db)?.geometry)
            let layer = GeoJSONFeatureCollection(features: [
                GeoJSONFeature(geometry: .multiPolygon(community), properties: ["code": .string("CG-07"), "name": .string("城管旧网格7")]),
            ])
            let (status, body) = try await app.call(.POST, "/api/v1/grids/crosswalk?datum=gcj02", token: admin, json: layer)
            #expect(status == .ok)
            let crosswalk = try app.decode(CrosswalkDTO.self, body)
            #expect(Set(crosswalk.entries.map(\.newCode)) == ["510117001001001", "510117001001002"])
            #expect(abs(crosswalk.entries.reduce(0) { $0 + $1.share } - 1) < 1e-6)
        }
    }

    @Test("the map's grid features count open and overdue events, for colouring by them")
    func eventFigures() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            _ = try await app.call(.POST, "/api/v1/events", token: worker, json: try await EventFixtures.report(app, worker))
            try app.grid.clock.advance(by: 7 * 86_400)
            let street = try await app.token("street_op")
            let (_, body) = try await app.call(.GET, "/api/v1/grids", token: street)
            let grids = try JSONDecoder().decode(GeoJSONFeatureCollection.self, from: Data(body.utf8))
            let first = try #require(grids.features.first { $0.properties["code"] == .string("510117001001001") })
            #expect(first.properties["open_events"] == .number(1))
            #expect(first.properties["overdue_events"] == .number(1))
            let other = try #require(grids.features.first { $0.properties["code"] == .string("510117001001002") })
            #expect(other.properties["open_events"] == .number(0))
        }
    }

    @Test("a handled event waiting past its verification deadline counts as overdue on the map as in the overdue list")
    func overdueAgreesWithTheList() async throws {
        try await TestApp.with { app in
            let id = try await EventFixtures.dispatchToDepartment(app)
            let department = try await app.token("dept_handler")
            _ = try await EventLoopTests.act(app, department, id, "take")
            let (status, _) = try await EventLoopTests.act(app, department, id, "handle", EventActionRequestDTO(note: "已清理"))
            #expect(status == .ok)
            try app.grid.clock.advance(by: 30 * 86_400)
            let street = try await app.token("street_op")
            let event = try #require(try await EventStore.find(id, on: app.db))
            #expect(event.snapshot.state == .handled)
            let overdue = event.snapshot.isOverdue(try app.grid.clock.now)
            let (_, list) = try await app.call(.GET, "/api/v1/events?unit=510117001001001&overdue=true", token: street)
            let listed = try app.decode(PageDTO<EventDTO>.self, list).total
            let (_, body) = try await app.call(.GET, "/api/v1/grids", token: street)
            let grids = try JSONDecoder().decode(GeoJSONFeatureCollection.self, from: Data(body.utf8))
            let feature = try #require(grids.features.first { $0.properties["code"] == .string("510117001001001") })
            #expect(overdue, "the verification stage has a deadline of its own")
            #expect(listed == 1)
            #expect(feature.properties["overdue_events"] == .number(Double(listed)))
        }
    }

    @Test("staffing: grids without a full-time worker are listed; bad phones are refused")
    func staffing() async throws {
        try await TestApp.with { app in
            let token = try await app.token("community_op")
            let (_, before) = try await app.call(.GET, "/api/v1/grids/unstaffed", token: token)
            #expect(try app.decode(GridRefListDTO.self, before).items.isEmpty)
            let (_, staffBody) = try await app.call(.GET, "/api/v1/grids/510117001001002/staff", token: token)
            let fullTime = try #require(try app.decode(GridStaffListDTO.self, staffBody).items.first { $0.role == .fullTime })
            #expect(try await app.call(.POST, "/api/v1/grids/staff/\(fullTime.id)/end", token: token).status == .ok)
            let (_, after) = try await app.call(.GET, "/api/v1/grids/unstaffed", token: token)
            #expect(try app.decode(GridRefListDTO.self, after).items.map(\.code) == ["510117001001002"])
            let bad = AssignStaffRequestDTO(name: "周丽", role: "full_time", workPhone: "12345")
            let (badStatus, badBody) = try await app.call(.POST, "/api/v1/grids/510117001001002/staff", token: token, json: bad)
            #expect(badStatus == .unprocessableEntity)
            #expect(badBody.contains("work_phone"))
            let good = AssignStaffRequestDTO(name: "周丽", role: "full_time", workPhone: "139 1234 5678")
            #expect(try await app.call(.POST, "/api/v1/grids/510117001001002/staff", token: token, json: good).status == .created)
            let (_, fixed) = try await app.call(.GET, "/api/v1/grids/unstaffed", token: token)
            #expect(try app.decode(GridRefListDTO.self, fixed).items.isEmpty)
            // a grid worker may read but not assign; nothing outside the scope is visible
            let worker = try await app.token("gridworker")
            #expect(try await app.call(.POST, "/api/v1/grids/510117001001001/staff", token: worker, json: good).status == .forbidden)
            #expect(try await app.call(.GET, "/api/v1/grids/510117002001001", token: token).status == .notFound)
            let (_, mine) = try await app.call(.GET, "/api/v1/grids", token: token)
            #expect(!mine.contains("510117002001001"))
        }
    }
}
