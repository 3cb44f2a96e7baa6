/// Who makes a self-declaration (申报人身份).
public enum DeclarantRole: String, BasicDataEnum {
    /// 居民本人: the person the declaration is about.
    case resident
    /// 房东: the landlord of the room.
    case landlord
    /// 用人单位: the employer; declares new employees only.
    case employer
    /// 物业: the property management company of the estate.
    case propertyManager = "property_manager"

    public var label: LocalizedText {
        switch self {
        case .resident: LocalizedText(zh: "居民本人", en: "resident")
        case .landlord: LocalizedText(zh: "房东", en: "landlord")
        case .employer: LocalizedText(zh: "用人单位", en: "employer")
        case .propertyManager: LocalizedText(zh: "物业", en: "property manager")
        }
    }

    /// Whether someone in this role may declare `kind`: an employer declares only new employees,
    /// a landlord never does.
    public func mayDeclare(_ kind: DeclarationKind) -> Bool {
        switch (self, kind) {
        case (.employer, .newTenant), (.employer, .movedOut), (.landlord, .newEmployee): false
        default: true
        }
    }
}
