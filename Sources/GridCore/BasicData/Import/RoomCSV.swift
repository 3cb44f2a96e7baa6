import Foundation

/// Import and export of rooms files (实有房屋导入导出), Chinese headers first (`RoomColumn`).
public enum RoomCSV {
    /// The Chinese header line written by `export`.
    public static var header: String { RoomColumn.chineseHeaderLine }

    /// Reads a whole file, reporting every problem (`ImportProblems`) or returning every row.
    /// 用途 takes `自住`/`出租`/`空置`/`商铺`/`其他` or the raw values; 楼层 `12`, `12层`, `-1`, `B1`;
    /// 面积 m² (a unit such as ㎡ is tolerated); 是否有人居住 `是`/`否` — when empty, a room is taken
    /// as occupied if self-occupied, rented or a shop. Each row is checked as a record
    /// (`Room.validate(today:)`), and one building, unit and room may appear only once.
    public static func parse(_ text: String, today: CalendarDay) throws(ImportProblems) -> [ImportedRow<RoomCSVRow>] {
        var problems: [ImportProblem] = []
        var rows: [ImportedRow<RoomCSVRow>] = []
        var firstLine: [String: Int] = [:]
        BasicDataCSVReader<RoomColumn>.read(text, problems: &problems) { line in
            guard let row = parseRow(&line) else { return }
            let room = row.makeRoom(
                id: ImportPlaceholder.id, buildingID: ImportPlaceholder.id, gridPath: ImportPlaceholder.gridPath, updatedOn: today)
            line.add(room.validate(today: today))
            let key = [row.building, row.unit, row.number]
                .map { StandardAddress.normalized($0, suffixes: ["单元", "室", "号"]) }.joined(separator: "|")
            if let first = firstLine[key] {
                line.fail(.number, zh: "与第 \(first) 行是同一房间", en: "the same room as line \(first)")
            } else {
                firstLine[key] = line.number
            }
            if line.problems.isEmpty { rows.append(ImportedRow(line: line.number, row: row)) }
        }
        guard problems.isEmpty else { throw ImportProblems(problems) }
        return rows
    }

    /// The rows as a file with the Chinese header; landlords' phones masked unless `masked` is
    /// false. An unmasked export reads back (`parse`) to the same rows.
    public static func export(_ rows: [RoomCSVRow], masked: Bool = true) -> String {
        var lines = [header]
        lines.reserveCapacity(rows.count + 1)
        for row in rows {
            let phone = row.landlordPhone?.value ?? ""
            let cells: [String] = [
                row.building, row.unit, row.number, String(row.floor), row.use.label.zhHans,
                row.area.map(BasicDataCSVFormat.decimal) ?? "", row.ownerName, row.landlordName ?? "",
                masked ? Masking.maskPhone(phone) : phone, row.isOccupied ? "是" : "否",
            ]
            lines.append(cells.map(CSVText.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func parseRow(_ line: inout BasicDataCSVReader<RoomColumn>.Line) -> RoomCSVRow? {
        let building = line.cell(.building)
        if building.isEmpty { line.fail(.building, zh: "楼栋不能为空", en: "the building must not be empty") }
        let number = line.cell(.number)
        line.fail(.number, FieldCheck.required(number, field: "number", zh: "房间号", en: "room number"))
        var floor: Int?
        let floorCell = line.cell(.floor)
        if floorCell.isEmpty {
            line.fail(.floor, zh: "楼层不能为空", en: "the floor must not be empty")
        } else if let value = BasicDataCSVFormat.floor(floorCell) {
            floor = value
        } else {
            line.fail(.floor, zh: "楼层“\(floorCell)”应为整数（地下为负数，如 -1 或 B1）",
                      en: "floor “\(floorCell)” must be a whole number (basements negative, such as -1 or B1)")
        }
        let use: RoomUse? = BasicDataCells.choice(.use, in: &line, required: true, zh: "用途", en: "use")
        var area: Double?
        let areaCell = line.cell(.area)
        if !areaCell.isEmpty {
            if let value = BasicDataCSVFormat.decimal(areaCell) {
                area = value
            } else {
                line.fail(.area, zh: "面积“\(areaCell)”应为数字（平方米）", en: "area “\(areaCell)” must be a number of m²")
            }
        }
        var landlordPhone: MobileNumber?
        if !line.cell(.landlordPhone).isEmpty {
            do { landlordPhone = try FastIdentity.mobile(line.cell(.landlordPhone), field: "landlordPhone") } catch {
                line.fail(.landlordPhone, error.reason)
            }
        }
        var occupied: Bool?
        let occupiedCell = line.cell(.isOccupied)
        if !occupiedCell.isEmpty {
            occupied = BasicDataCSVFormat.flag(occupiedCell)
            if occupied == nil {
                line.fail(.isOccupied, zh: "“\(occupiedCell)”应为是或否", en: "“\(occupiedCell)” must be 是 (yes) or 否 (no)")
            }
        }
        // Built even when some cells failed, so the record checks run on the others.
        guard let floor, let use else { return nil }
        return RoomCSVRow(
            building: building, unit: line.cell(.unit), number: number, floor: floor, use: use, area: area,
            ownerName: line.cell(.ownerName), landlordName: line.cell(.landlordName), landlordPhone: landlordPhone,
            isOccupied: occupied ?? [.selfOccupied, .rental, .shop].contains(use))
    }
}
