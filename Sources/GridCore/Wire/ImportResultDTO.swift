import Foundation

/// The answer to a basic-data import: how many rows the file had and how many were stored
/// (none on a dry run). Problems answer 422 with every row at fault.
public struct ImportResultDTO: Codable, Sendable, Equatable {
    public var rows: Int
    public var imported: Int
    public var dryRun: Bool

    public init(rows: Int, imported: Int, dryRun: Bool) {
        self.rows = rows
        self.imported = imported
        self.dryRun = dryRun
    }

    enum CodingKeys: String, CodingKey {
        case rows, imported
        case dryRun = "dry_run"
    }
}
