import Foundation

/// How a risk is controlled (管控措施): the measures, the responsible unit and person (责任单位 /
/// 责任人) and, for a major risk, the response plan (应急预案) it falls under.
public struct RiskControl: Sendable, Hashable, Codable {
    public var measures: String
    /// The responsible unit's path (it lies in the platform's hierarchy).
    public var responsibleUnit: UnitPath
    public var responsibleUnitName: String
    public var responsiblePerson: String
    /// A reference to the response plan (预案名称或编号); required for a major risk.
    public var plan: String?

    public init(measures: String, responsibleUnit: UnitPath, responsibleUnitName: String, responsiblePerson: String, plan: String?) {
        self.measures = measures
        self.responsibleUnit = responsibleUnit
        self.responsibleUnitName = responsibleUnitName
        self.responsiblePerson = responsiblePerson
        self.plan = plan
    }

    /// Checks what an operator typed against the risk's level: measures, the responsible unit and
    /// person always; a plan for a major risk. `unit` is the unit found for what was typed (nil
    /// when nothing matched). Every failure is named by field.
    public static func draft(
        measures: String?, unitText: String?, unit: (path: UnitPath, name: String)?, person: String?, plan: String?, level: RiskLevel
    ) throws(ValidationFailures) -> RiskControl {
        func clean(_ text: String?) -> String { text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        var failures: [ValidationFailure] = []
        let measures = clean(measures), person = clean(person), plan = clean(plan), unitText = clean(unitText)
        if measures.isEmpty {
            failures.append(ValidationFailure(field: "measures", zh: "请填写管控措施", en: "the control measures are required"))
        } else if measures.count > 2_000 {
            failures.append(ValidationFailure(field: "measures", zh: "管控措施不能超过 2000 字", en: "the measures may have at most 2,000 characters"))
        }
        if unitText.isEmpty {
            failures.append(ValidationFailure(field: "responsible_unit", zh: "请填写责任单位", en: "the responsible unit is required"))
        } else if unit == nil {
            failures.append(ValidationFailure(
                field: "responsible_unit", zh: "找不到责任单位“\(unitText)”", en: "no unit '\(unitText)' was found"))
        }
        if person.isEmpty {
            failures.append(ValidationFailure(field: "responsible_person", zh: "请填写责任人", en: "the responsible person is required"))
        } else if person.count > 100 {
            failures.append(ValidationFailure(field: "responsible_person", zh: "责任人不能超过 100 字", en: "the responsible person may have at most 100 characters"))
        }
        if level == .major && plan.isEmpty {
            failures.append(ValidationFailure(field: "plan", zh: "重大风险须关联应急预案", en: "a major risk needs a response plan"))
        } else if plan.count > 300 {
            failures.append(ValidationFailure(field: "plan", zh: "应急预案不能超过 300 字", en: "the plan may have at most 300 characters"))
        }
        guard failures.isEmpty, let unit else { throw ValidationFailures(failures) }
        return RiskControl(measures: measures, responsibleUnit: unit.path, responsibleUnitName: unit.name, responsiblePerson: person,
                           plan: plan.isEmpty ? nil : plan)
    }
}
