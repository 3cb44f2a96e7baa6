import Foundation

/// A page of a longer list.
public struct PageDTO<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var items: [Item]
    public var page: Int
    public var per: Int
    public var total: Int

    public init(items: [Item], page: Int, per: Int, total: Int) {
        self.items = items
        self.page = page
        self.per = per
        self.total = total
    }
}

/// The body of every API error: a machine code, a message in the caller's language and, for
/// 422, the fields at fault.
public struct APIErrorDTO: Codable, Sendable, Equatable, Error {
    public struct FieldError: Codable, Sendable, Equatable {
        public var field: String
        public var reason: String
        /// The line of an import file at fault (1-based, header = 1).
        public var row: Int?

        public init(field: String, reason: String, row: Int? = nil) {
            self.field = field
            self.reason = reason
            self.row = row
        }
    }

    public var error: String
    public var message: String
    public var field: String?
    public var reason: String?
    public var errors: [FieldError]?

    public init(error: String, message: String, field: String? = nil, reason: String? = nil, errors: [FieldError]? = nil) {
        self.error = error
        self.message = message
        self.field = field
        self.reason = reason
        self.errors = errors
    }
}
