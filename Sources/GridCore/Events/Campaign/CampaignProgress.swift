import Foundation

/// How far a special rectification has come (整治进度): its member events counted by where they
/// stand, and how the campaign stands against its own due day. Counts, not percentages, are
/// kept so that progress adds up across campaigns.
public struct CampaignProgress: Sendable, Hashable, Codable {
    /// Where a campaign stands against its due day.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// 进行中: open events remain and the due day has not passed.
        case underway = "underway"
        /// 已完成: every member event is finished.
        case completed
        /// 已逾期: the due day passed with events still open.
        case late
        /// 已结束: closed by the lead, whatever remained.
        case closed

        public var label: LocalizedText {
            switch self {
            case .underway: LocalizedText(zh: "进行中", en: "underway")
            case .completed: LocalizedText(zh: "已完成", en: "completed")
            case .late: LocalizedText(zh: "已逾期", en: "late")
            case .closed: LocalizedText(zh: "已结束", en: "closed")
            }
        }
    }

    public var total = 0
    /// Finished: closed (resolved) or archived.
    public var resolved = 0
    /// Handled or verified, waiting for verification or closing.
    public var awaitingVerification = 0
    /// Still with a triage or handling unit.
    public var inHand = 0
    /// Open and past their own stage deadline.
    public var overdue = 0
    /// Counts by state raw value.
    public var byState: [String: Int] = [:]
    /// Working days from today to the due day (negative once past).
    public var workingDaysLeft = 0
    public var status = Status.underway

    public init() {}

    /// The progress of `campaign` over its member events at `now`.
    public init(campaign: Campaign, members: [EventSnapshot], now: Date, calendar: WorkingCalendar) {
        var counts: [EventState: Int] = [:]
        for event in members { counts[event.state, default: 0] += 1 }
        self.init(campaign: campaign, stateCounts: counts, overdue: members.count { $0.isOverdue(now) }, now: now, calendar: calendar)
    }

    /// The progress from counts a database aggregated: member events by state and how many of
    /// them are overdue.
    public init(campaign: Campaign, stateCounts: [EventState: Int], overdue: Int, now: Date, calendar: WorkingCalendar) {
        for (state, count) in stateCounts where count > 0 {
            total += count
            byState[state.rawValue] = count
            switch state {
            case .closed, .archived: resolved += count
            case .handled, .verified: awaitingVerification += count
            case .rejected: break
            default: inHand += count
            }
        }
        self.overdue = overdue
        let today = calendar.day(of: now)
        workingDaysLeft = calendar.workingDaysBetween(today, campaign.dueOn)
        let open = inHand + awaitingVerification
        status = if campaign.isClosed { .closed } else if total > 0 && open == 0 { .completed } else if today > campaign.dueOn { .late } else { .underway }
    }

    /// The share of member events finished, 0…1 (0 for an empty campaign).
    public var resolvedShare: Double {
        total == 0 ? 0 : Double(resolved) / Double(total)
    }
}
