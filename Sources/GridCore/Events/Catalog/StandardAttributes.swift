/// The attribute specifications the standard admission list uses, named once so that items
/// share them and statistics can read the same key across items.
enum StandardAttributes {
    /// 涉及人数: disputes and fights; risk scoring raises likelihood with many people (domain.md §6).
    static let peopleInvolved = AttributeSpec(
        key: "people_involved", label: LocalizedText(zh: "涉及人数", en: "People involved"), type: .integer, required: true)
    /// 涉及弱势群体: an aggravating fact of risk scoring (domain.md §6).
    static let vulnerableInvolved = AttributeSpec(
        key: "vulnerable_involved",
        label: LocalizedText(zh: "涉及老幼病残孕等弱势群体", en: "Vulnerable people involved"), type: .boolean, required: false)
    static let areaOptional = AttributeSpec(
        key: "area_m2", label: LocalizedText(zh: "面积（平方米）", en: "Area (m²)"), type: .integer, required: false)
    static let areaRequired = AttributeSpec(
        key: "area_m2", label: LocalizedText(zh: "面积（平方米）", en: "Area (m²)"), type: .integer, required: true)
    static let structure = AttributeSpec(
        key: "structure", label: LocalizedText(zh: "结构", en: "Structure"),
        type: .choice(["砖混", "钢架", "彩钢板", "其他"]), required: false)
    static let stallCount = AttributeSpec(
        key: "stall_count", label: LocalizedText(zh: "摊位数", en: "Stalls"), type: .integer, required: false)
    static let manholeType = AttributeSpec(
        key: "manhole_type", label: LocalizedText(zh: "井盖类型", en: "Manhole type"),
        type: .choice(["雨水", "污水", "电力", "通信", "燃气", "自来水", "不明"]), required: true)
    static let lampNumber = AttributeSpec(
        key: "lamp_number", label: LocalizedText(zh: "灯杆编号", en: "Lamp post number"), type: .text, required: false)
    static let plateNumber = AttributeSpec(
        key: "plate_number", label: LocalizedText(zh: "车牌号", en: "Number plate"), type: .text, required: false)
    static let noiseSource = AttributeSpec(
        key: "noise_source", label: LocalizedText(zh: "噪声来源", en: "Noise source"),
        type: .choice(["建筑施工", "商业经营", "居民生活", "交通运输", "其他"]), required: true)
    static let atNight = AttributeSpec(
        key: "at_night", label: LocalizedText(zh: "夜间（22时至次日6时）", en: "At night (22:00–06:00)"),
        type: .boolean, required: false)
    static let blockedBy = AttributeSpec(
        key: "blocked_by", label: LocalizedText(zh: "堵塞物", en: "Blocked by"),
        type: .choice(["车辆", "杂物", "摊位", "其他"]), required: true)
    static let ebikeCharging = AttributeSpec(
        key: "ebike_charging", label: LocalizedText(zh: "涉及电动车充电", en: "E-bike charging"),
        type: .boolean, required: false)
    static let roomAddress = AttributeSpec(
        key: "room_address", label: LocalizedText(zh: "房屋地址", en: "Address of the dwelling"), type: .text, required: true)
    static let occupants = AttributeSpec(
        key: "occupants", label: LocalizedText(zh: "居住人数", en: "Occupants"), type: .integer, required: true)
    static let damageArea = AttributeSpec(
        key: "damage_area_m2", label: LocalizedText(zh: "破损面积（平方米）", en: "Damaged area (m²)"),
        type: .integer, required: false)
    static let businessName = AttributeSpec(
        key: "business_name", label: LocalizedText(zh: "经营者名称", en: "Business name"), type: .text, required: false)
    static let pollutant = AttributeSpec(
        key: "pollutant", label: LocalizedText(zh: "污染物", en: "Pollutant"),
        type: .choice(["污水", "废气", "固体废物", "其他"]), required: true)
    static let householdSize = AttributeSpec(
        key: "household_size", label: LocalizedText(zh: "家庭人数", en: "Household size"), type: .integer, required: false)

    /// What every dispute item asks.
    static let dispute = [peopleInvolved, vulnerableInvolved]
}
