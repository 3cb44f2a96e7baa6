import FluentKit
import Foundation
import GridCore
import GridStore

/// People from a spreadsheet (实有人口批量导入): every problem of the file is reported at once —
/// unreadable cells, addresses that are not rooms in the importer's area, people already
/// registered — and nothing is written unless the whole file is good.
public struct PeopleImportService: Sendable {
    let services: GridServices

    public init(services: GridServices) {
        self.services = services
    }

    /// Checks `csv` and, unless `dryRun`, stores every person in one transaction. Returns the
    /// number of people in the file.
    public func run(_ csv: String, dryRun: Bool, scope: UnitPath, actor: AuditActor, on db: any Database) async throws -> Int {
        let now = services.clock.now
        let today = services.calendar.day(of: now)
        let rows = try PersonCSV.parse(csv, today: today)
        let keyRing = services.keyRing
        let byCode = try await BasicDataStore.rooms(addressCodes: rows.compactMap { $0.row.addressCode.isEmpty ? nil : $0.row.addressCode }, on: db)
        let hashes = rows.map { keyRing.searchHash($0.row.idNumber) }
        let registered = try await BasicDataStore.registeredIDHashes(hashes, on: db)
        var problems: [ImportProblem] = []
        var people: [Person] = []
        people.reserveCapacity(rows.count)
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
                problems.append(ImportProblem(row: item.line, column: column, reason: LocalizedText(
                    zh: "找不到该地址对应的房屋，请先登记房屋", en: "no room has this address; register the room first")))
                continue
            }
            guard scope.contains(room.gridPath) else {
                problems.append(ImportProblem(row: item.line, column: column, reason: LocalizedText(
                    zh: "该房屋不在您的辖区内", en: "the room is outside your area")))
                continue
            }
            if registered.contains(hashes[index]) {
                problems.append(ImportProblem(row: item.line, column: PersonColumn.idNumber.header, reason: LocalizedText(
                    zh: "此人已登记在册（可在人员信息中修改）", en: "this person is already registered (edit the record instead)")))
                continue
            }
            people.append(row.makePerson(id: UUID(), roomID: room.id, gridPath: room.gridPath, updatedOn: today))
        }
        guard problems.isEmpty else { throw ImportProblems(problems) }
        guard !dryRun else { return rows.count }
        let imported = people
        try await db.transaction { tx in
            try await BasicDataStore.insert(people: imported, keyRing: keyRing, on: tx)
            try await AuditLog.record(
                AuditRecord(action: "people.imported", targetType: "person", targetID: nil,
                            summary: "\(imported.count) people imported", unitPath: scope),
                by: actor, on: tx, now: now)
        }
        return rows.count
    }
}
