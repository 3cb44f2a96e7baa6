import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// A score traced to what is behind it: the events, patrols and visits a trace lists add up to
/// the numerators and denominators the run read from the indicator tables.
@Suite struct AssessmentTraceTests {
    static func trace(_ app: Application, _ token: String, _ run: UUID, subject: String, item: String, query: String = "") async throws
        -> AssessmentTraceDTO {
        let (status, body) = try await app.call(.GET, "/api/v1/assessments/runs/\(run)/trace?subject=\(subject)&item=\(item)\(query)", token: token)
        #expect(status == .ok, "\(item): \(body.prefix(300))")
        return try app.decode(AssessmentTraceDTO.self, body)
    }

    static func run(_ app: Application, _ token: String, _ scheme: UUID, unit: String?, period: String) async throws -> AssessmentRunDTO {
        let (status, body) = try await app.call(
            .POST, "/api/v1/assessments/runs", token: token, json: AssessmentRunRequestDTO(schemeID: scheme, unit: unit, period: period))
        #expect(status == .created, "\(body.prefix(300))")
        return try app.decode(AssessmentRunDTO.self, body)
    }

    @Test("a worker's valid rate traces to their three reports, patrol hours to the patrol; pages, bad items and scope")
    func byHand() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let street = try await app.token("street_op")
            let ids = try await AssessmentTests.threeReports(app, worker: worker, community: community)
            let calendar = WorkingCalendar()
            let today = calendar.day(of: try app.grid.clock.now)
            let start = calendar.start(of: today.adding(days: -2)).addingTimeInterval(22 * 3600)
            let patrolID = UUID()
            let patrol = PatrolUpsertDTO(startedAt: start, endedAt: start.addingTimeInterval(3.5 * 3600))
            #expect(try await app.call(.PUT, "/api/v1/patrols/\(patrolID)", token: worker, raw: try PatrolAPITests.json(patrol)).status == .created)

            let run = try await Self.run(app, street, AssessmentStore.defaultWorkerID, unit: nil, period: "\(today.adding(days: -2))..\(today)")
            let runID = try #require(run.id)
            let subject = try #require(run.results.first).key

            let valid = try await Self.trace(app, street, runID, subject: subject, item: "valid_rate")
            #expect(valid.source == "events" && valid.total == 3)
            #expect(valid.rows.map(\.id) == ids && valid.rows.map(\.numerator) == [0, 1, 1] && valid.rows.map(\.denominator) == [1, 1, 1])
            #expect(valid.recorded == .init(numerator: 2, denominator: 3) && valid.traced == valid.recorded)
            #expect(valid.rows.allSatisfy { $0.kind == "event" && !$0.label.isEmpty && $0.typeCode != nil })
            // the refused report has no handling deadline; the accepted ones do
            #expect(valid.rows.map { $0.until != nil } == [false, true, true])
            let refused = try await Self.trace(app, street, runID, subject: subject, item: "rejected")
            #expect(refused.rows.map(\.id) == [ids[0]] && refused.traced.numerator == 1)
            let paged = try await Self.trace(app, street, runID, subject: subject, item: "valid_rate", query: "&page=2&per=2")
            #expect(paged.total == 3 && paged.rows.map(\.id) == [ids[2]])

            let hours = try await Self.trace(app, street, runID, subject: subject, item: "patrol_hours")
            #expect(hours.source == "patrols" && hours.rows.map(\.id) == [patrolID])
            #expect(hours.rows.first?.numerator == 12_600 && hours.traced == hours.recorded)
            let visits = try await Self.trace(app, street, runID, subject: subject, item: "visit_rate")
            #expect(visits.source == "visits" && visits.denominatorSource == "register" && visits.rows.isEmpty)
            #expect(visits.traced == visits.recorded)

            let badItem = try await app.call(.GET, "/api/v1/assessments/runs/\(runID)/trace?subject=\(subject)&item=nope", token: street)
            #expect(badItem.status == .unprocessableEntity && badItem.body.contains("\"item\""))
            let badSubject = try await app.call(.GET, "/api/v1/assessments/runs/\(runID)/trace?subject=x&item=valid", token: street)
            #expect(badSubject.status == .unprocessableEntity && badSubject.body.contains("\"subject\""))
            // A run of the street is not the community's to read; a grid worker reads no statistics.
            #expect(try await app.call(.GET, "/api/v1/assessments/runs/\(runID)/trace?subject=\(subject)&item=valid", token: community).status == .notFound)
            #expect(try await app.call(.GET, "/api/v1/assessments/runs/\(runID)/trace?subject=\(subject)&item=valid", token: worker).status == .forbidden)

            // The console: each item's points link to the trace page, which links each event.
            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("street_op")
            let page = try await browser.request(.GET, "/console/assessments/runs/\(runID)").body
            #expect(page.contains("/console/assessments/runs/\(runID)/trace?subject=\(subject)&amp;item=valid_rate")
                    || page.contains("/console/assessments/runs/\(runID)/trace?subject=\(subject)&item=valid_rate"))
            let tracePage = try await browser.request(.GET, "/console/assessments/runs/\(runID)/trace?subject=\(subject)&item=valid_rate").body
            #expect(tracePage.contains("/console/events/\(ids[1])") && tracePage.contains("id=\"trace-rows\""))
        }
    }

    @Test("on the demo's year, every event item of every community, department and worker traces to exactly the run's counts")
    func demoYearEqualsCells() async throws {
        try await TestApp.with(seedDemo: false) { app in
            _ = try await DemoSeeder(services: app.grid).load(scale: .small, password: TestApp.password, events: true, on: app.db)
            let admin = try await app.token("admin")
            let today = WorkingCalendar().day(of: Date())
            let period = "\(today.adding(days: -200))..\(today)"
            let schemes = try app.decode(AssessmentSchemeListDTO.self, try await app.call(.GET, "/api/v1/assessments/schemes", token: admin).body)
            var checked = 0
            for scheme in schemes.items {
                let run = try await Self.run(app, admin, scheme.id, unit: nil, period: period)
                let runID = try #require(run.id)
                for result in run.results.prefix(scheme.subject == .worker ? 4 : 12) {
                    for item in result.items where Indicator.find(item.indicator)?.measures.allSatisfy({ IndicatorTrace.source(of: $0) == .events }) == true {
                        let trace = try await Self.trace(app, admin, runID, subject: result.key, item: item.indicator, query: "&per=1")
                        #expect(trace.traced == .init(numerator: item.numerator, denominator: item.denominator),
                                "\(scheme.subject) \(result.name) \(item.indicator)")
                        checked += trace.total > 0 ? 1 : 0
                    }
                }
            }
            #expect(checked > 20)
        }
    }
}
