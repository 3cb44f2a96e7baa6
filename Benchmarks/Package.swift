// swift-tools-version: 6.1
import PackageDescription

// Benchmarks for GridGov, in their own package so that the main package does not depend on the
// benchmark tooling. Run from the repository root: `cd Benchmarks && swift package benchmark`.
let package = Package(
    name: "GridGovBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named, so that the product reference below does not depend on the checkout's directory
        // name (a path dependency's identity is its directory's name).
        .package(name: "GridGov", path: ".."),
        // The MallocInterposer trait alone (no RuntimeInterposer): the default traits pull in
        // swift-runtime-interposer, which this machine's package mirror does not carry.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PointLocation",
            dependencies: [
                .product(name: "GridCore", package: "GridGov"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/PointLocation",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
