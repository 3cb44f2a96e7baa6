/// How long a handler has for an event (处置时限), in working days after the day it was accepted.
///
/// `workingDays == 0` is "the same working day" (当日办结, level 1): due by the end of the day of
/// acceptance, or of the next working day when accepted on a day off. `workingDays == n` (n ≥ 1)
/// is "n working days": due by the end of the nth working day after the local day of acceptance;
/// the day of acceptance itself is not counted, as Chinese law counts periods (期间开始的当日不计入).
/// Encodes as `{"workingDays": n}`.
public struct DeadlineRule: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Longest rule accepted from configuration: a year of working days.
    public static let maximumWorkingDays = 250

    public let workingDays: Int

    /// - Throws: when `workingDays` is negative or above `maximumWorkingDays`; the failure names
    ///   `field` (default `deadline_working_days`).
    public init(workingDays: Int, field: String = "deadline_working_days") throws(ValidationFailure) {
        guard (0...DeadlineRule.maximumWorkingDays).contains(workingDays) else {
            throw ValidationFailure(
                field: field,
                zh: "处置时限应为 0 到 \(DeadlineRule.maximumWorkingDays) 个工作日，实际为 \(workingDays)",
                en: "the deadline must be 0 to \(DeadlineRule.maximumWorkingDays) working days, not \(workingDays)")
        }
        self.workingDays = workingDays
    }

    private init(valid workingDays: Int) {
        self.workingDays = workingDays
    }

    /// Level 1: the same working day (当日).
    public static let sameWorkingDay = DeadlineRule(valid: 0)

    /// The default rule for an event level (Binjiang's table, domain guide §4): level 1 the same
    /// working day, level 2 three working days, level 3 seven (the upper end of "5–7", so a default
    /// never flags as overdue what the seed allows), level 4 seven. Nil for other levels. Event
    /// types may configure their own.
    public static func standard(forLevel level: Int) -> DeadlineRule? {
        switch level {
        case 1: .sameWorkingDay
        case 2: DeadlineRule(valid: 3)
        case 3, 4: DeadlineRule(valid: 7)
        default: nil
        }
    }

    public var label: LocalizedText {
        workingDays == 0
            ? LocalizedText(zh: "当日办结", en: "same working day")
            : LocalizedText(zh: "\(workingDays) 个工作日", en: "\(workingDays) working day\(workingDays == 1 ? "" : "s")")
    }

    public var description: String { label.en }

    private enum CodingKeys: String, CodingKey { case workingDays }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(workingDays: try container.decode(Int.self, forKey: .workingDays))
    }
}
