import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The default transport: AsyncHTTPClient on its shared event loop group.
public struct AsyncHTTPClientTransport: Transport {
    let client: HTTPClient
    let timeout: TimeAmount

    public init(client: HTTPClient = .shared, timeout: TimeAmount = .seconds(30)) {
        self.client = client
        self.timeout = timeout
    }

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
