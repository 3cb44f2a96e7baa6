// Point location (落格) against the demo district's grids: the architecture's first performance
// bar (≥ 4 M lookups/s on one core for 589 grids of ~61 vertices and 1 M uniform points).
//
// Each sample looks up the same 1 M points once (`scalingFactor: .mega`, so the scaled wall
// clock reads as time per lookup); the custom metric "Lookups/s" is 1 M divided by the sample's
// own ContinuousClock time.

import Benchmark
import GridCore

let benchmarks: @Sendable () -> Void = {
    let fixture = { PointLocationFixture.shared }
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, lookupsPerSecond],
        units: [lookupsPerSecond: .kilo],
        warmupIterations: 2,
        scalingFactor: .mega,
        maxDuration: .seconds(10),
        maxIterations: 25)

    // The non-allocating query a server's hot path uses: one reused buffer.
    Benchmark("containingIndices(of:into:), GCJ-02 points", configuration: configuration) { benchmark, fixture in
        let index = fixture.index
        let points = fixture.gcjPoints
        var buffer: [Int] = []
        buffer.reserveCapacity(4)
        var hits = 0
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let start = clock.now
        for i in benchmark.scaledIterations {
            index.containingIndices(of: points[i], into: &buffer)
            hits &+= buffer.count
        }
        let elapsed = start.duration(to: clock.now)
        benchmark.stopMeasurement()
        report(benchmark, elapsed: elapsed, hits: hits, expected: fixture.expectedHits)
    } setup: {
        fixture()
    }

    // The convenience query: allocates its result array.
    Benchmark("locate(_:), GCJ-02 points", configuration: configuration) { benchmark, fixture in
        let index = fixture.index
        let points = fixture.gcjPoints
        var hits = 0
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let start = clock.now
        for i in benchmark.scaledIterations {
            hits &+= index.locate(points[i]).count
        }
        let elapsed = start.duration(to: clock.now)
        benchmark.stopMeasurement()
        report(benchmark, elapsed: elapsed, hits: hits, expected: fixture.expectedHits)
    } setup: {
        fixture()
    }

    // A phone fix: WGS-84 (GPS) converted to the grids' GCJ-02, then the non-allocating query.
    Benchmark("WGS-84→GCJ-02 + containingIndices(of:into:)", configuration: configuration) { benchmark, fixture in
        let index = fixture.index
        let points = fixture.wgsPoints
        var buffer: [Int] = []
        buffer.reserveCapacity(4)
        var hits = 0
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let start = clock.now
        for i in benchmark.scaledIterations {
            index.containingIndices(of: DatumConverter.wgs84ToGCJ02(points[i]), into: &buffer)
            hits &+= buffer.count
        }
        let elapsed = start.duration(to: clock.now)
        benchmark.stopMeasurement()
        report(benchmark, elapsed: elapsed, hits: hits, expected: fixture.expectedHits)
    } setup: {
        fixture()
    }

    // The same through the public one-call API the server would use for a phone's report.
    Benchmark("locate(_:datum: .wgs84)", configuration: configuration) { benchmark, fixture in
        let index = fixture.index
        let points = fixture.wgsPoints
        var hits = 0
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let start = clock.now
        for i in benchmark.scaledIterations {
            hits &+= index.locate(points[i], datum: .wgs84).count
        }
        let elapsed = start.duration(to: clock.now)
        benchmark.stopMeasurement()
        report(benchmark, elapsed: elapsed, hits: hits, expected: fixture.expectedHits)
    } setup: {
        fixture()
    }

    // The conversion alone, to split the combined figure.
    Benchmark("WGS-84→GCJ-02 conversion only", configuration: configuration) { benchmark, fixture in
        let points = fixture.wgsPoints
        var sum = 0.0
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let start = clock.now
        for i in benchmark.scaledIterations {
            let c = DatumConverter.wgs84ToGCJ02(points[i])
            sum += c.lon + c.lat
        }
        let elapsed = start.duration(to: clock.now)
        benchmark.stopMeasurement()
        blackHole(sum)
        report(benchmark, elapsed: elapsed, hits: nil, expected: nil)
    } setup: {
        fixture()
    }
}

/// Lookups per second over the sample (1 M lookups divided by the sample's time).
let lookupsPerSecond = BenchmarkMetric.custom("Lookups/s", polarity: .prefersLarger, useScalingFactor: false)

/// Records the rate, and fails the benchmark if the loop did not find the expected grids (so a
/// fast but wrong index cannot pass).
func report(_ benchmark: Benchmark, elapsed: Duration, hits: Int?, expected: Int?) {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    benchmark.measurement(lookupsPerSecond, Int((Double(benchmark.scaledIterations.count) / seconds).rounded()))
    if let hits, let expected, hits != expected {
        benchmark.error("found \(hits) grid hits, expected \(expected)")
    }
}
