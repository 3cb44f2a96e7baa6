import Foundation
import GridCore
import GridStore
import Vapor

/// `GET /api/v1/sync`: the delta a phone (the mobile app, a native app through GridClient) pulls
/// to work offline — the admission list, the caller's grids, their buildings, rooms and residents
/// (masked), and where the caller's own reports stand. How the cursor guarantees that nothing
/// changed after it is missed is explained on `SyncCursor`.
struct SyncController {
    /// How far before the sync the watermarks are set: longer than any write transaction plus the
    /// clock difference between server instances, so a change committed just after a sync read
    /// the tables (but stamped just before) is still sent next time.
    static let margin: TimeInterval = 300

    /// Areas whose basic data a phone caches: a grid, or a community for those leading several
    /// grids. A street or district account gets the admission list and its own reports only.
    static let basicDataKinds: Set<UnitKind> = [.grid, .specialGrid, .community]

    func register(_ api: APIRouter) {
        api.add(.GET, "sync", summary: "Delta sync for offline work: what changed for the caller since the cursor (everything without one)",
                tag: "sync", access: .permission(.eventsReport),
                query: [.query("since", .string(), "The cursor of the previous answer; absent for a full sync")],
                response: SyncDeltaDTO.self) { req, principal in
            try await Self.delta(req, try APIRouter.signedIn(principal), since: req.query[String.self, at: "since"])
        }
    }

    static func delta(_ req: Request, _ principal: Principal, since raw: String?) async throws -> SyncDeltaDTO {
        let services = try req.grid
        let now = services.clock.now
        let watermark = now.addingTimeInterval(-margin)
        let day = services.calendar.day(of: watermark).description
        let scope = principal.unitPath
        var previous: SyncCursor?
        if let raw, !raw.isEmpty {
            guard let cursor = SyncCursor(token: raw) else {
                throw ValidationFailure(field: "since", zh: "同步游标无效，请不带 since 重新全量同步", en: "the sync cursor is not valid; sync again without since")
            }
            // Made for someone else, another area or an older format: start over with everything.
            if cursor.format == SyncCursor.currentFormat && cursor.user == principal.id && cursor.scope == scope.rawValue {
                previous = cursor
            }
        }

        let tree = services.catalog.catalog.tree
        let catalogVersion = SyncDigest.of(try JSONEncoder.api.encode(tree))
        let grids = try await Self.grids(req, principal)
        let gridsVersion = SyncDigest.of(try JSONEncoder.api.encode(grids))
        let basic = try await Self.basicData(req, principal, day: day, previous: previous)
        let events = try await SyncStore.events(reportedBy: principal.id, changedSince: previous?.eventsSince, on: req.db)
        let catalog = services.catalog.catalog
        let language = req.language

        let cursor = SyncCursor(
            user: principal.id, scope: scope.rawValue, at: now, eventsSince: watermark, day: day, digests: basic.digests,
            catalog: catalogVersion, grids: gridsVersion)
        return SyncDeltaDTO(
            cursor: cursor.token, full: previous == nil, serverTime: now,
            eventTypes: previous?.catalog == catalogVersion ? nil : SyncEventTypesDTO(version: catalogVersion, items: tree),
            grids: previous?.grids == gridsVersion ? nil : grids,
            buildings: basic.buildings, rooms: basic.rooms, people: basic.people,
            events: events.map { row in
                let s = row.event.snapshot
                return SyncEventDTO(
                    id: s.id, number: row.event.number, type: s.typeCode, typeName: catalog[s.typeCode]?.name ?? s.typeCode,
                    state: s.state.rawValue, stateLabel: s.state.label.text(in: language), level: s.level, version: s.version,
                    occurredAt: row.event.occurredAt, reportedAt: s.reportedAt, updatedAt: row.updatedAt)
            })
    }

    /// The caller's grids (general and special) with outline and staff; none without `grids.read`.
    static func grids(_ req: Request, _ principal: Principal) async throws -> [SyncGridDTO] {
        let services = try req.grid
        guard principal.holds(.gridsRead, policy: services.policy) else { return [] }
        let outlines = try await GridMapStore.outlines(under: principal.unitPath, kinds: [.grid, .specialGrid], on: req.db)
        let staff = try await GridMapStore.staffByGrid(under: principal.unitPath, on: req.db)
        let language = req.language
        return outlines.map { outline in
            let members = (staff[outline.unit.id] ?? []).sorted { ($0.role.rawValue, $0.name, $0.id.uuidString) < ($1.role.rawValue, $1.name, $1.id.uuidString) }
            var feature = GridFeatures.feature(outline, staff: members, language: language)
            // Counts of open events change all day; the phone learns about events elsewhere.
            for key in ["open_events", "overdue_events"] { feature.properties.removeValue(forKey: key) }
            let unit = outline.unit
            return SyncGridDTO(
                id: unit.id, code: unit.code.rawValue, name: unit.name, kind: unit.kind, unitPath: unit.path.rawValue,
                outline: feature, staff: members)
        }
    }

    struct BasicData {
        var buildings: [BuildingDTO] = []
        var rooms: [RoomDTO] = []
        var people: [PersonDTO] = []
        var digests: [String: String] = [:]
    }

    /// Basic data of the caller's area changed since `previous`. The new boundary day's digests
    /// are read before the rows, so a change committed in between shows up in the next sync.
    static func basicData(_ req: Request, _ principal: Principal, day: String, previous: SyncCursor?) async throws -> BasicData {
        let services = try req.grid
        guard principal.holds(.basicDataRead, policy: services.policy), basicDataKinds.contains(principal.account.unit.kind) else {
            return BasicData()
        }
        let scope = principal.unitPath
        var result = BasicData()
        var selections: [SyncStore.Table: SyncSelection] = [:]
        for table in SyncStore.Table.allCases {
            let digest = try await SyncStore.boundaryDigest(table, under: scope, day: day, on: req.db)
            result.digests[table.rawValue] = digest
            guard let previous else {
                selections[table] = .everything
                continue
            }
            let then = previous.day == day ? digest : try await SyncStore.boundaryDigest(table, under: scope, day: previous.day, on: req.db)
            selections[table] = then == previous.digests[table.rawValue] ? .after(day: previous.day) : .onOrAfter(day: previous.day)
        }
        let language = req.language
        let today = services.calendar.day(of: services.clock.now)
        if let selection = selections[.buildings] {
            result.buildings = try await SyncStore.buildings(under: scope, selection, on: req.db).map {
                BuildingDTO($0.building, rooms: $0.rooms, residents: $0.residents, language: language)
            }
        }
        if let selection = selections[.rooms] {
            result.rooms = try await SyncStore.rooms(under: scope, selection, keyRing: services.keyRing, on: req.db).map {
                RoomDTO($0.room, building: $0.building, residents: $0.residents, version: $0.version, language: language)
            }
        }
        if let selection = selections[.people] {
            result.people = try await SyncStore.people(under: scope, selection, on: req.db).map {
                PeopleController.dto($0, clear: nil, today: today, language: language)
            }
        }
        return result
    }
}
