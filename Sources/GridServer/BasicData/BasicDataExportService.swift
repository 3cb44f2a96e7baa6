import FluentKit
import Foundation
import GridCore
import GridStore

/// Basic data of an area as files (基础数据导出), in the import format with Chinese headers:
/// identifiers masked unless a reason to see them is given, and every export in the audit log.
public struct BasicDataExportService: Sendable {
    let services: GridServices

    public init(services: GridServices) {
        self.services = services
    }

    /// The CSV of `kind` under `unit`. `clearReason` set: identifiers in clear (the caller has
    /// checked the right), audited with the reason.
    public func csv(
        _ kind: BasicDataImportService.Kind, under unit: OrgUnit, clearReason: String?, actor: AuditActor, on db: any Database
    ) async throws -> String {
        let keyRing = services.keyRing
        let masked = clearReason == nil
        let (text, count): (String, Int)
        switch kind {
        case .people:
            let people = try await BasicDataRecords.people(under: unit.path, includeMovedOut: false, keyRing: keyRing, on: db)
            let codes = try await BasicDataStore.roomAddressCodes(of: Set(people.compactMap(\.roomID)), on: db)
            text = PersonCSV.export(people.map { PersonCSVRow(person: $0, addressCode: $0.roomID.flatMap { codes[$0] } ?? "") }, masked: masked)
            count = people.count
        case .rooms:
            let rooms = try await BasicDataRecords.rooms(under: unit.path, keyRing: keyRing, on: db)
            var codes: [UUID: String] = [:]
            for id in Set(rooms.map(\.buildingID)) { codes[id] = try await BasicDataStore.building(id, on: db)?.address.addressCode }
            text = RoomCSV.export(rooms.map { RoomCSVRow(room: $0, buildingReference: codes[$0.buildingID] ?? "") }, masked: masked)
            count = rooms.count
        case .organizations:
            let organizations = try await BasicDataRecords.organizations(under: unit.path, keyRing: keyRing, on: db)
            text = OrganizationCSV.export(organizations.map(OrganizationCSVRow.init(organization:)), masked: masked)
            count = organizations.count
        }
        try await AuditLog.record(
            AuditRecord(action: masked ? "\(kind.rawValue).exported" : "\(kind.rawValue).exported_unmasked", targetType: "unit",
                        targetID: unit.id.uuidString, summary: "\(count) \(kind.rawValue) of \(unit.code)\(clearReason.map { ": \($0)" } ?? "")",
                        unitPath: unit.path),
            by: actor, on: db, now: services.clock.now)
        return text
    }
}
