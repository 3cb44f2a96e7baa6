import Foundation
import GridCore
import GridServer
import GridTestSupport
import Testing
import Vapor

/// `GET /api/openapi.json` documents every `/api/v1` route, and every route is guarded.
@Suite struct OpenAPITests {
    /// The registered routes under /api/v1 as "METHOD /api/v1/x/{param}".
    static func registeredRoutes(_ app: Application) -> Set<String> {
        Set(app.routes.all.compactMap { route -> String? in
            let parts = route.path.map { component -> String in
                if case .parameter(let name) = component { return "{\(name)}" }
                return component.description
            }
            let path = "/" + parts.joined(separator: "/")
            return path.hasPrefix("/api/v1/") ? "\(route.method.rawValue) \(path)" : nil
        })
    }

    @Test("every registered /api/v1 route is in the OpenAPI document with its method")
    func documentCoversEveryRoute() async throws {
        try await TestApp.with(seedDemo: false) { app in
            let (status, body) = try await app.call(.GET, "/api/openapi.json")
            #expect(status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.0.3")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            // Open311's resources are checked against what is served in Open311ConformanceTests.
            let documented = Set(paths.filter { $0.key.hasPrefix("/api/v1/") }.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } })
            let registered = Self.registeredRoutes(app)
            #expect(!registered.isEmpty)
            #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "documented but not served: \(documented.subtracting(registered).sorted())")
        }
    }

    @Test("every $ref in the document resolves to a schema")
    func referencesResolve() async throws {
        try await TestApp.with(seedDemo: false) { app in
            let (_, body) = try await app.call(.GET, "/api/openapi.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            var references: Set<String> = []
            func walk(_ value: Any) {
                if let object = value as? [String: Any] {
                    if let ref = object["$ref"] as? String { references.insert(ref) }
                    object.values.forEach(walk)
                } else if let array = value as? [Any] {
                    array.forEach(walk)
                }
            }
            walk(document)
            #expect(!references.isEmpty)
            for ref in references {
                let name = ref.replacingOccurrences(of: "#/components/schemas/", with: "")
                #expect(schemas[name] != nil, "unresolved \(ref)")
            }
        }
    }

    @Test("every /api/v1 route but sign-in refuses a caller without a token")
    func everyRouteIsGuarded() async throws {
        try await TestApp.with(seedDemo: false) { app in
            for operation in try app.grid.openAPI.operations {
                let path = operation.path.replacingOccurrences(of: "{id}", with: UUID().uuidString)
                let (status, _) = try await app.call(HTTPMethod(rawValue: operation.method), path)
                if operation.access == .public {
                    #expect(status != .unauthorized, "\(operation.method) \(operation.path)")
                } else {
                    #expect(status == .unauthorized, "\(operation.method) \(operation.path) answered \(status)")
                }
            }
        }
    }
}
