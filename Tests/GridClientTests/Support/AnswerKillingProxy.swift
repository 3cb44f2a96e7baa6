import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A TCP proxy on 127.0.0.1 in front of the test server that can lose answers: it forwards the
/// request whole, and on a connection it was told to spoil, closes both sides as soon as the
/// server's response starts to arrive. The server has then done the work and committed it; the
/// client only sees its connection die (what a phone sees when the network drops at that moment).
final class AnswerKillingProxy: Sendable {
    private let channel: any Channel
    private let toSpoil: NIOLockedValueBox<Int>
    private let spoiled: NIOLockedValueBox<Int>

    var url: URL {
        get throws {
            guard let port = channel.localAddress?.port, let url = URL(string: "http://127.0.0.1:\(port)") else {
                throw ProxyError.notBound
            }
            return url
        }
    }

    /// Answers lost so far.
    var killed: Int { spoiled.withLockedValue { $0 } }

    /// Loses the answers of the next `count` connections.
    func loseNextAnswers(_ count: Int) {
        toSpoil.withLockedValue { $0 = count }
    }

    private init(channel: any Channel, toSpoil: NIOLockedValueBox<Int>, spoiled: NIOLockedValueBox<Int>) {
        self.channel = channel
        self.toSpoil = toSpoil
        self.spoiled = spoiled
    }

    static func start(forwardingTo upstream: URL) async throws -> AnswerKillingProxy {
        guard let port = upstream.port else { throw ProxyError.notBound }
        let toSpoil = NIOLockedValueBox(0)
        let spoiled = NIOLockedValueBox(0)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.autoRead, value: false)
            .childChannelInitializer { inbound in
                connect(inbound, upstreamPort: port, toSpoil: toSpoil, spoiled: spoiled)
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        return AnswerKillingProxy(channel: channel, toSpoil: toSpoil, spoiled: spoiled)
    }

    /// Joins an accepted connection to a new one to the server.
    private static func connect(
        _ inbound: any Channel, upstreamPort: Int, toSpoil: NIOLockedValueBox<Int>, spoiled: NIOLockedValueBox<Int>
    ) -> EventLoopFuture<Void> {
        // Decided when the server's answer starts to arrive, not when the connection opens: the
        // client reuses kept-alive connections.
        let spoil: @Sendable () -> Bool = {
            let now = toSpoil.withLockedValue { remaining -> Bool in
                guard remaining > 0 else { return false }
                remaining -= 1
                return true
            }
            if now { spoiled.withLockedValue { $0 += 1 } }
            return now
        }
        let connected: EventLoopFuture<any Channel> = ClientBootstrap(group: inbound.eventLoop).connect(host: "127.0.0.1", port: upstreamPort)
        let joined: EventLoopFuture<Void> = connected.flatMapThrowing { (outbound: any Channel) -> Void in
            try inbound.pipeline.syncOperations.addHandler(Relay(partner: outbound, spoil: nil))
            try outbound.pipeline.syncOperations.addHandler(Relay(partner: inbound, spoil: spoil))
        }
        return joined.flatMap { inbound.setOption(ChannelOptions.autoRead, value: true) }
    }

    func stop() async {
        try? await channel.close()
    }

    enum ProxyError: Error {
        case notBound
    }

    /// Copies what one side reads to the other. With `spoil`, asks it at each read whether to
    /// drop the connection (both sides) instead of passing the data on.
    private final class Relay: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        let partner: any Channel
        let spoil: (@Sendable () -> Bool)?
        private var dropped = false

        init(partner: any Channel, spoil: (@Sendable () -> Bool)?) {
            self.partner = partner
            self.spoil = spoil
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard !dropped else { return }
            if let spoil, spoil() {
                dropped = true
                partner.close(promise: nil)
                context.close(promise: nil)
                return
            }
            partner.writeAndFlush(unwrapInboundIn(data), promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            partner.close(promise: nil)
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
