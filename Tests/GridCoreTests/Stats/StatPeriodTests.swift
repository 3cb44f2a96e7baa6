import Testing
@testable import GridCore

@Suite("Statistics periods")
struct StatPeriodTests {
    static func segments(_ text: String, byType: Bool = false) throws -> [String] {
        try StatPeriod(parsing: text).segments(byType: byType).map { "\($0.grain.rawValue) \($0.from)..\($0.through)" }
    }

    @Test("months, quarters and years read whole months; days read days")
    func plain() throws {
        #expect(try Self.segments("2026-11") == ["m 2026-11..2026-11"])
        #expect(try Self.segments("2026-Q4") == ["m 2026-10..2026-12"])
        #expect(try Self.segments("2026") == ["m 2026-01..2026-12"])
        #expect(try Self.segments("2026-11-05") == ["d 2026-11-05..2026-11-05"])
        #expect(try Self.segments("2026-Q1", byType: true) == ["mt 2026-01..2026-03"])
    }

    @Test("a custom run reads its whole months monthly and its ends daily")
    func custom() throws {
        #expect(try Self.segments("2026-10-15..2026-12-03") == ["d 2026-10-15..2026-10-31", "m 2026-11..2026-11", "d 2026-12-01..2026-12-03"])
        #expect(try Self.segments("2026-11-01..2026-11-30") == ["m 2026-11..2026-11"])
        #expect(try Self.segments("2026-11-02..2026-11-29", byType: true) == ["dt 2026-11-02..2026-11-29"])
        #expect(try Self.segments("2025-12-31..2026-02-01") == ["d 2025-12-31..2025-12-31", "m 2026-01..2026-01", "d 2026-02-01..2026-02-01"])
        #expect(try Self.segments("2024-02-01..2024-02-29") == ["m 2024-02..2024-02"])
    }

    @Test("bad periods name the field and the forms accepted")
    func refused() {
        for text in ["2026-13", "2026-Q5", "26-11", "2026-11-31", "2026-12-01..2026-11-01", "2020-01-01..2026-01-01", "last month"] {
            #expect(throws: ValidationFailure.self, "\(text)") { try StatPeriod(parsing: text) }
        }
        do {
            _ = try StatPeriod(parsing: "2026-13", field: "period")
        } catch {
            #expect(error.field == "period")
            #expect(error.reason.zhHans.contains("2026-Q4"))
        }
    }

    @Test("the previous period has the same length")
    func previous() throws {
        #expect(try StatPeriod(parsing: "2026-01").previous.description == "2025-12")
        #expect(try StatPeriod(parsing: "2026-Q1").previous.description == "2025-Q4")
        #expect(try StatPeriod(parsing: "2026-11-10..2026-11-19").previous.description == "2026-10-31..2026-11-09")
    }
}
