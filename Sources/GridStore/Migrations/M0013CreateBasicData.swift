import FluentKit
import SQLKit

/// Basic data (一标三实): buildings, rooms, people, organisations, city components, and the
/// history of every change. Personal identifiers (ID numbers, phones) are stored only sealed
/// (AES-GCM) with a keyed hash beside them for exact search and a masked form for lists.
struct M0013CreateBasicData: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let path = PathColumn.type(on: database)
        try await database.schema("buildings")
            .id()
            .field("grid_path", path, .required)
            .field("address_code", .string, .required)
            .field("name", .string, .required)
            .field("use", .string, .required)
            .field("floors", .int, .required)
            .field("lon", .double)
            .field("lat", .double)
            .field("datum", .string, .required)
            .field("address", .string, .required)
            .field("footprint", .string)
            .field("updated_on", .string, .required)
            .field("version", .int, .required)
            .create()
        try await database.schema("rooms")
            .id()
            .field("building_id", .uuid, .required, .references("buildings", "id", onDelete: .restrict))
            .field("grid_path", path, .required)
            .field("address_code", .string, .required)
            .field("unit", .string, .required)
            .field("number", .string, .required)
            .field("floor", .int, .required)
            .field("use", .string, .required)
            .field("area", .double)
            .field("owner_name", .string, .required)
            .field("landlord_name", .string)
            .field("landlord_phone_sealed", .string)
            .field("landlord_phone_hash", .string)
            .field("landlord_phone_masked", .string)
            .field("occupied", .bool, .required)
            .field("updated_on", .string, .required)
            .field("version", .int, .required)
            .create()
        try await database.schema("people")
            .id()
            .field("grid_path", path, .required)
            .field("room_id", .uuid, .references("rooms", "id", onDelete: .restrict))
            .field("household_id", .uuid)
            .field("name", .string, .required)
            .field("id_type", .string, .required)
            .field("id_sealed", .string, .required)
            .field("id_hash", .string, .required)
            .field("id_masked", .string, .required)
            .field("phone_sealed", .string)
            .field("phone_hash", .string)
            .field("phone_masked", .string)
            .field("residence_kind", .string, .required)
            .field("sex", .string)
            .field("birth_date", .string)
            .field("relation", .string)
            .field("moved_in_on", .string)
            .field("moved_out_on", .string)
            .field("care_groups", .string, .required)
            .field("tags", .string, .required)
            .field("updated_on", .string, .required)
            .field("version", .int, .required)
            .create()
        try await database.schema("organizations")
            .id()
            .field("grid_path", path, .required)
            .field("room_id", .uuid)
            .field("name", .string, .required)
            .field("credit_code", .string)
            .field("kind", .string, .required)
            .field("address_code", .string, .required)
            .field("address", .string, .required)
            .field("legal_person", .string, .required)
            .field("phone_sealed", .string)
            .field("phone_hash", .string)
            .field("phone_masked", .string)
            .field("employee_count", .int, .required)
            .field("updated_on", .string, .required)
            .field("version", .int, .required)
            .create()
        try await database.schema("city_components")
            .id()
            .field("grid_path", path, .required)
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("owner_department", .string, .required)
            .field("state", .string, .required)
            .field("lon", .double, .required)
            .field("lat", .double, .required)
            .field("datum", .string, .required)
            .field("updated_on", .string, .required)
            .field("version", .int, .required)
            .unique(on: "code")
            .create()
        try await database.schema("record_history")
            .id()
            .field("record_type", .string, .required)
            .field("record_id", .uuid, .required)
            .field("version", .int, .required)
            .field("changed_at", .datetime, .required)
            .field("changed_by", .string, .required)
            .field("summary", .string, .required)
            .field("changes", .string, .required)
            .create()
        let sql = try database.sql
        for (name, table, columns) in [
            ("buildings_grid_idx", "buildings", ["grid_path"]), ("buildings_address_idx", "buildings", ["address_code"]),
            ("rooms_building_idx", "rooms", ["building_id"]), ("rooms_grid_idx", "rooms", ["grid_path"]),
            ("rooms_address_idx", "rooms", ["address_code"]),
            ("people_grid_idx", "people", ["grid_path"]), ("people_id_hash_idx", "people", ["id_hash"]),
            ("people_phone_hash_idx", "people", ["phone_hash"]), ("people_name_idx", "people", ["name"]),
            ("people_room_idx", "people", ["room_id"]),
            ("organizations_grid_idx", "organizations", ["grid_path"]), ("organizations_credit_idx", "organizations", ["credit_code"]),
            ("organizations_name_idx", "organizations", ["name"]),
            ("city_components_grid_idx", "city_components", ["grid_path"]),
            ("record_history_record_idx", "record_history", ["record_id", "version"]),
        ] {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["record_history", "city_components", "organizations", "people", "rooms", "buildings"] {
            try await database.schema(table).delete()
        }
    }
}
