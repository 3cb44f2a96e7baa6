import Foundation
import Testing
@testable import GridCore

@Suite("Assessment schemes: scoring, grades, forced distribution")
struct AssessmentRunTests {
    static func worker(
        _ key: String, reported: Int, valid: Int, stars: Int = 0, rated: Int = 0, onSpot: Int = 0, patrolHours: Int = 0,
        visits: (done: Int, due: Int) = (0, 0)
    ) -> AssessmentRun.Subject {
        AssessmentRun.Subject(key: key, name: key, measures: MeasureVector([
            .reported: reported, .valid: valid, .rejected: reported - valid, .discoveryRated: rated, .discoveryStars: stars,
            .solvedOnSpot: onSpot, .patrolSeconds: patrolHours * 3600, .visitsCounted: visits.done, .visitsDue: visits.due,
        ]))
    }

    @Test("scoring rules: linear both ways, thresholds, penalties capped at the weight")
    func rules() {
        #expect(ScoringRule.linear(zeroAt: 0, fullAt: 30).points(for: 15, weight: 30) == 15)
        #expect(ScoringRule.linear(zeroAt: 0, fullAt: 30).points(for: 90, weight: 30) == 30)
        #expect(ScoringRule.linear(zeroAt: 48, fullAt: 4).points(for: 26, weight: 10) == 5)   // lower is better
        #expect(ScoringRule.linear(zeroAt: 0.3, fullAt: 0.9).points(for: nil, weight: 25) == 0)
        let steps = ScoringRule.thresholds(steps: [.init(atLeast: 0.9, points: 10), .init(atLeast: 0.8, points: 6)])
        #expect(steps.points(for: 0.85, weight: 10) == 6)
        #expect(steps.points(for: 0.5, weight: 10) == 0)
        #expect(ScoringRule.penalty(pointsEach: 1).points(for: 54, weight: 20) == -20)
        #expect(ScoringRule.penalty(pointsEach: 1).points(for: 3, weight: 20) == -3)
    }

    @Test("quantity alone cannot win: 60 reports padded with trivia lose to 20 valid, well-rated ones")
    func gamingResistance() {
        let scheme = AssessmentScheme.defaultWorker(id: UUID())
        // The padder: 60 reports, 6 valid (10 %), routine 2★; the careful one: 20 reports, 18 valid, 4★.
        let padder = Self.worker("padder", reported: 60, valid: 6, stars: 12, rated: 6)
        let careful = Self.worker("careful", reported: 20, valid: 18, stars: 72, rated: 18, onSpot: 3)
        let results = AssessmentRun.score(scheme, subjects: [padder, careful])
        #expect(results.map(\.key) == ["careful", "padder"])
        // careful: valid 18/30×25 = 15; rate 0.9 → 20; stars 4.0 → 25; on spot 3/10×10 = 3; no patrols or visits; 2 refused → −2; = 61
        #expect(results[0].total == 61)
        // padder: 6/30×25 = 5; rate 0.1 → 0; stars 2.0 → 1/3×25 = 8.33; on spot 0; 54 refused → −20 (cap); = −6.67
        #expect(results[1].total == -6.67)
        #expect(results[1].items.first { $0.indicator == "valid_rate" }?.denominator == 60)
    }

    @Test("forced distribution: at most 20 % excellent, at least 10 % basic or below; changing a weight changes the ranking")
    func forcedDistribution() throws {
        var scheme = AssessmentScheme.defaultWorker(id: UUID())
        // Ten workers, all excellent by the bands.
        let subjects = (0..<10).map { n in
            Self.worker("w\(n)", reported: 30 + n, valid: 30 + n, stars: 4 * (30 + n), rated: 30 + n, onSpot: 10 + n, patrolHours: 80, visits: (9, 9))
        }
        let results = AssessmentRun.score(scheme, subjects: subjects)
        #expect(results.allSatisfy { $0.bandGrade == .excellent })
        #expect(results.filter { $0.grade == .excellent }.count == 2)
        #expect(results.filter { $0.grade >= .basic }.count == 1)
        #expect(results.last?.grade == .basic)
        #expect(results.first?.grade == .excellent)

        // Two workers: one with more valid reports, the other with better stars; the weights decide.
        let many = Self.worker("many", reported: 30, valid: 30, stars: 75, rated: 30)
        let starred = Self.worker("starred", reported: 12, valid: 12, stars: 48, rated: 12)
        scheme.forced = nil
        // many: 25 + 20 + 2.5★→12.5 = 57.5; starred: 10 + 20 + 4★→25 = 55
        #expect(AssessmentRun.score(scheme, subjects: [many, starred]).first?.key == "many")
        scheme.items[0].weight = 10
        scheme.items[2].weight = 50
        #expect(AssessmentRun.score(scheme, subjects: [many, starred]).first?.key == "starred")
    }

    @Test("bonus points with reasons add to the total; equal totals share a rank")
    func bonusesAndTies() {
        let scheme = AssessmentScheme.defaultWorker(id: UUID())
        let a = Self.worker("a", reported: 10, valid: 10), b = Self.worker("b", reported: 10, valid: 10), c = Self.worker("c", reported: 5, valid: 5)
        let results = AssessmentRun.score(scheme, subjects: [a, b, c], bonuses: [.init(key: "c", points: 3, reason: "见义勇为")])
        // a and b: 8.33 + 20 = 28.33 each; c: 4.17 + 20 + 3 = 27.17
        #expect(results.map(\.rank) == [1, 1, 3])
        #expect(results.last?.bonusReasons == ["见义勇为"])
    }

    @Test("a scheme with problems names each field")
    func validation() {
        var scheme = AssessmentScheme.defaultWorker(id: UUID())
        scheme.name = " "
        scheme.items[0].indicator = "nope"
        scheme.items[1].weight = 0
        do {
            try scheme.validate()
            Issue.record("accepted a bad scheme")
        } catch {
            let fields = Set(error.failures.compactMap(\.field))
            #expect(fields.isSuperset(of: ["name", "items[0].indicator", "items[1].weight", "items"]))
        }
        #expect(throws: Never.self) { try AssessmentScheme.defaultCommunity(id: UUID()).validate() }
        #expect(throws: Never.self) { try AssessmentScheme.defaultDepartment(id: UUID()).validate() }
        #expect(throws: Never.self) { try AssessmentScheme.defaultWorker(id: UUID()).validate() }
    }
}
