import ArgumentParser
import Foundation
import GridCore
import GridServer
import GridStore

/// What every basic-data import takes: the file, a dry run, and the area it may touch.
struct BasicDataImportOptions: ParsableArguments {
    @OptionGroup var options: ServerOptions
    @Argument(help: "The CSV file.") var file: String
    @Flag(name: .customLong("dry-run"), help: "Check only; write nothing.") var dryRun = false
    @Option(help: "Only addresses under this unit code (default: the whole district).") var unit: String?

    func run(_ kind: BasicDataImportService.Kind) async {
        await Runtime.run {
            let text = try Runtime.readText(file)
            let config = try options.config()
            let rows = try await Runtime.withApplication(config) { app in
                let scope = try await Runtime.scope(unit, on: app.db).path
                return try await BasicDataImportService(services: app.grid).run(
                    kind, csv: text, dryRun: dryRun, scope: scope, actor: .commandLine, on: app.db)
            }
            Runtime.say("gridgov: \(dryRun ? "dry run OK" : "imported"): \(rows) \(kind.rawValue)")
        }
    }
}

/// What every basic-data export takes: the area, whether identifiers are shown, and where to write.
struct BasicDataExportOptions: ParsableArguments {
    @OptionGroup var options: ServerOptions
    @Option(help: "Code of the unit whose subtree to export (default: the whole district).") var unit: String?
    @Option(help: "Show ID numbers and phones in clear, for this reason (kept in the audit log).") var unmaskReason: String?
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run(_ kind: BasicDataImportService.Kind) async {
        await Runtime.run {
            let config = try options.config()
            let reason = unmaskReason?.trimmingCharacters(in: .whitespacesAndNewlines)
            if let reason, reason.count < 2 {
                throw ValidationFailure(field: "unmask-reason", zh: "导出完整证件号码须说明理由", en: "give a reason to export the full identifiers")
            }
            let csv = try await Runtime.withApplication(config) { app in
                let scope = try await Runtime.scope(unit, on: app.db)
                return try await BasicDataExportService(services: app.grid).csv(
                    kind, under: scope, clearReason: reason, actor: .commandLine, on: app.db)
            }
            let data = Data(csv.utf8)
            if let output {
                try data.write(to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}
