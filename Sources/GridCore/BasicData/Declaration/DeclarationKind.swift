/// What a self-declaration (自主申报) reports.
public enum DeclarationKind: String, BasicDataEnum {
    /// 新租户入住登记: someone has moved into a room.
    case newTenant = "new_tenant"
    /// 迁出申报: someone has moved out of a room.
    case movedOut = "moved_out"
    /// 新员工登记: an organisation has taken someone on.
    case newEmployee = "new_employee"

    public var label: LocalizedText {
        switch self {
        case .newTenant: LocalizedText(zh: "新租户入住登记", en: "new tenant")
        case .movedOut: LocalizedText(zh: "迁出申报", en: "moved out")
        case .newEmployee: LocalizedText(zh: "新员工登记", en: "new employee")
        }
    }
}
