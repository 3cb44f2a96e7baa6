import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// Special rectifications (专项整治) through the API: a street starts one led by a department,
/// brings its events under it (all or none), everyone involved follows progress, the lead closes it.
@Suite struct CampaignTests {
    static func request(id: UUID = UUID(), due: String = "2099-12-31") -> CreateCampaignRequestDTO {
        CreateCampaignRequestDTO(
            id: id, name: "消防通道堵塞专项整治", description: "清理全街道消防通道杂物", leadUnit: "510117-ZF", scopeUnit: "510117001",
            eventTypes: [EventFixtures.fireLaneType], due: due)
    }

    @Test("a street starts a campaign, brings events under it, the lead department follows and closes it")
    func lifecycle() async throws {
        try await TestApp.with { app in
            let street = try await app.token("street_op")
            let worker = try await app.token("gridworker")
            let department = try await app.token("dept_handler")
            let district = try await app.token("district_op")
            let body = Self.request()
            let (status, created) = try await app.call(.POST, "/api/v1/campaigns", token: street, json: body)
            #expect(status == .created)
            let campaign = try app.decode(CampaignDTO.self, created)
            #expect(campaign.lead?.code == "510117-ZF" && campaign.scope?.code == "510117001")
            #expect(campaign.progress.status == "underway" && campaign.progress.total == 0)
            // a repeated submission returns the first campaign
            let (again, repeated) = try await app.call(.POST, "/api/v1/campaigns", token: street, json: body)
            #expect(again == .ok)
            #expect(try app.decode(CampaignDTO.self, repeated).id == body.id)
            // the lead department hears of it
            let (_, inbox) = try await app.call(.GET, "/api/v1/inbox", token: department)
            #expect(try app.decode(PageDTO<InboxItemDTO>.self, inbox).items.contains { $0.kind == "campaign_started" && $0.message.contains("消防通道") })

            var members: [UUID] = []
            for index in 0..<3 {
                let report = try await EventFixtures.report(app, worker, description: "消防通道堵塞 \(index)")
                _ = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
                members.append(report.id)
            }
            let elsewhere = try await EventFixtures.report(app, district, description: "另一街道的消防通道", grid: "510117002001001")
            #expect(try await app.call(.POST, "/api/v1/events", token: district, json: elsewhere).status == .created)

            // one misfit refuses the whole batch, and says which and why
            let mixed = CampaignMembersRequestDTO(events: [members[0], elsewhere.id, members[1]])
            let (refused, problem) = try await app.call(.POST, "/api/v1/campaigns/\(body.id)/events", token: district, json: mixed)
            #expect(refused == .unprocessableEntity)
            let error = try app.decode(APIErrorDTO.self, problem)
            #expect(error.errors?.map(\.field) == ["events[1]"])
            #expect(error.errors?.first?.reason.contains("范围") == true)
            let (_, unchanged) = try await app.call(.GET, "/api/v1/campaigns/\(body.id)", token: street)
            #expect(try app.decode(CampaignDTO.self, unchanged).progress.total == 0)

            let (added, afterAdd) = try await app.call(
                .POST, "/api/v1/campaigns/\(body.id)/events", token: street, json: CampaignMembersRequestDTO(events: Array(members.prefix(2))))
            #expect(added == .ok)
            #expect(try app.decode(CampaignDTO.self, afterAdd).progress.total == 2)
            // an event joins one campaign only
            let (twice, twiceBody) = try await app.call(
                .POST, "/api/v1/campaigns/\(body.id)/events", token: street, json: CampaignMembersRequestDTO(events: [members[0]]))
            #expect(twice == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, twiceBody).errors?.first?.reason.contains("已在本专项整治中") == true)

            // members are an event-list filter
            let (_, list) = try await app.call(.GET, "/api/v1/events?campaign=\(body.id)", token: street)
            #expect(Set(try app.decode(PageDTO<EventDTO>.self, list).items.map(\.id)) == Set(members.prefix(2)))

            // the lead sees it; a community of another street does not
            let (_, leadList) = try await app.call(.GET, "/api/v1/campaigns", token: department)
            #expect(try app.decode(PageDTO<CampaignDTO>.self, leadList).items.map(\.id) == [body.id])
            _ = try await app.makeUser("other_community", role: .communityOperator, unit: "510117002001")
            let other = try await app.token("other_community")
            #expect(try await app.call(.GET, "/api/v1/campaigns/\(body.id)", token: other).status == .notFound)
            let (_, otherList) = try await app.call(.GET, "/api/v1/campaigns", token: other)
            #expect(try app.decode(PageDTO<CampaignDTO>.self, otherList).total == 0)

            // a community may follow but not add; the lead closes it with a summary
            let community = try await app.token("community_op")
            #expect(try await app.call(.GET, "/api/v1/campaigns/\(body.id)", token: community).status == .ok)
            #expect(try await app.call(
                .POST, "/api/v1/campaigns/\(body.id)/events", token: community, json: CampaignMembersRequestDTO(events: [members[2]])).status == .forbidden)
            #expect(try await app.call(.POST, "/api/v1/campaigns/\(body.id)/close", token: department, json: CloseCampaignRequestDTO(note: " ")).status == .unprocessableEntity)
            let (closedStatus, closedBody) = try await app.call(
                .POST, "/api/v1/campaigns/\(body.id)/close", token: department, json: CloseCampaignRequestDTO(note: "已清理 2 处"))
            #expect(closedStatus == .ok)
            let closed = try app.decode(CampaignDTO.self, closedBody)
            #expect(closed.progress.status == "closed" && closed.closingNote == "已清理 2 处" && closed.closedAt != nil)
            #expect(try await app.call(
                .POST, "/api/v1/campaigns/\(body.id)/events", token: street, json: CampaignMembersRequestDTO(events: [members[2]])).status == .unprocessableEntity)
            let (_, openOnly) = try await app.call(.GET, "/api/v1/campaigns", token: street)
            #expect(try app.decode(PageDTO<CampaignDTO>.self, openOnly).total == 0)
            let (_, withClosed) = try await app.call(.GET, "/api/v1/campaigns?include_closed=true", token: street)
            #expect(try app.decode(PageDTO<CampaignDTO>.self, withClosed).total == 1)
        }
    }

    @Test("a bad campaign is refused field by field and nothing is stored")
    func validation() async throws {
        try await TestApp.with { app in
            let street = try await app.token("street_op")
            var body = Self.request(due: "2000-01-01")
            body.name = "  "
            body.leadUnit = "510117001001"
            body.eventTypes = ["Z9999"]
            let (status, answer) = try await app.call(.POST, "/api/v1/campaigns", token: street, json: body)
            #expect(status == .unprocessableEntity)
            #expect(Set(try app.decode(APIErrorDTO.self, answer).errors?.map(\.field) ?? []) == ["name", "lead_unit", "due", "event_types"])
            var outside = Self.request()
            outside.scopeUnit = "510117002"
            let (scopeStatus, scopeAnswer) = try await app.call(.POST, "/api/v1/campaigns", token: street, json: outside)
            #expect(scopeStatus == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, scopeAnswer).field == "scope_unit")
            let (_, list) = try await app.call(.GET, "/api/v1/campaigns?include_closed=true", token: street)
            #expect(try app.decode(PageDTO<CampaignDTO>.self, list).total == 0)
            // a grid worker may not start one
            #expect(try await app.call(.POST, "/api/v1/campaigns", token: try await app.token("gridworker"), json: Self.request()).status == .forbidden)
        }
    }
}
