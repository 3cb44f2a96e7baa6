import Foundation
import Testing
@testable import GridCore

@Suite("Risk register: the rules administrators set, checked field by field")
struct RiskRulesSettingsTests {
    let standard = RiskRules.standard.settings

    @Test("the standard rules round-trip through their settings and are valid")
    func roundTrip() throws {
        #expect(standard == RiskRulesDTO(
            manyPeople: 5, crowd: 10, repeatWindowDays: 30, repeatRadius: 100, repeatThreshold: 2, repeatSurge: 5, important: 8, major: 15))
        #expect(try RiskRules(settings: standard) == .standard)
        try RiskRules.standard.validate()
        var changed = standard
        changed.manyPeople = 3
        changed.repeatWindowDays = 14
        changed.major = 16
        let rules = try RiskRules(settings: changed)
        #expect(rules.manyPeople == 3 && rules.repeatWindow == 14 * 86_400 && rules.thresholds.major == 16)
        #expect(rules.severityByKind == RiskRules.standardSeverity && rules.careSiteRadius == RiskRules.standard.careSiteRadius)
    }

    @Test("every wrong or missing field is named once, in the form's order, in both languages")
    func failures() {
        let bad = RiskRulesDTO(
            manyPeople: 1, crowd: 1, repeatWindowDays: 0, repeatRadius: 9_000, repeatThreshold: nil, repeatSurge: 0, important: 30, major: 12)
        do {
            _ = try RiskRules(settings: bad)
            Issue.record("accepted bad rules")
        } catch {
            #expect(error.failures.compactMap(\.field) == RiskRulesDTO.fields)
            #expect(error.failures.allSatisfy { !$0.reason.zhHans.isEmpty && !$0.reason.en.isEmpty && $0.reason.zhHans != $0.reason.en })
            #expect(error.failures.first { $0.field == "repeat_threshold" }?.reason.zhHans == "请填写整数")
        }
    }

    @Test("validate() checks the rules themselves: a crowd above many people, a surge above the threshold, whole days")
    func validate() {
        var rules = RiskRules.standard
        rules.crowd = rules.manyPeople
        rules.repeatSurge = rules.repeatThreshold
        rules.repeatWindow = 1.5 * 86_400
        do {
            try rules.validate()
            Issue.record("accepted bad rules")
        } catch {
            #expect(error.failures.compactMap(\.field) == ["crowd", "repeat_window_days", "repeat_surge"])
        }
    }
}
