import FluentKit
import SQLKit

/// The append-only audit log. Triggers refuse UPDATE and DELETE on both engines, so not even a
/// bug in the application can rewrite history.
struct M0004CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntryModel.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("target_type", .string, .required)
            .field("target_id", .string)
            .field("summary", .string, .required)
            .field("client_address", .string)
            .field("unit_path", PathColumn.type(on: database))
            .create()
        let sql = try database.sql
        try await sql.create(index: "audit_log_at_idx").on(AuditEntryModel.schema).column("at").run()
        try await sql.create(index: "audit_log_actor_idx").on(AuditEntryModel.schema).column("actor_id").run()
        try await sql.create(index: "audit_log_action_idx").on(AuditEntryModel.schema).column("action").run()
        switch SQLDialectKind(database) {
        case .sqlite:
            try await sql.raw("""
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
                """).run()
        case .postgres:
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit_log is append-only'; END;
                $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql
        try await database.schema(AuditEntryModel.schema).delete()
        if SQLDialectKind(database) == .postgres {
            try await sql.raw("DROP FUNCTION IF EXISTS audit_log_append_only()").run()
        }
    }
}
