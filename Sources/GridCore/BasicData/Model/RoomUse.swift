/// How a room is used (房屋用途/使用情况): the categories grid workers record for 实有房屋.
public enum RoomUse: String, BasicDataEnum {
    /// 自住.
    case selfOccupied = "self_occupied"
    /// 出租 (出租屋): a landlord and a phone are required.
    case rental
    /// 空置.
    case vacant
    /// 商铺.
    case shop
    /// 其他（办公、仓库…）.
    case other

    public var label: LocalizedText {
        switch self {
        case .selfOccupied: LocalizedText(zh: "自住", en: "self-occupied")
        case .rental: LocalizedText(zh: "出租", en: "rental")
        case .vacant: LocalizedText(zh: "空置", en: "vacant")
        case .shop: LocalizedText(zh: "商铺", en: "shop")
        case .other: LocalizedText(zh: "其他", en: "other")
        }
    }

    public var aliases: [String] {
        switch self {
        case .selfOccupied: ["自用", "自有"]
        case .rental: ["出租屋", "租赁", "出租房"]
        case .vacant: ["闲置", "空房"]
        case .shop: ["门面", "商业"]
        case .other: []
        }
    }
}
