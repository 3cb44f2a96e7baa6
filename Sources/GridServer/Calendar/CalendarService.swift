import FluentKit
import Foundation
import GridCore
import GridStore
import NIOConcurrencyHelpers

/// The working-day calendar in use (工作日历): the official table shipped with the platform,
/// with the years administrators added or corrected laid over it (the State Council publishes
/// each year's arrangement in the autumn before). Swapped whole; reloaded from the database by
/// the minute job so that every instance agrees.
public final class CalendarService: Sendable {
    private let current = NIOLockedValueBox(WorkingCalendar())

    public init() {}

    public var calendar: WorkingCalendar { current.withLockedValue { $0 } }

    /// Loads the administrators' additions, if any.
    public func load(on db: any Database) async throws {
        let added = try await Self.added(on: db)
        current.withLockedValue { $0 = WorkingCalendar(holidays: HolidayCalendar.official.replacingYears(with: added)) }
    }

    /// Checks a holiday CSV (errors name the line) and, unless `dryRun`, replaces the years it
    /// covers. Returns the imported entries.
    public func importCSV(_ csv: String, dryRun: Bool, actor: AuditActor, now: Date, on db: any Database) async throws -> HolidayCalendar {
        let imported = try HolidayCalendar(csv: csv)
        guard !dryRun else { return imported }
        let merged: HolidayCalendar = try await db.transaction { tx in
            let merged = try await Self.added(on: tx).replacingYears(with: imported)
            try await SettingsStore.save(.holidays, merged.csvText, by: actor.name, on: tx, now: now)
            try await AuditLog.record(
                AuditRecord(action: "calendar.imported", targetType: "calendar", targetID: nil,
                            summary: "holidays imported for \(imported.coverage.sorted().map(String.init).joined(separator: ", ")): \(imported.entries.count) days",
                            unitPath: nil),
                by: actor, on: tx, now: now)
            return merged
        }
        current.withLockedValue { $0 = WorkingCalendar(holidays: HolidayCalendar.official.replacingYears(with: merged)) }
        return imported
    }

    /// Checks a holiday CSV without changing anything and without stopping at the first
    /// problem: the console's preview. `importCSV` reads the file with the same parser.
    public func check(_ csv: String) -> HolidayCSVCheck {
        HolidayCalendar.checkCSV(csv)
    }

    /// The years administrators added or corrected (laid over the official table).
    public func addedYears(on db: any Database) async throws -> Set<Int> {
        try await Self.added(on: db).coverage
    }

    private static func added(on db: any Database) async throws -> HolidayCalendar {
        guard let csv = try await SettingsStore.load(.holidays, as: String.self, on: db) else { return .empty }
        return try HolidayCalendar(csv: csv)
    }
}
