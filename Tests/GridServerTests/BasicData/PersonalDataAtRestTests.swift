import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import SQLKit
import Testing
import Vapor

/// PIPL at rest: the demo's residents are stored with their ID numbers and phones sealed; no
/// clear value is anywhere in the database, while the keyed hash still finds a person.
@Suite struct PersonalDataAtRestTests {
    @Test("no resident's ID number or phone is stored in clear; the search hash finds them")
    func noPlaintext() async throws {
        let file = try OverdueSweepTests.scratchDatabase()
        try await TestApp.with(adjust: { config in if let file { config.database = file } }) { app in
            let services = try app.grid
            let hierarchy = try DemoHierarchy(scale: .small)
            let population = DemoPopulation(
                hierarchy: hierarchy, targets: .targets(for: .small), today: services.calendar.day(of: services.clock.now))
            let people = population.grids.flatMap { population.generate(for: $0).people }
            #expect(people.count > 100)
            let secrets = people.map(\.idNumber) + people.compactMap(\.phone?.value)
            let sql = try #require(app.db as? any SQLDatabase)
            if case .sqliteFile(let path) = file {
                // the database file and its write-ahead log, byte for byte
                _ = try await sql.raw("PRAGMA wal_checkpoint(FULL)").all()
                var bytes = Data()
                for suffix in ["", "-wal"] {
                    if let data = FileManager.default.contents(atPath: path + suffix) { bytes.append(data) }
                }
                #expect(bytes.count > 100_000)
                let found = secrets.filter { bytes.range(of: Data($0.utf8)) != nil }
                #expect(found.isEmpty, "clear identifiers in the file: \(found.prefix(3))")
            }
            // every column of every row, on either engine
            let rows = try await sql.raw("SELECT * FROM people").all()
            #expect(rows.count == people.count)
            var stored = Data()
            for row in rows {
                for column in row.allColumns {
                    if let value = (try? row.decode(column: column, as: String?.self)) ?? nil { stored.append(contentsOf: Array((value + "\n").utf8)) }
                }
            }
            #expect(stored.count > 10_000)
            #expect(secrets.allSatisfy { stored.range(of: Data($0.utf8)) == nil })
            // masked forms are what lists show; the keyed hash finds one exact number
            let sample = try #require(people.first)
            let hit = try await sql.raw("SELECT name, id_masked FROM people WHERE id_hash = \(bind: services.keyRing.searchHash(sample.idNumber))").all()
            #expect(hit.count == 1)
            #expect(try hit.first?.decode(column: "name", as: String.self) == sample.name)
            #expect(try hit.first?.decode(column: "id_masked", as: String.self) == Masking.maskIDNumber(sample.idNumber))
        }
    }
}
