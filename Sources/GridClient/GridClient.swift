import Foundation
import GridCore

/// A typed client for the GridGov API: what a native app or a tool links. It signs in, keeps the
/// bearer token, and turns error answers into `GridClientError` with the server's message.
///
/// Writes a worker makes in the field should go through `OfflineQueue`, which keeps them on disk
/// and replays them with this client when the network returns; the calls here are the direct
/// ones, for when the app is online or only reads.
public actor GridClient {
    public let baseURL: URL
    private let transport: any Transport
    public private(set) var token: String?
    /// Sent as `Accept-Language` (messages of errors and labels come back in it); Chinese first.
    public var language: String

    public init(baseURL: URL, transport: any Transport = AsyncHTTPClientTransport(), token: String? = nil, language: String = "zh-CN") {
        self.baseURL = baseURL
        self.transport = transport
        self.token = token
        self.language = language
    }

    /// Signs in and keeps the token for later calls.
    @discardableResult
    public func login(username: String, password: String) async throws -> LoginResponseDTO {
        let response: LoginResponseDTO = try await send("POST", ClientPath.login, body: LoginRequestDTO(username: username, password: password))
        token = response.token
        return response
    }

    /// Revokes the token on the server and forgets it.
    public func logout() async throws {
        _ = try await exchange("POST", ClientPath.logout, query: [], body: nil).checked()
        token = nil
    }

    public func me() async throws -> UserDTO {
        try await send("GET", ClientPath.me)
    }

    /// The hierarchy from the caller's scope, or the children of `parent` (id or code).
    public func units(parent: String? = nil, depth: Int = 1) async throws -> UnitTreeDTO {
        var query = [URLQueryItem(name: "depth", value: String(depth))]
        if let parent { query.append(URLQueryItem(name: "parent", value: parent)) }
        return try await send("GET", ClientPath.units, query: query)
    }

    public func unit(_ idOrCode: String) async throws -> UnitDTO {
        try await send("GET", ClientPath.unit(idOrCode))
    }

    // MARK: plumbing

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// One raw exchange with the server: the status and body as they came, whatever the status.
    /// Throws only when no answer arrived (`GridClientError.transport`): the offline queue decides
    /// from the status itself what to do with an item.
    public func perform(_ method: String, _ path: String, query: [URLQueryItem] = [], body: Data? = nil) async throws -> ServerAnswer {
        try await exchange(method, path, query: query, body: body)
    }

    func send<Response: Decodable>(
        _ method: String, _ path: String, query: [URLQueryItem] = [], body: (any Encodable)? = nil
    ) async throws -> Response {
        let payload = try body.map { try Self.encoder.encode($0) }
        return try await exchange(method, path, query: query, body: payload).checked().decoded(Response.self)
    }

    private func exchange(_ method: String, _ path: String, query: [URLQueryItem], body: Data?) async throws -> ServerAnswer {
        guard var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false) else {
            throw GridClientError.badURL(path)
        }
        if !query.isEmpty { components.queryItems = query }
        guard let url = components.url else { throw GridClientError.badURL(path) }
        var headers = [("Accept", "application/json"), ("Accept-Language", language)]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        if body != nil { headers.append(("Content-Type", "application/json")) }
        do {
            let response = try await transport.send(TransportRequest(method: method, url: url, headers: headers, body: body))
            return ServerAnswer(path: path, status: response.status, body: response.body)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw GridClientError.transport("\(error)")
        }
    }
}

/// What the server answered to one request, before it is judged.
public struct ServerAnswer: Sendable, Equatable {
    public let path: String
    public let status: Int
    public let body: Data

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Throws the server's error for anything but 2xx.
    public func checked() throws -> ServerAnswer {
        guard isSuccess else { throw GridClientError.api(APIFailure(status: status, body: body)) }
        return self
    }

    public func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try GridClient.decoder.decode(T.self, from: body)
        } catch {
            throw GridClientError.unreadableResponse(path: path, detail: "\(error)")
        }
    }
}
