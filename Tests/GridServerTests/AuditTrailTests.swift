import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import SQLKit
import Testing
import Vapor

/// Every write leaves an audit row. The test walks every documented write endpoint, so a new
/// write route without a scenario here fails the suite.
@Suite struct AuditTrailTests {
    /// One scenario per write endpoint: performs a successful call and names the audit action it must leave.
    typealias Scenario = @Sendable (Application, _ admin: String) async throws -> (status: HTTPStatus, action: String)

    static let scenarios: [String: Scenario] = [
        "POST /api/v1/auth/login": { app, _ in
            let (status, _) = try await app.call(.POST, "/api/v1/auth/login", json: LoginRequestDTO(username: "leader", password: TestApp.password))
            return (status, "auth.login")
        },
        "POST /api/v1/auth/logout": { app, _ in
            let token = try await app.token("leader")
            return (try await app.call(.POST, "/api/v1/auth/logout", token: token).status, "auth.logout")
        },
        "POST /api/v1/auth/password": { app, _ in
            let token = try await app.token("leader")
            let body = ChangePasswordRequestDTO(currentPassword: TestApp.password, newPassword: "brand-new-secret-1")
            return (try await app.call(.POST, "/api/v1/auth/password", token: token, json: body).status, "user.password_changed")
        },
        "POST /api/v1/users": { app, admin in
            let body = CreateUserRequestDTO(username: "audited", password: "another-pass-9", roles: ["grid_worker"], unit: "510117001001002")
            return (try await app.call(.POST, "/api/v1/users", token: admin, json: body).status, "user.created")
        },
        "PATCH /api/v1/users/{id}": { app, admin in
            guard let leader = try await UserStore.find(username: "leader", on: app.db) else { throw TestSupportError.noDatabase }
            let body = UpdateUserRequestDTO(displayName: "赵书记（新）")
            return (try await app.call(.PATCH, "/api/v1/users/\(leader.id)", token: admin, json: body).status, "user.updated")
        },
        "POST /api/v1/units": { app, admin in
            let body = CreateUnitRequestDTO(code: "510117001002009", name: "新网格", kind: "grid", parent: "510117001002")
            return (try await app.call(.POST, "/api/v1/units", token: admin, json: body).status, "unit.created")
        },
        "PATCH /api/v1/units/{id}": { app, admin in
            return (try await app.call(.PATCH, "/api/v1/units/510117001002", token: admin, json: UpdateUnitRequestDTO(name: "新名字社区")).status, "unit.renamed")
        },
        "POST /api/v1/grids/import": { app, admin in
            let exported = try await app.call(.GET, "/api/v1/grids/export?unit=510117001001", token: admin).body
            return (try await app.call(.POST, "/api/v1/grids/import", token: admin, raw: exported).status, "grids.imported")
        },
        "POST /api/v1/grids/{code}/redraw": { app, admin in
            let geometry = try await MapFixtures.geometry(app, admin, "510117001001001")
            let body = GridChangeRequestDTO(datum: "gcj02", geometry: geometry)
            return (try await app.call(.POST, "/api/v1/grids/510117001001001/redraw", token: admin, json: body).status, "grids.redraw")
        },
        "POST /api/v1/grids/merge": { app, admin in
            let body = try await MapFixtures.mergeRequest(app, admin)
            return (try await app.call(.POST, "/api/v1/grids/merge", token: admin, json: body).status, "grids.merge")
        },
        "POST /api/v1/grids/{code}/split": { app, admin in
            let (merge, split) = try await MapFixtures.mergeThenSplit(app, admin)
            _ = try await app.call(.POST, "/api/v1/grids/merge", token: admin, json: merge)
            return (try await app.call(.POST, "/api/v1/grids/\(MapFixtures.mergedCode)/split", token: admin, json: split).status, "grids.split")
        },
        "POST /api/v1/grids/{code}/staff": { app, admin in
            let body = AssignStaffRequestDTO(name: "周丽", role: "part_time", workPhone: "13912345678")
            return (try await app.call(.POST, "/api/v1/grids/510117001001002/staff", token: admin, json: body).status, "grids.staff_assigned")
        },
        "POST /api/v1/grids/staff/{id}/end": { app, admin in
            let (_, body) = try await app.call(.GET, "/api/v1/grids/510117001001001/staff", token: admin)
            let id = try #require(try app.decode(GridStaffListDTO.self, body).items.first?.id)
            return (try await app.call(.POST, "/api/v1/grids/staff/\(id)/end", token: admin).status, "grids.staff_ended")
        },
        "POST /api/v1/events": { app, _ in
            let worker = try await app.token("gridworker")
            return (try await app.call(.POST, "/api/v1/events", token: worker, json: try await EventFixtures.report(app, worker)).status, "event.report")
        },
        "POST /api/v1/events/{id}/actions/{action}": { app, _ in
            let worker = try await app.token("gridworker")
            let report = try await EventFixtures.report(app, worker)
            _ = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            let community = try await app.token("community_op")
            return (try await app.call(.POST, "/api/v1/events/\(report.id)/actions/accept", token: community, json: EventActionRequestDTO()).status, "event.accept")
        },
        "POST /api/v1/inbox/{id}/read": { app, _ in
            let worker = try await app.token("gridworker")
            let report = try await EventFixtures.report(app, worker)
            _ = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            let community = try await app.token("community_op")
            let (_, body) = try await app.call(.GET, "/api/v1/inbox", token: community)
            let id = try require(try app.decode(PageDTO<InboxItemDTO>.self, body).items.first?.id)
            return (try await app.call(.POST, "/api/v1/inbox/\(id)/read", token: community).status, "inbox.read")
        },
        "POST /api/v1/event-types/import": { app, admin in
            return (try await app.call(.POST, "/api/v1/event-types/import", token: admin, raw: EventCatalog.standard.csvText).status, "catalog.imported")
        },
        "POST /api/v1/campaigns": { app, _ in
            let street = try await app.token("street_op")
            return (try await app.call(.POST, "/api/v1/campaigns", token: street, json: CampaignTests.request()).status, "campaign.created")
        },
        "POST /api/v1/campaigns/{id}/events": { app, _ in
            let street = try await app.token("street_op")
            let campaign = CampaignTests.request()
            _ = try await app.call(.POST, "/api/v1/campaigns", token: street, json: campaign)
            let worker = try await app.token("gridworker")
            let report = try await EventFixtures.report(app, worker)
            _ = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            let body = CampaignMembersRequestDTO(events: [report.id])
            return (try await app.call(.POST, "/api/v1/campaigns/\(campaign.id)/events", token: street, json: body).status, "campaign.events_added")
        },
        "POST /api/v1/campaigns/{id}/close": { app, _ in
            let street = try await app.token("street_op")
            let campaign = CampaignTests.request()
            _ = try await app.call(.POST, "/api/v1/campaigns", token: street, json: campaign)
            let body = CloseCampaignRequestDTO(note: "整治完成")
            return (try await app.call(.POST, "/api/v1/campaigns/\(campaign.id)/close", token: street, json: body).status, "campaign.closed")
        },
        "POST /api/v1/webhooks": { app, admin in
            let body = CreateWebhookRequestDTO(url: "http://127.0.0.1:9/hook", unit: "510117-ZF")
            return (try await app.call(.POST, "/api/v1/webhooks", token: admin, json: body).status, "webhook.created")
        },
        "POST /api/v1/webhooks/{id}/disable": { app, admin in
            let (_, body) = try await app.call(.POST, "/api/v1/webhooks", token: admin, json: CreateWebhookRequestDTO(url: "http://127.0.0.1:9/hook"))
            let id = try app.decode(WebhookDTO.self, body).id
            return (try await app.call(.POST, "/api/v1/webhooks/\(id)/disable", token: admin).status, "webhook.disabled")
        },
        "POST /api/v1/webhooks/{id}/enable": { app, admin in
            let (_, body) = try await app.call(.POST, "/api/v1/webhooks", token: admin, json: CreateWebhookRequestDTO(url: "http://127.0.0.1:9/hook"))
            let id = try app.decode(WebhookDTO.self, body).id
            _ = try await app.call(.POST, "/api/v1/webhooks/\(id)/disable", token: admin)
            return (try await app.call(.POST, "/api/v1/webhooks/\(id)/enable", token: admin).status, "webhook.enabled")
        },
        "POST /api/v1/calendar/import": { app, admin in
            return (try await app.call(.POST, "/api/v1/calendar/import", token: admin, raw: CalendarTests.csv2027).status, "calendar.imported")
        },
        "POST /api/v1/people/import": { app, _ in
            let community = try await app.token("community_op")
            let rooms = try await PeopleImportTests.roomCodes(app, under: "/510117/510117001/510117001001/")
            let csv = PeopleImportTests.csv(count: 2, rooms: rooms)
            return (try await app.call(.POST, "/api/v1/people/import", token: community, raw: csv).status, "people.imported")
        },
        "POST /api/v1/rooms/import": { app, _ in
            let worker = try await app.token("gridworker")
            let building = try await HousingAndOrganizationsTests.building(app, worker)
            let csv = "楼栋,房间,楼层,用途\n\(building.addressCode),9901,1,自住\n"
            return (try await app.call(.POST, "/api/v1/rooms/import", token: worker, raw: csv).status, "rooms.imported")
        },
        "POST /api/v1/organizations/import": { app, _ in
            let worker = try await app.token("gridworker")
            let building = try await HousingAndOrganizationsTests.building(app, worker)
            let csv = "单位名称,单位类型,地址编码\n街角小卖部,个体工商户,\(building.addressCode)\n"
            return (try await app.call(.POST, "/api/v1/organizations/import", token: worker, raw: csv).status, "organizations.imported")
        },
        "PATCH /api/v1/people/{id}": { app, _ in
            let worker = try await app.token("gridworker")
            let person = try PersonEditTests.resident(app)
            let (_, body) = try await app.call(.GET, "/api/v1/people/\(person.id)", token: worker)
            let update = PersonUpdateDTO(version: try app.decode(PersonDTO.self, body).version, tags: ["楼栋长"])
            return (try await app.call(.PATCH, "/api/v1/people/\(person.id)", token: worker, json: update).status, "person.edited")
        },
        "POST /api/v1/people/{id}/move-out": { app, _ in
            let worker = try await app.token("gridworker")
            let person = try PersonEditTests.resident(app)
            let (_, body) = try await app.call(.GET, "/api/v1/people/\(person.id)", token: worker)
            let request = MoveOutRequestDTO(version: try app.decode(PersonDTO.self, body).version)
            return (try await app.call(.POST, "/api/v1/people/\(person.id)/move-out", token: worker, json: request).status, "person.moved_out")
        },
        "PATCH /api/v1/rooms/{id}": { app, _ in
            let worker = try await app.token("gridworker")
            let (_, body) = try await app.call(.GET, "/api/v1/rooms?unit=510117001001001&per=1", token: worker)
            let room = try #require(try app.decode(PageDTO<RoomDTO>.self, body).items.first)
            let update = RoomUpdateDTO(version: room.version, area: (room.area ?? 50) + 1)
            return (try await app.call(.PATCH, "/api/v1/rooms/\(room.id)", token: worker, json: update).status, "room.edited")
        },
        "PATCH /api/v1/organizations/{id}": { app, _ in
            let community = try await app.token("community_op")
            let (_, body) = try await app.call(.GET, "/api/v1/organizations?per=1", token: community)
            let organization = try #require(try app.decode(PageDTO<OrganizationDTO>.self, body).items.first)
            let update = OrganizationUpdateDTO(version: organization.version, employeeCount: organization.employeeCount + 1)
            return (try await app.call(.PATCH, "/api/v1/organizations/\(organization.id)", token: community, json: update).status, "organization.edited")
        },
        "POST /api/v1/declarations": { app, _ in
            let room = try await DeclarationTests.room(app)
            let worker = try await app.token("gridworker")
            return (try await app.call(.POST, "/api/v1/declarations", token: worker, json: DeclarationTests.tenant(room.addressCode)).status,
                    "declaration.submitted")
        },
        "POST /api/v1/declarations/{id}/review": { app, _ in
            let room = try await DeclarationTests.room(app)
            let (_, body) = try await app.call(.POST, "/api/v1/declarations", json: DeclarationTests.tenant(room.addressCode))
            let id = try app.decode(DeclarationReceiptDTO.self, body).id
            let worker = try await app.token("gridworker")
            let review = DeclarationReviewDTO(decision: "accept")
            return (try await app.call(.POST, "/api/v1/declarations/\(id)/review", token: worker, json: review).status, "declaration.accepted")
        },
        "PUT /api/v1/patrols/{id}": { app, _ in
            let worker = try await app.token("gridworker")
            let body = try PatrolAPITests.json(PatrolUpsertDTO(startedAt: try app.grid.clock.now.addingTimeInterval(-600)))
            return (try await app.call(.PUT, "/api/v1/patrols/\(UUID())", token: worker, raw: body).status, "patrol.started")
        },
        "POST /api/v1/tasks": { app, _ in
            let department = try await app.token("dept_handler")
            return (try await app.call(.POST, "/api/v1/tasks", token: department, json: try TaskAPITests.request(app)).status, "task.issued")
        },
        "PUT /api/v1/tasks/{id}/progress/{grid}": { app, _ in
            let department = try await app.token("dept_handler")
            let task = try TaskAPITests.request(app, units: [TaskAPITests.grid])
            _ = try await app.call(.POST, "/api/v1/tasks", token: department, json: task)
            let worker = try await app.token("gridworker")
            let body = TaskProgressRequestDTO(checked: [0], done: false, version: 0)
            return (try await app.call(.PUT, "/api/v1/tasks/\(task.id)/progress/\(TaskAPITests.grid)", token: worker, json: body).status, "task.progress")
        },
        "POST /api/v1/visits": { app, _ in
            let worker = try await app.token("gridworker")
            let household = try #require(try await VisitAPITests.due(app, worker).items.first)
            let body = VisitRecordDTO(id: UUID(), householdID: household.householdID, visitedAt: try app.grid.clock.now, met: "本人")
            return (try await app.call(.POST, "/api/v1/visits", token: worker, raw: try VisitAPITests.json(body)).status, "visit.recorded")
        },
        "POST /open311/v2/requests.json": { app, _ in
            let form = Open311Support.form(try await Open311Support.fireLane(app))
            return (try await app.postForm("/open311/v2/requests.json", form).status, "event.report")
        },
        "POST /open311/v2/requests.xml": { app, _ in
            let form = Open311Support.form(try await Open311Support.fireLane(app))
            return (try await app.postForm("/open311/v2/requests.xml", form).status, "event.report")
        },
        "PUT /api/v1/assessments/schemes/{id}": { app, admin in
            let scheme = AssessmentScheme.defaultWorker(id: UUID())
            return (try await app.call(.PUT, "/api/v1/assessments/schemes/\(scheme.id)", token: admin, json: scheme).status, "assessment.scheme")
        },
        "POST /api/v1/assessments/runs": { app, _ in
            let body = AssessmentRunRequestDTO(schemeID: AssessmentStore.defaultWorkerID, period: "2026-11")
            return (try await app.call(.POST, "/api/v1/assessments/runs", token: try await app.token("street_op"), json: body).status, "assessment.run")
        },
        "POST /api/v1/assessments/runs/{id}/publish": { app, admin in
            let body = AssessmentRunRequestDTO(schemeID: AssessmentStore.defaultWorkerID, period: "2026-10")
            let run = try AssessmentTests.decode(try await app.call(.POST, "/api/v1/assessments/runs", token: admin, json: body).body)
            let id = try #require(run.id)
            return (try await app.call(.POST, "/api/v1/assessments/runs/\(id)/publish", token: admin).status, "assessment.publish")
        },
        "POST /api/v1/risks/{id}/adjust": { app, _ in
            let worker = try await app.token("gridworker")
            let report = try await RiskRegisterTests.dispute(app, worker)
            try await RiskRegisterTests.file(app, worker, report)
            let body = AdjustRiskRequestDTO(likelihood: 3, severity: 3, reason: "现场研判：涉及人员情绪激动")
            return (try await app.call(.POST, "/api/v1/risks/\(report.id)/adjust", token: try await app.token("community_op"), json: body).status, "risk.adjust")
        },
        "POST /api/v1/risks/{id}/measures": { app, _ in
            let worker = try await app.token("gridworker")
            let report = try await RiskRegisterTests.dispute(app, worker)
            try await RiskRegisterTests.file(app, worker, report)
            let body = RiskMeasuresRequestDTO(measures: "约谈企业负责人", responsibleUnit: "510117001001", responsiblePerson: "王主任")
            return (try await app.call(.POST, "/api/v1/risks/\(report.id)/measures", token: try await app.token("community_op"), json: body).status, "risk.measures")
        },
        "POST /portal/report": { app, _ in
            let answer = try await PortalSupport.report(app, try await PortalSupport.fireLane(app))
            return (answer.status, "event.report")
        },
        "POST /portal/rate": { app, _ in
            let ticket = try #require(PortalSupport.ticket(try await PortalSupport.report(app, try await PortalSupport.fireLane(app)).body))
            _ = try await PortalTests.walkToClosed(app, ticket: ticket)
            let fields = [("_csrf", PortalSupport.csrf), ("ticket", ticket), ("phone", PortalSupport.phone), ("satisfaction", "fair")]
            return (try await PortalSupport.post(app, "/portal/rate", fields).status, "event.rate")
        },
        "POST /api/v1/one-window": { app, _ in
            let desk = try await app.token("community_op")
            return (try await PortalOneWindowTests.register(app, desk).0, "one_window.registered")
        },
        "POST /api/v1/one-window/{id}/actions/{action}": { app, _ in
            let desk = try await app.token("community_op")
            let made = try #require(try await PortalOneWindowTests.register(app, desk).1)
            return (try await PortalOneWindowTests.act(app, desk, made.id, "hand_over").0, "one_window.hand_over")
        },
        "PUT /api/v1/settings/overdue-policy": { app, admin in
            let body = OverduePolicyUpdateDTO(responses: ["handling": "supervise"])
            return (try await app.call(.PUT, "/api/v1/settings/overdue-policy", token: admin, json: body).status, "settings.overdue_policy")
        },
        "PUT /api/v1/risks/rules": { app, admin in
            var body = RiskRules.standard.settings
            body.manyPeople = 4
            return (try await app.call(.PUT, "/api/v1/risks/rules", token: admin, json: body).status, "settings.risk_rules")
        },
    ]

    /// POST endpoints that compute an answer from a body and write nothing.
    static let readOnlyPosts: Set<String> = ["POST /api/v1/grids/crosswalk", "POST /portal/status"]

    @Test("every write endpoint has an audit scenario")
    func everyWriteIsCovered() async throws {
        try await TestApp.with(seedDemo: false) { app in
            let writes = try app.grid.openAPI.operations.filter { $0.method != "GET" }.map { "\($0.method) \($0.path)" }
            #expect(Set(writes).subtracting(Self.readOnlyPosts) == Set(Self.scenarios.keys))
        }
    }

    @Test("each write leaves its audit row with actor, action, target and address",
          arguments: scenarios.keys.sorted())
    func writeLeavesAuditRow(_ key: String) async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let before = try await app.auditCount()
            let scenario = try #require(Self.scenarios[key])
            let (status, action) = try await scenario(app, admin)
            #expect([.ok, .created, .noContent].contains(status), "\(key) answered \(status)")
            let rows = try await AuditLog.list(.init(action: action), page: 1, per: 10, on: app.db)
            let row = try #require(rows.items.first, "no \(action) row")
            #expect(try await app.auditCount() > before)
            #expect(!row.actor.isEmpty)
            #expect(!row.summary.isEmpty)
            // The actor is the signed-in user (the client address is checked over real HTTP in GridClientTests).
            #expect(row.actorID != nil)
        }
    }

    @Test("the audit log cannot be changed or deleted, not even by SQL")
    func appendOnly() async throws {
        try await TestApp.with { app in
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_log SET summary = 'rewritten'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_log").run() }
            #expect(try await app.auditCount() > 0)
        }
    }

    @Test("administrators filter the audit log by action and actor")
    func filters() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            _ = try await app.call(.POST, "/api/v1/auth/login", json: LoginRequestDTO(username: "leader", password: "wrong-password"))
            let (status, body) = try await app.call(.GET, "/api/v1/audit?action=auth.login_failed", token: admin)
            #expect(status == .ok)
            let page = try app.decode(PageDTO<AuditEntryDTO>.self, body)
            #expect(page.total == 1)
            #expect(page.items.first?.actor == "leader")
            #expect(page.items.first?.summary.contains("wrong password") == true)
            #expect(try await app.call(.GET, "/api/v1/audit?from=yesterday", token: admin).status == .unprocessableEntity)
        }
    }
}
