import Foundation
import Testing
@testable import GridCore

@Suite("Campaign: special rectifications (专项整治) — drafting, who may join, progress")
struct CampaignRulesTests {
    static let street = UnitPath(rawValue: "/510117/510117001/")!
    static let department = UnitPath(rawValue: "/510117/510117-ZF/")!
    static let today = CalendarDay(year: 2026, month: 11, day: 23)!

    static func draft(
        name: String = "占道经营专项整治", leadKind: UnitKind = .department, types: [String] = ["B0501"],
        start: CalendarDay = today, due: CalendarDay = CalendarDay(year: 2026, month: 12, day: 31)!
    ) throws(ValidationFailures) -> Campaign {
        try Campaign.draft(
            id: UUID(), name: name, summary: " 清理 ", leadPath: department, leadKind: leadKind, scopePath: street, typeCodes: types,
            startsOn: start, dueOn: due, today: today, catalog: .standard)
    }

    static func event(_ state: EventState, grid: String = "/510117/510117001/510117001001/510117001001001/", type: String = "B0501") -> EventSnapshot {
        let gridPath = UnitPath(rawValue: grid)!
        return EventSnapshot(
            id: UUID(), typeCode: type, state: state, level: 2, reporterID: UUID(), reporterRole: .gridWorker,
            reportedAt: Date(timeIntervalSince1970: 1_790_000_000), gridPath: gridPath, ownerPath: gridPath.territorialParent ?? gridPath)
    }

    @Test("a good draft is trimmed and keeps its types once")
    func good() throws {
        let campaign = try Self.draft(types: ["B0501", "B0501"])
        #expect(campaign.summary == "清理" && campaign.typeCodes == ["B0501"] && !campaign.isClosed)
    }

    @Test("every problem of a draft is named by its field")
    func problems() {
        #expect {
            _ = try Self.draft(name: " ", leadKind: .community, types: ["Z9999"], due: CalendarDay(year: 2026, month: 11, day: 1)!)
        } throws: { error in
            (error as? ValidationFailures)?.failures.compactMap(\.field) == ["name", "lead_unit", "due", "event_types"]
        }
        #expect(throws: ValidationFailures.self) { _ = try Self.draft(name: String(repeating: "整", count: 61)) }
        #expect(throws: ValidationFailures.self) {
            _ = try Self.draft(start: CalendarDay(year: 2027, month: 1, day: 5)!, due: CalendarDay(year: 2027, month: 1, day: 4)!)
        }
    }

    @Test("only events of the territory and the targeted types, not rejected or merged away, may join")
    func admission() throws {
        let campaign = try Self.draft()
        #expect(campaign.admissionProblem(for: Self.event(.dispatched)) == nil)
        #expect(campaign.admissionProblem(for: Self.event(.closed)) == nil)
        #expect(campaign.admissionProblem(for: Self.event(.reported, grid: "/510117/510117002/510117002001/510117002001001/")) != nil)
        #expect(campaign.admissionProblem(for: Self.event(.reported, type: "A0101")) != nil)
        var rejected = Self.event(.rejected)
        rejected.outcome = .rejected
        #expect(campaign.admissionProblem(for: rejected) != nil)
        var merged = Self.event(.closed)
        merged.outcome = .merged(into: UUID())
        #expect(campaign.admissionProblem(for: merged) != nil)
    }

    @Test("progress counts members by stage; status follows the due day and the open count")
    func progress() throws {
        var campaign = try Self.draft()
        let calendar = WorkingCalendar()
        let now = calendar.start(of: Self.today).addingTimeInterval(10 * 3600)
        let members = [Self.event(.closed), Self.event(.closed), Self.event(.handled), Self.event(.inProgress), Self.event(.rejected)]
        let progress = CampaignProgress(campaign: campaign, members: members, now: now, calendar: calendar)
        #expect(progress.total == 5 && progress.resolved == 2 && progress.awaitingVerification == 1 && progress.inHand == 1)
        #expect(progress.byState == ["closed": 2, "handled": 1, "in_progress": 1, "rejected": 1])
        #expect(progress.status == .underway && progress.workingDaysLeft > 20)
        #expect(abs(progress.resolvedShare - 0.4) < 1e-9)

        let late = CampaignProgress(
            campaign: campaign, members: members, now: calendar.start(of: CalendarDay(year: 2027, month: 1, day: 4)!), calendar: calendar)
        #expect(late.status == .late && late.workingDaysLeft < 0)
        let done = CampaignProgress(campaign: campaign, members: [Self.event(.closed)], now: now, calendar: calendar)
        #expect(done.status == .completed)
        #expect(CampaignProgress(campaign: campaign, members: [], now: now, calendar: calendar).status == .underway)
        campaign.closedAt = now
        #expect(CampaignProgress(campaign: campaign, members: members, now: now, calendar: calendar).status == .closed)
    }
}
