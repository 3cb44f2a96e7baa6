import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The default transport: AsyncHTTPClient (URLSession's async API is incomplete on Linux).
public struct AsyncHTTPClientTransport: Transport {
    let client: HTTPClient
    let timeout: TimeAmount

    public init(client: HTTPClient = AsyncHTTPClientTransport.failFast, timeout: TimeAmount = .seconds(30)) {
        self.client = client
        self.timeout = timeout
    }

    /// The SDK's shared client. Unlike `HTTPClient.shared` it does not keep retrying a refused
    /// connection until the request's deadline: a phone without network should learn it at once
    /// and leave the retrying to the offline queue's back-off. Like `HTTPClient.shared`, it lives
    /// as long as the process and is never shut down.
    public static let failFast: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(outgoing, timeout: timeout)
        let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return TransportResponse(status: Int(response.status.code), body: Data(body.readableBytesView))
    }
}
