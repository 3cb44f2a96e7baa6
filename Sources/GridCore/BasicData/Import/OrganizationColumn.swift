/// The columns of an organisations file (实有单位导入). Chinese header, as exported:
/// `单位名称,统一社会信用代码,单位类型,地址编码,法定代表人,联系电话,从业人数`; English:
/// `name,credit_code,kind,address_code,legal_person,phone,employee_count`.
/// Required: 单位名称, 单位类型, 地址编码.
public enum OrganizationColumn: String, BasicDataColumn {
    case name, creditCode, kind, addressCode, legalPerson, phone, employeeCount

    public var header: String {
        switch self {
        case .name: "单位名称"
        case .creditCode: "统一社会信用代码"
        case .kind: "单位类型"
        case .addressCode: "地址编码"
        case .legalPerson: "法定代表人"
        case .phone: "联系电话"
        case .employeeCount: "从业人数"
        }
    }

    public var englishHeader: String {
        switch self {
        case .name: "name"
        case .creditCode: "credit_code"
        case .kind: "kind"
        case .addressCode: "address_code"
        case .legalPerson: "legal_person"
        case .phone: "phone"
        case .employeeCount: "employee_count"
        }
    }

    public var headerAliases: [String] {
        switch self {
        case .name: ["名称", "单位"]
        case .creditCode: ["信用代码", "社会信用代码"]
        case .kind: ["类型", "单位类别"]
        case .addressCode: ["标准地址编码"]
        case .legalPerson: ["负责人", "法人", "法定代表人（负责人）"]
        case .phone: ["电话", "联系方式"]
        case .employeeCount: ["员工人数", "职工人数", "employees"]
        }
    }

    /// The `Organization` property the column fills.
    public var key: String { self == .addressCode ? "address" : rawValue }

    public var isRequired: Bool {
        switch self {
        case .name, .kind, .addressCode: true
        default: false
        }
    }
}
