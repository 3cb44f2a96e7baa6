import Foundation

extension HolidayCalendar {
    /// The CSV header, as in `../shared/data/cn-holidays.csv`.
    public static let csvHeader = "date,kind,festival"

    /// Reads an administrator's holiday file (节假日导入) in the shared format:
    /// `date,kind,festival`, one day per line, `kind` being `holiday` or `workday`.
    ///
    /// Tolerated because spreadsheets produce them: a UTF-8 byte-order mark, CRLF line ends, blank
    /// lines, spaces around fields, an optional header line, double-quoted fields, `yyyy/M/d`
    /// dates, and the kinds spelled `放假` / `上班`. Refused, with the 1-based line number: a wrong
    /// column count, a date that does not exist, an unknown kind, a make-up workday on Monday–Friday,
    /// a date listed twice, or a file with no entries.
    public static func parseCSV(_ text: String) throws(HolidayImportError) -> [HolidayEntry] {
        let check = checkCSV(text)
        if let first = check.problems.first { throw first }
        return check.entries
    }

    /// Reads the file like `parseCSV` but does not stop at the first problem: the administrator's
    /// preview (试导入) lists every wrong line.
    public static func checkCSV(_ text: String) -> HolidayCSVCheck {
        var entries: [HolidayEntry] = []
        var problems: [HolidayImportError] = []
        var firstLine: [CalendarDay: Int] = [:]
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        var sawContent = false
        // `isNewline` matches "\n", "\r" and "\r\n" (a single Character in Swift), so each
        // counts as one line end.
        for (offset, line) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = offset + 1
            if line.allSatisfy(\.isWhitespace) { continue }
            func fail(_ problem: HolidayImportError.Problem) {
                problems.append(HolidayImportError(line: lineNumber, problem: problem))
            }
            guard let fields = CSVText.fields(of: line) else {
                fail(.unterminatedQuote)
                continue
            }
            if !sawContent {
                sawContent = true
                if fields.map({ $0.lowercased() }) == ["date", "kind", "festival"] { continue }
            }
            guard fields.count == 3 else {
                fail(.columnCount(found: fields.count))
                continue
            }
            guard let day = parseDay(fields[0]) else {
                fail(.invalidDate(fields[0]))
                continue
            }
            guard let kind = parseKind(fields[1]) else {
                fail(.unknownKind(fields[1]))
                continue
            }
            if kind == .workday, !day.weekday.isWeekend {
                fail(.makeUpWorkdayOnWeekday(day))
                continue
            }
            if let earlier = firstLine[day] {
                fail(.duplicateDay(day, firstLine: earlier))
                continue
            }
            firstLine[day] = lineNumber
            entries.append(HolidayEntry(day: day, kind: kind, festival: fields[2]))
        }
        if entries.isEmpty, problems.isEmpty {
            problems.append(HolidayImportError(line: 1, problem: .noEntries))
        }
        return HolidayCSVCheck(entries: problems.isEmpty ? entries : [], problems: problems)
    }

    /// A calendar from an administrator's CSV file; see `parseCSV(_:)`.
    public init(csv text: String) throws(HolidayImportError) {
        self.init(entries: try HolidayCalendar.parseCSV(text))
    }

    /// The calendar in the import format, header first, sorted by date: `parseCSV` reads it back.
    public var csvText: String {
        var lines = [HolidayCalendar.csvHeader]
        for entry in entries {
            lines.append("\(entry.day),\(entry.kind.rawValue),\(CSVText.quoted(entry.festival))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func parseKind(_ text: String) -> HolidayEntry.Kind? {
        switch text.lowercased() {
        case "holiday", "放假", "休": .holiday
        case "workday", "上班", "班": .workday
        default: nil
        }
    }

    /// `yyyy-MM-dd`, or the `yyyy/M/d` and `yyyy-M-d` forms spreadsheets write.
    private static func parseDay(_ text: String) -> CalendarDay? {
        let parts = text.split(separator: text.contains("/") ? "/" : "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count),
              (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }
}

/// What checking a holiday file found (`HolidayCalendar.checkCSV`): the days it lists when there
/// is no problem, otherwise every problem in line order.
public struct HolidayCSVCheck: Sendable {
    /// The file's days; empty when any problem was found.
    public let entries: [HolidayEntry]
    /// Every problem, in line order.
    public let problems: [HolidayImportError]
}
