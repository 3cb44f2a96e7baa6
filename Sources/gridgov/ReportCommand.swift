import ArgumentParser
import Foundation
import GridClient
import GridCore

/// `gridgov report`: files an event through the API as a grid worker's phone does (GridClient).
/// With `--queue DIR` the report is first kept in an offline queue on disk, then sent; if the
/// server cannot be reached it stays there, and a later `gridgov report --queue DIR --flush-only`
/// sends it (with its original time; the client-made id makes a resend harmless).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Report an event through the API (optionally through an offline queue).")

    @Option(help: "The server's base URL.") var server = "http://127.0.0.1:8080"
    @Option(help: "Account to report as.") var username: String
    @Option(help: "Its password (or --password-stdin).") var password: String?
    @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input.") var passwordStdin = false
    @Option(help: "Event-type code from the admission list (GET /api/v1/event-types).") var type: String?
    @Option(help: "What was found.") var description: String?
    @Option(help: "Longitude.") var lon: Double?
    @Option(help: "Latitude.") var lat: Double?
    @Option(help: "Datum of the point: wgs84 (GPS), gcj02 (Chinese web maps) or cgcs2000.") var datum = "wgs84"
    @Option(help: "A photo file (JPEG, PNG or HEIC); repeat for several.") var photo: [String] = []
    @Option(help: "An attribute the type requires, name=value; repeat for several.") var attribute: [String] = []
    @Option(name: .customLong("occurred-at"), help: "When it was seen (RFC 3339; default now).") var occurredAt: String?
    @Flag(name: .customLong("solved-on-spot"), help: "Already solved on the spot (就地解决).") var solvedOnSpot = false
    @Option(help: "Offline queue directory: keep the report there first, then send what the queue holds.") var queue: String?
    @Flag(name: .customLong("flush-only"), help: "Report nothing new; send what the queue holds.") var flushOnly = false

    func run() async throws {
        await Runtime.run {
            guard let url = URL(string: server), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw ValidationFailure(field: "server", zh: "服务器地址 \(server) 无效", en: "the server URL '\(server)' is invalid")
            }
            if flushOnly && queue == nil {
                throw ValidationFailure(field: "flush-only", zh: "--flush-only 须与 --queue 一起使用", en: "--flush-only needs --queue")
            }
            let secret = try readPassword()
            let input = flushOnly ? nil : try ReportInput(
                type: type, description: description, lon: lon, lat: lat, datum: datum, photos: photo, attributes: attribute,
                occurredAt: occurredAt, solvedOnSpot: solvedOnSpot, now: Date())
            let client = GridClient(baseURL: url)
            if let queue {
                try await ReportQueueRun(client: client, directory: URL(fileURLWithPath: queue), username: username, password: secret)
                    .run(adding: input?.request)
            } else if let input {
                try await signIn(client, secret)
                let result = try await ReportFailure.explaining { try await client.report(input.request) }
                Runtime.say(ReportQueueRun.line(result.event, created: result.created))
            }
        }
    }

    private func readPassword() throws -> String {
        if let password { return password }
        if passwordStdin, let line = readLine(strippingNewline: true), !line.isEmpty { return line }
        throw ValidationFailure(field: "password", zh: "请用 --password 或 --password-stdin 提供密码", en: "give the password with --password or --password-stdin")
    }

    private func signIn(_ client: GridClient, _ secret: String) async throws {
        try await ReportFailure.explaining { try await client.login(username: username, password: secret) }
    }
}
