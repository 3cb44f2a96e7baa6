import Foundation

/// The ratings of one event (事件评价): discovery stars given by the receiving unit after
/// verification, and disposal stars computed from timeliness and the party's satisfaction by the
/// disposal table, which a rater may move by one star with a reason.
public struct EventRatings: Sendable, Hashable, Codable {
    public var discoveryStars: Int?
    public var satisfaction: Satisfaction?
    public var timeliness: Timeliness?
    /// From the table.
    public var disposalComputed: Int?
    /// What counts: the computed stars, or the override.
    public var disposalStars: Int?
    public var overrideReason: String?

    public init(
        discoveryStars: Int? = nil, satisfaction: Satisfaction? = nil, timeliness: Timeliness? = nil, disposalComputed: Int? = nil,
        disposalStars: Int? = nil, overrideReason: String? = nil
    ) {
        self.discoveryStars = discoveryStars
        self.satisfaction = satisfaction
        self.timeliness = timeliness
        self.disposalComputed = disposalComputed
        self.disposalStars = disposalStars
        self.overrideReason = overrideReason
    }
}

/// Who may rate what, and the arithmetic. Rating does not move the event's state.
public enum EventRatingRules {
    /// States in which a verified fix exists to be rated.
    public static let ratableStates: Set<EventState> = [.verified, .closed, .archived]
    /// 发现评价 is given by the unit that received the report: community, street or district centre.
    public static let discoveryRaters: Set<Role> = [.communityOperator, .streetOperator, .districtOperator]
    /// 处置评价 records the party's satisfaction: the reporting grid worker or the community.
    public static let disposalRaters: Set<Role> = [.gridWorker, .gridHead, .communityOperator]

    public static func rate(
        _ event: EventSnapshot, current: EventRatings, by actor: EventActor, discoveryStars: Int?, satisfaction: Satisfaction?,
        disposalOverride: Int?, reason: String?, calendar: WorkingCalendar, table: DisposalRating = .standard
    ) throws(EventRefusal) -> EventRatings {
        guard ratableStates.contains(event.state), event.outcome == nil || event.outcome == .resolved else {
            throw .illegalInState(.rate, event.state)
        }
        guard discoveryStars != nil || satisfaction != nil else {
            throw .invalidInput(field: "stars", reason: LocalizedText(zh: "请给出发现星级或满意度", en: "give discovery stars or the satisfaction"))
        }
        // The right is checked before the scope, as the state machine does.
        if discoveryStars != nil, actor.roles.isDisjoint(with: discoveryRaters) { throw .notPermitted(.rate, actor.primaryRole) }
        if satisfaction != nil, actor.userID != event.reporterID, actor.roles.isDisjoint(with: disposalRaters) {
            throw .notPermitted(.rate, actor.primaryRole)
        }
        let inScope = actor.unitPath.contains(event.gridPath) || actor.unitPath.contains(event.ownerPath)
        guard inScope else { throw .outOfScope }
        var ratings = current
        if let stars = discoveryStars {
            guard (1...5).contains(stars) else {
                throw .invalidInput(field: "stars", reason: LocalizedText(zh: "星级应为 1–5", en: "stars must be 1–5"))
            }
            ratings.discoveryStars = stars
        }
        if let satisfaction {
            guard let timeliness = event.handlingTimeliness(calendar: calendar) else {
                throw .illegalInState(.rate, event.state)
            }
            let computed = table.stars(timeliness: timeliness, satisfaction: satisfaction)
            ratings.satisfaction = satisfaction
            ratings.timeliness = timeliness
            ratings.disposalComputed = computed
            ratings.disposalStars = computed
            ratings.overrideReason = nil
            if let disposalOverride {
                let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                do {
                    let override = try DisposalRating.override(computed: computed, to: disposalOverride, reason: text)
                    ratings.disposalStars = override.stars
                    ratings.overrideReason = override.reason
                } catch {
                    throw .invalidInput(field: error.field ?? "disposal_stars", reason: error.reason)
                }
            }
        }
        return ratings
    }
}

extension EventRatingRules {
    /// What `actor` may rate on `event` now: discovery stars, the party's satisfaction, both or
    /// neither — the same rules `rate` applies, so the console offers only what will be accepted.
    public static func ratable(_ event: EventSnapshot, by actor: EventActor) -> (discovery: Bool, satisfaction: Bool) {
        guard ratableStates.contains(event.state), event.outcome == nil || event.outcome == .resolved,
              actor.unitPath.contains(event.gridPath) || actor.unitPath.contains(event.ownerPath)
        else { return (false, false) }
        return (!actor.roles.isDisjoint(with: discoveryRaters),
                actor.userID == event.reporterID || !actor.roles.isDisjoint(with: disposalRaters))
    }
}
