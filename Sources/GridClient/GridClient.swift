import Foundation
import GridCore

/// A typed client for the GridGov API: what a native app or a tool links. It signs in, keeps the
/// bearer token, and turns error answers into `GridClientError` with the server's message.
public actor GridClient {
    public let baseURL: URL
    private let transport: any Transport
    public private(set) var token: String?

    public init(baseURL: URL, transport: any Transport = AsyncHTTPClientTransport(), token: String? = nil) {
        self.baseURL = baseURL
        self.transport = transport
        self.token = token
    }

    /// Signs in and keeps the token for later calls.
    @discardableResult
    public func login(username: String, password: String) async throws -> LoginResponseDTO {
        let response: LoginResponseDTO = try await send("POST", APIPath.login, body: LoginRequestDTO(username: username, password: password))
        token = response.token
        return response
    }

    /// Revokes the token on the server and forgets it.
    public func logout() async throws {
        try await sendWithoutResult("POST", APIPath.logout)
        token = nil
    }

    public func me() async throws -> UserDTO {
        try await send("GET", APIPath.me)
    }

    /// The hierarchy from the caller's scope, or the children of `parent` (id or code).
    public func units(parent: String? = nil, depth: Int = 1) async throws -> UnitTreeDTO {
        var query = [URLQueryItem(name: "depth", value: String(depth))]
        if let parent { query.append(URLQueryItem(name: "parent", value: parent)) }
        return try await send("GET", APIPath.units, query: query)
    }

    public func unit(_ idOrCode: String) async throws -> UnitDTO {
        try await send("GET", APIPath.resolve(APIPath.unit, ["id": idOrCode]))
    }

    // MARK: plumbing

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    private func send<Response: Decodable>(
        _ method: String, _ path: String, query: [URLQueryItem] = [], body: (any Encodable)? = nil
    ) async throws -> Response {
        let data = try await exchange(method, path, query: query, body: body)
        do {
            return try Self.decoder.decode(Response.self, from: data)
        } catch {
            throw GridClientError.unreadableResponse(path: path, detail: "\(error)")
        }
    }

    private func sendWithoutResult(_ method: String, _ path: String, body: (any Encodable)? = nil) async throws {
        _ = try await exchange(method, path, query: [], body: body)
    }

    private func exchange(_ method: String, _ path: String, query: [URLQueryItem], body: (any Encodable)?) async throws -> Data {
        guard var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false) else {
            throw GridClientError.badURL(path)
        }
        if !query.isEmpty { components.queryItems = query }
        guard let url = components.url else { throw GridClientError.badURL(path) }
        var headers = [("Accept", "application/json")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        var payload: Data?
        if let body {
            payload = try Self.encoder.encode(body)
            headers.append(("Content-Type", "application/json"))
        }
        let response = try await transport.send(TransportRequest(method: method, url: url, headers: headers, body: payload))
        guard (200..<300).contains(response.status) else {
            throw GridClientError.api(status: response.status, error: try? Self.decoder.decode(APIErrorDTO.self, from: response.body))
        }
        return response.body
    }
}

/// What went wrong with a call.
public enum GridClientError: Error, Sendable, Equatable {
    /// The server answered with an error: status and its body (message in the caller's language,
    /// fields at fault for 422).
    case api(status: Int, error: APIErrorDTO?)
    case unreadableResponse(path: String, detail: String)
    case badURL(String)

    public var status: Int? {
        if case .api(let status, _) = self { return status }
        return nil
    }
}
