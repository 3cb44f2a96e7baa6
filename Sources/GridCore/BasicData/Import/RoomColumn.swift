/// The columns of a rooms file (实有房屋导入). Chinese header, as exported:
/// `楼栋,单元,房间,楼层,用途,面积,产权人,房东姓名,房东电话,是否有人居住`; English:
/// `building,unit,room,floor,use,area,owner_name,landlord_name,landlord_phone,occupied`.
/// Required: 楼栋, 房间, 楼层, 用途.
public enum RoomColumn: String, BasicDataColumn {
    case building, unit, number, floor, use, area, ownerName, landlordName, landlordPhone, isOccupied

    public var header: String {
        switch self {
        case .building: "楼栋"
        case .unit: "单元"
        case .number: "房间"
        case .floor: "楼层"
        case .use: "用途"
        case .area: "面积"
        case .ownerName: "产权人"
        case .landlordName: "房东姓名"
        case .landlordPhone: "房东电话"
        case .isOccupied: "是否有人居住"
        }
    }

    public var englishHeader: String {
        switch self {
        case .building: "building"
        case .unit: "unit"
        case .number: "room"
        case .floor: "floor"
        case .use: "use"
        case .area: "area"
        case .ownerName: "owner_name"
        case .landlordName: "landlord_name"
        case .landlordPhone: "landlord_phone"
        case .isOccupied: "occupied"
        }
    }

    public var headerAliases: [String] {
        switch self {
        case .building: ["楼栋编码", "楼栋地址编码", "building_code"]
        case .unit: []
        case .number: ["房间号", "房号", "room_number"]
        case .floor: ["所在楼层"]
        case .use: ["房屋用途", "使用情况"]
        case .area: ["建筑面积", "面积（平方米）", "面积(平方米)", "area_m2"]
        case .ownerName: ["房主", "业主", "owner"]
        case .landlordName: ["房东", "landlord"]
        case .landlordPhone: ["房东联系电话"]
        case .isOccupied: ["有人居住", "is_occupied"]
        }
    }

    /// The `Room` property the column fills.
    public var key: String { self == .building ? "buildingID" : rawValue }

    public var isRequired: Bool {
        switch self {
        case .building, .number, .floor, .use: true
        default: false
        }
    }
}
