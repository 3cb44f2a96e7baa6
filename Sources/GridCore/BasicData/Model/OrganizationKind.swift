/// The kind of an actual organisation (实有单位类型).
public enum OrganizationKind: String, BasicDataEnum {
    /// 企业.
    case enterprise
    /// 个体工商户.
    case individualBusiness = "individual_business"
    /// 社会组织（社会团体、民办非企业单位、基金会）.
    case socialOrganization = "social_organization"
    /// 民宿（农家乐）.
    case homestay
    /// 旅馆（宾馆、酒店）.
    case hotel
    /// 机关事业单位.
    case governmentInstitution = "government_institution"
    /// 其他（农民专业合作社…）.
    case other

    public var label: LocalizedText {
        switch self {
        case .enterprise: LocalizedText(zh: "企业", en: "enterprise")
        case .individualBusiness: LocalizedText(zh: "个体工商户", en: "individual business")
        case .socialOrganization: LocalizedText(zh: "社会组织", en: "social organisation")
        case .homestay: LocalizedText(zh: "民宿", en: "homestay")
        case .hotel: LocalizedText(zh: "旅馆", en: "hotel")
        case .governmentInstitution: LocalizedText(zh: "机关事业单位", en: "government or public institution")
        case .other: LocalizedText(zh: "其他", en: "other")
        }
    }

    public var aliases: [String] {
        switch self {
        case .enterprise: ["公司"]
        case .individualBusiness: ["个体户", "个体", "商户", "individual_shop"]
        case .socialOrganization: ["社会团体", "民办非企业单位"]
        case .homestay: ["农家乐"]
        case .hotel: ["宾馆", "酒店"]
        case .governmentInstitution: ["机关", "事业单位"]
        case .other: []
        }
    }

    /// Whether a unified social credit code is required. Small shops, homestays and others may
    /// lack one in practice; a code given is always checked.
    public var requiresCreditCode: Bool {
        switch self {
        case .enterprise, .socialOrganization, .hotel, .governmentInstitution: true
        case .individualBusiness, .homestay, .other: false
        }
    }

    /// The registration authorities (登记管理部门, first character of the credit code) that
    /// register this kind: 9 market regulation (工商), 5 civil affairs (民政), 1 institutional
    /// staffing (机构编制). Nil: any.
    public var registrationAuthorities: Set<Character>? {
        switch self {
        case .enterprise, .individualBusiness, .hotel, .homestay: ["9"]
        case .socialOrganization: ["5"]
        case .governmentInstitution: ["1"]
        case .other: nil
        }
    }
}
