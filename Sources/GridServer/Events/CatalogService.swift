import FluentKit
import Foundation
import GridCore
import GridStore
import NIOConcurrencyHelpers

/// The admission list in use (准入清单): the built-in standard list until an administrator
/// imports a CSV, then that list. Swapped whole, so a request sees one list from start to end.
public final class CatalogService: Sendable {
    private let current = NIOLockedValueBox(EventCatalog.standard)

    public init() {}

    public var catalog: EventCatalog { current.withLockedValue { $0 } }

    /// Loads the stored list, if any.
    public func load(on db: any Database) async throws {
        guard let csv = try await CatalogStore.load(on: db) else { return }
        let catalog = try EventCatalog.parseCSV(csv, attributesFrom: .standard)
        current.withLockedValue { $0 = catalog }
    }

    /// Checks a CSV without changing anything and without stopping at the first problem: the
    /// console's preview. `importCSV` reads the file with the same parser.
    public func check(_ csv: String) -> CatalogCSVCheck {
        EventCatalog.checkCSV(csv, attributesFrom: .standard)
    }

    /// Checks a CSV (errors name the line and column) and, unless `dryRun`, makes it the list.
    /// Attributes a report must carry come from the built-in items of the same code.
    public func importCSV(_ csv: String, dryRun: Bool, actor: AuditActor, now: Date, on db: any Database) async throws -> EventCatalog {
        let catalog = try EventCatalog.parseCSV(csv, attributesFrom: .standard)
        guard !dryRun else { return catalog }
        try await db.transaction { tx in
            try await CatalogStore.save(csv, by: actor.name, on: tx, now: now)
            try await AuditLog.record(
                AuditRecord(action: "catalog.imported", targetType: "event_catalog", targetID: nil,
                            summary: "admission list imported: \(catalog.types.count) items", unitPath: nil),
                by: actor, on: tx, now: now)
        }
        current.withLockedValue { $0 = catalog }
        return catalog
    }
}
