import Foundation
import GridCore

/// What went wrong with a call.
public enum GridClientError: Error, Sendable, Equatable {
    /// The server answered with an error status; its body says why.
    case api(APIFailure)
    /// No answer came (refused, reset, timed out). The request may or may not have been carried
    /// out: only a retry with the same client-made id can tell safely.
    case transport(String)
    case unreadableResponse(path: String, detail: String)
    case badURL(String)

    public var status: Int? {
        if case .api(let failure) = self { return failure.status }
        return nil
    }

    /// The server's answer, when there was one.
    public var failure: APIFailure? {
        if case .api(let failure) = self { return failure }
        return nil
    }
}

/// An error answer of the API: `{error, message, field, reason, errors:[{field, reason}]}` for
/// 422, and for a 409 on an event also `current`, the event as it stands now (the client shows it
/// to a person instead of overwriting anything).
public struct APIFailure: Sendable, Equatable {
    public let status: Int
    /// Machine-readable code (`validation_failed`, `stale_version`, `illegal_action`, …).
    public let code: String?
    /// In the language the client asked for.
    public let message: String?
    public let field: String?
    public let reason: String?
    public let fieldErrors: [APIErrorDTO.FieldError]
    /// The event as it is now, on a 409 about an event.
    public let current: EventDTO?
    /// The body as it came, for whatever the fields above do not cover.
    public let body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
        let error = try? GridClient.decoder.decode(APIErrorDTO.self, from: body)
        code = error?.error
        message = error?.message
        field = error?.field ?? error?.errors?.first?.field
        reason = error?.reason
        fieldErrors = error?.errors ?? []
        current = (try? GridClient.decoder.decode(CurrentState.self, from: body))?.current
    }

    /// The error as the server's DTO, when the body was one.
    public var error: APIErrorDTO? {
        code.map { APIErrorDTO(error: $0, message: message ?? "", field: field, reason: reason, errors: fieldErrors.isEmpty ? nil : fieldErrors) }
    }

    /// One line for a person: the server's message, else the status.
    public var summary: String {
        [message, field.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ").nonEmpty ?? "HTTP \(status)"
    }

    private struct CurrentState: Decodable {
        let current: EventDTO
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
