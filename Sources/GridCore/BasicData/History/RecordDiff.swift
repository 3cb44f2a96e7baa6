import Foundation

/// The field-level difference between two versions of one record (变更记录), for the history
/// of basic data: which fields changed, from what, to what. Pure: nothing is stored here.
public struct RecordDiff: Sendable, Hashable, Codable {
    public let recordID: UUID
    /// Changed fields in the record's display order.
    public let changes: [FieldChange]

    public init(recordID: UUID, changes: [FieldChange]) {
        self.recordID = recordID
        self.changes = changes
    }

    /// Compares `old` and `new` field by field (`DiffableRecord.diffFields`). The id is the new
    /// version's; comparing two different records is allowed and shows every differing field.
    public init<Record: DiffableRecord>(from old: Record, to new: Record) {
        let before = Dictionary(old.diffFields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [FieldChange] = []
        for field in new.diffFields {
            let previous = before[field.key]?.value
            guard previous != field.value else { continue }
            changes.append(FieldChange(
                field: field.key, label: field.label, old: previous, new: field.value,
                sensitivity: field.sensitivity ?? before[field.key]?.sensitivity))
        }
        self.init(recordID: new.id, changes: changes)
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// The changed field keys.
    public var fields: [String] { changes.map(\.field) }

    /// The change of `field`, if it changed.
    public subscript(field: String) -> FieldChange? {
        changes.first { $0.field == field }
    }

    /// Every sensitive value masked, for screens and logs.
    public func masked() -> RecordDiff {
        RecordDiff(recordID: recordID, changes: changes.map { $0.masked() })
    }
}
