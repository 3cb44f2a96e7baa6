import FluentKit
import Foundation
import GridCore
import GridStore

/// Turns events into Open311 service requests (诉求): status open/closed from the state, the
/// stage and last public note in `status_notes`, the handling unit (or the owning community) in
/// `agency_responsible`, the handling deadline (处置时限) in `expected_datetime`, WGS-84
/// coordinates, and times with the jurisdiction's offset. Nothing personal is shown.
struct Open311Presenter {
    let timeZone: TimeZone
    let language: Language
    let catalog: EventCatalog

    func requests(_ rows: [Open311EventRow], on db: any Database) async throws -> Open311Node {
        let records = try await Open311ClientStore.requests(of: rows.map(\.event.snapshot.id), on: db)
        var units = UnitNames(db: db)
        var nodes: [Open311Node] = []
        for row in rows {
            nodes.append(try await request(row, record: records[row.event.snapshot.id], units: &units))
        }
        return .list(item: "request", nodes)
    }

    private func request(_ row: Open311EventRow, record: Open311RequestRecord?, units: inout UnitNames) async throws -> Open311Node {
        let event = row.event
        let snapshot = event.snapshot
        let state = snapshot.state
        let agency: String? = if let handler = snapshot.handlingUnit {
            try await units.name(id: handler.id)
        } else {
            try await units.name(path: snapshot.ownerPath)
        }
        let grid = try await units.name(id: event.gridID)
        let community = try await units.name(path: snapshot.communityPath)
        let address = record?.address ?? [community, grid].compactMap { $0 }.joined(separator: " ")
        let point = DatumConverter.convert(event.location, from: event.locationDatum, to: .wgs84)
        let updated = state.isOpen ? row.updatedAt : (snapshot.closedAt ?? row.updatedAt)
        return .object([
            "service_request_id": .text(event.number),
            "status": .text(Open311Status(state).rawValue),
            "status_notes": .text(Open311Status.notes(state: state, outcome: snapshot.outcome, lastNote: row.lastNote, in: language)),
            "service_name": .text(catalog[snapshot.typeCode]?.name ?? snapshot.typeCode),
            "service_code": .text(snapshot.typeCode),
            "description": .text(event.description),
            "agency_responsible": Open311Node.optionalText(agency),
            "service_notice": nil,
            "requested_datetime": .text(Open311DateTime.format(snapshot.reportedAt, in: timeZone)),
            "updated_datetime": .text(Open311DateTime.format(updated, in: timeZone)),
            "expected_datetime": state.isOpen ? snapshot.handlingDeadline.map { .text(Open311DateTime.format($0.end, in: timeZone)) } : nil,
            "address": .text(address),
            "address_id": .null,
            "zipcode": .null,
            "lat": .number(point.lat),
            "long": .number(point.lon),
            "media_url": record?.mediaURL.map { .text($0) } ?? .null,
        ])
    }
}

/// Unit names looked up once per answer.
private struct UnitNames {
    let db: any Database
    var byID: [UUID: String?] = [:]
    var byCode: [String: String?] = [:]

    mutating func name(id: UUID) async throws -> String? {
        if let known = byID[id] { return known }
        let name = try await UnitStore.find(id: id, on: db)?.name
        byID[id] = name
        return name
    }

    mutating func name(path: UnitPath) async throws -> String? {
        guard let code = path.codes.last else { return nil }
        if let known = byCode[code] { return known }
        let name = try await UnitStore.find(code: code, on: db)?.name
        byCode[code] = name
        return name
    }
}
