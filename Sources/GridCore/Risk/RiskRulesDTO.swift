import Foundation

/// `GET/PUT /api/v1/risks/rules` and the stored settings: the numbers of the risk rules an
/// administrator may change (风险评估规则). Every field is required on PUT; one missing is named
/// like one out of range. The kinds' inherent severities are not settings.
public struct RiskRulesDTO: Codable, Sendable, Equatable {
    /// 涉及人数较多: people involved from which likelihood rises by one.
    public var manyPeople: Int?
    /// 群体性: people involved from which severity rises by one as well.
    public var crowd: Int?
    /// 重复上报: the window in days…
    public var repeatWindowDays: Int?
    /// …and the radius in metres within which earlier reports of one kind count.
    public var repeatRadius: Int?
    /// Earlier reports that raise likelihood by one…
    public var repeatThreshold: Int?
    /// …and by two.
    public var repeatSurge: Int?
    /// The lowest score that is important (重要).
    public var important: Int?
    /// The lowest score that is major (重大).
    public var major: Int?

    public init(
        manyPeople: Int?, crowd: Int?, repeatWindowDays: Int?, repeatRadius: Int?, repeatThreshold: Int?, repeatSurge: Int?,
        important: Int?, major: Int?
    ) {
        self.manyPeople = manyPeople
        self.crowd = crowd
        self.repeatWindowDays = repeatWindowDays
        self.repeatRadius = repeatRadius
        self.repeatThreshold = repeatThreshold
        self.repeatSurge = repeatSurge
        self.important = important
        self.major = major
    }

    enum CodingKeys: String, CodingKey {
        case crowd, important, major
        case manyPeople = "many_people"
        case repeatWindowDays = "repeat_window_days"
        case repeatRadius = "repeat_radius"
        case repeatThreshold = "repeat_threshold"
        case repeatSurge = "repeat_surge"
    }

    /// The field names, in the order forms show them and failures are reported.
    public static let fields = [
        "many_people", "crowd", "repeat_window_days", "repeat_radius", "repeat_threshold", "repeat_surge", "important", "major",
    ]
}
