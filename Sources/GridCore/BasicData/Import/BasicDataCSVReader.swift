/// Reads a basic-data file (CSV, `CSVText` dialect) into cells by column, collecting every
/// problem: the header first (unknown, repeated or missing columns), then each line.
///
/// Tolerated because spreadsheets produce them: a UTF-8 byte-order mark, CRLF, blank lines,
/// spaces around cells, quoted cells, missing empty cells at the end of a line. The first
/// non-blank line is the header.
struct BasicDataCSVReader<Column: BasicDataColumn> {
    /// The cells of one data line, by column.
    struct Line {
        let number: Int
        let fields: [String]
        let positions: [Column: Int]
        let written: [Column: String]
        private(set) var problems: [ImportProblem] = []
        /// Columns whose cell could not be read: the record checks say nothing more about them.
        private(set) var unreadable: Set<Column> = []

        init(number: Int, fields: [String], positions: [Column: Int], written: [Column: String]) {
            self.number = number
            self.fields = fields
            self.positions = positions
            self.written = written
        }

        /// Whether the file has the column.
        func has(_ column: Column) -> Bool { positions[column] != nil }

        /// The trimmed cell, empty when the column is absent or the line short.
        func cell(_ column: Column) -> String {
            guard let position = positions[column], position < fields.count else { return "" }
            return fields[position]
        }

        /// The header as written, or the Chinese header when the file lacks the column.
        func header(_ column: Column) -> String { written[column] ?? column.header }

        /// Records that the cell of `column` cannot be read, or breaks a rule of the file.
        mutating func fail(_ column: Column, _ reason: LocalizedText) {
            problems.append(ImportProblem(row: number, column: header(column), reason: reason))
            unreadable.insert(column)
        }

        mutating func fail(_ column: Column, zh: String, en: String) {
            fail(column, LocalizedText(zh: zh, en: en))
        }

        /// Adds a record's validation failures, each on the column of its field (fields without a
        /// column go to `fallback`, or to the whole line). A cell that could not be read already
        /// has its message, and the record check saw no value there: its failures are left out.
        mutating func add(_ failures: [ValidationFailure], fallback: Column? = nil) {
            let skipped = unreadable
            for failure in failures {
                let column = failure.field.flatMap(Column.column(forKey:)) ?? fallback
                if let column, skipped.contains(column) { continue }
                let problem = ImportProblem(row: number, column: column.map(header) ?? "", reason: failure.reason)
                if !problems.contains(problem) { problems.append(problem) }
            }
        }

        /// Records `failure` (from `FieldCheck`, worded as the record check words it) on `column`.
        mutating func fail(_ column: Column, _ failure: ValidationFailure?) {
            if let failure { fail(column, failure.reason) }
        }
    }

    /// Reads `text`, calling `body` for each data line; problems of the header and of the lines
    /// are appended to `problems`. Lines are not read when a required column is missing.
    /// `checkHeader` adds header requirements beyond `isRequired` (one of two columns, say).
    static func read(
        _ text: String, problems: inout [ImportProblem],
        checkHeader: (Set<Column>) -> [(column: Column, reason: LocalizedText)] = { _ in [] },
        body: (inout Line) -> Void
    ) {
        var content = Substring(text)
        if content.first == "\u{FEFF}" { content = content.dropFirst() }
        var positions: [Column: Int]?
        var written: [Column: String] = [:]
        var width = 0
        var lineNumber = 0
        for line in BasicDataText.lines(content) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let fields = BasicDataText.fields(of: line) else {
                problems.append(ImportProblem(
                    row: lineNumber, column: "", reason: LocalizedText(zh: "引号未闭合", en: "a quoted field is not closed")))
                if positions == nil { return }
                continue
            }
            guard let known = positions else {
                let header = readHeader(fields, line: lineNumber, problems: &problems, checkHeader: checkHeader)
                guard let header else { return }
                positions = header.positions
                written = header.written
                width = fields.count
                continue
            }
            var trimmedFields = fields
            while trimmedFields.count > width, trimmedFields.last?.isEmpty == true { trimmedFields.removeLast() }
            if trimmedFields.count > width {
                problems.append(ImportProblem(
                    row: lineNumber, column: "",
                    reason: LocalizedText(
                        zh: "有 \(trimmedFields.count) 列，多于表头的 \(width) 列",
                        en: "\(trimmedFields.count) cells, more than the header's \(width) columns")))
                continue
            }
            var cells = Line(number: lineNumber, fields: trimmedFields, positions: known, written: written)
            body(&cells)
            problems += cells.problems
        }
        if positions == nil {
            problems.append(ImportProblem(
                row: max(lineNumber, 1), column: "",
                reason: LocalizedText(
                    zh: "文件为空，第一行应为表头：\(Column.chineseHeaderLine)",
                    en: "the file is empty; the first line must be the header: \(Column.chineseHeaderLine)")))
        }
    }

    /// The columns of the header, or nil when lines cannot be read (a required column is missing).
    private static func readHeader(
        _ fields: [String], line: Int, problems: inout [ImportProblem],
        checkHeader: (Set<Column>) -> [(column: Column, reason: LocalizedText)]
    ) -> (positions: [Column: Int], written: [Column: String])? {
        var positions: [Column: Int] = [:]
        var written: [Column: String] = [:]
        for (index, cell) in fields.enumerated() {
            if cell.isEmpty {
                // Trailing empty header cells are what spreadsheets leave; others are a mistake.
                if fields[index...].allSatisfy(\.isEmpty) { break }
                problems.append(ImportProblem(
                    row: line, column: "",
                    reason: LocalizedText(zh: "第 \(index + 1) 列没有表头", en: "column \(index + 1) has no header")))
                continue
            }
            guard let column = Column(header: cell) else {
                problems.append(ImportProblem(
                    row: line, column: cell,
                    reason: LocalizedText(
                        zh: "未知的列“\(cell)”，可用的列：\(Column.chineseHeaderLine)",
                        en: "unknown column “\(cell)”; the columns are: \(Column.englishHeaderLine) (or in Chinese: \(Column.chineseHeaderLine))")))
                continue
            }
            if let first = positions[column] {
                problems.append(ImportProblem(
                    row: line, column: cell,
                    reason: LocalizedText(
                        zh: "列“\(cell)”与第 \(first + 1) 列重复", en: "column “\(cell)” repeats column \(first + 1)")))
                continue
            }
            positions[column] = index
            written[column] = cell
        }
        var complete = true
        for column in Column.allCases where column.isRequired && positions[column] == nil {
            complete = false
            problems.append(ImportProblem(
                row: line, column: column.header,
                reason: LocalizedText(
                    zh: "缺少必需的列“\(column.header)”（或 \(column.englishHeader)）",
                    en: "the required column \(column.englishHeader) (\(column.header)) is missing")))
        }
        let extra = checkHeader(Set(positions.keys))
        problems += extra.map { ImportProblem(row: line, column: written[$0.column] ?? $0.column.header, reason: $0.reason) }
        guard complete, extra.isEmpty else { return nil }
        return (positions, written)
    }
}
