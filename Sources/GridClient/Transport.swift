import Foundation

/// One HTTP exchange, independent of the HTTP library (so apps can bring URLSession, tests a fake).
public struct TransportRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(String, String)]
    public var body: Data?

    public init(method: String, url: URL, headers: [(String, String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct TransportResponse: Sendable {
    public var status: Int
    public var body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// How the SDK talks HTTP. The Linux default is AsyncHTTPClient (URLSession's async API is
/// incomplete in swift-corelibs-foundation).
public protocol Transport: Sendable {
    func send(_ request: TransportRequest) async throws -> TransportResponse
}
