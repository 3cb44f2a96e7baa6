import ArgumentParser
import Foundation
import GridCore
import GridServer
import GridStore

/// `gridgov import grids|event-types|holidays|people|rooms|organizations FILE`: the same checked, all-or-nothing
/// imports as the API.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import data from files.", subcommands: [Grids.self, EventTypes.self, Holidays.self, People.self, Rooms.self, Organizations.self])

    struct EventTypes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "event-types", abstract: "Replace the admission list (准入清单) from a CSV with Chinese headers.")

        @OptionGroup var options: ServerOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check only; write nothing.") var dryRun = false

        func run() async throws {
            await Runtime.run {
                let text = try Runtime.readText(file)
                let config = try options.config()
                let catalog = try await Runtime.withApplication(config) { app in
                    try await app.grid.catalog.importCSV(text, dryRun: dryRun, actor: .commandLine, now: Date(), on: app.db)
                }
                Runtime.say("gridgov: \(dryRun ? "dry run OK" : "imported"): \(catalog.types.count) items in the admission list")
            }
        }
    }

    struct Holidays: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add or correct years of the holiday calendar from a CSV (date,kind,festival — the format of cn-holidays.csv).")

        @OptionGroup var options: ServerOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check only; write nothing.") var dryRun = false

        func run() async throws {
            await Runtime.run {
                let text = try Runtime.readText(file)
                let config = try options.config()
                let imported = try await Runtime.withApplication(config) { app in
                    try await app.grid.calendars.importCSV(text, dryRun: dryRun, actor: .commandLine, now: Date(), on: app.db)
                }
                let years = imported.coverage.sorted().map(String.init).joined(separator: ", ")
                Runtime.say("gridgov: \(dryRun ? "dry run OK" : "imported"): \(imported.entries.count) days for \(years)")
            }
        }
    }

    struct People: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import people (实有人口) from a CSV with Chinese headers; all rows or none.")
        @OptionGroup var input: BasicDataImportOptions

        func run() async throws { await input.run(.people) }
    }

    struct Rooms: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import rooms (实有房屋) from a CSV with Chinese headers; all rows or none.")
        @OptionGroup var input: BasicDataImportOptions

        func run() async throws { await input.run(.rooms) }
    }

    struct Organizations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import organisations (实有单位) from a CSV with Chinese headers; all rows or none.")
        @OptionGroup var input: BasicDataImportOptions

        func run() async throws { await input.run(.organizations) }
    }

    struct Grids: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import grid outlines from a GeoJSON FeatureCollection (properties: code, name, parent, kind, datum).")

        @OptionGroup var options: ServerOptions
        @Argument(help: "The GeoJSON file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check and report only; write nothing.") var dryRun = false
        @Option(name: .customLong("effective-date"), help: "YYYY-MM-DD the outlines take effect (default today).") var effectiveDate: String?
        @Option(help: "Datum of features without a datum property: wgs84, gcj02 or cgcs2000.") var datum: String?
        @Option(name: .customLong("tolerance-m2"), help: "Ignore gaps and overlaps smaller than this (default 10).") var tolerance: Double = 10

        func run() async throws {
            await Runtime.run {
                let data = try Runtime.readData(file)
                let collection = try GeoJSONFeatureCollection(geoJSON: data)
                let config = try options.config()
                let report = try await Runtime.withApplication(config) { app in
                    let services = try app.grid
                    let changes = GridChangeService(services: services, map: services.map)
                    return try await changes.importGrids(
                        collection, dryRun: dryRun, effective: try changes.effectiveDate(effectiveDate), tolerance: tolerance,
                        defaultDatum: try datum.map { try Datum(parsing: $0, field: "datum") }, scope: nil,
                        actor: .commandLine, language: .zhHans, on: app.db)
                }
                for problem in report.problems {
                    let feature = problem.feature.map { "第 \($0 + 1) 个要素 / feature \($0 + 1)" } ?? "—"
                    let place = problem.location.map { String(format: " @ %.6f,%.6f", $0.lon, $0.lat) } ?? ""
                    FileHandle.standardError.write(Data("\(file): \(feature): [\(problem.kind)] \(problem.message)\(place)\n".utf8))
                }
                guard report.valid else {
                    throw ValidationFailure(
                        field: "file", zh: "发现 \(report.problems.count) 个问题，未写入任何数据",
                        en: "\(report.problems.count) problems found; nothing was written")
                }
                Runtime.say("gridgov: \(report.dryRun ? "dry run OK" : "imported"): \(report.features) features, \(report.created.count) new, \(report.updated.count) redrawn, effective \(report.effectiveDate)")
            }
        }
    }
}

/// `gridgov export grids|people|rooms|organizations --unit CODE`: the outlines as GeoJSON, basic
/// data as CSV, on standard output or into a file.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export data to files.",
        subcommands: [Grids.self, People.self, Rooms.self, Organizations.self])

    struct People: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export the people under a unit as CSV (ready to import).")
        @OptionGroup var output: BasicDataExportOptions

        func run() async throws { await output.run(.people) }
    }

    struct Rooms: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export the rooms under a unit as CSV (ready to import).")
        @OptionGroup var output: BasicDataExportOptions

        func run() async throws { await output.run(.rooms) }
    }

    struct Organizations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export the organisations under a unit as CSV (ready to import).")
        @OptionGroup var output: BasicDataExportOptions

        func run() async throws { await output.run(.organizations) }
    }

    struct Grids: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export the outlines under a unit as GeoJSON (ready to import).")

        @OptionGroup var options: ServerOptions
        @Option(help: "Code of the unit whose subtree to export.") var unit: String
        @Option(help: "Datum to write: gcj02 (default), wgs84 or cgcs2000.") var datum: String = "gcj02"
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            await Runtime.run {
                let target = try Datum(parsing: datum, field: "datum")
                let config = try options.config()
                let data = try await Runtime.withApplication(config) { app in
                    try await GridExport.geoJSON(unit: unit, datum: target, on: app.db)
                }
                if let output {
                    try data.write(to: URL(fileURLWithPath: output))
                } else {
                    FileHandle.standardOutput.write(data)
                }
            }
        }
    }
}
