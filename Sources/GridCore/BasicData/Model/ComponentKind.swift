/// The kind (小类) of a city component (城市部件), with its CJ/T 214-style four-digit code
/// (two digits category, two digits subcategory).
///
/// The manhole numbers (0101–0105) follow the published practice of CJ/T 214-2007 Annex A; the
/// other subcategory numbers are this platform's and should be checked against the edition a
/// city uses before codes are exchanged with another system.
public enum ComponentKind: String, BasicDataEnum {
    /// 上水井盖.
    case waterSupplyManhole = "water_supply_manhole"
    /// 污水井盖.
    case sewageManhole = "sewage_manhole"
    /// 雨水井盖.
    case rainwaterManhole = "rainwater_manhole"
    /// 雨水箅子.
    case rainGrate = "rain_grate"
    /// 电力井盖.
    case powerManhole = "power_manhole"
    /// 通信井盖.
    case telecomManhole = "telecom_manhole"
    /// 燃气井盖.
    case gasManhole = "gas_manhole"
    /// 消防栓.
    case fireHydrant = "fire_hydrant"
    /// 路灯.
    case streetLamp = "street_lamp"
    /// 公交站亭.
    case busShelter = "bus_shelter"
    /// 交通标志牌.
    case trafficSign = "traffic_sign"
    /// 交通信号灯.
    case trafficLight = "traffic_light"
    /// 护栏.
    case guardrail
    /// 公共厕所.
    case publicToilet = "public_toilet"
    /// 果皮箱（垃圾桶）.
    case litterBin = "litter_bin"
    /// 垃圾房（垃圾中转点）.
    case refuseRoom = "refuse_room"
    /// 行道树.
    case streetTree = "street_tree"
    /// 其他部件.
    case other

    /// The major category (大类).
    public var category: ComponentCategory {
        switch self {
        case .waterSupplyManhole, .sewageManhole, .rainwaterManhole, .rainGrate, .powerManhole, .telecomManhole,
             .gasManhole, .fireHydrant, .streetLamp:
            .publicUtilities
        case .busShelter, .trafficSign, .trafficLight, .guardrail: .roadTraffic
        case .publicToilet, .litterBin, .refuseRoom: .cityAppearance
        case .streetTree: .landscaping
        case .other: .otherFacilities
        }
    }

    /// The four-digit category + subcategory code (大类 + 小类), e.g. `0102` for a sewage manhole.
    public var standardCode: String {
        category.code + subcategory
    }

    private var subcategory: String {
        switch self {
        case .waterSupplyManhole: "01"
        case .sewageManhole: "02"
        case .rainwaterManhole: "03"
        case .rainGrate: "04"
        case .powerManhole: "05"
        case .telecomManhole: "07"
        case .gasManhole: "11"
        case .fireHydrant: "17"
        case .streetLamp: "20"
        case .busShelter: "03"
        case .trafficSign: "07"
        case .trafficLight: "08"
        case .guardrail: "12"
        case .publicToilet: "01"
        case .litterBin: "06"
        case .refuseRoom: "03"
        case .streetTree: "02"
        case .other: "99"
        }
    }

    /// Whether this is a manhole cover or grate (井盖类), the components most often reported missing.
    public var isManholeCover: Bool {
        switch self {
        case .waterSupplyManhole, .sewageManhole, .rainwaterManhole, .rainGrate, .powerManhole, .telecomManhole, .gasManhole:
            true
        default:
            false
        }
    }

    public var label: LocalizedText {
        switch self {
        case .waterSupplyManhole: LocalizedText(zh: "上水井盖", en: "water supply manhole cover")
        case .sewageManhole: LocalizedText(zh: "污水井盖", en: "sewage manhole cover")
        case .rainwaterManhole: LocalizedText(zh: "雨水井盖", en: "rainwater manhole cover")
        case .rainGrate: LocalizedText(zh: "雨水箅子", en: "rain grate")
        case .powerManhole: LocalizedText(zh: "电力井盖", en: "power manhole cover")
        case .telecomManhole: LocalizedText(zh: "通信井盖", en: "telecom manhole cover")
        case .gasManhole: LocalizedText(zh: "燃气井盖", en: "gas manhole cover")
        case .fireHydrant: LocalizedText(zh: "消防栓", en: "fire hydrant")
        case .streetLamp: LocalizedText(zh: "路灯", en: "street lamp")
        case .busShelter: LocalizedText(zh: "公交站亭", en: "bus shelter")
        case .trafficSign: LocalizedText(zh: "交通标志牌", en: "traffic sign")
        case .trafficLight: LocalizedText(zh: "交通信号灯", en: "traffic light")
        case .guardrail: LocalizedText(zh: "护栏", en: "guardrail")
        case .publicToilet: LocalizedText(zh: "公共厕所", en: "public toilet")
        case .litterBin: LocalizedText(zh: "果皮箱", en: "litter bin")
        case .refuseRoom: LocalizedText(zh: "垃圾房", en: "refuse room")
        case .streetTree: LocalizedText(zh: "行道树", en: "street tree")
        case .other: LocalizedText(zh: "其他部件", en: "other component")
        }
    }

    public var aliases: [String] {
        switch self {
        case .litterBin: ["垃圾桶", "垃圾箱", "bin"]
        case .fireHydrant: ["消火栓"]
        case .streetLamp: ["路灯杆"]
        case .busShelter: ["公交站台"]
        case .publicToilet: ["公厕"]
        case .telecomManhole: ["通讯井盖"]
        default: []
        }
    }
}
