import Foundation

extension EventType {
    /// Checks a report's attributes (事项属性) against `requiredAttributes`, collecting every
    /// problem at once so that a phone form can mark all fields together.
    ///
    /// Each failure names the field `attributes.<key>`. Refused: a required attribute that is
    /// missing or null, a value of the wrong type, a choice not in the list, a key the type does not
    /// define (a typo would otherwise drop data silently). Optional attributes may be absent or null.
    public func validate(attributes: [String: JSONValue]) throws(ValidationFailures) {
        var failures: [ValidationFailure] = []
        for spec in requiredAttributes {
            let value = attributes[spec.key]
            guard let value, value != .null else {
                if spec.required {
                    failures.append(ValidationFailure(
                        field: "attributes.\(spec.key)",
                        zh: "请填写“\(spec.label.zhHans)”", en: "\(spec.label.en) is required"))
                }
                continue
            }
            if let problem = spec.problem(with: value) {
                failures.append(ValidationFailure(
                    field: "attributes.\(spec.key)",
                    zh: "“\(spec.label.zhHans)”\(problem.zhHans)", en: "\(spec.label.en) \(problem.en)"))
            }
        }
        let known = Set(requiredAttributes.map(\.key))
        for key in attributes.keys.sorted() where !known.contains(key) {
            failures.append(ValidationFailure(
                field: "attributes.\(key)",
                zh: "事项“\(name)”没有属性“\(key)”", en: "event type \(code) has no attribute \"\(key)\""))
        }
        if !failures.isEmpty { throw ValidationFailures(failures) }
    }
}
