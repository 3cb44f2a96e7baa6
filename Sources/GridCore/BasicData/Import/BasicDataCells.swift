import Foundation

/// Cell conversions shared by the basic-data files, each recording a problem on failure.
enum BasicDataCells {
    /// An enumeration cell (Chinese label, English label or raw value). Empty is a problem only
    /// when `required`.
    static func choice<Column, Choice: BasicDataEnum>(
        _ column: Column, in line: inout BasicDataCSVReader<Column>.Line, required: Bool, zh: String, en: String
    ) -> Choice? {
        let cell = line.cell(column)
        if cell.isEmpty {
            if required { line.fail(column, zh: "\(zh)不能为空", en: "the \(en) must not be empty") }
            return nil
        }
        guard let value = Choice(cell: cell) else {
            line.fail(column, unknown(cell, zh: zh, en: en, Choice.self))
            return nil
        }
        return value
    }

    /// A multi-value enumeration cell; each unknown value is named.
    static func choices<Column, Choice: BasicDataEnum>(
        _ column: Column, in line: inout BasicDataCSVReader<Column>.Line, zh: String, en: String
    ) -> [Choice] {
        var values: [Choice] = []
        for item in BasicDataCSVFormat.list(line.cell(column)) {
            guard let value = Choice(cell: item) else {
                line.fail(column, unknown(item, zh: zh, en: en, Choice.self))
                continue
            }
            values.append(value)
        }
        return values
    }

    /// An optional day cell.
    static func day<Column>(_ column: Column, in line: inout BasicDataCSVReader<Column>.Line) -> CalendarDay? {
        let cell = line.cell(column)
        guard !cell.isEmpty else { return nil }
        guard let day = BasicDataCSVFormat.day(cell) else {
            line.fail(column, zh: "日期“\(cell)”无效，应为 yyyy-MM-dd（如 2024-03-01）且确有此日",
                      en: "“\(cell)” is not a real date written yyyy-MM-dd (such as 2024-03-01)")
            return nil
        }
        return day
    }

    static func unknown<Choice: BasicDataEnum>(_ cell: String, zh: String, en: String, _: Choice.Type) -> LocalizedText {
        LocalizedText(
            zh: "\(zh)“\(cell)”无效，应为以下之一：\(Choice.chineseChoices)",
            en: "\(en) “\(cell)” is not one of: \(Choice.rawChoices)")
    }
}

/// Stand-ins for what a file row does not have yet (ids, grid), so that a row can be checked as
/// a record before the caller resolves them.
enum ImportPlaceholder {
    static let id = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    static let gridPath = UnitPath(root: UnitCode(trusted: "import"))
    static let communityCode = UnitCode(trusted: "import")
}
