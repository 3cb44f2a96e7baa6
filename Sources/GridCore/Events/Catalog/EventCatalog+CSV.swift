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
        let check = checkCSV(text, attributesFrom: base)
        if let first = check.firstProblem { throw first }
        guard let catalog = check.catalog else { throw CatalogImportError(line: 1, column: nil, problem: .noEntries) }
        return catalog
    }

    /// Reads the file like `parseCSV` but does not stop at the first problem: the administrator's
    /// preview (试导入) lists every problem of every line, each cell of a line checked on its own.
    /// Whole-list problems (repeated codes, missing parents) are checked over the lines that could be
    /// read; a parent whose own line is wrong is not reported again as missing.
    public static func checkCSV(_ text: String, attributesFrom base: EventCatalog? = nil) -> CatalogCSVCheck {
        var types: [EventType] = []
        var lines: [Int] = []
        var rowProblems: [CatalogImportError] = []
        var unreadCodes: Set<String> = []
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        var headerLine: Int?
        let width = CatalogColumn.csvColumns.count
        for (offset, line) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = offset + 1
            if line.allSatisfy(\.isWhitespace) { continue }
            guard var fields = CSVText.fields(of: line) else {
                rowProblems.append(CatalogImportError(line: lineNumber, column: nil, problem: .unterminatedQuote))
                if headerLine == nil { break }
                continue
            }
            while fields.count > width, fields.last?.isEmpty == true { fields.removeLast() }
            if headerLine == nil {
                guard fields == CatalogColumn.csvColumns.map(\.header) else {
                    rowProblems.append(CatalogImportError(line: lineNumber, column: nil, problem: .missingHeader))
                    break
                }
                headerLine = lineNumber
                continue
            }
            guard fields.count == width else {
                rowProblems.append(CatalogImportError(line: lineNumber, column: nil, problem: .columnCount(found: fields.count)))
                if let code = fields.first, !code.isEmpty { unreadCodes.insert(code) }
                continue
            }
            let (read, problems) = parseRow(fields, line: lineNumber)
            guard var type = read else {
                rowProblems += problems
                unreadCodes.insert(fields[0])
                continue
            }
            type.requiredAttributes = base?[type.code]?.requiredAttributes ?? []
            types.append(type)
            lines.append(lineNumber)
        }
        if types.isEmpty, rowProblems.isEmpty {
            rowProblems.append(CatalogImportError(line: headerLine ?? 1, column: nil, problem: .noEntries))
        }
        let listProblems = types.isEmpty ? [] : problems(in: types, line: { lines[$0] }).filter { problem in
            if case .unknownParent(let parent) = problem.problem { return !unreadCodes.contains(parent) }
            return true
        }
        let all = rowProblems + listProblems
        return CatalogCSVCheck(
            catalog: all.isEmpty ? EventCatalog(trusted: types) : nil,
            problems: all.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element),
            firstProblem: all.first)
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

    /// One item line: the item, or every problem of its cells in column order.
    private static func parseRow(_ fields: [String], line: Int) -> (EventType?, [CatalogImportError]) {
        var problems: [CatalogImportError] = []
        func cell(_ column: CatalogColumn) -> String {
            CatalogColumn.csvColumns.firstIndex(of: column).map { fields[$0] } ?? ""
        }
        func fail(_ column: CatalogColumn, _ problem: CatalogImportError.Problem) {
            problems.append(CatalogImportError(line: line, column: column, problem: problem))
        }
        let code = cell(.code)
        if code.isEmpty { fail(.code, .empty) } else if !isValidCode(code) { fail(.code, .invalidCode(code)) }
        let name = cell(.name)
        if name.isEmpty { fail(.name, .empty) } else if name.count > maximumNameLength { fail(.name, .nameTooLong) }
        let parent = cell(.parentCode)
        if !parent.isEmpty, !isValidCode(parent) { fail(.parentCode, .invalidCode(parent)) }
        let eventClass = EventClass(label: cell(.eventClass))
        if cell(.eventClass).isEmpty {
            fail(.eventClass, .empty)
        } else if eventClass == nil {
            fail(.eventClass, .unknownClass(cell(.eventClass)))
        }
        var riskKind: RiskKind?
        if !cell(.riskKind).isEmpty {
            riskKind = RiskKind(label: cell(.riskKind))
            if riskKind == nil { fail(.riskKind, .unknownRiskKind(cell(.riskKind))) }
        }
        let level = Int(cell(.defaultLevel)).flatMap { EventType.levels.contains($0) ? $0 : nil }
        if level == nil {
            fail(.defaultLevel, cell(.defaultLevel).isEmpty ? .empty : .invalidLevel(cell(.defaultLevel)))
        }
        var days: [Int: Int] = [:]
        for level in EventType.levels {
            guard let column = CatalogColumn.deadline(forLevel: level) else { continue }
            let text = cell(column)
            if text.isEmpty {
                fail(column, .empty)
            } else if let value = Int(text), (try? DeadlineRule(workingDays: value)) != nil {
                days[level] = value
            } else {
                fail(column, .invalidDays(text))
            }
        }
        let department = cell(.department)
        if !department.isEmpty, (try? UnitCode(department)) == nil {
            fail(.department, .invalidDepartment(department))
        }
        var flags: [Bool] = []
        for column in [CatalogColumn.isPolice, .isComponent, .isPublic] {
            if let flag = CatalogCSV.flag(cell(column)) { flags.append(flag) } else { fail(column, .invalidFlag(cell(column))) }
        }
        guard problems.isEmpty, let eventClass, let level, flags.count == 3 else { return (nil, problems) }
        let type = EventType(
            code: code, name: name, parentCode: parent.isEmpty ? nil : parent, eventClass: eventClass,
            riskKind: riskKind, defaultLevel: level, deadlineDays: days,
            department: department.isEmpty ? nil : department,
            isPolice: flags[0], isComponent: flags[1], isPublic: flags[2])
        return (type, [])
    }
}

/// What checking an admission-list file found (`EventCatalog.checkCSV`): the list it would
/// become when there is no problem, otherwise every problem in line order.
public struct CatalogCSVCheck: Sendable {
    /// The checked list; nil when any problem was found.
    public let catalog: EventCatalog?
    /// Every problem, by line (and within a line, by column).
    public let problems: [CatalogImportError]
    /// The problem `parseCSV` reports: the first line's that could not be read, else the first
    /// whole-list problem.
    let firstProblem: CatalogImportError?
}
