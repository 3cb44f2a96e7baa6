import Foundation
import Testing
@testable import GridCore

/// The demo year made three hot paths of the event machine faster; each must give exactly the
/// answer of the code it short-cuts.
@Suite("Fast paths the demo year relies on give the same answers")
struct CoreFastPathTests {
    @Test("a day's start equals the system calendar's, DST and skipped days included", arguments: [
        "Asia/Shanghai", "America/New_York", "America/Sao_Paulo", "Europe/London", "Australia/Lord_Howe", "Pacific/Apia",
        "America/Havana", "Asia/Tehran",
    ])
    func dayStart(zone: String) throws {
        // setup
        let timeZone = try #require(TimeZone(identifier: zone))
        let calendar = WorkingCalendar(timeZone: timeZone)
        let first = try #require(CalendarDay(year: 1984, month: 1, day: 1)).daysSinceEpoch
        let last = try #require(CalendarDay(year: 2030, month: 12, day: 31)).daysSinceEpoch
        // act, verify
        var mismatches: [String] = []
        for epoch in first...last {
            let day = CalendarDay(daysSinceEpoch: epoch)
            let fast = calendar.start(of: day), reference = calendar.startByCalendar(of: day)
            if fast != reference { mismatches.append("\(day): \(fast) ≠ \(reference)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("a fixed-offset zone takes the fast path and agrees")
    func fixedOffset() throws {
        let calendar = WorkingCalendar(timeZone: try #require(TimeZone(secondsFromGMT: 8 * 3_600)))
        for epoch in stride(from: 0, through: 25_000, by: 7) {
            let day = CalendarDay(daysSinceEpoch: epoch)
            #expect(calendar.start(of: day) == calendar.startByCalendar(of: day))
        }
    }

    @Test("trimming whitespace and newlines answers as Foundation does", arguments: [
        "", " ", "\n", "\t x \n", "占道经营", " 占道经营", "占道经营\u{3000}", "\u{3000}", "\u{00A0}a", "a\u{2028}", "a\u{0085}",
        "a b", "\u{200B}a", "a\u{FEFF}", "  \r\n  ", "x\u{1F600}", "\u{1F600}",
    ])
    func trimming(text: String) {
        #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("a territorial parent is the path without its last code", arguments: [
        "/510117/", "/510117/510117001/", "/510117/510117001/510117001001/", "/510117/510117001/510117001001/510117001001001/",
        "/a/b/", "/x/", "/5101/510101/51010101/",
    ])
    func parent(raw: String) throws {
        let path = try #require(UnitPath(rawValue: raw))
        let codes = path.codes
        let expected = codes.count > 1 ? UnitPath(rawValue: "/" + codes.dropLast().joined(separator: "/") + "/") : nil
        #expect(path.territorialParent == expected)
    }
}
