import Foundation

/// Import and export of people files (实有人口导入导出), Chinese headers first (`PersonColumn`).
public enum PersonCSV {
    /// The Chinese header line written by `export`.
    public static var header: String { PersonColumn.chineseHeaderLine }

    /// Reads a whole file: every line checked, every problem reported (`ImportProblems`), or
    /// every row returned with its line number. Enumeration cells take the Chinese label or the
    /// raw value (`居民身份证` or `resident_id`); multi-value cells (关注群体, 标签) are separated by
    /// 、 , ; or |; dates are `2024-03-01`, `2024/3/1` or `20240301`. Each row is also checked as
    /// a record (`Person.validate(today:)`), and an identity number may appear only once.
    public static func parse(_ text: String, today: CalendarDay) throws(ImportProblems) -> [ImportedRow<PersonCSVRow>] {
        var problems: [ImportProblem] = []
        var rows: [ImportedRow<PersonCSVRow>] = []
        var firstLineOfID: [String: Int] = [:]
        BasicDataCSVReader<PersonColumn>.read(text, problems: &problems, checkHeader: { columns in
            guard !columns.contains(.addressCode), !(columns.contains(.building) && columns.contains(.room)) else { return [] }
            return [(.addressCode, LocalizedText(
                zh: "缺少“地址编码”列，或“楼栋”和“房间”两列", en: "the file needs an address_code column, or building and room columns"))]
        }) { line in
            guard let row = parseRow(&line, today: today) else { return }
            let person = row.makePerson(id: ImportPlaceholder.id, roomID: nil, gridPath: ImportPlaceholder.gridPath, updatedOn: today)
            line.add(person.validate(today: today))
            if !row.idNumber.isEmpty, !line.problems.contains(where: { $0.column == line.header(.idNumber) }) {
                if let first = firstLineOfID[row.idNumber] {
                    line.fail(.idNumber, zh: "证件号码与第 \(first) 行重复", en: "the document number repeats line \(first)")
                } else {
                    firstLineOfID[row.idNumber] = line.number
                }
            }
            if line.problems.isEmpty { rows.append(ImportedRow(line: line.number, row: row)) }
        }
        guard problems.isEmpty else { throw ImportProblems(problems) }
        return rows
    }

    /// The rows as a file with the Chinese header. Identity numbers and phones are masked unless
    /// `masked` is false; an unmasked export reads back (`parse`) to the same rows.
    public static func export(_ rows: [PersonCSVRow], masked: Bool = true) -> String {
        var lines = [header]
        lines.reserveCapacity(rows.count + 1)
        for row in rows {
            let phone = row.phone?.value ?? ""
            let cells: [String] = [
                row.name,
                row.idType.label.zhHans,
                masked ? Masking.maskIDNumber(row.idNumber) : row.idNumber,
                masked ? Masking.maskPhone(phone) : phone,
                row.residenceKind.label.zhHans,
                row.addressCode,
                row.building,
                row.room,
                row.movedInOn?.description ?? "",
                row.movedOutOn?.description ?? "",
                row.relationToHead?.label.zhHans ?? "",
                CareGroup.allCases.filter(row.careGroups.contains).map(\.label.zhHans).joined(separator: "、"),
                row.tags.joined(separator: "、"),
                row.sex?.label.zhHans ?? "",
                row.birthDate?.description ?? "",
            ]
            lines.append(cells.map(CSVText.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Converts the cells of one line, recording a problem for each cell that cannot be read.
    /// Nil when the document type or the residence kind is unreadable (the record cannot be checked).
    static func parseRow(_ line: inout BasicDataCSVReader<PersonColumn>.Line, today: CalendarDay) -> PersonCSVRow? {
        let name = line.cell(.name)
        line.fail(.name, FieldCheck.required(name, field: "name", zh: "姓名", en: "name"))
        let idType: PersonIDType? = BasicDataCells.choice(.idType, in: &line, required: true, zh: "证件类型", en: "document type")
        let idNumber = Person.normalizedIDNumber(line.cell(.idNumber))
        if idNumber.isEmpty { line.fail(.idNumber, zh: "证件号码不能为空", en: "the document number must not be empty") }
        var phone: MobileNumber?
        if !line.cell(.phone).isEmpty {
            do { phone = try FastIdentity.mobile(line.cell(.phone), field: "phone") } catch { line.fail(.phone, error.reason) }
        }
        let residence: ResidenceKind? = BasicDataCells.choice(.residenceKind, in: &line, required: true, zh: "人员类型", en: "residence")
        let addressCode = line.cell(.addressCode)
        if addressCode.isEmpty {
            if line.cell(.building).isEmpty || line.cell(.room).isEmpty {
                line.fail(
                    line.has(.addressCode) ? .addressCode : line.cell(.building).isEmpty ? .building : .room,
                    zh: "应填写地址编码，或同时填写楼栋和房间", en: "give the address code, or both the building and the room")
            }
        } else if StandardAddress.communityCode(ofAddressCode: addressCode) == nil {
            line.fail(.addressCode, zh: "地址编码“\(addressCode)”无效，应以社区编码和“|”开头",
                      en: "address code “\(addressCode)” must start with a community code and “|”")
        }
        let movedIn = BasicDataCells.day(.movedInOn, in: &line)
        let movedOut = BasicDataCells.day(.movedOutOn, in: &line)
        let relation: HouseholdRelation? = BasicDataCells.choice(.relationToHead, in: &line, required: false, zh: "与户主关系", en: "relation")
        let groups: [CareGroup] = BasicDataCells.choices(.careGroups, in: &line, zh: "关注群体", en: "care group")
        let tags = BasicDataCSVFormat.list(line.cell(.tags))
        let sex: ResidentID.Sex? = BasicDataCells.choice(.sex, in: &line, required: false, zh: "性别", en: "sex")
        let birth = BasicDataCells.day(.birthDate, in: &line)
        if let idType, idType == .residentID, sex != nil || birth != nil,
           let id = try? ResidentID(idNumber, today: today) {
            if let sex, sex != id.sex {
                line.fail(.sex, zh: "性别与身份证号码不符（号码为\(id.sex.label.zhHans)）",
                          en: "the sex does not match the identity number (\(id.sex.label.en))")
            }
            if let birth, birth != id.birthDate {
                line.fail(.birthDate, zh: "出生日期与身份证号码不符（号码为 \(id.birthDate)）",
                          en: "the birth date does not match the identity number (\(id.birthDate))")
            }
        }
        // A row is built even when some cells failed, so the record checks still run on the
        // others; the caller keeps it only when the line has no problem.
        guard let idType, let residence else { return nil }
        return PersonCSVRow(
            name: name, idType: idType, idNumber: idNumber, phone: phone, residenceKind: residence,
            addressCode: addressCode, building: line.cell(.building), room: line.cell(.room), movedInOn: movedIn,
            movedOutOn: movedOut, relationToHead: relation, careGroups: Set(groups), tags: tags, sex: sex, birthDate: birth)
    }
}
