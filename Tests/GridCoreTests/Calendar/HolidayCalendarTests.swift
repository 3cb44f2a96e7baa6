import Foundation
import Testing
@testable import GridCore

@Suite("HolidayCalendar: the official table, administrator imports and merging")
struct HolidayCalendarTests {
    /// A made-up 2027 arrangement in the import format (the real one is not yet published):
    /// 2027-01-01 is a Friday, 2027-09-26 a Sunday, 2027-10-09 a Saturday.
    static let hypothetical2027 = """
        date,kind,festival
        2027-01-01,holiday,New Year's Day
        2027-09-26,workday,National Day
        2027-10-01,holiday,National Day
        2027-10-09,workday,National Day
        """

    @Test("the compiled table holds every CSV row, 2004–2026")
    func officialTable() {
        let official = HolidayCalendar.official
        // cn-holidays.csv: 771 data rows, 621 holiday and 150 workday.
        #expect(official.entries.count == 771)
        #expect(official.entries.filter { $0.kind == .holiday }.count == 621)
        #expect(official.entries.filter { $0.kind == .workday }.count == 150)
        #expect(official.coverage == Set(2004...2026))
        #expect(official.lastCoveredYear == 2026)
        #expect(!official.isCovered(year: 2027))
        #expect(official.entries.first?.day == CalendarFixture.day("2004-01-01"))
        #expect(official.entries.last?.day == CalendarFixture.day("2026-10-10"))
        #expect(HolidayCalendar.officialSource.contains("chinesecalendar 1.11.0"))
    }

    @Test("2026 Spring Festival as the CSV lists it", arguments: [
        // CSV lines: 2026-02-14,workday / 2026-02-15 … 2026-02-23,holiday / 2026-02-28,workday.
        ("2026-02-14", HolidayEntry.Kind.workday), ("2026-02-15", .holiday), ("2026-02-19", .holiday),
        ("2026-02-23", .holiday), ("2026-02-28", .workday),
    ])
    func springFestival2026(text: String, kind: HolidayEntry.Kind) throws {
        let entry = try #require(HolidayCalendar.official.entry(on: CalendarFixture.day(text)))
        #expect(entry.kind == kind)
        #expect(entry.festival == "Spring Festival")
        #expect(entry.festivalName == LocalizedText(zh: "春节", en: "Spring Festival"))
    }

    @Test func daysTheCSVDoesNotListHaveNoEntry() {
        // 2026-02-24 (Tue) and 2026-02-13 (Fri) are ordinary days around the 2026 holiday.
        #expect(HolidayCalendar.official.entry(on: CalendarFixture.day("2026-02-24")) == nil)
        #expect(HolidayCalendar.official.entry(on: CalendarFixture.day("2026-02-13")) == nil)
    }

    @Test("an administrator adds 2027 by merging")
    func mergingANewYear() throws {
        let added = try HolidayCalendar(csv: Self.hypothetical2027)
        let merged = HolidayCalendar.official.merging(added)
        #expect(merged.coverage == Set(2004...2027))
        #expect(merged.entries.count == 775)
        #expect(merged.entry(on: CalendarFixture.day("2027-10-09"))?.kind == .workday)
        #expect(merged.entry(on: CalendarFixture.day("2026-02-14"))?.kind == .workday)
        let calendar = WorkingCalendar(holidays: merged)
        #expect(calendar.kind(of: CalendarFixture.day("2027-01-01")) == .holiday)
        #expect(calendar.kind(of: CalendarFixture.day("2027-09-26")) == .makeUpWorkday)
    }

    @Test("merging lets the later calendar win on the same day, and keeps the rest")
    func mergingOverridesDayByDay() {
        let correction = HolidayCalendar(entries: [
            HolidayEntry(day: CalendarFixture.day("2026-02-14"), kind: .holiday, festival: "Spring Festival"),
        ])
        let merged = HolidayCalendar.official.merging(correction)
        #expect(merged.entry(on: CalendarFixture.day("2026-02-14"))?.kind == .holiday)
        #expect(merged.entry(on: CalendarFixture.day("2026-02-28"))?.kind == .workday)
        #expect(merged.entries.count == 771)
    }

    @Test("replacing a year drops the days the correction no longer lists")
    func replacingAYear() {
        let only = HolidayCalendar(entries: [
            HolidayEntry(day: CalendarFixture.day("2026-10-01"), kind: .holiday, festival: "National Day"),
        ])
        let replaced = HolidayCalendar.official.replacingYears(with: only)
        #expect(replaced.entries.filter { $0.day.year == 2026 }.count == 1)
        #expect(replaced.entry(on: CalendarFixture.day("2026-02-15")) == nil)
        #expect(replaced.entry(on: CalendarFixture.day("2025-10-11"))?.kind == .workday)
        // Sunday 2026-02-15 is now just a weekend, Saturday 2026-02-14 no longer worked.
        let calendar = WorkingCalendar(holidays: replaced)
        #expect(calendar.kind(of: CalendarFixture.day("2026-02-15")) == .weekend)
        #expect(calendar.kind(of: CalendarFixture.day("2026-02-14")) == .weekend)
    }

    @Test("a list of entries: the later one wins, coverage can be declared")
    func entriesInitializer() {
        let day = CalendarFixture.day("2027-02-06")
        let calendar = HolidayCalendar(
            entries: [
                HolidayEntry(day: day, kind: .holiday, festival: "A"),
                HolidayEntry(day: day, kind: .workday, festival: "B"),
            ],
            coveredYears: [2028])
        #expect(calendar.entry(on: day)?.festival == "B")
        #expect(calendar.coverage == [2027, 2028])
        #expect(HolidayCalendar.empty.coverage.isEmpty)
        #expect(HolidayCalendar.empty.lastCoveredYear == nil)
    }

    @Test("CSV export reads back to the same calendar")
    func csvRoundTrip() throws {
        let text = HolidayCalendar.official.csvText
        #expect(text.hasPrefix("date,kind,festival\n2004-01-01,holiday,New Year's Day\n"))
        #expect(try HolidayCalendar(csv: text) == HolidayCalendar.official)
        let quoted = HolidayCalendar(entries: [
            HolidayEntry(day: CalendarFixture.day("2027-01-01"), kind: .holiday, festival: #"New Year, "local""#),
        ])
        #expect(try HolidayCalendar(csv: quoted.csvText) == quoted)
    }

    @Test("spreadsheet quirks are tolerated")
    func lenientParsing() throws {
        let text = "\u{FEFF}date,kind,festival\r\n\r\n 2027/1/1 , 放假 , \"元旦, 新年\"\r\n2027-10-09,WORKDAY,国庆节\r\n"
        let entries = try HolidayCalendar.parseCSV(text)
        #expect(entries == [
            HolidayEntry(day: CalendarFixture.day("2027-01-01"), kind: .holiday, festival: "元旦, 新年"),
            HolidayEntry(day: CalendarFixture.day("2027-10-09"), kind: .workday, festival: "国庆节"),
        ])
        // Without a header the first line is data.
        #expect(try HolidayCalendar.parseCSV("2027-01-01,holiday,New Year's Day").count == 1)
    }

    @Test("bad lines are refused with their 1-based line number and the column", arguments: [
        ("date,kind,festival\n2026-02-30,holiday,X", 2, HolidayImportError.Problem.invalidDate("2026-02-30"), "date"),
        ("date,kind,festival\n\n2027-01-01,off,New Year", 3, .unknownKind("off"), "kind"),
        ("2027-01-01,holiday", 1, .columnCount(found: 2), nil),
        ("date,kind,festival\n2027-01-01,holiday,A,B", 2, .columnCount(found: 4), nil),
        ("date,kind,festival\r\n2027-01-01,holiday,A\r\n2027-01-01,holiday,B\r\n", 3,
         .duplicateDay(CalendarFixture.day("2027-01-01"), firstLine: 2), "date"),
        // 2027-01-04 is a Monday: a make-up workday there is a mistake.
        ("date,kind,festival\n2027-01-04,workday,X", 2,
         .makeUpWorkdayOnWeekday(CalendarFixture.day("2027-01-04")), "date"),
        ("date,kind,festival\n2027-01-01,holiday,\"New Year", 2, .unterminatedQuote, nil),
        ("date,kind,festival\n", 1, .noEntries, nil),
        ("", 1, .noEntries, nil),
    ] as [(String, Int, HolidayImportError.Problem, String?)])
    func importErrors(text: String, line: Int, problem: HolidayImportError.Problem, field: String?) {
        #expect(throws: HolidayImportError(line: line, problem: problem)) {
            try HolidayCalendar.parseCSV(text)
        }
        do {
            _ = try HolidayCalendar.parseCSV(text)
        } catch {
            #expect(error.field == field)
            #expect(error.reason.zhHans.hasPrefix("第 \(line) 行："))
            #expect(error.reason.en.hasPrefix("line \(line): "))
        }
    }

    @Test func importErrorTexts() {
        let error = HolidayImportError(line: 7, problem: .invalidDate("2026-02-30"))
        #expect(error.reason == LocalizedText(
            zh: "第 7 行：日期“2026-02-30”无效，应为存在的日期，格式 yyyy-MM-dd",
            en: "line 7: date \"2026-02-30\" is not a valid yyyy-MM-dd date"))
        let weekday = HolidayImportError(line: 2, problem: .makeUpWorkdayOnWeekday(CalendarFixture.day("2027-01-04")))
        #expect(weekday.detail.zhHans == "调休上班日 2027-01-04 是星期一，应为周六或周日")
    }
}
