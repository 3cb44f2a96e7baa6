import FluentKit
import Foundation
import GridCore
import GridStore

/// Exports of the map for the API and the command line, in the import format.
public enum GridExport {
    /// Every outline below `unit` (streets, communities, grids; the unit itself unless it is the
    /// district, whose outline is not imported), on `date` or now.
    static func collection(under unit: OrgUnit, datum: Datum, at date: CalendarDay?, on db: any Database) async throws -> GeoJSONFeatureCollection {
        let outlines = try await GridMapStore.outlines(under: unit.path, kinds: [.street, .community, .grid, .specialGrid], at: date, on: db)
        return GridFeatures.export(outlines.filter { $0.unit.id != unit.id || unit.kind != .district }, datum: datum)
    }

    public static func geoJSON(unit code: String, datum: Datum, on db: any Database) async throws -> Data {
        guard let unit = try await UnitStore.find(code: code, on: db) else {
            throw ValidationFailure(field: "unit", zh: "找不到单位“\(code)”", en: "no unit '\(code)' was found")
        }
        let collection = try await self.collection(under: unit, datum: datum, at: nil, on: db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]  // stable files diff cleanly
        return try encoder.encode(collection)
    }
}
