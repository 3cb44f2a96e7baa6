import ArgumentParser
import Foundation

/// `gridgov`: run, migrate, load demo data and administer GridGov from the command line.
@main
struct GridGovCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gridgov",
        abstract: "GridGov 网格化社会治理综合信息平台 — grid-based community governance platform.",
        subcommands: [ServeCommand.self, MigrateCommand.self, DemoCommand.self, UserCommand.self, ImportCommand.self, ExportCommand.self, SweepCommand.self, DeliverCommand.self, BenchCommand.self, ReportCommand.self, Open311Command.self, IndicatorsCommand.self]
    )
}
