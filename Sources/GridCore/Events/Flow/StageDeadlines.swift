/// The deadlines of the stages around handling (环节时限), which the assessment's 按时立案率 and
/// 按时核查率 measure. Handling itself is timed by the event type's days for the level.
///
/// Defaults where the seeds are silent: triage (受理/立案) the same working day, verification
/// (核查) one working day, closing (结案) one working day.
public struct StageDeadlines: Sendable, Hashable, Codable {
    public var triage: DeadlineRule
    public var verification: DeadlineRule
    public var closing: DeadlineRule

    public init(triage: DeadlineRule, verification: DeadlineRule, closing: DeadlineRule) {
        self.triage = triage
        self.verification = verification
        self.closing = closing
    }

    public static let standard: StageDeadlines = {
        let oneDay = (try? DeadlineRule(workingDays: 1)) ?? .sameWorkingDay
        return StageDeadlines(triage: .sameWorkingDay, verification: oneDay, closing: oneDay)
    }()
}
