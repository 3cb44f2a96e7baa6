import Fluent
import Foundation
import Vapor

/// The yardstick of `gridgov bench`: a bare Vapor route that decodes a small JSON body and does
/// one Fluent insert — what any Vapor app does per request, without GridGov's work.
enum BareInsertRoute {
    final class Row: Model, @unchecked Sendable {
        // Fluent's property wrappers cannot be checked Sendable; instances never cross tasks.
        static let schema = "bench_rows"

        @ID(key: .id) var id: UUID?
        @Field(key: "note") var note: String
        @Field(key: "created_at") var createdAt: Date

        init() {}

        init(note: String, createdAt: Date) {
            self.id = UUID()
            self.note = note
            self.createdAt = createdAt
        }
    }

    struct Body: Content {
        var note: String
    }

    static let path: [PathComponent] = ["bench", "bare"]

    static func install(on app: Application) async throws {
        try await app.db.schema(Row.schema)
            .id()
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        app.post(path) { req async throws -> HTTPStatus in
            let body = try req.content.decode(Body.self)
            try await Row(note: body.note, createdAt: Date()).create(on: req.db)
            return .created
        }
    }
}
