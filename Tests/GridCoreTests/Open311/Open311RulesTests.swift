import Foundation
import GridCore
import Testing

/// Open311's pure rules: statuses, datetimes, the query window, attribute checks, the two formats.
@Suite struct Open311RulesTests {
    static let day: TimeInterval = 86_400
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    static let utc = TimeZone(identifier: "UTC") ?? .current

    @Test("open while someone must act; closed once closed, refused or archived", arguments: EventState.allCases)
    func statusMapping(_ state: EventState) {
        let expected: Open311Status = [.closed, .rejected, .archived].contains(state) ? .closed : .open
        #expect(Open311Status(state) == expected)
        #expect(expected.states.contains(state))
    }

    @Test("status notes name the stage, the outcome and the last public note")
    func statusNotes() {
        #expect(Open311Status.notes(state: .closed, outcome: .resolved, lastNote: "杂物已清理", in: .zhHans) == "已结案（办结）：杂物已清理")
        #expect(Open311Status.notes(state: .dispatched, outcome: nil, lastNote: nil, in: .en) == "dispatched")
    }

    @Test("datetimes are written with the zone's offset and read only with a zone")
    func datetimes() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let date = try #require(Open311DateTime.parse("2010-01-01T00:00:00Z"))
        #expect(Open311DateTime.format(date, in: shanghai) == "2010-01-01T08:00:00+08:00")
        #expect(Open311DateTime.parse("1994-11-05T08:15:30-05:00") == Open311DateTime.parse("1994-11-05T13:15:30Z"))
        #expect(Open311DateTime.parse("2010-01-01T08:00:00.500+0800")?.timeIntervalSince(date) == 0.5)
        for bad in ["2010-01-01T00:00:00", "2010-01-01", "2010-02-30T00:00:00Z", "yesterday", "2010-01-01T25:00:00Z"] {
            #expect(Open311DateTime.parse(bad) == nil, "\(bad)")
        }
    }

    @Test("the window defaults to the last 90 days and may not exceed 90 days")
    func window() throws {
        let plain = try Open311RequestQuery.parse([:], now: Self.now)
        #expect(plain.to == Self.now && plain.from == Self.now.addingTimeInterval(-90 * Self.day))
        let start = Open311DateTime.format(Self.now.addingTimeInterval(-100 * Self.day), in: Self.utc)
        let end = Open311DateTime.format(Self.now, in: Self.utc)
        #expect(throws: Open311Failure.windowTooLong(maximumDays: 90)) {
            try Open311RequestQuery.parse(["start_date": start, "end_date": end], now: Self.now)
        }
        let onlyStart = try Open311RequestQuery.parse(["start_date": start, "end_date": ""], now: Self.now)
        #expect(onlyStart.to.timeIntervalSince(onlyStart.from) == 90 * Self.day)
        #expect(throws: Open311Failure.self) { try Open311RequestQuery.parse(["status": "pending"], now: Self.now) }
        #expect(throws: Open311Failure.self) { try Open311RequestQuery.parse(["start_date": "2010-01-01"], now: Self.now) }
    }

    @Test("service_request_id overrides every other filter")
    func idsOverride() throws {
        let query = try Open311RequestQuery.parse(["service_request_id": "1, 2", "status": "nonsense", "service_code": "B0501"], now: Self.now)
        #expect(query.ids == ["1", "2"])
        #expect(query.serviceCodes.isEmpty && query.statuses.isEmpty)
    }

    @Test("attributes are checked against the definition, every problem at once")
    func attributes() throws {
        let type = try #require(EventCatalog.standard["B0501"])
        let definition = Open311ServiceDefinition(type: type, language: .zhHans)
        #expect(definition.attributes.first?.datatype == .singlevaluelist)
        #expect(try definition.values(from: ["blocked_by": ["杂物"]]) == ["blocked_by": .string("杂物")])
        #expect(throws: Open311Failure.missing(parameter: "attribute[blocked_by]")) { try definition.values(from: [:]) }
        do {
            _ = try definition.values(from: ["blocked_by": ["卡车"], "colour": ["red"]])
            Issue.record("accepted a bad value")
        } catch {
            #expect(error.problems.count == 2)
            #expect(error.httpStatus == 400)
        }
        #expect(throws: Open311Failure.self) { try definition.values(from: ["blocked_by": ["杂物", "车辆"]]) }
    }

    @Test("counts are numbers and yes/no a list of true and false")
    func datatypes() throws {
        let dispute = try #require(EventCatalog.standard["A01"])
        let definition = Open311ServiceDefinition(type: dispute, language: .en)
        #expect(definition.attributes.map(\.datatype) == [.number, .singlevaluelist])
        #expect(definition.attributes.last?.values.map(\.key) == ["true", "false"])
        #expect(try definition.values(from: ["people_involved": ["3"], "vulnerable_involved": ["false"]])
            == ["people_involved": .number(3), "vulnerable_involved": .bool(false)])
        #expect(throws: Open311Failure.self) { try definition.values(from: ["people_involved": ["-1"]]) }
    }

    @Test("one tree renders as Spark-convention JSON and as XML")
    func rendering() {
        let node = Open311Node.list(item: "service", [.object([Open311Field("service_code", .text("0<1")), Open311Field("metadata", .bool(true)),
                                                                Open311Field("lat", .number(30.5)), Open311Field("media_url", .null)])])
        #expect(node.rendered(as: .json, root: "services") == #"[{"service_code":"0<1","metadata":true,"lat":30.5,"media_url":null}]"#)
        #expect(node.rendered(as: .xml, root: "services") == """
            <?xml version="1.0" encoding="utf-8"?>
            <services><service><service_code>0&lt;1</service_code><metadata>true</metadata><lat>30.5</lat><media_url/></service></services>
            """)
    }

    @Test("the error list carries each problem with its code")
    func errorList() {
        let failure = Open311Failure.several([.missing(parameter: "service_code"), .serviceNotFound("X")])
        #expect(failure.httpStatus == 404)
        #expect(failure.document(in: .en).json() == #"[{"code":400,"description":"service_code is required"},{"code":404,"description":"service_code not found: X"}]"#)
        #expect(Open311Failure.apiKeyInvalid.httpStatus == 403 && Open311Failure.rateLimited(retryAfterSeconds: 1).httpStatus == 429)
    }

    @Test("form bodies keep attribute[CODE] and attribute[CODE][] values; empty is absent")
    func form() {
        let form = Open311Form(encoded: "api_key=k&attribute%5Bblocked_by%5D=%E6%9D%82%E7%89%A9&attribute[kinds][]=a&attribute[kinds][]=b&description=a+b&email=")
        #expect(form["api_key"] == "k" && form["description"] == "a b" && form["email"] == nil)
        #expect(form.attributes == ["blocked_by": ["杂物"], "kinds": ["a", "b"]])
        #expect(form.filling(from: Open311Form(encoded: "api_key=other&jurisdiction_id=j"))["api_key"] == "k")
        #expect(Open311Format.split("033.xml")?.format == .xml && Open311Format.split("services") == nil)
    }

    @Test("a token bucket allows its rate in a burst, then one per interval")
    func tokenBucket() {
        var bucket = TokenBucket(perMinute: 2, now: Self.now)
        #expect(bucket.take(now: Self.now).allowed)
        #expect(bucket.take(now: Self.now).allowed)
        let refused = bucket.take(now: Self.now)
        #expect(!refused.allowed && refused.retryAfter == 30)
        #expect(bucket.take(now: Self.now.addingTimeInterval(30)).allowed)
    }
}
