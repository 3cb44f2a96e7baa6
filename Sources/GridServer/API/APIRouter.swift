import Foundation
import GridCore
import Vapor

/// Registers `/api/v1` routes. Each registration states who may call it (`EndpointAccess`, checked
/// here before the handler runs: the platform's one guard) and documents itself in the OpenAPI
/// registry, so the document and the guard cannot be forgotten for a route.
struct APIRouter {
    let routes: any RoutesBuilder
    let registry: OpenAPIRegistry

    /// An endpoint answering with a JSON body.
    /// - Parameter path: relative to `/api/v1`, OpenAPI style: `units/{id}`.
    func add<Response: Encodable & Sendable & OpenAPIDescribed>(
        _ method: HTTPMethod, _ path: String, summary: String, tag: String, access: EndpointAccess,
        query: [OpenAPIOperation.Parameter] = [], body: (any OpenAPIDescribed.Type)? = nil,
        status: HTTPResponseStatus = .ok, response: Response.Type,
        handler: @escaping @Sendable (Request, Principal?) async throws -> Response
    ) {
        document(method, path, summary: summary, tag: tag, access: access, query: query, body: body,
                 response: (Int(status.code), Response.schemaName, Response.schema),
                 nested: (Response.self as? any OpenAPINesting.Type)?.nestedSchemas ?? [])
        routes.on(method, Self.components(path), body: Self.bodyStrategy(method)) { request async throws -> Vapor.Response in
            let principal = try access.authorize(request)
            let value = try await handler(request, principal)
            return try Self.json(value, status: status)
        }
    }

    /// An endpoint whose handler picks the success status (201 for a new report, 200 for a repeat).
    func addDynamic<Response: Encodable & Sendable & OpenAPIDescribed>(
        _ method: HTTPMethod, _ path: String, summary: String, tag: String, access: EndpointAccess,
        body: (any OpenAPIDescribed.Type)? = nil, status: HTTPResponseStatus, response: Response.Type,
        handler: @escaping @Sendable (Request, Principal?) async throws -> (Response, HTTPResponseStatus)
    ) {
        document(method, path, summary: summary, tag: tag, access: access, query: [], body: body,
                 response: (Int(status.code), Response.schemaName, Response.schema),
                 nested: (Response.self as? any OpenAPINesting.Type)?.nestedSchemas ?? [])
        routes.on(method, Self.components(path), body: Self.bodyStrategy(method)) { request async throws -> Vapor.Response in
            let principal = try access.authorize(request)
            let (value, actual) = try await handler(request, principal)
            return try Self.json(value, status: actual)
        }
    }

    /// An endpoint answering a file (a photo), documented with its media type.
    func addFile(
        _ method: HTTPMethod, _ path: String, summary: String, tag: String, access: EndpointAccess, mediaType: String,
        handler: @escaping @Sendable (Request, Principal?) async throws -> Vapor.Response
    ) {
        var operation = OpenAPIOperation(
            method: method.rawValue, path: APIPath.base + "/" + path, summary: summary, tag: tag, access: access,
            parameters: [], requestBody: nil, response: nil)
        operation.fileResponse = mediaType
        registry.add(operation, schemas: [])
        routes.on(method, Self.components(path), body: Self.bodyStrategy(method)) { request async throws -> Vapor.Response in
            try await handler(request, try access.authorize(request))
        }
    }

    /// An endpoint answering 204 No Content.
    func addNoContent(
        _ method: HTTPMethod, _ path: String, summary: String, tag: String, access: EndpointAccess,
        body: (any OpenAPIDescribed.Type)? = nil,
        handler: @escaping @Sendable (Request, Principal?) async throws -> Void
    ) {
        document(method, path, summary: summary, tag: tag, access: access, query: [], body: body, response: nil)
        routes.on(method, Self.components(path), body: Self.bodyStrategy(method)) { request async throws -> Vapor.Response in
            let principal = try access.authorize(request)
            try await handler(request, principal)
            return Vapor.Response(status: .noContent)
        }
    }

    private func document(
        _ method: HTTPMethod, _ path: String, summary: String, tag: String, access: EndpointAccess,
        query: [OpenAPIOperation.Parameter], body: (any OpenAPIDescribed.Type)?,
        response: (status: Int, name: String, schema: JSONSchema)?, nested: [(String, JSONSchema)] = []
    ) {
        var schemas: [(String, JSONSchema)] = nested
        if let body { schemas.append((body.schemaName, body.schema)) }
        if let response { schemas.append((response.name, response.schema)) }
        registry.add(
            OpenAPIOperation(
                method: method.rawValue, path: APIPath.base + "/" + path, summary: summary, tag: tag, access: access,
                parameters: query, requestBody: body.map { ($0.schemaName, $0.schema) }, response: response),
            schemas: schemas)
    }

    static func components(_ path: String) -> [PathComponent] {
        path.split(separator: "/").map { part in
            part.hasPrefix("{") ? .parameter(String(part.dropFirst().dropLast())) : .constant(String(part))
        }
    }

    private static func bodyStrategy(_ method: HTTPMethod) -> HTTPBodyStreamStrategy {
        // Reports carry photos as Base64: up to nine photos of 8 MB.
        [.GET, .HEAD, .DELETE].contains(method) ? .collect : .collect(maxSize: "100mb")
    }

    static func json(_ value: some Encodable, status: HTTPResponseStatus) throws -> Vapor.Response {
        let response = Vapor.Response(status: status)
        response.headers.contentType = .json
        if let collection = value as? GeoJSONFeatureCollection {
            // Map layers answer thousands of features; the direct writer gives the encoder's bytes.
            response.body = .init(buffer: ByteBuffer(bytes: GeoJSONWriter.json(collection)))
        } else {
            response.body = .init(data: try JSONEncoder.api.encode(value))
        }
        return response
    }
}

extension Request {
    /// Decodes the JSON body with the API's date format; failures become 422 naming the field.
    func decodeBody<T: Decodable>(_ type: T.Type) throws -> T {
        guard let body = body.data, body.readableBytes > 0 else {
            throw ValidationFailure(field: "body", zh: "请求体不能为空", en: "the request body is empty")
        }
        return try JSONDecoder.api.decode(T.self, from: body)
    }

    /// Paging parameters `page` (from 1) and `per` (1–200, default 50).
    func paging(defaultPer: Int = 50) throws -> (page: Int, per: Int) {
        let page = (try? query.get(Int.self, at: "page")) ?? 1
        let per = (try? query.get(Int.self, at: "per")) ?? defaultPer
        guard page >= 1 else { throw ValidationFailure(field: "page", zh: "页码须从 1 开始", en: "page starts at 1") }
        guard (1...200).contains(per) else {
            throw ValidationFailure(field: "per", zh: "每页条数须在 1–200 之间", en: "per must be between 1 and 200")
        }
        return (page, per)
    }

    /// A required path parameter.
    func pathParameter(_ name: String) throws -> String {
        guard let value = parameters.get(name), !value.isEmpty else { throw GridHTTPError.notFound }
        return value
    }

    /// A record id in the path; anything but a UUID names nothing here (404).
    func idParameter(_ name: String = "id") throws -> UUID {
        guard let id = UUID(uuidString: try pathParameter(name)) else { throw GridHTTPError.notFound }
        return id
    }
}

extension APIRouter {
    /// The principal of an endpoint whose access is not `.public` (the guard already ensured it).
    static func signedIn(_ principal: Principal?) throws -> Principal {
        guard let principal else { throw GridHTTPError.unauthenticated }
        return principal
    }
}
