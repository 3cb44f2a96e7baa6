import Foundation
import GridClient
import GridCore

/// `gridgov report --queue DIR`: keep the new report on disk first, then try to send everything
/// the queue holds, in order. A server out of reach is not an error while something new was
/// kept (the report is safe); with `--flush-only` it is, since nothing was done.
struct ReportQueueRun {
    let client: GridClient
    let directory: URL
    let username: String
    let password: String

    func run(adding report: ReportEventRequestDTO?) async throws {
        let queue = try OfflineQueue(directory: directory)
        if let report { try await queue.enqueueReport(report) }
        do {
            try await client.login(username: username, password: password)
        } catch GridClientError.transport {
            let waiting = await queue.counts
            guard report == nil else {
                Runtime.say("gridgov: 服务器暂时无法连接，上报已保存在队列中（\(waiting.summary())）")
                Runtime.say("gridgov: the server cannot be reached; the report is kept in the queue (\(waiting.summary(chinese: false)))")
                return
            }
            throw ValidationFailure(
                field: "server", zh: "无法连接服务器，\(waiting.summary())", en: "cannot reach the server; \(waiting.summary(chinese: false))")
        } catch let error as GridClientError {
            throw ReportFailure(error)
        }
        try await queue.retryNow()
        let before = Set(await queue.all.filter { $0.state == .pending }.map(\.id))
        let outcome = await queue.flush(using: client)
        var refused: [QueuedRequest] = []
        for item in await queue.all where before.contains(item.id) {
            switch item.state {
            case .done:
                if let event = item.decodedAnswer(EventDTO.self) { Runtime.say(Self.line(event, created: item.answer?.status == 201)) }
            case .conflict, .failed:
                refused.append(item)
            case .pending:
                break
            }
        }
        try await queue.removeDone()
        let left = await queue.counts
        if left.pending > 0 {
            Runtime.say("gridgov: \(left.summary())；\(outcome.lastError ?? "")")
            Runtime.say("gridgov: \(left.summary(chinese: false)); the server did not take them yet")
        }
        if let first = refused.first {
            throw ValidationFailure(
                field: first.failure?.field,
                zh: "服务器拒绝了 \(refused.count) 条（已留在队列中待处理）：\(first.lastError ?? "")",
                en: "the server refused \(refused.count) item(s), kept in the queue for a person: \(first.failure?.code ?? "HTTP \(first.answer?.status ?? 0)")"
                    + (first.failure?.field.map { ", field \($0)" } ?? ""))
        }
    }

    /// One line per filed event.
    static func line(_ event: EventDTO, created: Bool) -> String {
        "gridgov: 已上报 reported \(event.number) \(event.typeName) — \(event.stateLabel)" + (created ? "" : "（此前已收到 already received）")
    }
}

/// A refusal from the server as one sentence in both languages: its own message (in Chinese,
/// the client's default language) and, in English, its code and the field at fault.
struct ReportFailure: UserFacingError {
    let field: String?
    let reason: LocalizedText

    init(_ error: GridClientError) {
        switch error {
        case .api(let failure):
            field = failure.field
            reason = LocalizedText(
                zh: "服务器拒绝：\(failure.message ?? "HTTP \(failure.status)")",
                en: "the server refused (HTTP \(failure.status) \(failure.code ?? ""))" + (failure.field.map { ", field \($0)" } ?? ""))
        case .transport(let detail):
            field = "server"
            reason = LocalizedText(zh: "无法连接服务器", en: "cannot reach the server (\(detail))")
        case .unreadableResponse(let path, _), .badURL(let path):
            field = nil
            reason = LocalizedText(zh: "服务器的回答无法读取（\(path)）", en: "the server's answer to \(path) could not be read")
        }
    }

    /// Runs `body`, turning a `GridClientError` into this sentence.
    @discardableResult
    static func explaining<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as GridClientError {
            throw ReportFailure(error)
        }
    }
}
