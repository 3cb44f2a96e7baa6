import FluentKit
import Foundation
import GridCore
import GridStore

/// Basic data from spreadsheets (实有人口/房屋/单位批量导入): every problem of a file is reported
/// at once — unreadable cells, addresses that do not exist or lie outside the importer's area,
/// records already registered — and nothing is written unless the whole file is good.
public struct BasicDataImportService: Sendable {
    /// What a file holds.
    public enum Kind: String, Sendable, CaseIterable {
        case people, rooms, organizations

        /// The audit log's name for one record.
        var recordType: String {
            switch self {
            case .people: "person"
            case .rooms: "room"
            case .organizations: "organization"
            }
        }
    }

    let services: GridServices

    public init(services: GridServices) {
        self.services = services
    }

    /// Checks `csv` and, unless `dryRun`, stores every record in one transaction. Returns the
    /// number of records in the file.
    public func run(_ kind: Kind, csv: String, dryRun: Bool, scope: UnitPath, actor: AuditActor, on db: any Database) async throws -> Int {
        let today = services.calendar.day(of: services.clock.now)
        let batch: Batch = switch kind {
        case .people: try await people(csv, today: today, scope: scope, on: db)
        case .rooms: try await rooms(csv, today: today, scope: scope, on: db)
        case .organizations: try await organizations(csv, today: today, scope: scope, on: db)
        }
        guard batch.problems.isEmpty else { throw ImportProblems(batch.problems) }
        guard !dryRun else { return batch.count }
        let keyRing = services.keyRing
        let now = services.clock.now
        try await db.transaction { tx in
            try await BasicDataStore.insert(rooms: batch.rooms, people: batch.people, organizations: batch.organizations, keyRing: keyRing, on: tx)
            try await RecordsCollected.count(
                batch.rooms.map(\.gridPath) + batch.people.map(\.gridPath) + batch.organizations.map(\.gridPath), by: actor, at: now, on: tx)
            try await AuditLog.record(
                AuditRecord(action: "\(kind.rawValue).imported", targetType: kind.recordType, targetID: nil,
                            summary: "\(batch.count) \(kind.rawValue) imported", unitPath: scope),
                by: actor, on: tx, now: now)
        }
        return batch.count
    }

    /// The records a file makes, or what is wrong with it.
    struct Batch {
        var count = 0
        var problems: [ImportProblem] = []
        var people: [Person] = []
        var rooms: [Room] = []
        var organizations: [Organization] = []
    }

    static let outsideArea = LocalizedText(zh: "该地址不在您的辖区内", en: "the address is outside your area")

    private func people(_ csv: String, today: CalendarDay, scope: UnitPath, on db: any Database) async throws -> Batch {
        let rows = try PersonCSV.parse(csv, today: today)
        let keyRing = services.keyRing
        let byCode = try await BasicDataStore.rooms(addressCodes: rows.compactMap { $0.row.addressCode.isEmpty ? nil : $0.row.addressCode }, on: db)
        let hashes = rows.map { keyRing.searchHash($0.row.idNumber) }
        let registered = try await BasicDataStore.registeredIDHashes(hashes, on: db)
        var batch = Batch(count: rows.count)
        batch.people.reserveCapacity(rows.count)
        for (index, item) in rows.enumerated() {
            let row = item.row
            let room: BasicDataStore.RoomLocation?
            if !row.addressCode.isEmpty {
                room = byCode[row.addressCode]
            } else {
                room = try await BasicDataStore.room(building: row.building, number: row.room, within: scope, on: db)
            }
            let column = row.addressCode.isEmpty ? PersonColumn.room.header : PersonColumn.addressCode.header
            guard let room else {
                batch.problems.append(ImportProblem(row: item.line, column: column, reason: LocalizedText(
                    zh: "找不到该地址对应的房屋，请先登记房屋", en: "no room has this address; register the room first")))
                continue
            }
            guard scope.contains(room.gridPath) else {
                batch.problems.append(ImportProblem(row: item.line, column: column, reason: Self.outsideArea))
                continue
            }
            if registered.contains(hashes[index]) {
                batch.problems.append(ImportProblem(row: item.line, column: PersonColumn.idNumber.header, reason: LocalizedText(
                    zh: "此人已登记在册（可在人员信息中修改）", en: "this person is already registered (edit the record instead)")))
                continue
            }
            batch.people.append(row.makePerson(id: UUID(), roomID: room.id, gridPath: room.gridPath, updatedOn: today))
        }
        return batch
    }

    private func rooms(_ csv: String, today: CalendarDay, scope: UnitPath, on db: any Database) async throws -> Batch {
        let rows = try RoomCSV.parse(csv, today: today)
        let buildings = try await BasicDataStore.buildings(references: rows.map(\.row.building), within: scope, on: db)
        let existing = try await BasicDataStore.roomKeys(inBuildings: buildings.values.map(\.id), on: db)
        var batch = Batch(count: rows.count)
        for item in rows {
            let row = item.row
            guard let building = buildings[row.building] else {
                batch.problems.append(ImportProblem(row: item.line, column: RoomColumn.building.header, reason: LocalizedText(
                    zh: "找不到楼栋“\(row.building)”（请填楼栋地址编码或本辖区内的楼栋名称）",
                    en: "no building '\(row.building)' (give its address code or the name of a building in your area)")))
                continue
            }
            guard scope.contains(building.gridPath) else {
                batch.problems.append(ImportProblem(row: item.line, column: RoomColumn.building.header, reason: Self.outsideArea))
                continue
            }
            let room = row.makeRoom(id: UUID(), buildingID: building.id, gridPath: building.gridPath, updatedOn: today)
            if existing.contains(room.identityKey) {
                batch.problems.append(ImportProblem(row: item.line, column: RoomColumn.number.header, reason: LocalizedText(
                    zh: "该房间已登记（可在房屋信息中修改）", en: "this room is already registered (edit the record instead)")))
                continue
            }
            batch.rooms.append(room)
        }
        return batch
    }

    private func organizations(_ csv: String, today: CalendarDay, scope: UnitPath, on db: any Database) async throws -> Batch {
        let rows = try OrganizationCSV.parse(csv, today: today)
        let addresses = try await BasicDataStore.addresses(codes: rows.map(\.row.addressCode), on: db)
        let registered = try await BasicDataStore.registeredCreditCodes(rows.compactMap { $0.row.creditCode?.value }, on: db)
        var batch = Batch(count: rows.count)
        for item in rows {
            let row = item.row
            guard let target = addresses[row.addressCode] else {
                batch.problems.append(ImportProblem(row: item.line, column: OrganizationColumn.addressCode.header, reason: LocalizedText(
                    zh: "找不到地址编码“\(row.addressCode)”对应的楼栋或房屋，请先登记", en: "no building or room has the address code '\(row.addressCode)'; register it first")))
                continue
            }
            guard scope.contains(target.gridPath) else {
                batch.problems.append(ImportProblem(row: item.line, column: OrganizationColumn.addressCode.header, reason: Self.outsideArea))
                continue
            }
            if let code = row.creditCode?.value, registered.contains(code) {
                batch.problems.append(ImportProblem(row: item.line, column: OrganizationColumn.creditCode.header, reason: LocalizedText(
                    zh: "该统一社会信用代码已登记（可在单位信息中修改）", en: "this credit code is already registered (edit the record instead)")))
                continue
            }
            batch.organizations.append(row.makeOrganization(
                id: UUID(), address: target.address, roomID: target.roomID, gridPath: target.gridPath, updatedOn: today))
        }
        return batch
    }
}
