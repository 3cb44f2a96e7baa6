/// Why an admission-list file (准入清单导入) was refused: the 1-based line, the column (by its
/// Chinese header) and the problem. The whole file is refused on the first problem, so that a
/// catalogue is never half imported.
///
/// `reason` starts with the position ("第 3 行“默认等级”列：…" / "line 3, column 默认等级: …") so that
/// an API answer or a CLI message is complete on its own; `detail` is the problem alone.
public struct CatalogImportError: UserFacingError, Hashable {
    public enum Problem: Sendable, Hashable {
        /// The file has no item lines.
        case noEntries
        /// The first non-blank line is not the expected Chinese header.
        case missingHeader
        /// A line does not have the 14 columns of the header.
        case columnCount(found: Int)
        /// A quoted field is not closed on its line.
        case unterminatedQuote
        /// A required cell is empty.
        case empty
        /// A code is not 1–20 letters and digits.
        case invalidCode(String)
        /// A name longer than 50 characters.
        case nameTooLong
        /// Not 服务类 / 管理类 / 执法类.
        case unknownClass(String)
        /// Not one of the 23 risk kinds.
        case unknownRiskKind(String)
        /// A level outside 1–4.
        case invalidLevel(String)
        /// A deadline that is not 0–250 working days.
        case invalidDays(String)
        /// A yes/no cell that is neither.
        case invalidFlag(String)
        /// A department code with characters a unit code may not have.
        case invalidDepartment(String)
        /// The same code on an earlier line.
        case duplicateCode(String, firstLine: Int)
        /// The parent code names no item of the file.
        case unknownParent(String)
        /// The parent code is not a strict prefix of the code (codes are hierarchical by prefix).
        case parentNotPrefix(code: String, parent: String)
        /// An attribute specification is malformed (only for catalogues built in code or JSON).
        case invalidAttribute(LocalizedText)
    }

    /// 1-based line number in the file, counting the header and blank lines.
    public let line: Int
    /// The column at fault, nil when the whole line or file is.
    public let column: CatalogColumn?
    public let problem: Problem

    public init(line: Int, column: CatalogColumn?, problem: Problem) {
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// The Chinese header of the column at fault, as the administrator sees it in the spreadsheet.
    public var field: String? { column?.header }

    public var reason: LocalizedText {
        guard let column else {
            return LocalizedText(zh: "第 \(line) 行：\(detail.zhHans)", en: "line \(line): \(detail.en)")
        }
        return LocalizedText(
            zh: "第 \(line) 行“\(column.header)”列：\(detail.zhHans)",
            en: "line \(line), column \(column.header): \(detail.en)")
    }

    /// What is wrong, without the position.
    public var detail: LocalizedText {
        switch problem {
        case .noEntries:
            LocalizedText(zh: "文件中没有任何事项", en: "the file contains no items")
        case .missingHeader:
            LocalizedText(
                zh: "第一行应为表头：\(EventCatalog.csvHeader)",
                en: "the first line must be the header: \(EventCatalog.csvHeader)")
        case .columnCount(let found):
            LocalizedText(
                zh: "应有 \(CatalogColumn.csvColumns.count) 列，实际 \(found) 列",
                en: "expected \(CatalogColumn.csvColumns.count) columns, found \(found)")
        case .unterminatedQuote:
            LocalizedText(zh: "引号未闭合", en: "a quoted field is not closed")
        case .empty:
            LocalizedText(zh: "不能为空", en: "must not be empty")
        case .invalidCode(let text):
            LocalizedText(
                zh: "编码“\(text)”无效，应为 1–20 位字母或数字",
                en: "code \"\(text)\" must be 1–20 letters or digits")
        case .nameTooLong:
            LocalizedText(zh: "名称不能超过 50 个字", en: "the name must be at most 50 characters")
        case .unknownClass(let text):
            LocalizedText(
                zh: "类别“\(text)”无效，应为服务类、管理类或执法类",
                en: "class \"\(text)\" must be 服务类 (service), 管理类 (management) or 执法类 (enforcement)")
        case .unknownRiskKind(let text):
            LocalizedText(
                zh: "风险类型“\(text)”无效，应为空或以下之一：\(RiskKind.allCases.map(\.label.zhHans).joined(separator: "、"))",
                en: "risk kind \"\(text)\" must be empty or one of the 23 kinds (家庭邻里, family_neighbour …)")
        case .invalidLevel(let text):
            LocalizedText(zh: "等级“\(text)”无效，应为 1 到 4", en: "level \"\(text)\" must be 1 to 4")
        case .invalidDays(let text):
            LocalizedText(
                zh: "时限“\(text)”无效，应为 0 到 \(DeadlineRule.maximumWorkingDays) 的工作日数（0 表示当日）",
                en: "deadline \"\(text)\" must be 0 to \(DeadlineRule.maximumWorkingDays) working days (0 = same day)")
        case .invalidFlag(let text):
            LocalizedText(zh: "“\(text)”无效，应为是或否", en: "\"\(text)\" must be 是 (yes) or 否 (no)")
        case .invalidDepartment(let text):
            LocalizedText(
                zh: "处置部门编码“\(text)”无效，只能包含字母、数字、“-”“_”“.”",
                en: "department code \"\(text)\" may contain only letters, digits, '-', '_' and '.'")
        case .duplicateCode(let code, let firstLine):
            LocalizedText(zh: "编码“\(code)”与第 \(firstLine) 行重复", en: "code \(code) already appears on line \(firstLine)")
        case .unknownParent(let parent):
            LocalizedText(zh: "上级编码“\(parent)”不存在", en: "parent code \(parent) is not in the list")
        case .parentNotPrefix(let code, let parent):
            LocalizedText(
                zh: "编码“\(code)”应以上级编码“\(parent)”开头且更长",
                en: "code \(code) must start with, and be longer than, its parent's code \(parent)")
        case .invalidAttribute(let text):
            text
        }
    }
}
