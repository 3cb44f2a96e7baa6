import Testing
@testable import GridCore

/// The dashboard's figures add up from grids to streets, and each rate is computed from sums.
@Suite("Event tallies: sums and rates")
struct EventTallyTests {
    static func path(_ raw: String) throws -> UnitPath { try #require(UnitPath(rawValue: raw)) }

    @Test("a street's rates come from its grids' sums, not from the mean of their rates")
    func rollUp() throws {
        let busy = EventTally(reported: 90, rejected: 10, closed: 72, handledWithDeadline: 80, handledOnTime: 60, overdue: 3)
        let quiet = EventTally(reported: 10, rejected: 0, closed: 2, handledWithDeadline: 4, handledOnTime: 4, overdue: 1)
        let streetA = try Self.path("/510117/510117001/")
        let streetB = try Self.path("/510117/510117002/")
        let byGrid = [
            try Self.path("/510117/510117001/510117001001/510117001001001/"): busy,
            try Self.path("/510117/510117001/510117001002/510117001002001/"): quiet,
            try Self.path("/510117/510118001/510118001001/510118001001001/"): quiet,  // another district: left out
        ]
        let totals = EventTally.rollUp(byGrid, into: [streetA, streetB])
        let a = try #require(totals[streetA])
        #expect(a == EventTally(reported: 100, rejected: 10, closed: 74, handledWithDeadline: 84, handledOnTime: 64, overdue: 4))
        #expect(a.valid == 90)
        #expect(a.validRate == 0.9)
        #expect(a.closureRate == 74.0 / 90.0)   // not the mean of 0.9 and 0.2
        #expect(a.onTimeRate == 64.0 / 84.0)
        #expect(totals[streetB] == EventTally())
        #expect(totals[streetB]?.closureRate == nil)
    }

    @Test("rates print with one decimal, and a dash when nothing was due")
    func text() {
        #expect(RateText.percent(74.0 / 90.0) == "82.2%")
        #expect(RateText.percent(1) == "100.0%")
        #expect(RateText.percent(nil) == "—")
    }
}
