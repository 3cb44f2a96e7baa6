/// One problem found in an import file (导入问题): where (1-based line, the header as written)
/// and why. Import reports every problem of a file at once, so a clerk fixes the spreadsheet in
/// one pass.
public struct ImportProblem: Sendable, Hashable, Codable {
    /// 1-based line number in the file; the header is line 1 (blank lines are counted).
    public let row: Int
    /// The column's header as written in the file (`证件号码` or `id_number`); for a required
    /// column missing from the header, its Chinese header; empty when the whole line is at fault.
    public let column: String
    /// What is wrong, without the position.
    public let reason: LocalizedText

    public init(row: Int, column: String, reason: LocalizedText) {
        self.row = row
        self.column = column
        self.reason = reason
    }

    /// The reason with its position: `第 3 行“证件号码”列：…` / `line 3, column 证件号码: …`.
    public var message: LocalizedText {
        guard !column.isEmpty else {
            return LocalizedText(zh: "第 \(row) 行：\(reason.zhHans)", en: "line \(row): \(reason.en)")
        }
        return LocalizedText(
            zh: "第 \(row) 行“\(column)”列：\(reason.zhHans)", en: "line \(row), column \(column): \(reason.en)")
    }
}

/// Every problem of an import file; nothing of the file is imported while there are any. The
/// server answers 422 with the list; the CLI prints one line each.
public struct ImportProblems: UserFacingError, Hashable {
    public let problems: [ImportProblem]

    public init(_ problems: [ImportProblem]) {
        self.problems = problems
    }

    /// The column of the first problem.
    public var field: String? { problems.first.flatMap { $0.column.isEmpty ? nil : $0.column } }

    /// The first 20 problems with their positions, and how many more there are.
    public var reason: LocalizedText {
        let shown = problems.prefix(20).map(\.message)
        let more = problems.count - shown.count
        return LocalizedText(
            zh: shown.map(\.zhHans).joined(separator: "；") + (more > 0 ? "；另有 \(more) 处问题" : ""),
            en: shown.map(\.en).joined(separator: "; ") + (more > 0 ? "; and \(more) more problems" : ""))
    }
}

/// A row read from an import file with its line number, for messages about it later (a
/// conflict found while storing it, say).
public struct ImportedRow<Row: Sendable & Hashable>: Sendable, Hashable {
    /// 1-based line number in the file.
    public let line: Int
    public let row: Row

    public init(line: Int, row: Row) {
        self.line = line
        self.row = row
    }
}

extension ImportedRow: Codable where Row: Codable {}
