import Foundation
import Testing
@testable import GridCore

@Suite("Ratings (评价)")
struct EventRatingTests {
    @Test("the disposal table of domain.md §4, cell by cell", arguments: [
        (Timeliness.overdue, Satisfaction.unsatisfied, 1), (.overdue, .none, 2), (.overdue, .fair, 2), (.overdue, .very, 3),
        (.onTime, .unsatisfied, 2), (.onTime, .none, 3), (.onTime, .fair, 4), (.onTime, .very, 4),
        (.early, .unsatisfied, 2), (.early, .none, 3), (.early, .fair, 4), (.early, .very, 5),
    ])
    func standardTable(timeliness: Timeliness, satisfaction: Satisfaction, stars: Int) {
        #expect(DisposalRating.stars(timeliness: timeliness, satisfaction: satisfaction) == stars)
        #expect(DisposalRating.standard.stars(timeliness: timeliness, satisfaction: satisfaction) == stars)
    }

    @Test("the standard table is total and monotone, and passes its own validation")
    func monotone() throws {
        let rows: [Timeliness] = [.overdue, .onTime, .early]
        for (r, timeliness) in rows.enumerated() {
            for (c, satisfaction) in Satisfaction.allCases.enumerated() {
                let stars = DisposalRating.stars(timeliness: timeliness, satisfaction: satisfaction)
                #expect((1...5).contains(stars))
                if c > 0 {
                    #expect(stars >= DisposalRating.stars(timeliness: timeliness, satisfaction: Satisfaction.allCases[c - 1]))
                }
                if r > 0 { #expect(stars >= DisposalRating.stars(timeliness: rows[r - 1], satisfaction: satisfaction)) }
            }
        }
        #expect(try DisposalRating(table: DisposalRating.standard.table) == .standard)
        #expect(Satisfaction.allCases.map(\.rawValue) == ["unsatisfied", "none", "fair", "very"])
        #expect(Satisfaction.none < .fair)
    }

    @Test("a configured table must be total, 1–5 and monotone")
    func configured() throws {
        var table = DisposalRating.standard.table
        table[.early]?[.very] = 4
        let lenient = try DisposalRating(table: table)
        #expect(lenient.stars(timeliness: .early, satisfaction: .very) == 4)

        var holes = DisposalRating.standard.table
        holes[.onTime]?[.fair] = nil
        holes[.overdue]?[.unsatisfied] = 0
        #expect { try DisposalRating(table: holes) } throws: { error in
            (error as? ValidationFailures)?.failures.map(\.field) == ["table.overdue.unsatisfied", "table.on_time.fair"]
        }

        var falling = DisposalRating.standard.table
        falling[.onTime]?[.very] = 3  // below on-time fair (4) and overdue very (3 is fine there)
        falling[.early]?[.none] = 2   // below on-time none (3)
        #expect { try DisposalRating(table: falling) } throws: { error in
            (error as? ValidationFailures)?.failures.map(\.field) == ["table.on_time.very", "table.early.none"]
        }
    }

    @Test("the table round-trips through JSON and decoding validates")
    func coding() throws {
        let data = try JSONEncoder().encode(DisposalRating.standard)
        #expect(try JSONDecoder().decode(DisposalRating.self, from: data) == .standard)
        let bad = Data(#"{"table":{"overdue":{"unsatisfied":5}}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DisposalRating.self, from: bad) }
    }

    @Test("an override moves at most one star and needs a reason", arguments: [
        (3, 4, "当事人特别认可", nil as String?), (3, 2, "态度生硬", nil), (5, 5, "确认", nil), (1, 2, "理由", nil),
        (3, 5, "理由", "stars"), (1, 0, "理由", "stars"), (5, 6, "理由", "stars"), (0, 1, "理由", "computed"),
        (3, 4, "  ", "reason"),
    ])
    func override(computed: Int, to stars: Int, reason: String, failingField: String?) {
        do {
            let result = try DisposalRating.override(computed: computed, to: stars, reason: reason)
            #expect(failingField == nil)
            #expect(result.computed == computed && result.stars == stars && result.reason == reason)
        } catch {
            #expect(error.field == failingField)
        }
    }

    @Test("discovery stars carry Kuiyong's meanings")
    func discovery() throws {
        #expect(DiscoveryRating.allCases.map(\.stars) == [1, 2, 3, 4, 5])
        #expect(DiscoveryRating.allCases.map(\.label.zhHans) == [
            "无价值", "常规要求事项", "具有一般社会/部门价值", "对部门具有重大价值", "具有社会重大价值",
        ])
        #expect(try DiscoveryRating(stars: 4) == .majorForDepartment)
        #expect(throws: ValidationFailure.self) { try DiscoveryRating(stars: 6) }
        #expect(DiscoveryRating.routine < .general)
    }
}
