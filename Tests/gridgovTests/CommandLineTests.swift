import Foundation
import Testing

/// The `gridgov` binary as an operator runs it: exit codes, one-sentence errors, user admin.
@Suite struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["GRIDGOV_BINARY"], !path.isEmpty { return path }
        // Tests/gridgovTests/CommandLineTests.swift → the package root → .build/debug/gridgov
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/gridgov").path
    }

    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GRIDGOV_BCRYPT_COST"] = "4"
        environment.removeValue(forKey: "GRIDGOV_DATABASE_URL")
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gridgov-cli-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("bad configuration stops with one clear sentence, not a stack trace", arguments: [
        (["migrate", "--database", "mysql://x@y/z"], "The database URL 'mysql://x@y/z' is invalid"),
        (["migrate", "--database", "sqlite:///no/such/directory/g.sqlite"], "Cannot reach the database"),
        (["migrate", "--database", "postgres://gridgov:pw@127.0.0.1:1/gridgov"], "Cannot reach the database"),
        (["migrate", "--key-file", "/proc"], "Cannot read or create the key file /proc"),
        (["demo", "--scale", "huge", "--no-serve"], "The value 'huge' of --scale is invalid"),
        (["serve", "--port", "70000"], "of --port is invalid"),
    ])
    func badConfiguration(arguments: [String], expected: String) throws {
        let directory = try Self.scratch()
        let result = try Self.run(arguments, in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains(expected), "stderr was: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("gridgov:") || !$0.contains("codes.vapor") }
        #expect(lines.count <= 2, "one sentence in Chinese and one in English: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(!result.stderr.contains("pw@"), "the password must not be printed")
    }

    @Test("an operator adds, lists, disables and enables accounts")
    func userAdministration() throws {
        let directory = try Self.scratch()
        let database = ["--database", "sqlite://\(directory.path)/g.sqlite"]
        let demo = try Self.run(["demo", "--scale", "small", "--no-serve"] + database, in: directory)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("community_op"))
        #expect(demo.stdout.contains("510117001001 ") && demo.stdout.contains("社区"))

        let add = try Self.run(
            ["user", "add", "--username", "wang_wu", "--name", "王五", "--password-stdin", "--role", "grid_worker", "--unit", "510117001001002"] + database,
            stdin: "a-strong-pass-42\n", in: directory)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("created wang_wu"))

        let duplicate = try Self.run(
            ["user", "add", "--username", "wang_wu", "--password-stdin", "--role", "wizard", "--unit", "nowhere"] + database,
            stdin: "short\n", in: directory)
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("unknown role 'wizard'"))
        #expect(duplicate.stderr.contains("no unit 'nowhere'"))

        let list = try Self.run(["user", "list"] + database, in: directory)
        #expect(list.status == 0)
        #expect(list.stdout.contains("wang_wu"))
        #expect(list.stdout.contains("王五"))
        #expect(list.stdout.contains("510117001001002"))

        #expect(try Self.run(["user", "disable", "wang_wu"] + database, in: directory).status == 0)
        let afterDisable = try Self.run(["user", "list"] + database, in: directory)
        let line = afterDisable.stdout.split(separator: "\n").first { $0.contains("wang_wu") } ?? ""
        #expect(line.hasSuffix("disabled"))
        #expect(try Self.run(["user", "enable", "wang_wu"] + database, in: directory).status == 0)
        let unknown = try Self.run(["user", "disable", "nobody"] + database, in: directory)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("there is no user nobody"))
    }

    @Test("the demo refuses a database that already holds data")
    func demoNeedsEmptyDatabase() throws {
        let directory = try Self.scratch()
        let database = ["--database", "sqlite://\(directory.path)/g.sqlite"]
        #expect(try Self.run(["demo", "--scale", "small", "--no-serve"] + database, in: directory).status == 0)
        let again = try Self.run(["demo", "--scale", "small", "--no-serve"] + database, in: directory)
        #expect(again.status == 1)
        #expect(again.stderr.contains("Demo data loads only into an empty database"))
    }

    @Test("grids export to GeoJSON and import back; a bad file names the feature and writes nothing")
    func gridImportExport() throws {
        let directory = try Self.scratch()
        let database = ["--database", "sqlite://\(directory.path)/g.sqlite"]
        #expect(try Self.run(["demo", "--scale", "small", "--no-serve"] + database, in: directory).status == 0)
        let file = directory.appendingPathComponent("street.geojson").path
        let export = try Self.run(["export", "grids", "--unit", "510117001", "--output", file] + database, in: directory)
        #expect(export.status == 0, "\(export.stderr)")
        let dry = try Self.run(["import", "grids", file, "--dry-run"] + database, in: directory)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("dry run OK"))
        var json = try String(contentsOfFile: file, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"parent\":\"510117001001\"", with: "\"parent\":\"510117009009\"")
        let bad = directory.appendingPathComponent("bad.geojson").path
        try json.write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try Self.run(["import", "grids", bad] + database, in: directory)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("feature "))
        #expect(refused.stderr.contains("nothing was written"))
        let again = try Self.run(["export", "grids", "--unit", "510117001"] + database, in: directory)
        #expect(again.stdout == (try String(contentsOfFile: file, encoding: .utf8)))
    }

    @Test("two instances migrating one SQLite file at once both succeed")
    func concurrentMigrate() throws {
        let directory = try Self.scratch()
        let database = ["--database", "sqlite://\(directory.path)/g.sqlite"]
        let results = try (0..<2).map { _ -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.binary)
            process.arguments = ["migrate"] + database
            process.currentDirectoryURL = directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in results { process.waitUntilExit() }
        #expect(results.allSatisfy { $0.terminationStatus == 0 })
        #expect(try Self.run(["migrate"] + database, in: directory).status == 0)
    }
}
