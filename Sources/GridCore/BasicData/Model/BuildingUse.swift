/// What a building is used for (楼栋用途).
public enum BuildingUse: String, BasicDataEnum {
    /// 住宅.
    case residential
    /// 商业.
    case commercial
    /// 商住混合: shops below, homes above.
    case mixed
    /// 工业（厂房、仓储）.
    case industrial
    /// 公共服务（学校、医院、办公）.
    case publicService = "public_service"
    /// 其他.
    case other

    public var label: LocalizedText {
        switch self {
        case .residential: LocalizedText(zh: "住宅", en: "residential")
        case .commercial: LocalizedText(zh: "商业", en: "commercial")
        case .mixed: LocalizedText(zh: "商住混合", en: "mixed")
        case .industrial: LocalizedText(zh: "工业", en: "industrial")
        case .publicService: LocalizedText(zh: "公共服务", en: "public service")
        case .other: LocalizedText(zh: "其他", en: "other")
        }
    }

    public var aliases: [String] {
        switch self {
        case .residential: ["住宅楼", "居住"]
        case .commercial: ["商用", "商铺"]
        case .mixed: ["商住", "商住楼"]
        case .industrial: ["厂房", "仓储"]
        case .publicService: ["公共", "办公", "public"]
        case .other: []
        }
    }
}
