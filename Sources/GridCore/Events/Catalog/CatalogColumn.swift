/// A column of the admission-list file (准入清单导入), in the order of the Chinese header, plus
/// the attributes, which the file does not carry.
public enum CatalogColumn: Sendable, Hashable, CaseIterable {
    case code, name, parentCode, eventClass, riskKind, defaultLevel
    case deadline1, deadline2, deadline3, deadline4
    case department, isPolice, isComponent, isPublic
    /// Not a CSV column: the type's `requiredAttributes`.
    case attributes

    /// The columns of the CSV file, in order.
    public static let csvColumns: [CatalogColumn] = allCases.filter { $0 != .attributes }

    /// The CSV header cell (编码, 名称 …).
    public var header: String {
        switch self {
        case .code: "编码"
        case .name: "名称"
        case .parentCode: "上级编码"
        case .eventClass: "类别"
        case .riskKind: "风险类型"
        case .defaultLevel: "默认等级"
        case .deadline1: "一级时限"
        case .deadline2: "二级时限"
        case .deadline3: "三级时限"
        case .deadline4: "四级时限"
        case .department: "处置部门"
        case .isPolice: "警情"
        case .isComponent: "部件"
        case .isPublic: "公开"
        case .attributes: "属性"
        }
    }

    /// The wire name of the matching `EventType` property, for `ValidationFailure.field`.
    public var key: String {
        switch self {
        case .code: "code"
        case .name: "name"
        case .parentCode: "parentCode"
        case .eventClass: "eventClass"
        case .riskKind: "riskKind"
        case .defaultLevel: "defaultLevel"
        case .deadline1: "deadlineDays.1"
        case .deadline2: "deadlineDays.2"
        case .deadline3: "deadlineDays.3"
        case .deadline4: "deadlineDays.4"
        case .department: "department"
        case .isPolice: "isPolice"
        case .isComponent: "isComponent"
        case .isPublic: "isPublic"
        case .attributes: "requiredAttributes"
        }
    }

    /// The deadline column of `level` (1–4), nil for other levels.
    static func deadline(forLevel level: Int) -> CatalogColumn? {
        switch level {
        case 1: .deadline1
        case 2: .deadline2
        case 3: .deadline3
        case 4: .deadline4
        default: nil
        }
    }
}
