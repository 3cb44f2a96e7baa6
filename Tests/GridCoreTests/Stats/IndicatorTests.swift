import Testing
@testable import GridCore

@Suite("Indicators: definitions and values")
struct IndicatorTests {
    @Test("every indicator has a stable unique key and a definition in both languages")
    func definitions() {
        let ids = Indicator.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for indicator in Indicator.all {
            #expect(!indicator.definition.zhHans.isEmpty && !indicator.definition.en.isEmpty)
        }
    }

    @Test("rates come from summed parts; nothing due is no figure, not 0 %")
    func rates() throws {
        let closure = try #require(Indicator.find("closure_rate"))
        let busy = MeasureVector([.due: 80, .closed: 72])
        let quiet = MeasureVector([.due: 4, .closed: 2])
        #expect(closure.value(of: busy + quiet) == 74.0 / 84.0)   // not the mean of 0.9 and 0.5
        #expect(closure.value(of: MeasureVector()) == nil)
        #expect(closure.parts(of: busy).numerator == 72)
        let hours = try #require(Indicator.find("acceptance_hours"))
        #expect(hours.value(of: MeasureVector([.triaged: 2, .triageMinutes: 180])) == 1.5)
        #expect(Indicator.find("reported")?.value(of: MeasureVector([.reported: 7])) == 7)
    }
}
