import FluentKit
import GridCore
import SQLiteNIO

extension IndicatorStore {
    /// The rows `insertFresh` writes, made apart from the write so that a loader sorts and
    /// converts a year's million cells on one core while the database works on the other.
    public struct FreshRows: Sendable {
        let rows: BulkRows
    }

    /// The cells' rows in key order (the order of `IndicatorCell.<`), as SQLite's values when
    /// `forSQLite`.
    public static func freshRows(_ cells: [IndicatorCell: MeasureVector], forSQLite: Bool) throws -> FreshRows {
        let measures = Measure.stored
        let columns = keyColumns + measures.map(\.column)
        let entries = Array(cells)
        // One text per cell, its key's parts joined by NUL, orders as the parts do (they are
        // ASCII paths, codes, dates and ids, none holding NUL); sorting positions by these
        // texts is several times cheaper than comparing the cells' parts again each time.
        let keys = entries.map { cell, _ in
            [cell.grain.rawValue, cell.subject.stored, cell.period, cell.unitPath, cell.typeCode].joined(separator: "\u{0}")
        }
        var order = Array(entries.indices)
        order.sort { keys[$0] < keys[$1] }
        guard forSQLite else {
            let rows: [[any Encodable & Sendable]] = order.map { index in
                let (cell, vector) = entries[index]
                return [cell.grain.rawValue, cell.subject.stored, cell.period, cell.unitPath, cell.typeCode] as [any Encodable & Sendable]
                    + measures.map { vector[$0] as any Encodable & Sendable }
            }
            return FreshRows(rows: BulkRows(table: table, columns: columns, rows: rows))
        }
        var values: [SQLiteData] = []
        values.reserveCapacity(entries.count * columns.count)
        for index in order {
            let (cell, vector) = entries[index]
            values += [.text(cell.grain.rawValue), .text(cell.subject.stored), .text(cell.period), .text(cell.unitPath), .text(cell.typeCode)]
            for measure in measures { values.append(.integer(vector[measure])) }
        }
        return FreshRows(rows: BulkRows(table: table, columns: columns, sqlite: values))
    }

    /// Writes rows from `freshRows` into tables that hold none of them yet.
    public static func writeFresh(_ rows: FreshRows, on db: any Database) async throws {
        try await BulkInsert.write(rows.rows, on: db)
    }
}
