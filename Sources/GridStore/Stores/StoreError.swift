import Foundation
import GridCore

/// What the stores report beyond validation failures.
public enum StoreError: Error, Sendable, Equatable {
    /// The record does not exist (or, for scoped lookups, is outside the caller's scope).
    case notFound(what: String)
    /// A stored row no longer reads as a valid domain value.
    case corruptRow(table: String, id: String)
}
