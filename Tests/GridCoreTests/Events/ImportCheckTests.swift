import Foundation
import Testing
@testable import GridCore

/// The administrator's preview (试导入) of the admission-list and holiday files: every problem
/// of every line, while the import itself still stops at the first.
@Suite("Import previews: every problem by line and column")
struct ImportCheckTests {
    static let header = EventCatalog.csvHeader

    @Test("an admission-list check lists each bad cell of each line, in line order, and builds nothing")
    func catalogProblems() throws {
        let text = Self.header + "\n"
            + "X,分组,,管理类,,2,0,3,7,7,,否,否,是\n"
            + "X1,,X,管理类,,9,0,3,7,7,,否,否,也许\n"
            + "X2,短行\n"
            + "X3,下级,X9,管理类,,2,0,3,7,7,,否,否,是\n"
            + "X4,重复,X,管理类,,2,0,3,7,7,,否,否,是\n"
            + "X4,重复,X,管理类,,2,0,3,7,7,,否,否,是\n"
        let check = EventCatalog.checkCSV(text)
        #expect(check.catalog == nil)
        let found = check.problems.map { "\($0.line):\($0.column?.header ?? "-")" }
        #expect(found == ["3:名称", "3:默认等级", "3:公开", "4:-", "5:上级编码", "7:编码"])
        // the first problem is the one the import reports
        #expect(throws: CatalogImportError(line: 3, column: .name, problem: .empty)) { try EventCatalog.parseCSV(text) }
    }

    @Test("a child whose parent's own line is wrong is not also reported as orphaned")
    func unreadParent() {
        let text = Self.header + "\n" + "Y,分组,,管理类,,7,0,3,7,7,,否,否,是\n" + "Y1,事项,Y,管理类,,2,0,3,7,7,,否,否,是\n"
        let check = EventCatalog.checkCSV(text)
        #expect(check.problems.map(\.line) == [2])
    }

    @Test("a clean admission-list file checks to the list parseCSV builds")
    func catalogClean() throws {
        let text = EventCatalog.standard.csvText
        let check = EventCatalog.checkCSV(text, attributesFrom: .standard)
        #expect(check.problems.isEmpty)
        #expect(check.catalog == (try EventCatalog.parseCSV(text, attributesFrom: .standard)))
        #expect(EventCatalog.checkCSV(Self.header + "\n").problems.map(\.problem) == [.noEntries])
        #expect(EventCatalog.checkCSV("编码,名称\nA,B\n").problems.map(\.problem) == [.missingHeader])
    }

    @Test("a holiday check lists every wrong line; a clean file gives its days")
    func holidayProblems() throws {
        let text = "date,kind,festival\n2031-01-01,holiday,New Year's Day\n2031-02-30,holiday,x\n2031-01-06,workday,x\n"
            + "2031-01-01,holiday,again\n2031-01-02,off,x\n"
        let check = HolidayCalendar.checkCSV(text)
        #expect(check.entries.isEmpty)
        #expect(check.problems.map(\.line) == [3, 4, 5, 6])
        #expect(check.problems.map(\.field) == ["date", "date", "date", "kind"])
        #expect(throws: HolidayImportError(line: 3, problem: .invalidDate("2031-02-30"))) { try HolidayCalendar.parseCSV(text) }
        let clean = HolidayCalendar.checkCSV("2031-01-01,holiday,New Year's Day\n")
        #expect(clean.problems.isEmpty && clean.entries.count == 1)
    }
}
