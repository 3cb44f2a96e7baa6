import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GridCore
import GridServer
import GridStore
import GridTestSupport
import SQLKit
import Testing
import Vapor

/// GeoReport v2 conformance: every resource in both formats, every documented error with its
/// HTTP status, and a request made here landing in the community's inbox as a real event.
@Suite struct Open311ConformanceTests {
    static let base = "/open311/v2"

    static func wellFormed(_ xml: String) -> Bool {
        XMLParser(data: Data(xml.utf8)).parse()
    }

    /// Checks the content type and shape of an answer in one format.
    static func expectFormat(_ answer: (status: HTTPStatus, type: String, body: String), _ format: String, root: String, _ where_: String) {
        if format == "xml" {
            #expect(answer.type == "text/xml; charset=utf-8", "\(where_)")
            #expect(answer.body.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<\(root)"), "\(where_): \(answer.body.prefix(120))")
            #expect(wellFormed(answer.body), "\(where_) is not well-formed XML")
        } else {
            #expect(answer.type == "application/json; charset=utf-8", "\(where_)")
        }
    }

    @Test("discovery, the service list and a definition answer in XML and JSON", arguments: ["json", "xml"])
    func readOnlyResources(_ format: String) async throws {
        try await TestApp.with { app in
            for path in ["\(Self.base)/discovery.\(format)", "/open311/discovery.\(format)"] {
                let discovery = try await app.getOpen311(path)
                #expect(discovery.status == .ok)
                Self.expectFormat(discovery, format, root: "discovery", path)
                #expect(discovery.body.contains("http://wiki.open311.org/GeoReport_v2"))
            }
            let services = try await app.getOpen311("\(Self.base)/services.\(format)")
            #expect(services.status == .ok)
            Self.expectFormat(services, format, root: "services", "services")
            if format == "json" {
                let list = try jsonArray(services.body)
                let fireLane = try #require(list.first { $0["service_code"] as? String == "B0501" })
                #expect(fireLane["metadata"] as? Bool == true)
                #expect(fireLane["type"] as? String == "realtime")
                #expect(fireLane["group"] as? String == "问题隐患")
                // 涉法涉诉纠纷 is not public, so not offered.
                #expect(!list.contains { $0["service_code"] as? String == "A07" })
            } else {
                #expect(services.body.contains("<service><service_code>B0501</service_code>"))
            }
            for alias in ["services", "service"] {
                let definition = try await app.getOpen311("\(Self.base)/\(alias)/B0501.\(format)")
                #expect(definition.status == .ok)
                Self.expectFormat(definition, format, root: "service_definition", "definition")
                if format == "json" {
                    let object = try jsonObject(definition.body)
                    #expect(object["service_code"] as? String == "B0501")
                    let attribute = try #require((object["attributes"] as? [[String: Any]])?.first)
                    #expect(attribute["code"] as? String == "blocked_by" && attribute["datatype"] as? String == "singlevaluelist")
                    #expect(attribute["required"] as? Bool == true && attribute["order"] as? Int == 1)
                }
            }
        }
    }

    @Test("a request posted with the demo key is a real event in the community's inbox, read back in both formats")
    func postAndReadBack() async throws {
        try await TestApp.with { app in
            let form = try await Open311Support.fireLane(app)
            let created = try await app.postForm("\(Self.base)/requests.json", Open311Support.form(form))
            #expect(created.status == .ok, "\(created.body)")
            let id = try #require(try jsonArray(created.body).first?["service_request_id"] as? String)
            #expect(try jsonArray(created.body).first?["token"] == nil)

            let event = try #require(try await EventStore.find(number: id, on: app.db))
            #expect(event.channel == "open311")
            #expect(event.attributes == ["blocked_by": .string("杂物")])
            let community = try await app.token("community_op")
            #expect(try await EventBoxTests.box(app, community, "to_accept").contains(event.snapshot.id))
            #expect(try await EventStore.timeline(event.snapshot.id, on: app.db).count == 1)
            let audit = try await AuditLog.list(.init(action: "event.report"), page: 1, per: 5, on: app.db)
            #expect(audit.items.contains { $0.targetID == event.snapshot.id.uuidString })

            let json = try await app.getOpen311("\(Self.base)/requests/\(id).json")
            #expect(json.status == .ok)
            let request = try #require(try jsonArray(json.body).first)
            #expect(request["status"] as? String == "open")
            #expect(request["service_code"] as? String == "B0501")
            #expect((request["status_notes"] as? String)?.isEmpty == false)
            #expect((request["agency_responsible"] as? String)?.isEmpty == false)
            #expect(request["media_url"] as? String == "https://example.com/photo.jpg")
            #expect(Open311DateTime.parse(request["requested_datetime"] as? String ?? "") != nil)
            #expect((request["requested_datetime"] as? String)?.hasSuffix("+08:00") == true)
            // Nothing personal is served back.
            #expect(!json.body.contains("13912345678") && !json.body.contains("resident@example.com"))

            let xml = try await app.getOpen311("\(Self.base)/requests/\(id).xml")
            Self.expectFormat(xml, "xml", root: "service_requests", "one request")
            #expect(xml.body.contains("<request><service_request_id>\(id)</service_request_id><status>open</status>"))

            let token = try await app.getOpen311("\(Self.base)/tokens/\(event.snapshot.id.uuidString).xml")
            #expect(token.status == .ok)
            #expect(token.body.contains("<service_request_id>\(id)</service_request_id>"))
            let tokenJSON = try await app.getOpen311("\(Self.base)/tokens/\(event.snapshot.id.uuidString).json")
            #expect(try jsonArray(tokenJSON.body).first?["service_request_id"] as? String == id)

            let viaXML = try await app.postForm("\(Self.base)/requests.xml", Open311Support.form(form))
            #expect(viaXML.status == .ok)
            Self.expectFormat(viaXML, "xml", root: "service_requests", "post xml")
        }
    }

    @Test("the request list filters by id, code, status and window", arguments: ["json", "xml"])
    func requestList(_ format: String) async throws {
        try await TestApp.with { app in
            let form = try await Open311Support.fireLane(app)
            let created = try await app.postForm("\(Self.base)/requests.json", Open311Support.form(form))
            let id = try #require(try jsonArray(created.body).first?["service_request_id"] as? String)
            let all = try await app.getOpen311("\(Self.base)/requests.\(format)")
            #expect(all.status == .ok)
            Self.expectFormat(all, format, root: "service_requests", "requests")
            #expect(all.body.contains(id))
            for (query, included) in [
                ("service_request_id=\(id)&status=closed", true), ("service_code=B0501,B0401", true), ("service_code=B0401", false),
                ("status=open", true), ("status=closed", false), ("status=open,closed&service_code=", true),
                ("start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z", false),
            ] {
                let answer = try await app.getOpen311("\(Self.base)/requests.\(format)?\(query)")
                #expect(answer.status == .ok, "\(query): \(answer.body)")
                #expect(answer.body.contains(id) == included, "\(query)")
            }
        }
    }

    /// Every documented error: (method, path, form, status, what the description mentions).
    static let errors: [(String, String, [(String, String)]?, HTTPStatus, String)] = [
        ("POST", "requests", [("service_code", "B0501"), ("lat", "30.8"), ("long", "103.9")], .forbidden, "api_key"),
        ("POST", "requests", [("api_key", "not-a-key"), ("service_code", "B0501")], .forbidden, "api_key"),
        ("POST", "requests", [("api_key", Open311Support.demoKey), ("service_code", "B0501"), ("jurisdiction_id", "nowhere.gov")], .notFound, "jurisdiction_id"),
        ("POST", "requests", [("api_key", Open311Support.demoKey)], .badRequest, "service_code"),
        ("POST", "requests", [("api_key", Open311Support.demoKey), ("service_code", "Z99")], .notFound, "service_code"),
        ("POST", "requests", [("api_key", Open311Support.demoKey), ("service_code", "A07")], .notFound, "service_code"),
        ("POST", "requests", [("api_key", Open311Support.demoKey), ("service_code", "B0501"), ("attribute[blocked_by]", "杂物")], .badRequest, "lat"),
        ("POST", "requests", [("api_key", Open311Support.demoKey), ("service_code", "B0501"), ("lat", "95"), ("long", "103.9"),
                              ("attribute[blocked_by]", "杂物")], .badRequest, "lat"),
        ("POST", "requests", [("api_key", Open311Support.demoKey), ("service_code", "B0501"), ("lat", "30.8"), ("long", "103.9")], .badRequest, "attribute[blocked_by]"),
        ("POST", "requests", [("api_key", Open311Support.demoKey), ("service_code", "B0501"), ("lat", "30.8"), ("long", "103.9"),
                              ("attribute[blocked_by]", "杂物"), ("media_url", "ftp://x")], .badRequest, "media_url"),
        ("POST", "requests", [("api_key", Open311Support.demoKey), ("service_code", "B0501"), ("lat", "10"), ("long", "10"),
                              ("attribute[blocked_by]", "杂物")], .badRequest, "lat/long"),
        ("POST", "nonsense", [], .notFound, "nonsense"),
        ("GET", "services.json?jurisdiction_id=nowhere.gov", nil, .notFound, "jurisdiction_id"),
        ("GET", "services/Z99", nil, .notFound, "Z99"),
        ("GET", "requests/00000000000", nil, .notFound, "00000000000"),
        ("GET", "tokens/\(UUID().uuidString)", nil, .notFound, "token"),
        ("GET", "tokens/not-a-token", nil, .notFound, "token"),
        ("GET", "requests?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", nil, .badRequest, "90"),
        ("GET", "requests?start_date=yesterday", nil, .badRequest, "start_date"),
        ("GET", "requests?status=pending", nil, .badRequest, "status"),
        ("GET", "requests?api_key=not-a-key", nil, .forbidden, "api_key"),
        ("GET", "nonsense", nil, .notFound, "nonsense"),
    ]

    @Test("every documented error answers the spec's error list with its HTTP status", arguments: ["json", "xml"])
    func documentedErrors(_ format: String) async throws {
        try await TestApp.with { app in
            for (method, path, form, status, mentions) in Self.errors {
                let parts = path.split(separator: "?", maxSplits: 1)
                let url = "\(Self.base)/\(parts[0]).\(format)" + (parts.count > 1 ? "?\(parts[1])" : "")
                let fixed = url.replacingOccurrences(of: ".json.\(format)", with: ".\(format)")
                let answer = method == "POST"
                    ? try await app.postForm(fixed, Open311Support.form(form ?? []))
                    : try await app.getOpen311(fixed)
                #expect(answer.status == status, "\(method) \(fixed): \(answer.status) \(answer.body)")
                Self.expectFormat(answer, format, root: "errors", "\(method) \(fixed)")
                #expect(answer.body.contains(mentions), "\(method) \(fixed): \(answer.body)")
                if format == "json" {
                    let list = try jsonArray(answer.body)
                    #expect(!list.isEmpty && list.allSatisfy { $0["code"] is Int && $0["description"] is String })
                }
            }
        }
    }

    @Test("every Open311 operation in the OpenAPI document is served, and only those")
    func documentedOperationsAreServed() async throws {
        try await TestApp.with { app in
            let operations = try app.grid.openAPI.operations.filter { $0.path.hasPrefix(Self.base) }
            #expect(operations.count == 14)
            let form = Open311Support.form(try await Open311Support.fireLane(app))
            let created = try await app.postForm("\(Self.base)/requests.json", form)
            let id = try #require(try jsonArray(created.body).first?["service_request_id"] as? String)
            let event = try #require(try await EventStore.find(number: id, on: app.db))
            for operation in operations {
                let path = operation.path.replacingOccurrences(of: "{service_code}", with: "B0501")
                    .replacingOccurrences(of: "{service_request_id}", with: id).replacingOccurrences(of: "{token}", with: event.snapshot.id.uuidString)
                let answer = operation.method == "POST" ? try await app.postForm(path, form) : try await app.getOpen311(path)
                #expect(answer.status == .ok, "\(operation.method) \(path): \(answer.body.prefix(200))")
                #expect(answer.type.hasPrefix(operation.responseMediaType ?? "?"), "\(operation.method) \(path)")
            }
        }
    }

    @Test("the right jurisdiction_id is accepted, from the query string or the body")
    func jurisdiction() async throws {
        try await TestApp.with(adjust: { $0.open311Jurisdiction = "pidu.gov.cn" }) { app in
            #expect(try await app.getOpen311("\(Self.base)/services.json?jurisdiction_id=pidu.gov.cn").status == .ok)
            #expect(try await app.getOpen311("\(Self.base)/services.json?jurisdiction_id=510117").status == .notFound)
            let form = try await Open311Support.fireLane(app, extra: [("jurisdiction_id", "pidu.gov.cn")])
            #expect(try await app.postForm("\(Self.base)/requests.json", Open311Support.form(form)).status == .ok)
        }
    }

    @Test("a key past its rate is refused with 429 and Retry-After; a disabled key with 403")
    func rateLimitAndDisabledKey() async throws {
        try await TestApp.with { app in
            let (client, key) = try await Open311ClientService(services: app.grid).create(name: "slow app", ratePerMinute: 1, by: .system, on: app.db)
            let form = Open311Support.form(try await Open311Support.fireLane(app, key: key))
            #expect(try await app.postForm("\(Self.base)/requests.json", form).status == .ok)
            let refused = try await app.postForm("\(Self.base)/requests.xml", form)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.body.contains("<code>429</code>"))
            _ = try await Open311ClientService(services: app.grid).setActive(client.id, false, by: .system, on: app.db)
            #expect(try await app.postForm("\(Self.base)/requests.json", form).status == .forbidden)
        }
    }

    @Test("keys are stored only as hashes; the console issues one and shows it once")
    func keysAreHashed() async throws {
        try await TestApp.with { app in
            let (client, key) = try await Open311ClientService(services: app.grid).create(name: "city app", by: .system, on: app.db)
            #expect(key.hasPrefix("o311_") && key.count > 40)
            let rows = try await (app.db as? any SQLDatabase)?.raw("SELECT key_hash FROM open311_clients WHERE id = \(bind: client.id)").all()
            let stored = try #require(rows?.first).decode(column: "key_hash", as: String.self)
            #expect(stored != key && stored == Open311ClientStore.hash(key))
            #expect(try await Open311ClientStore.find(key: key, on: app.db)?.id == client.id)
            let audit = try await AuditLog.list(.init(action: "open311.client_created"), page: 1, per: 5, on: app.db)
            #expect(audit.total >= 2)
        }
    }
}
