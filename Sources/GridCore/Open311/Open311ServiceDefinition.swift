import Foundation

/// The definition of one Open311 service (服务定义): the item's attributes (事项属性) as
/// GeoReport v2 attributes, and the check of submitted `attribute[CODE]` values against them.
///
/// Mapping: a count becomes `number`, free text `string`, a choice a `singlevaluelist` of its
/// options, and yes/no a `singlevaluelist` of `true`/`false`.
public struct Open311ServiceDefinition: Sendable, Equatable {
    public struct Attribute: Sendable, Equatable {
        public enum Datatype: String, Sendable {
            case string, number, datetime, text, singlevaluelist, multivaluelist
        }

        public var code: String
        public var datatype: Datatype
        public var required: Bool
        public var datatypeDescription: String
        public var order: Int
        public var description: String
        /// `(key, name)` pairs of the list datatypes.
        public var values: [(key: String, name: String)]
        public let spec: AttributeSpec

        public static func == (lhs: Attribute, rhs: Attribute) -> Bool {
            lhs.spec == rhs.spec && lhs.order == rhs.order && lhs.description == rhs.description
        }
    }

    public var serviceCode: String
    public var attributes: [Attribute]

    public init(type: EventType, language: Language) {
        serviceCode = type.code
        attributes = type.requiredAttributes.enumerated().map { index, spec in
            let yes = LocalizedText(zh: "是", en: "Yes").text(in: language)
            let no = LocalizedText(zh: "否", en: "No").text(in: language)
            let (datatype, hint, values): (Attribute.Datatype, LocalizedText, [(key: String, name: String)]) = switch spec.type {
            case .integer:
                (.number, LocalizedText(zh: "不小于 0 的整数", en: "a whole number of at least 0"), [])
            case .text:
                (.string, LocalizedText(zh: "文字，最多 \(AttributeSpec.maximumTextLength) 字", en: "text, at most \(AttributeSpec.maximumTextLength) characters"), [])
            case .boolean:
                (.singlevaluelist, LocalizedText(zh: "是或否", en: "yes or no"), [(key: "true", name: yes), (key: "false", name: no)])
            case .choice(let options):
                (.singlevaluelist, LocalizedText(zh: "从列表中选一项", en: "one of the listed values"), options.map { (key: $0, name: $0) })
            }
            return Attribute(
                code: spec.key, datatype: datatype, required: spec.required, datatypeDescription: hint.text(in: language),
                order: index + 1, description: spec.label.text(in: language), values: values, spec: spec)
        }
    }

    /// The submitted values (`attribute[CODE]`, several for `attribute[CODE][]`) as the event's
    /// attributes. Refused together: a required attribute missing, an unknown code, a number
    /// that is not a whole number ≥ 0, a value not in the list, several values for one.
    /// An empty value counts as absent.
    public func values(from submitted: [String: [String]]) throws(Open311Failure) -> [String: JSONValue] {
        var problems: [Open311Failure] = []
        var result: [String: JSONValue] = [:]
        let known = Dictionary(uniqueKeysWithValues: attributes.map { ($0.code, $0) })
        for code in submitted.keys.sorted() where known[code] == nil {
            problems.append(.invalid(parameter: "attribute[\(code)]", reason: LocalizedText(
                zh: "服务 \(serviceCode) 没有该属性", en: "service \(serviceCode) has no such attribute")))
        }
        for attribute in attributes {
            let given = (submitted[attribute.code] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            let parameter = "attribute[\(attribute.code)]"
            guard let first = given.first else {
                if attribute.required { problems.append(.missing(parameter: parameter)) }
                continue
            }
            guard given.count == 1 else {
                problems.append(.invalid(parameter: parameter, reason: LocalizedText(zh: "只能有一个值", en: "takes one value")))
                continue
            }
            let value: JSONValue
            switch attribute.spec.type {
            case .integer:
                guard let number = Int(first), number >= 0 else {
                    problems.append(.invalid(parameter: parameter, reason: LocalizedText(zh: "应为不小于 0 的整数", en: "must be a whole number of at least 0")))
                    continue
                }
                value = .number(Double(number))
            case .boolean:
                switch first.lowercased() {
                case "true", "1", "yes", "是": value = .bool(true)
                case "false", "0", "no", "否": value = .bool(false)
                default:
                    problems.append(.invalid(parameter: parameter, reason: LocalizedText(zh: "应为 true 或 false", en: "must be true or false")))
                    continue
                }
            case .text:
                guard first.count <= AttributeSpec.maximumTextLength else {
                    problems.append(.invalid(parameter: parameter, reason: LocalizedText(
                        zh: "不能超过 \(AttributeSpec.maximumTextLength) 个字", en: "must be at most \(AttributeSpec.maximumTextLength) characters")))
                    continue
                }
                value = .string(first)
            case .choice(let options):
                guard options.contains(first) else {
                    problems.append(.invalid(parameter: parameter, reason: LocalizedText(
                        zh: "应为以下之一：\(options.joined(separator: "、"))", en: "must be one of: \(options.joined(separator: ", "))")))
                    continue
                }
                value = .string(first)
            }
            result[attribute.code] = value
        }
        if problems.count == 1, let only = problems.first { throw only }
        if !problems.isEmpty { throw .several(problems) }
        return result
    }

    /// The document (root element `service_definition`; a JSON object).
    public var node: Open311Node {
        .object([
            Open311Field("service_code", .text(serviceCode)),
            Open311Field("attributes", .list(item: "attribute", attributes.map { attribute in
                var fields = [
                    Open311Field("variable", .bool(true)),
                    Open311Field("code", .text(attribute.code)),
                    Open311Field("datatype", .text(attribute.datatype.rawValue)),
                    Open311Field("required", .bool(attribute.required)),
                    Open311Field("datatype_description", .text(attribute.datatypeDescription)),
                    Open311Field("order", .integer(attribute.order)),
                    Open311Field("description", .text(attribute.description)),
                ]
                if !attribute.values.isEmpty {
                    fields.append(Open311Field("values", .list(item: "value", attribute.values.map {
                        .object([Open311Field("key", .text($0.key)), Open311Field("name", .text($0.name))])
                    })))
                }
                return .object(fields)
            })),
        ])
    }
}
