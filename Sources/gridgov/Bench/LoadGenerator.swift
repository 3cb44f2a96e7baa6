import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// A closed-loop HTTP load: `connections` clients each send their next request as soon as the
/// last one is answered, until `total` requests are done. Latency is measured per request.
struct LoadGenerator: Sendable {
    let client: HTTPClient
    let connections: Int

    struct Measurement: Sendable {
        let requests: Int
        let failures: Int
        let seconds: Double
        let latencies: [Double]

        var rate: Double { Double(requests) / seconds }

        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let sorted = latencies.sorted()
            return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
        }

        var line: String {
            String(format: "%6.0f req/s   p50 %5.2f ms   p99 %5.2f ms   (%d requests, %d failed)",
                   rate, percentile(0.5) * 1000, percentile(0.99) * 1000, requests, failures)
        }
    }

    /// Sends `total` requests made by `makeRequest(i)`; a response with another status than
    /// `expect` counts as a failure.
    func run(total: Int, expect: HTTPResponseStatus, makeRequest: @escaping @Sendable (Int) -> HTTPClientRequest) async -> Measurement {
        let next = NIOLockedValueBox(0)
        let client = client
        let started = ContinuousClock.now
        let results = await withTaskGroup(of: ([Double], Int).self) { group in
            for _ in 0..<connections {
                group.addTask {
                    var latencies: [Double] = []
                    var failures = 0
                    while true {
                        let index = next.withLockedValue { value -> Int in
                            defer { value += 1 }
                            return value
                        }
                        guard index < total else { break }
                        let request = makeRequest(index)
                        let begin = ContinuousClock.now
                        do {
                            let response = try await client.execute(request, timeout: .seconds(30))
                            _ = try await response.body.collect(upTo: 1 << 22)
                            if response.status != expect { failures += 1 }
                        } catch {
                            failures += 1
                        }
                        latencies.append(Self.seconds(ContinuousClock.now - begin))
                    }
                    return (latencies, failures)
                }
            }
            var all: [Double] = []
            var failures = 0
            for await (latencies, failed) in group {
                all += latencies
                failures += failed
            }
            return (all, failures)
        }
        return Measurement(requests: results.0.count, failures: results.1, seconds: Self.seconds(ContinuousClock.now - started), latencies: results.0)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
