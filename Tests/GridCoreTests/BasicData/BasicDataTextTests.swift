import Testing
@testable import GridCore

@Suite("Basic-data text helpers: the fast paths agree with the shared CSV dialect")
struct BasicDataTextTests {
    @Test("fields are read as CSVText reads them", arguments: [
        "a,b,c",
        " a , b ,c ",
        "\"a,b\",c",
        "  \"quoted\"  ,x",
        "\"say \"\"hi\"\"\",2",
        "ab\"c,d",
        "张伟,居民身份证,　望丛东路　,",
        "\"x\"tail,y",
        ",,",
        "",
    ])
    func fields(line: String) {
        #expect(BasicDataText.fields(of: Substring(line)) == CSVText.fields(of: Substring(line)))
    }

    @Test("an open quote is reported")
    func openQuote() {
        #expect(BasicDataText.fields(of: "\"abc,d") == nil)
    }

    @Test("lines split at LF, CRLF and CR, blank lines kept")
    func lines() {
        #expect(BasicDataText.lines("a\nb\r\nc\rd\n\ne") == ["a", "b", "c", "d", "", "e"])
        #expect(BasicDataText.lines("") == [""])
        #expect(BasicDataText.lines("a\n") == ["a", ""])
    }

    @Test("trimming and folding agree with the shared helpers", arguments: [
        "abc", "  abc ", "\u{3000}望丛\u{3000}", "ＡＢＣ１２３", "  ", "", "x y",
    ])
    func trimming(text: String) {
        #expect(BasicDataText.trimmed(text) == CSVText.trimmed(text))
        #expect(BasicDataText.folded(text) == IdentityInput.folded(text))
    }

    @Test("cells in the forms spreadsheets produce")
    func cells() {
        #expect(BasicDataCSVFormat.day("2024-03-01") == CalendarDay(year: 2024, month: 3, day: 1))
        #expect(BasicDataCSVFormat.day("2024/3/1") == CalendarDay(year: 2024, month: 3, day: 1))
        #expect(BasicDataCSVFormat.day("2024.03.01") == CalendarDay(year: 2024, month: 3, day: 1))
        #expect(BasicDataCSVFormat.day("20240301") == CalendarDay(year: 2024, month: 3, day: 1))
        #expect(BasicDataCSVFormat.day("2024年3月1日") == CalendarDay(year: 2024, month: 3, day: 1))
        #expect(BasicDataCSVFormat.day("2023-02-29") == nil)
        #expect(BasicDataCSVFormat.day("3/1/2024") == nil)
        #expect(BasicDataCSVFormat.floor("地下2层") == -2)
        #expect(BasicDataCSVFormat.floor("12F") == 12)
        #expect(BasicDataCSVFormat.decimal("89.5平方米") == 89.5)
        #expect(BasicDataCSVFormat.decimal(89.5) == "89.5")
        #expect(BasicDataCSVFormat.decimal(90) == "90")
        #expect(BasicDataCSVFormat.list("独居老人、低保；残疾人 | ") == ["独居老人", "低保", "残疾人"])
        #expect(BasicDataCSVFormat.flag("是") == true)
        #expect(BasicDataCSVFormat.flag("N") == false)
        #expect(BasicDataCSVFormat.flag("") == nil)
    }
}
