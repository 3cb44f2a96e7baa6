import FluentKit
import SQLKit

/// The hierarchy: territories, departments and outside units, each with its materialised path.
struct M0001CreateUnits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UnitModel.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references(UnitModel.schema, "id", onDelete: .restrict))
            .field("path", PathColumn.type(on: database), .required)
            .field("depth", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "code")
            .unique(on: "path")
            .create()
        let sql = try database.sql
        try await sql.create(index: "units_parent_idx").on(UnitModel.schema).column("parent_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitModel.schema).delete()
    }
}

/// Materialised paths are compared byte-wise so that a subtree is one index range
/// (`path >= '/a/' AND path < '/a0'`). SQLite's default BINARY collation already does that;
/// PostgreSQL needs the C collation on the column.
enum PathColumn {
    static func type(on database: any Database) -> DatabaseSchema.DataType {
        switch SQLDialectKind(database) {
        case .sqlite: .string
        case .postgres: .sql(unsafeRaw: "TEXT COLLATE \"C\"")
        }
    }
}
