import Foundation
import GridCore
import GridStore
import Testing

@Suite struct DatabaseLocationTests {
    @Test("database URLs parse to the two engines", arguments: [
        ("sqlite:///var/lib/gridgov/gridgov.sqlite", DatabaseLocation.sqliteFile(path: "/var/lib/gridgov/gridgov.sqlite")),
        ("sqlite://./gridgov.sqlite", .sqliteFile(path: "./gridgov.sqlite")),
        ("sqlite::memory:", .sqliteMemory),
        ("postgres://u:p@db:5432/gridgov", .postgres(url: "postgres://u:p@db:5432/gridgov")),
        ("postgresql://u@db/gridgov", .postgres(url: "postgres://u@db/gridgov")),
    ])
    func parses(raw: String, expected: DatabaseLocation) throws {
        #expect(try DatabaseLocation.parse(raw) == expected)
    }

    @Test("bad URLs are refused with one sentence that names the URL", arguments: [
        "mysql://u@h/db", "sqlite://", "postgres://", "postgres://host-without-db", "gridgov.sqlite",
    ])
    func refuses(raw: String) {
        do {
            _ = try DatabaseLocation.parse(raw)
            Issue.record("\(raw) should be refused")
        } catch {
            #expect(error.reason.en.hasPrefix("The database URL '\(raw)' is invalid"))
            #expect(error.reason.zhHans.contains(raw))
            #expect(error.field == "database")
        }
    }

    @Test("a printed PostgreSQL location hides the password")
    func hidesPassword() throws {
        let location = try DatabaseLocation.parse("postgres://gridgov:s3cret@db:5432/gridgov")
        #expect(!location.description.contains("s3cret"))
        #expect(location.description.contains("***"))
    }
}

@Suite struct KeyRingTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("keyring-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a missing key file is created with mode 0600 and read back the same")
    func createsKeyFile() throws {
        let path = try scratch().appendingPathComponent("gridgov.key").path
        let first = try KeyRing.loadOrCreate(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let second = try KeyRing.loadOrCreate(path: path)
        #expect(first.searchHash("510117199001011234") == second.searchHash("510117199001011234"))
        #expect(try second.open(try first.seal("13800138000")) == "13800138000")
    }

    @Test("encryption hides the value and differs every time; the search hash is stable")
    func sealing() throws {
        let ring = try KeyRing(masterKey: Data(repeating: 7, count: 32))
        let a = try ring.seal("510117199001011234")
        let b = try ring.seal("510117199001011234")
        #expect(a != b)
        #expect(!a.contains("510117"))
        #expect(try ring.open(a) == "510117199001011234")
        #expect(ring.searchHash("x") == ring.searchHash("x"))
        #expect(ring.searchHash("x") != ring.searchHash("y"))
        let other = try KeyRing(masterKey: Data(repeating: 8, count: 32))
        #expect(other.searchHash("x") != ring.searchHash("x"))
        #expect(throws: (any Error).self) { _ = try other.open(a) }
    }

    @Test("a key file that is not a key is refused with its path")
    func refusesGarbage() throws {
        let path = try scratch().appendingPathComponent("bad.key").path
        try Data("hello".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ConfigurationError.keyFileInvalid(path: path)) { _ = try KeyRing.loadOrCreate(path: path) }
    }
}
