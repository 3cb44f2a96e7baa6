import Foundation

/// Personal data that screens and exports mask (PIPL): the caller decides when to unmask.
public enum SensitiveKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An identity document number: masked as `510117********1234`.
    case idNumber = "id_number"
    /// A phone number: masked as `138****5678`.
    case phone

    /// The masked form of `value`.
    public func mask(_ value: String) -> String {
        switch self {
        case .idNumber: Masking.maskIDNumber(value)
        case .phone: Masking.maskPhone(value)
        }
    }
}

/// One field of a record as the history shows it: key, label and value as display text.
public struct DiffField: Sendable, Hashable {
    /// The property name (`idNumber`), as in validation failures.
    public var key: String
    public var label: LocalizedText
    /// Nil when the field is empty.
    public var value: LocalizedText?
    public var sensitivity: SensitiveKind?

    public init(key: String, label: LocalizedText, value: LocalizedText?, sensitivity: SensitiveKind? = nil) {
        self.key = key
        self.label = label
        self.value = value
        self.sensitivity = sensitivity
    }

    /// A text field; empty text counts as no value.
    static func text(_ key: String, _ zh: String, _ en: String, _ value: String?, sensitivity: SensitiveKind? = nil) -> DiffField {
        let shown = value.flatMap { $0.isEmpty ? nil : LocalizedText(zh: $0, en: $0) }
        return DiffField(key: key, label: LocalizedText(zh: zh, en: en), value: shown, sensitivity: sensitivity)
    }

    static func choice(_ key: String, _ zh: String, _ en: String, _ value: (some BasicDataEnum)?) -> DiffField {
        DiffField(key: key, label: LocalizedText(zh: zh, en: en), value: value?.label)
    }

    /// A set of choices in declaration order, `、`-joined in Chinese and `, `-joined in English.
    static func choices<Choice: BasicDataEnum>(_ key: String, _ zh: String, _ en: String, _ values: Set<Choice>) -> DiffField {
        let ordered = Choice.allCases.filter(values.contains)
        let value = ordered.isEmpty ? nil : LocalizedText(
            zh: ordered.map(\.label.zhHans).joined(separator: "、"), en: ordered.map(\.label.en).joined(separator: ", "))
        return DiffField(key: key, label: LocalizedText(zh: zh, en: en), value: value)
    }

    static func flag(_ key: String, _ zh: String, _ en: String, _ value: Bool) -> DiffField {
        DiffField(key: key, label: LocalizedText(zh: zh, en: en), value: value ? LocalizedText(zh: "是", en: "yes") : LocalizedText(zh: "否", en: "no"))
    }

    static func described(_ key: String, _ zh: String, _ en: String, _ value: (some CustomStringConvertible)?) -> DiffField {
        text(key, zh, en, value.map(\.description))
    }

    static func id(_ key: String, _ zh: String, _ en: String, _ value: UUID?) -> DiffField {
        text(key, zh, en, value?.uuidString.lowercased())
    }
}

/// A record whose versions can be compared field by field (`RecordDiff`).
public protocol DiffableRecord: Identifiable where ID == UUID {
    /// Every field the history tracks, in display order. Bookkeeping (`updatedOn`) is left out.
    var diffFields: [DiffField] { get }
}
