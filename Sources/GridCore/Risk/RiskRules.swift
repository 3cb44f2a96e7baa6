import Foundation

/// How a report of a risk kind is scored (风险评估规则). The seed gives no formula; these are the
/// platform's configurable defaults (domain.md §6):
///
/// - **Severity** starts from the kind's inherent harm (`severityByKind`: 安全消防 4, 城市管理 1 …),
///   one more for a district-level type (default level 4), one less for an on-the-spot one (level 1).
/// - **Likelihood** starts at 2, 3 for a type that endangers people now (a police matter, or a
///   type due within one working day above level 1).
/// - **Aggravating facts** (加重情节): at least `manyPeople` people involved adds 1 to likelihood,
///   at least `crowd` adds 1 to severity as well; `repeatThreshold` or more earlier reports of the
///   same kind within `repeatRadius` metres in the last `repeatWindow` add 1 to likelihood
///   (`repeatSurge` or more add 2); vulnerable people involved add 1 to severity: as the report
///   says (`vulnerable_involved`) or as the register shows (people of a vulnerable care group
///   living in the building at the event's place, `CareGroupSites`), once when both hold.
public struct RiskRules: Sendable, Hashable {
    public var thresholds: RiskThresholds
    public var manyPeople: Int
    public var crowd: Int
    public var repeatWindow: TimeInterval
    public var repeatRadius: Double
    public var repeatThreshold: Int
    public var repeatSurge: Int
    public var severityByKind: [RiskKind: Int]
    /// How far (metres) a building's point may lie from an event's point and still be the place
    /// of the event, for the care-group fact.
    public var careSiteRadius: Double

    public init(
        thresholds: RiskThresholds = .standard, manyPeople: Int = 5, crowd: Int = 10, repeatWindow: TimeInterval = 30 * 86_400,
        repeatRadius: Double = 100, repeatThreshold: Int = 2, repeatSurge: Int = 5, severityByKind: [RiskKind: Int] = RiskRules.standardSeverity,
        careSiteRadius: Double = 30
    ) {
        self.thresholds = thresholds
        self.manyPeople = manyPeople
        self.crowd = crowd
        self.repeatWindow = repeatWindow
        self.repeatRadius = repeatRadius
        self.repeatThreshold = repeatThreshold
        self.repeatSurge = repeatSurge
        self.severityByKind = severityByKind
        self.careSiteRadius = careSiteRadius
    }

    public static let standard = RiskRules()

    /// The inherent harm of each kind, 1–5.
    public static let standardSeverity: [RiskKind: Int] = [
        .familyNeighbour: 2, .labourSocialSecurity: 3, .housingRental: 2, .realEstate: 3, .propertyManagement: 2,
        .administration: 2, .litigation: 3, .planningConstruction: 3, .villageShares: 3, .economicRelations: 3,
        .specialIssues: 4, .partyDiscipline: 3,
        .publicSecurity: 3, .foodDrugMarket: 3, .transport: 2, .cityManagement: 1, .fireSafety: 4, .environment: 2,
        .constructionWater: 3, .familyPlanning: 1, .populationHousing: 2, .educationCampus: 3, .developmentAffairs: 2,
    ]

    /// The type's default likelihood, before aggravating facts.
    public func baseLikelihood(of type: EventType) -> Int {
        let urgent = type.isPolice || (type.deadlineDays[2].map { $0 <= 1 } ?? false)
        return urgent ? 3 : 2
    }

    /// The type's default severity, before aggravating facts; nil for a type of no risk kind.
    public func baseSeverity(of type: EventType) -> Int? {
        guard let kind = type.riskKind else { return nil }
        var value = severityByKind[kind] ?? 2
        if type.defaultLevel >= 4 { value += 1 }
        if type.defaultLevel <= 1 { value -= 1 }
        return RiskAssessment.clamp(value)
    }

    /// The care groups whose members make a place more vulnerable (老幼病残): elderly people alone
    /// or with children away, disabled people, left-behind children, people with a severe mental
    /// disorder and those in extreme poverty (特困, mostly elderly or disabled without support).
    /// Veterans, low-income households, key persons and people under community correction are
    /// cared for for other reasons and raise no risk.
    public static let vulnerableCareGroups: Set<CareGroup> = [
        .elderlyAlone, .emptyNestElderly, .disabled, .leftBehindChild, .severeMentalDisorder, .extremePoverty,
    ]

    /// The assessment of a report of `type` with its attributes, `earlierNearby` earlier reports
    /// of the same kind close by within the window, and `careGroupResidents` residents of a
    /// vulnerable care group (关爱对象) living at the event's place. Nil when the type is of no
    /// risk kind (a pure service).
    public func assess(
        type: EventType, attributes: [String: JSONValue], earlierNearby: Int = 0, careGroupResidents: Int = 0
    ) -> RiskAssessment? {
        guard let kind = type.riskKind, let baseSeverity = baseSeverity(of: type) else { return nil }
        var facts: [RiskFact] = []
        if let people = Self.peopleCount(attributes) {
            if people >= manyPeople { facts.append(RiskFact(.manyPeople, count: people, likelihood: 1)) }
            if people >= crowd { facts.append(RiskFact(.crowd, count: people, severity: 1)) }
        }
        if earlierNearby >= repeatSurge {
            facts.append(RiskFact(.repeated, count: earlierNearby, likelihood: 2))
        } else if earlierNearby >= repeatThreshold {
            facts.append(RiskFact(.repeated, count: earlierNearby, likelihood: 1))
        }
        // Vulnerable people add to the severity once, whether the report or the register says so.
        let reported = Self.flag(attributes["vulnerable_involved"])
        if reported { facts.append(RiskFact(.vulnerable, severity: 1)) }
        if careGroupResidents > 0 { facts.append(RiskFact(.careGroup, count: careGroupResidents, severity: reported ? 0 : 1)) }
        return RiskAssessment(
            kind: kind, likelihood: baseLikelihood(of: type) + facts.reduce(0) { $0 + $1.likelihood },
            severity: baseSeverity + facts.reduce(0) { $0 + $1.severity }, facts: facts)
    }

    /// People involved as the report says it: `people_involved`, else `occupants` (群租房).
    public static func peopleCount(_ attributes: [String: JSONValue]) -> Int? {
        for key in ["people_involved", "occupants"] {
            switch attributes[key] {
            case .number(let value)? where value.isFinite: return Int(value)
            case .string(let text)?: if let value = Int(text.trimmingCharacters(in: .whitespaces)) { return value }
            default: continue
            }
        }
        return nil
    }

    static func flag(_ value: JSONValue?) -> Bool {
        switch value {
        case .bool(let flag)?: flag
        case .string(let text)?: ["true", "1", "yes", "是"].contains(text.lowercased())
        case .number(let number)?: number != 0
        default: false
        }
    }
}
