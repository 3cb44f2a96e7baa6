/// The major categories (大类) of city components in digital city management (CJ/T 214-2007):
/// the two digits after the county code in a component code.
public enum ComponentCategory: String, BasicDataEnum {
    /// 01 公用设施 (manholes, hydrants, lamps, utility boxes).
    case publicUtilities = "public_utilities"
    /// 02 道路交通 (shelters, signs, signals, railings).
    case roadTraffic = "road_traffic"
    /// 03 市容环境 (toilets, bins, refuse rooms, billboards).
    case cityAppearance = "city_appearance"
    /// 04 园林绿化 (street trees, green spaces).
    case landscaping
    /// 05 房屋土地.
    case housingAndLand = "housing_and_land"
    /// 06 其他设施.
    case otherFacilities = "other_facilities"

    /// The two-digit category code.
    public var code: String {
        switch self {
        case .publicUtilities: "01"
        case .roadTraffic: "02"
        case .cityAppearance: "03"
        case .landscaping: "04"
        case .housingAndLand: "05"
        case .otherFacilities: "06"
        }
    }

    public var label: LocalizedText {
        switch self {
        case .publicUtilities: LocalizedText(zh: "公用设施", en: "public utilities")
        case .roadTraffic: LocalizedText(zh: "道路交通", en: "road traffic")
        case .cityAppearance: LocalizedText(zh: "市容环境", en: "city appearance")
        case .landscaping: LocalizedText(zh: "园林绿化", en: "landscaping")
        case .housingAndLand: LocalizedText(zh: "房屋土地", en: "housing and land")
        case .otherFacilities: LocalizedText(zh: "其他设施", en: "other facilities")
        }
    }
}
