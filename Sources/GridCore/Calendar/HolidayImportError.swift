/// Why a line of a holiday CSV import (节假日导入) was refused, with its 1-based line number.
///
/// `reason` starts with the line ("第 3 行：…" / "line 3: …") so that an API answer or a CLI
/// message is complete on its own; `detail` is the same text without the line.
public struct HolidayImportError: UserFacingError, Hashable {
    public enum Problem: Sendable, Hashable {
        /// The file has no entries (only blank lines or a header).
        case noEntries
        /// A line does not have exactly the three columns date, kind, festival.
        case columnCount(found: Int)
        /// A quoted field is not closed on its line.
        case unterminatedQuote
        /// The date column is not a real `yyyy-MM-dd` date.
        case invalidDate(String)
        /// The kind column is neither `holiday` nor `workday`.
        case unknownKind(String)
        /// A make-up workday falls on Monday–Friday, where it would change nothing.
        case makeUpWorkdayOnWeekday(CalendarDay)
        /// The same date appears on an earlier line.
        case duplicateDay(CalendarDay, firstLine: Int)
    }

    /// 1-based line number in the file, counting the header and blank lines.
    public let line: Int
    public let problem: Problem

    public init(line: Int, problem: Problem) {
        self.line = line
        self.problem = problem
    }

    /// The CSV column at fault (`date`, `kind`), or nil when the whole line or file is.
    public var field: String? {
        switch problem {
        case .invalidDate, .makeUpWorkdayOnWeekday, .duplicateDay: "date"
        case .unknownKind: "kind"
        case .noEntries, .columnCount, .unterminatedQuote: nil
        }
    }

    public var reason: LocalizedText {
        LocalizedText(zh: "第 \(line) 行：\(detail.zhHans)", en: "line \(line): \(detail.en)")
    }

    /// What is wrong, without the line number.
    public var detail: LocalizedText {
        switch problem {
        case .noEntries:
            LocalizedText(zh: "文件中没有任何节假日记录", en: "the file contains no holiday entries")
        case .columnCount(let found):
            LocalizedText(
                zh: "应有 3 列（date,kind,festival），实际 \(found) 列",
                en: "expected 3 columns (date,kind,festival), found \(found)")
        case .unterminatedQuote:
            LocalizedText(zh: "引号未闭合", en: "a quoted field is not closed")
        case .invalidDate(let text):
            LocalizedText(
                zh: "日期“\(text)”无效，应为存在的日期，格式 yyyy-MM-dd",
                en: "date \"\(text)\" is not a valid yyyy-MM-dd date")
        case .unknownKind(let text):
            LocalizedText(
                zh: "类型“\(text)”无效，应为 holiday（放假）或 workday（调休上班）",
                en: "kind \"\(text)\" must be holiday or workday")
        case .makeUpWorkdayOnWeekday(let day):
            LocalizedText(
                zh: "调休上班日 \(day) 是\(day.weekday.label.zhHans)，应为周六或周日",
                en: "make-up workday \(day) is a \(day.weekday.label.en), not a Saturday or Sunday")
        case .duplicateDay(let day, let firstLine):
            LocalizedText(
                zh: "日期 \(day) 与第 \(firstLine) 行重复",
                en: "date \(day) already appears on line \(firstLine)")
        }
    }
}
