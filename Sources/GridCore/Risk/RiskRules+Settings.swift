import Foundation

/// The risk rules as administrators set them (`RiskRulesDTO`): checked field by field, in both
/// languages, before they are kept (domain.md §6: "thresholds configurable").
extension RiskRules {
    /// The bounds of each setting.
    public static let manyPeopleRange = 2...1_000
    public static let repeatWindowDaysRange = 1...365
    public static let repeatRadiusRange = 10...5_000
    public static let repeatThresholdRange = 1...100

    /// Checks the numbers: many people 2–1000 and a crowd above it (at most 10 000); a window of
    /// 1–365 whole days; a radius of 10–5000 m; a repeat threshold of 1–100 and a surge above
    /// it (at most 1000). The thresholds were checked when made (`RiskThresholds`). Every failure
    /// is named by its field (`RiskRulesDTO.fields`).
    public func validate() throws(ValidationFailures) {
        var failures: [ValidationFailure] = []
        if !Self.manyPeopleRange.contains(manyPeople) {
            failures.append(ValidationFailure(field: "many_people", zh: "“人数较多”应为 2–1000 的整数", en: "many people must be a whole number from 2 to 1000"))
        }
        if crowd <= manyPeople || crowd > 10_000 {
            failures.append(ValidationFailure(
                field: "crowd", zh: "“群体性”人数应大于“人数较多”且不超过 10000", en: "a crowd must be more than many people and at most 10000"))
        }
        let days = repeatWindow / 86_400
        if days != days.rounded() || !Self.repeatWindowDaysRange.contains(Int(days)) {
            failures.append(ValidationFailure(
                field: "repeat_window_days", zh: "重复上报的时间窗应为 1–365 天", en: "the repeat window must be from 1 to 365 days"))
        }
        if !(Double(Self.repeatRadiusRange.lowerBound)...Double(Self.repeatRadiusRange.upperBound)).contains(repeatRadius) {
            failures.append(ValidationFailure(
                field: "repeat_radius", zh: "重复上报的范围应为 10–5000 米", en: "the repeat radius must be from 10 to 5000 metres"))
        }
        if !Self.repeatThresholdRange.contains(repeatThreshold) {
            failures.append(ValidationFailure(
                field: "repeat_threshold", zh: "重复上报起算次数应为 1–100", en: "the repeat threshold must be from 1 to 100"))
        }
        if repeatSurge <= repeatThreshold || repeatSurge > 1_000 {
            failures.append(ValidationFailure(
                field: "repeat_surge", zh: "重复上报激增次数应大于起算次数且不超过 1000",
                en: "the repeat surge must be more than the repeat threshold and at most 1000"))
        }
        guard failures.isEmpty else { throw ValidationFailures(failures) }
    }

    /// Rules from an administrator's settings over `base` (which gives what settings do not
    /// hold: the kinds' severities, the care-site radius). Every missing or wrong field is named.
    public init(settings: RiskRulesDTO, over base: RiskRules = .standard) throws(ValidationFailures) {
        var failures: [ValidationFailure] = []
        let required: [(String, Int?)] = [
            ("many_people", settings.manyPeople), ("crowd", settings.crowd), ("repeat_window_days", settings.repeatWindowDays),
            ("repeat_radius", settings.repeatRadius), ("repeat_threshold", settings.repeatThreshold), ("repeat_surge", settings.repeatSurge),
            ("important", settings.important), ("major", settings.major),
        ]
        for (field, value) in required where value == nil {
            failures.append(ValidationFailure(field: field, zh: "请填写整数", en: "a whole number is required"))
        }
        var rules = base
        rules.manyPeople = settings.manyPeople ?? base.manyPeople
        rules.crowd = settings.crowd ?? base.crowd
        rules.repeatWindow = Double(settings.repeatWindowDays ?? Int(base.repeatWindow / 86_400)) * 86_400
        rules.repeatRadius = Double(settings.repeatRadius ?? Int(base.repeatRadius))
        rules.repeatThreshold = settings.repeatThreshold ?? base.repeatThreshold
        rules.repeatSurge = settings.repeatSurge ?? base.repeatSurge
        do {
            rules.thresholds = try RiskThresholds(important: settings.important ?? base.thresholds.important, major: settings.major ?? base.thresholds.major)
        } catch {
            failures += error.failures
        }
        do { try rules.validate() } catch { failures += error.failures }
        guard failures.isEmpty else {
            // One message per field, in the form's order; a missing value says only that.
            var seen: Set<String> = []
            let ordered = RiskRulesDTO.fields.flatMap { field in failures.filter { $0.field == field } }.filter { seen.insert($0.field ?? "").inserted }
            throw ValidationFailures(ordered)
        }
        self = rules
    }

    /// The settings these rules hold.
    public var settings: RiskRulesDTO {
        RiskRulesDTO(
            manyPeople: manyPeople, crowd: crowd, repeatWindowDays: Int((repeatWindow / 86_400).rounded()), repeatRadius: Int(repeatRadius.rounded()),
            repeatThreshold: repeatThreshold, repeatSurge: repeatSurge, important: thresholds.important, major: thresholds.major)
    }
}
