// swift-tools-version: 6.1
import PackageDescription

/// One setting for every target: Swift 6 language mode and explicit `any` for existentials.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "GridGov",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GridCore", targets: ["GridCore"]),
        .library(name: "GridStore", targets: ["GridStore"]),
        .library(name: "GridServer", targets: ["GridServer"]),
        .library(name: "GridClient", targets: ["GridClient"]),
        .executable(name: "gridgov", targets: ["gridgov"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        .target(
            name: "GridCore",

            swiftSettings: strict
        ),
        .target(
            name: "GridStore",
            dependencies: [
                "GridCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "GridServer",
            dependencies: [
                "GridCore",
                "GridStore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .target(
            name: "GridClient",
            dependencies: [
                "GridCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Fluent", package: "fluent"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "gridgov",
            dependencies: [
                "GridCore",
                "GridStore",
                "GridServer",
                "GridClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // `gridgov bench` drives the server over loopback HTTP
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
        // Shared by the test targets: a fresh app and database per test, on SQLite or PostgreSQL.
        .target(
            name: "GridTestSupport",
            dependencies: [
                "GridCore",
                "GridStore",
                "GridServer",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            path: "Tests/Support",
            swiftSettings: strict
        ),
        .testTarget(name: "GridCoreTests", dependencies: ["GridCore"], swiftSettings: strict),
        .testTarget(name: "GridStoreTests", dependencies: ["GridStore", "GridTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "GridServerTests",
            dependencies: [
                "GridServer",
                "GridTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                // to check webhook signatures independently of the code that makes them
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "GridClientTests", dependencies: ["GridClient", "GridServer", "GridTestSupport"], swiftSettings: strict),
        .testTarget(name: "gridgovTests", dependencies: ["gridgov", "GridTestSupport"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
