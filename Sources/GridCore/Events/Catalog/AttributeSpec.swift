import Foundation

/// One structured detail a report of an event type carries (事项属性), such as the number of people
/// involved in a dispute. Reporting is picking and filling, not typing prose (Binjiang's request),
/// so that statistics and risk scoring can read the details without a person re-reading each report.
///
/// Wire form: `{"key": "people_involved", "label": {…}, "type": "integer", "required": true}`,
/// with `"options": […]` for a choice.
public struct AttributeSpec: Sendable, Hashable, Codable {
    /// The kind of value an attribute takes.
    public enum ValueType: Sendable, Hashable {
        /// A whole number ≥ 0: attributes are counts and measures (人数, 面积).
        case integer
        /// Free text, 1–500 characters after trimming.
        case text
        /// Yes or no.
        case boolean
        /// One of the listed options, spelled exactly.
        case choice([String])

        /// `integer`, `text`, `boolean` or `choice`.
        public var name: String {
            switch self {
            case .integer: "integer"
            case .text: "text"
            case .boolean: "boolean"
            case .choice: "choice"
            }
        }
    }

    /// Longest text value accepted.
    public static let maximumTextLength = 500

    /// snake_case key in the report's `attributes` object.
    public let key: String
    public let label: LocalizedText
    public let type: ValueType
    public let required: Bool

    public init(key: String, label: LocalizedText, type: ValueType, required: Bool) {
        self.key = key
        self.label = label
        self.type = type
        self.required = required
    }

    private enum CodingKeys: String, CodingKey { case key, label, type, options, required }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        label = try container.decode(LocalizedText.self, forKey: .label)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        let name = try container.decode(String.self, forKey: .type)
        switch name {
        case "integer": type = .integer
        case "text": type = .text
        case "boolean": type = .boolean
        case "choice": type = .choice(try container.decode([String].self, forKey: .options))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown attribute type \(name)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(label, forKey: .label)
        try container.encode(type.name, forKey: .type)
        if case .choice(let options) = type { try container.encode(options, forKey: .options) }
        try container.encode(required, forKey: .required)
    }

    /// Problems with the specification itself (not a value): a key that is not snake_case, an
    /// empty label, a choice without options or with a repeated option.
    func specificationProblems() -> LocalizedText? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
        guard let first = key.first, first.isLetter, key.count <= 40, key.allSatisfy({ allowed.contains($0) }) else {
            return LocalizedText(
                zh: "属性键“\(key)”应为小写字母开头的 snake_case（最多 40 个字符）",
                en: "attribute key \"\(key)\" must be snake_case starting with a letter (at most 40 characters)")
        }
        if label.zhHans.trimmingCharacters(in: .whitespaces).isEmpty || label.en.trimmingCharacters(in: .whitespaces).isEmpty {
            return LocalizedText(zh: "属性“\(key)”缺少中文或英文名称", en: "attribute \"\(key)\" needs a Chinese and an English label")
        }
        if case .choice(let options) = type {
            if options.isEmpty || options.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                return LocalizedText(zh: "属性“\(key)”的选项不能为空", en: "attribute \"\(key)\" needs non-empty options")
            }
            if Set(options).count != options.count {
                return LocalizedText(zh: "属性“\(key)”的选项重复", en: "attribute \"\(key)\" repeats an option")
            }
        }
        return nil
    }

    /// Why `value` does not fit this attribute, or nil when it does. A missing or null value is
    /// judged by `required` by the caller, not here.
    func problem(with value: JSONValue) -> LocalizedText? {
        switch type {
        case .integer:
            guard let number = value.doubleValue, number.isFinite, number.rounded() == number,
                  number >= 0, number <= 9_007_199_254_740_992
            else {
                return LocalizedText(zh: "应为不小于 0 的整数", en: "must be a whole number of at least 0")
            }
            return nil
        case .text:
            guard let text = value.stringValue else {
                return LocalizedText(zh: "应为文字", en: "must be text")
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                return LocalizedText(zh: "不能为空", en: "must not be empty")
            }
            if trimmed.count > AttributeSpec.maximumTextLength {
                return LocalizedText(
                    zh: "不能超过 \(AttributeSpec.maximumTextLength) 个字",
                    en: "must be at most \(AttributeSpec.maximumTextLength) characters")
            }
            return nil
        case .boolean:
            return value.boolValue == nil ? LocalizedText(zh: "应为是或否（true/false）", en: "must be true or false") : nil
        case .choice(let options):
            guard let text = value.stringValue, options.contains(text) else {
                let list = options.joined(separator: "、")
                return LocalizedText(zh: "应为以下之一：\(list)", en: "must be one of: \(options.joined(separator: ", "))")
            }
            return nil
        }
    }
}
