/// The kind of identity document a person is registered with (证件类型).
public enum PersonIDType: String, BasicDataEnum {
    /// 居民身份证 (GB 11643): checked digit by digit; sex and birth date come from it.
    case residentID = "resident_id"
    /// 护照.
    case passport
    /// 港澳居民来往内地通行证 / 港澳居民居住证.
    case hongKongMacauPermit = "hk_macau_permit"
    /// 台湾居民来往大陆通行证 / 台湾居民居住证.
    case taiwanPermit = "taiwan_permit"
    /// 外国人永久居留身份证.
    case foreignPermanentResidence = "foreign_permanent_residence"
    /// 其他证件.
    case other

    public var label: LocalizedText {
        switch self {
        case .residentID: LocalizedText(zh: "居民身份证", en: "resident identity card")
        case .passport: LocalizedText(zh: "护照", en: "passport")
        case .hongKongMacauPermit: LocalizedText(zh: "港澳居民通行证", en: "Hong Kong/Macau permit")
        case .taiwanPermit: LocalizedText(zh: "台湾居民通行证", en: "Taiwan permit")
        case .foreignPermanentResidence: LocalizedText(zh: "外国人永久居留身份证", en: "foreigner permanent residence ID")
        case .other: LocalizedText(zh: "其他证件", en: "other document")
        }
    }

    public var aliases: [String] {
        switch self {
        case .residentID: ["身份证", "居民身份证号码", "二代身份证"]
        case .passport: ["外国护照", "中国护照"]
        case .hongKongMacauPermit: ["回乡证", "港澳通行证", "港澳居民居住证", "港澳居民来往内地通行证"]
        case .taiwanPermit: ["台胞证", "台湾居民居住证", "台湾居民来往大陆通行证"]
        case .foreignPermanentResidence: ["永久居留证", "外国人永久居留证", "绿卡"]
        case .other: ["其他"]
        }
    }
}
