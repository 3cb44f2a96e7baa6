import Foundation
import Testing
@testable import GridCore

@Suite("Admission list: CSV import and export")
struct EventCatalogCSVTests {
    static let header = "编码,名称,上级编码,类别,风险类型,默认等级,一级时限,二级时限,三级时限,四级时限,处置部门,警情,部件,公开"

    @Test("the export reads back to the same list; attributes come from the base")
    func roundTrip() throws {
        let text = EventCatalog.standard.csvText
        #expect(text.hasPrefix(Self.header + "\n"))
        #expect(text.contains("B0501,消防通道堵塞,B05,执法类,安全消防,3,0,1,1,2,510117-YJ,否,否,是\n"))
        let back = try EventCatalog.parseCSV(text, attributesFrom: .standard)
        #expect(back == EventCatalog.standard)
        let bare = try EventCatalog.parseCSV(text)
        #expect(bare.types.allSatisfy { $0.requiredAttributes.isEmpty })
        #expect(bare.types.map(\.code) == EventCatalog.standard.types.map(\.code))
    }

    @Test("spreadsheet habits are tolerated: BOM, CRLF, blank lines, spaces, quotes, English spellings, trailing cells")
    func tolerant() throws {
        let text = "\u{FEFF}" + Self.header + "\r\n\r\n"
            + " X , 自定义组 ,,管理,,2,0,3,7,7,,,,\r\n"
            + "X1,\"名称,带逗号\",X,enforcement,city_management,3,0,1,1,2,510117-ZF,n,yes,1,,\r\n"
        let catalog = try EventCatalog.parseCSV(text)
        #expect(catalog.types.count == 2)
        let group = try #require(catalog["X"])
        #expect(group.name == "自定义组")
        #expect(group.eventClass == .management)
        #expect(!group.isPublic)
        let item = try #require(catalog["X1"])
        #expect(item.name == "名称,带逗号")
        #expect(item.eventClass == .enforcement)
        #expect(item.riskKind == .cityManagement)
        #expect(item.deadlineDays == [1: 0, 2: 1, 3: 1, 4: 2])
        #expect(item.department == "510117-ZF")
        #expect(!item.isPolice && item.isComponent && item.isPublic)
        #expect(catalog.csvText.contains("X1,\"名称,带逗号\",X,执法类,城市管理,3,0,1,1,2,510117-ZF,否,是,是"))
    }

    @Test("problems are refused with their line and column", arguments: [
        ("编码,名称\nA,组", 1, nil as CatalogColumn?, CatalogImportError.Problem.missingHeader),
        ("\(header)\n", 1, nil, .noEntries),
        ("\n\n\(header)\n\n", 3, nil, .noEntries),
        ("\(header)\nA,组,,管理类,,2,0,3,7", 2, nil, .columnCount(found: 9)),
        ("\(header)\n\"A,组,,管理类,,2,0,3,7,7,,否,否,是", 2, nil, .unterminatedQuote),
        ("\(header)\n,组,,管理类,,2,0,3,7,7,,否,否,是", 2, .code, .empty),
        ("\(header)\nA-1,组,,管理类,,2,0,3,7,7,,否,否,是", 2, .code, .invalidCode("A-1")),
        ("\(header)\nA,组,,咨询类,,2,0,3,7,7,,否,否,是", 2, .eventClass, .unknownClass("咨询类")),
        ("\(header)\nA,组,,管理类,消防,2,0,3,7,7,,否,否,是", 2, .riskKind, .unknownRiskKind("消防")),
        ("\(header)\n\nA,组,,管理类,,5,0,3,7,7,,否,否,是", 3, .defaultLevel, .invalidLevel("5")),
        ("\(header)\nA,组,,管理类,,2,0,3,七,7,,否,否,是", 2, .deadline3, .invalidDays("七")),
        ("\(header)\nA,组,,管理类,,2,0,3,7,,,否,否,是", 2, .deadline4, .empty),
        ("\(header)\nA,组,,管理类,,2,0,3,7,7,城管 局,否,否,是", 2, .department, .invalidDepartment("城管 局")),
        ("\(header)\nA,组,,管理类,,2,0,3,7,7,,也许,否,是", 2, .isPolice, .invalidFlag("也许")),
        ("\(header)\nA,组,,管理类,,2,0,3,7,7,,否,否,是\nA,又一组,,管理类,,2,0,3,7,7,,否,否,是", 3, .code,
         .duplicateCode("A", firstLine: 2)),
        ("\(header)\nA01,孤儿,A,管理类,,2,0,3,7,7,,否,否,是", 2, .parentCode, .unknownParent("A")),
        ("\(header)\nA,组,,管理类,,2,0,3,7,7,,否,否,是\nB01,错挂,A,管理类,,2,0,3,7,7,,否,否,是", 3, .parentCode,
         .parentNotPrefix(code: "B01", parent: "A")),
    ] as [(String, Int, CatalogColumn?, CatalogImportError.Problem)])
    func refused(text: String, line: Int, column: CatalogColumn?, problem: CatalogImportError.Problem) {
        #expect(throws: CatalogImportError(line: line, column: column, problem: problem)) {
            try EventCatalog.parseCSV(text)
        }
    }

    @Test("the message says where, in both languages")
    func message() {
        let error = CatalogImportError(line: 3, column: .defaultLevel, problem: .invalidLevel("5"))
        #expect(error.reason.zhHans == "第 3 行“默认等级”列：等级“5”无效，应为 1 到 4")
        #expect(error.reason.en == "line 3, column 默认等级: level \"5\" must be 1 to 4")
        #expect(error.field == "默认等级")
        let whole = CatalogImportError(line: 1, column: nil, problem: .missingHeader)
        #expect(whole.field == nil)
        #expect(whole.reason.zhHans.hasPrefix("第 1 行：第一行应为表头"))
    }
}
