import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// A score's trace in the console (考核溯源): the events, patrols and visits behind one item of
/// one subject, each with what it adds and a link to the event — the API's trace, paged.
extension ConsoleAssessmentsController {
    struct TracePage: Encodable, Sendable {
        var shell: ShellContext
        var runID: String
        var title: String
        var definition: String
        var recorded: String
        var traced: String
        var registerPart: Bool
        var rows: [TraceRow]
        var previous: String?
        var next: String?
    }

    struct TraceRow: Encodable, Sendable {
        var kind: String
        var link: String?
        var label: String
        var type: String
        var state: String
        var at: String
        var until: String
        var numerator: String
        var denominator: String
    }

    static let tracePer = 50

    func tracePage(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        guard let run = try await AssessmentStore.run(try req.idParameter(), on: req.db), principal.unitPath.contains(run.unitPath) else {
            throw GridHTTPError.notFound
        }
        let subject = req.query[String.self, at: "subject"] ?? "", item = req.query[String.self, at: "item"] ?? ""
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let services = try req.grid
        let trace = try await AssessmentTraceService(services: services).trace(
            run, subject: subject, item: item, page: page, per: Self.tracePer, language: req.language, on: req.db)
        let time = DateFormatter()
        time.timeZone = services.calendar.timeZone
        time.dateFormat = "yyyy-MM-dd HH:mm"
        let kinds = ["event": shell.t["assess_trace_event"], "patrol": shell.t["assess_trace_patrol"], "visit": shell.t["assess_trace_visit"]]
        func parts(_ parts: AssessmentTraceDTO.Parts) -> String { parts.denominator.map { "\(parts.numerator) / \($0)" } ?? String(parts.numerator) }
        func link(_ page: Int) -> String {
            var components = URLComponents()
            components.queryItems = [URLQueryItem(name: "subject", value: subject), URLQueryItem(name: "item", value: item),
                                     URLQueryItem(name: "page", value: String(page))]
            return "/console/assessments/runs/\(run.id)/trace?" + (components.percentEncodedQuery ?? "")
        }
        let context = TracePage(
            shell: shell, runID: run.id.uuidString,
            title: "\(trace.subjectName) · \(trace.itemName) · \(run.scheme.name) · \(run.period)", definition: trace.definition,
            recorded: parts(trace.recorded), traced: parts(trace.traced),
            registerPart: trace.source == IndicatorTrace.Source.register.rawValue || trace.denominatorSource == IndicatorTrace.Source.register.rawValue,
            rows: trace.rows.map { row in
                TraceRow(
                    kind: (kinds[row.kind] ?? nil) ?? row.kind, link: row.kind == "event" ? "/console/events/\(row.id)" : nil, label: row.label,
                    type: [row.typeCode, row.typeName].compactMap { $0 }.joined(separator: " "), state: row.state,
                    at: time.string(from: row.at), until: row.until.map { time.string(from: $0) } ?? "",
                    numerator: String(row.numerator), denominator: row.denominator.map(String.init) ?? "")
            },
            previous: page > 1 ? link(page - 1) : nil, next: page * Self.tracePer < trace.total ? link(page + 1) : nil)
        return try await req.view.render("console/assessment-trace", context).encodeResponse(for: req)
    }
}
