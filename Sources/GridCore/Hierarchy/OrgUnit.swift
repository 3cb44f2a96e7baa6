import Foundation

/// A node of the hierarchy (组织架构): a territory, a department or an outside unit.
public struct OrgUnit: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var code: UnitCode
    /// The Chinese name as people use it (郫筒街道, 城管局).
    public var name: String
    public var kind: UnitKind
    public var parentID: UUID?
    public var path: UnitPath

    public init(id: UUID, code: UnitCode, name: String, kind: UnitKind, parentID: UUID?, path: UnitPath) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.path = path
    }

    /// Checks a new unit's name and its place in the tree before anything is stored.
    public static func validateNew(name: String, kind: UnitKind, parentKind: UnitKind?) throws(ValidationFailures) {
        var failures: [ValidationFailure] = []
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            failures.append(ValidationFailure(field: "name", zh: "名称不能为空", en: "the name must not be empty"))
        } else if trimmed.count > 100 {
            failures.append(ValidationFailure(field: "name", zh: "名称不能超过 100 个字", en: "the name must be at most 100 characters"))
        }
        if !kind.mayBeChild(of: parentKind) {
            let parentLabel = parentKind?.label ?? LocalizedText(zh: "根节点", en: "the root")
            failures.append(ValidationFailure(
                field: parentKind == nil ? "parent" : "kind",
                zh: "\(kind.label.zhHans)不能设在\(parentLabel.zhHans)之下",
                en: "a \(kind.label.en.lowercased()) cannot be placed under \(parentLabel.en.lowercased())"
            ))
        }
        if !failures.isEmpty { throw ValidationFailures(failures) }
    }
}
