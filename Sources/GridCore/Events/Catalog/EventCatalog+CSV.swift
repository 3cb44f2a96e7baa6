import Foundation

extension EventCatalog {
    /// The header line of the admission-list file, in Chinese as administrators keep it.
    public static let csvHeader = CatalogColumn.csvColumns.map(\.header).joined(separator: ",")

    /// Reads an administrator's admission-list file (准入清单导入): the Chinese header
    /// `编码,名称,上级编码,类别,风险类型,默认等级,一级时限,二级时限,三级时限,四级时限,处置部门,警情,部件,公开`,
    /// then one item a line.
    ///
    /// Cells: 类别 `服务类`/`管理类`/`执法类` (or `service`…); 风险类型 empty or one of the 23 kinds
    /// (`家庭邻里` or `family_neighbour`); levels 1–4; 时限 in working days, 0 = same day; 警情, 部件,
    /// 公开 `是`/`否` (also y/n, true/false, 1/0; empty = 否). The file does not carry attributes: an
    /// item keeps those of the same code in `base`, if given, and has none otherwise.
    ///
    /// Tolerated because spreadsheets produce them: a UTF-8 byte-order mark, CRLF, blank lines,
    /// spaces around cells, quoted cells, empty cells after the last column. Refused on the first
    /// problem, with its 1-based line and column; nothing is half imported.
    public static func parseCSV(_ text: String, attributesFrom base: EventCatalog? = nil) throws(CatalogImportError) -> EventCatalog {
        var types: [EventType] = []
        var lines: [Int] = []
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        var headerLine: Int?
        let width = CatalogColumn.csvColumns.count
        for (offset, line) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = offset + 1
            if line.allSatisfy(\.isWhitespace) { continue }
            guard var fields = CSVText.fields(of: line) else {
                throw CatalogImportError(line: lineNumber, column: nil, problem: .unterminatedQuote)
            }
            while fields.count > width, fields.last?.isEmpty == true { fields.removeLast() }
            if headerLine == nil {
                guard fields == CatalogColumn.csvColumns.map(\.header) else {
                    throw CatalogImportError(line: lineNumber, column: nil, problem: .missingHeader)
                }
                headerLine = lineNumber
                continue
            }
            guard fields.count == width else {
                throw CatalogImportError(line: lineNumber, column: nil, problem: .columnCount(found: fields.count))
            }
            var type = try parseRow(fields, line: lineNumber)
            type.requiredAttributes = base?[type.code]?.requiredAttributes ?? []
            types.append(type)
            lines.append(lineNumber)
        }
        guard !types.isEmpty else {
            throw CatalogImportError(line: headerLine ?? 1, column: nil, problem: .noEntries)
        }
        if let first = problems(in: types, line: { lines[$0] }).first { throw first }
        return EventCatalog(trusted: types)
    }

    /// The list in the import format, header first, in list order: `parseCSV` reads it back
    /// (attributes aside, which the format does not carry).
    public var csvText: String {
        var rows = [EventCatalog.csvHeader]
        for type in types {
            var cells = [
                type.code, type.name, type.parentCode ?? "", type.eventClass.label.zhHans,
                type.riskKind?.label.zhHans ?? "", String(type.defaultLevel),
            ]
            cells += EventType.levels.map { type.deadlineDays[$0].map(String.init) ?? "" }
            cells += [type.department ?? "", yes(type.isPolice), yes(type.isComponent), yes(type.isPublic)]
            rows.append(cells.map(CSVText.quoted).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    private func yes(_ flag: Bool) -> String { flag ? "是" : "否" }

    private static func parseRow(_ fields: [String], line: Int) throws(CatalogImportError) -> EventType {
        func cell(_ column: CatalogColumn) -> String {
            CatalogColumn.csvColumns.firstIndex(of: column).map { fields[$0] } ?? ""
        }
        func fail(_ column: CatalogColumn, _ problem: CatalogImportError.Problem) -> CatalogImportError {
            CatalogImportError(line: line, column: column, problem: problem)
        }
        let code = cell(.code)
        guard !code.isEmpty else { throw fail(.code, .empty) }
        guard isValidCode(code) else { throw fail(.code, .invalidCode(code)) }
        let name = cell(.name)
        guard !name.isEmpty else { throw fail(.name, .empty) }
        guard name.count <= maximumNameLength else { throw fail(.name, .nameTooLong) }
        let parent = cell(.parentCode)
        if !parent.isEmpty, !isValidCode(parent) { throw fail(.parentCode, .invalidCode(parent)) }
        guard !cell(.eventClass).isEmpty else { throw fail(.eventClass, .empty) }
        guard let eventClass = EventClass(label: cell(.eventClass)) else {
            throw fail(.eventClass, .unknownClass(cell(.eventClass)))
        }
        var riskKind: RiskKind?
        if !cell(.riskKind).isEmpty {
            guard let kind = RiskKind(label: cell(.riskKind)) else {
                throw fail(.riskKind, .unknownRiskKind(cell(.riskKind)))
            }
            riskKind = kind
        }
        guard let level = Int(cell(.defaultLevel)), EventType.levels.contains(level) else {
            throw fail(.defaultLevel, cell(.defaultLevel).isEmpty ? .empty : .invalidLevel(cell(.defaultLevel)))
        }
        var days: [Int: Int] = [:]
        for level in EventType.levels {
            guard let column = CatalogColumn.deadline(forLevel: level) else { continue }
            let text = cell(column)
            guard !text.isEmpty else { throw fail(column, .empty) }
            guard let value = Int(text), (try? DeadlineRule(workingDays: value)) != nil else {
                throw fail(column, .invalidDays(text))
            }
            days[level] = value
        }
        let department = cell(.department)
        if !department.isEmpty, (try? UnitCode(department)) == nil {
            throw fail(.department, .invalidDepartment(department))
        }
        var flags: [Bool] = []
        for column in [CatalogColumn.isPolice, .isComponent, .isPublic] {
            guard let flag = CatalogCSV.flag(cell(column)) else { throw fail(column, .invalidFlag(cell(column))) }
            flags.append(flag)
        }
        return EventType(
            code: code, name: name, parentCode: parent.isEmpty ? nil : parent, eventClass: eventClass,
            riskKind: riskKind, defaultLevel: level, deadlineDays: days,
            department: department.isEmpty ? nil : department,
            isPolice: flags[0], isComponent: flags[1], isPublic: flags[2])
    }
}
