import FluentKit
import Foundation
import GridCore

/// Assessment schemes (考核方案) and their runs (考核结果), with the three default schemes — one
/// per circle — so a district can rank from day one.
struct M0024CreateAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let path = PathColumn.type(on: database)
        try await database.schema(AssessmentStore.schemes)
            .id()
            .field("name", .string, .required)
            .field("subject", .string, .required)
            .field("definition", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(AssessmentStore.runs)
            .id()
            .field("scheme_id", .uuid, .required, .references(AssessmentStore.schemes, "id", onDelete: .restrict))
            .field("unit_path", path, .required)
            .field("period", .string, .required)
            .field("state", .string, .required)
            .field("scheme", .string, .required)
            .field("bonuses", .string, .required)
            .field("results", .string, .required)
            .field("computed_at", .datetime, .required)
            .field("published_at", .datetime)
            .field("published_by", .string)
            .unique(on: "scheme_id", "unit_path", "period")
            .create()
        let now = Date()
        for scheme in AssessmentStore.defaults {
            try await AssessmentStore.save(scheme, on: database, now: now)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AssessmentStore.runs).delete()
        try await database.schema(AssessmentStore.schemes).delete()
    }
}
