import Foundation

/// Import and export of organisations files (实有单位导入导出), Chinese headers first (`OrganizationColumn`).
public enum OrganizationCSV {
    /// The Chinese header line written by `export`.
    public static var header: String { OrganizationColumn.chineseHeaderLine }

    /// Reads a whole file, reporting every problem (`ImportProblems`) or returning every row.
    /// 统一社会信用代码 is checked (GB 32100 check character included) when given; 单位类型 takes
    /// the Chinese label or raw value; 从业人数 a whole number. Each row is checked as a record
    /// (`Organization.validate(today:)`), and a credit code may appear only once.
    public static func parse(_ text: String, today: CalendarDay) throws(ImportProblems) -> [ImportedRow<OrganizationCSVRow>] {
        var problems: [ImportProblem] = []
        var rows: [ImportedRow<OrganizationCSVRow>] = []
        var firstLineOfCode: [String: Int] = [:]
        BasicDataCSVReader<OrganizationColumn>.read(text, problems: &problems) { line in
            guard let row = parseRow(&line) else { return }
            // The address is a code here; its components are checked where it was registered.
            let placeholder = StandardAddress(communityCode: ImportPlaceholder.communityCode, road: "-", number: "-")
            let organization = row.makeOrganization(
                id: ImportPlaceholder.id, address: placeholder, gridPath: ImportPlaceholder.gridPath, updatedOn: today)
            line.add(organization.validate(today: today))
            if let code = row.creditCode?.value {
                if let first = firstLineOfCode[code] {
                    line.fail(.creditCode, zh: "统一社会信用代码与第 \(first) 行重复", en: "the credit code repeats line \(first)")
                } else {
                    firstLineOfCode[code] = line.number
                }
            }
            if line.problems.isEmpty { rows.append(ImportedRow(line: line.number, row: row)) }
        }
        guard problems.isEmpty else { throw ImportProblems(problems) }
        return rows
    }

    /// The rows as a file with the Chinese header; phones masked unless `masked` is false. An
    /// unmasked export reads back (`parse`) to the same rows.
    public static func export(_ rows: [OrganizationCSVRow], masked: Bool = true) -> String {
        var lines = [header]
        lines.reserveCapacity(rows.count + 1)
        for row in rows {
            let cells: [String] = [
                row.name, row.creditCode?.value ?? "", row.kind.label.zhHans, row.addressCode, row.legalPerson,
                masked ? Masking.maskPhone(row.phone) : row.phone, row.employeeCount.map(String.init) ?? "",
            ]
            lines.append(cells.map(CSVText.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func parseRow(_ line: inout BasicDataCSVReader<OrganizationColumn>.Line) -> OrganizationCSVRow? {
        let name = line.cell(.name)
        line.fail(.name, FieldCheck.required(name, field: "name", zh: "单位名称", en: "organisation name"))
        var creditCode: SocialCreditCode?
        if !line.cell(.creditCode).isEmpty {
            do { creditCode = try SocialCreditCode(line.cell(.creditCode), field: "creditCode") } catch {
                line.fail(.creditCode, error.reason)
            }
        }
        let kind: OrganizationKind? = BasicDataCells.choice(.kind, in: &line, required: true, zh: "单位类型", en: "kind")
        let addressCode = line.cell(.addressCode)
        if addressCode.isEmpty {
            line.fail(.addressCode, zh: "地址编码不能为空", en: "the address code must not be empty")
        } else if StandardAddress.communityCode(ofAddressCode: addressCode) == nil {
            line.fail(.addressCode, zh: "地址编码“\(addressCode)”无效，应以社区编码和“|”开头",
                      en: "address code “\(addressCode)” must start with a community code and “|”")
        }
        var employees: Int?
        let employeeCell = line.cell(.employeeCount)
        if !employeeCell.isEmpty {
            if let value = BasicDataCSVFormat.integer(employeeCell) {
                employees = value
            } else {
                line.fail(.employeeCount, zh: "从业人数“\(employeeCell)”应为整数", en: "employees “\(employeeCell)” must be a whole number")
            }
        }
        // Built even when some cells failed, so the record checks run on the others.
        guard let kind else { return nil }
        return OrganizationCSVRow(
            name: name, creditCode: creditCode, kind: kind, addressCode: addressCode,
            legalPerson: line.cell(.legalPerson), phone: line.cell(.phone), employeeCount: employees)
    }
}
