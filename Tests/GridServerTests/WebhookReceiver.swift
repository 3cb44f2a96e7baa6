import Foundation
import Vapor

/// A department system on 127.0.0.1 that records what it is sent and answers with the statuses
/// it is told to (then 200), for webhook tests.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        let headers: HTTPHeaders
        let body: String
    }

    actor Log {
        var received: [Received] = []
        var answers: [HTTPStatus]

        init(answers: [HTTPStatus]) {
            self.answers = answers
        }

        func record(_ item: Received) -> HTTPStatus {
            received.append(item)
            return answers.isEmpty ? .ok : answers.removeFirst()
        }
    }

    let app: Application
    let log: Log
    let url: String

    private init(app: Application, log: Log, url: String) {
        self.app = app
        self.log = log
        self.url = url
    }

    static func start(answers: [HTTPStatus] = []) async throws -> WebhookReceiver {
        let app = try await Application.make(.testing)
        let log = Log(answers: answers)
        app.post("hook") { req async -> HTTPStatus in
            let body = req.body.string ?? ""
            return await log.record(Received(headers: req.headers, body: body))
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else {
            await app.server.shutdown()
            try await app.asyncShutdown()
            throw Abort(.internalServerError, reason: "receiver did not bind")
        }
        return WebhookReceiver(app: app, log: log, url: "http://127.0.0.1:\(port)/hook")
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
