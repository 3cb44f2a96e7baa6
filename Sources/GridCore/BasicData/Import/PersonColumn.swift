/// The columns of a people file (实有人口导入). The Chinese header, in this order, is what
/// export writes:
/// `姓名,证件类型,证件号码,联系电话,人员类型,地址编码,楼栋,房间,迁入日期,迁出日期,与户主关系,关注群体,标签,性别,出生日期`;
/// the English one is
/// `name,id_type,id_number,phone,residence_kind,address_code,building,room,moved_in_on,moved_out_on,relation_to_head,care_groups,tags,sex,birth_date`.
/// Required: 姓名, 证件类型, 证件号码, 人员类型, and 地址编码 or both 楼栋 and 房间.
public enum PersonColumn: String, BasicDataColumn {
    case name, idType, idNumber, phone, residenceKind, addressCode, building, room
    case movedInOn, movedOutOn, relationToHead, careGroups, tags, sex, birthDate

    public var header: String {
        switch self {
        case .name: "姓名"
        case .idType: "证件类型"
        case .idNumber: "证件号码"
        case .phone: "联系电话"
        case .residenceKind: "人员类型"
        case .addressCode: "地址编码"
        case .building: "楼栋"
        case .room: "房间"
        case .movedInOn: "迁入日期"
        case .movedOutOn: "迁出日期"
        case .relationToHead: "与户主关系"
        case .careGroups: "关注群体"
        case .tags: "标签"
        case .sex: "性别"
        case .birthDate: "出生日期"
        }
    }

    public var englishHeader: String {
        switch self {
        case .name: "name"
        case .idType: "id_type"
        case .idNumber: "id_number"
        case .phone: "phone"
        case .residenceKind: "residence_kind"
        case .addressCode: "address_code"
        case .building: "building"
        case .room: "room"
        case .movedInOn: "moved_in_on"
        case .movedOutOn: "moved_out_on"
        case .relationToHead: "relation_to_head"
        case .careGroups: "care_groups"
        case .tags: "tags"
        case .sex: "sex"
        case .birthDate: "birth_date"
        }
    }

    public var headerAliases: [String] {
        switch self {
        case .name: []
        case .idType: ["证件种类"]
        case .idNumber: ["身份证号", "身份证号码", "公民身份号码", "证件号"]
        case .phone: ["手机号", "手机号码", "电话", "联系方式"]
        case .residenceKind: ["人口类型", "人员类别"]
        case .addressCode: ["标准地址编码"]
        case .building: ["楼栋号"]
        case .room: ["房间号", "房号"]
        case .movedInOn: ["迁入时间", "入住日期", "moved_in"]
        case .movedOutOn: ["迁出时间", "moved_out"]
        case .relationToHead: ["与户主的关系", "relation"]
        case .careGroups: ["关注类型", "重点人群"]
        case .tags: []
        case .sex: []
        case .birthDate: ["出生年月日"]
        }
    }

    /// The `Person` property the column fills (`declaredBirthDate` for 出生日期).
    public var key: String {
        switch self {
        case .sex: "declaredSex"
        case .birthDate: "declaredBirthDate"
        case .addressCode, .building, .room: "address." + rawValue
        default: rawValue
        }
    }

    public var isRequired: Bool {
        switch self {
        case .name, .idType, .idNumber, .residenceKind: true
        default: false
        }
    }
}
