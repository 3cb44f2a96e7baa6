import Foundation

/// The 23 kinds of risk event (风险类型) of Kuiyong's risk register (domain.md §4): 12 kinds of
/// dispute (矛盾纠纷) and 11 kinds of hazard (问题隐患). Each event type names the kind it is
/// identified as, so that risk scoring and the units' risk registers group by it. The raw values
/// are stable snake_case names for storage and the API; never rename one.
public enum RiskKind: String, Sendable, Codable, CaseIterable, Hashable {
    // 矛盾纠纷
    /// 家庭邻里
    case familyNeighbour = "family_neighbour"
    /// 劳动社保
    case labourSocialSecurity = "labour_social_security"
    /// 房屋租赁
    case housingRental = "housing_rental"
    /// 房地产业
    case realEstate = "real_estate"
    /// 物业管理
    case propertyManagement = "property_management"
    /// 行政管理
    case administration
    /// 涉法涉诉
    case litigation
    /// 规划建设
    case planningConstruction = "planning_construction"
    /// 村民股份
    case villageShares = "village_shares"
    /// 经济关系
    case economicRelations = "economic_relations"
    /// 特殊问题
    case specialIssues = "special_issues"
    /// 党纪政纪
    case partyDiscipline = "party_discipline"
    // 问题隐患
    /// 社会治安
    case publicSecurity = "public_security"
    /// 食药市监
    case foodDrugMarket = "food_drug_market"
    /// 交通运输
    case transport
    /// 城市管理
    case cityManagement = "city_management"
    /// 安全消防
    case fireSafety = "fire_safety"
    /// 环保生态
    case environment
    /// 建设水务
    case constructionWater = "construction_water"
    /// 计划生育
    case familyPlanning = "family_planning"
    /// 人口房屋
    case populationHousing = "population_housing"
    /// 教育校园
    case educationCampus = "education_campus"
    /// 发政事务
    case developmentAffairs = "development_affairs"

    public var category: RiskCategory {
        switch self {
        case .familyNeighbour, .labourSocialSecurity, .housingRental, .realEstate, .propertyManagement,
             .administration, .litigation, .planningConstruction, .villageShares, .economicRelations,
             .specialIssues, .partyDiscipline:
            .dispute
        case .publicSecurity, .foodDrugMarket, .transport, .cityManagement, .fireSafety, .environment,
             .constructionWater, .familyPlanning, .populationHousing, .educationCampus, .developmentAffairs:
            .hazard
        }
    }

    /// The kind's name as the seed spells it (家庭邻里) and in English.
    public var label: LocalizedText {
        switch self {
        case .familyNeighbour: LocalizedText(zh: "家庭邻里", en: "Family and neighbours")
        case .labourSocialSecurity: LocalizedText(zh: "劳动社保", en: "Labour and social security")
        case .housingRental: LocalizedText(zh: "房屋租赁", en: "Housing rental")
        case .realEstate: LocalizedText(zh: "房地产业", en: "Real estate")
        case .propertyManagement: LocalizedText(zh: "物业管理", en: "Property management")
        case .administration: LocalizedText(zh: "行政管理", en: "Administration")
        case .litigation: LocalizedText(zh: "涉法涉诉", en: "Law and litigation")
        case .planningConstruction: LocalizedText(zh: "规划建设", en: "Planning and construction")
        case .villageShares: LocalizedText(zh: "村民股份", en: "Villagers' shares")
        case .economicRelations: LocalizedText(zh: "经济关系", en: "Economic relations")
        case .specialIssues: LocalizedText(zh: "特殊问题", en: "Special issues")
        case .partyDiscipline: LocalizedText(zh: "党纪政纪", en: "Party and government discipline")
        case .publicSecurity: LocalizedText(zh: "社会治安", en: "Public security")
        case .foodDrugMarket: LocalizedText(zh: "食药市监", en: "Food, drugs and market supervision")
        case .transport: LocalizedText(zh: "交通运输", en: "Transport")
        case .cityManagement: LocalizedText(zh: "城市管理", en: "City management")
        case .fireSafety: LocalizedText(zh: "安全消防", en: "Safety and fire")
        case .environment: LocalizedText(zh: "环保生态", en: "Environment and ecology")
        case .constructionWater: LocalizedText(zh: "建设水务", en: "Construction and water")
        case .familyPlanning: LocalizedText(zh: "计划生育", en: "Family planning")
        case .populationHousing: LocalizedText(zh: "人口房屋", en: "Population and housing")
        case .educationCampus: LocalizedText(zh: "教育校园", en: "Education and campuses")
        case .developmentAffairs: LocalizedText(zh: "发政事务", en: "Development and government affairs")
        }
    }

    /// The kinds of one family, in the seed's order.
    public static func kinds(in category: RiskCategory) -> [RiskKind] {
        allCases.filter { $0.category == category }
    }

    /// Reads a kind as an administrator types it: the Chinese name (`家庭邻里`) or the raw value.
    public init?(label text: String) {
        let key = text.trimmingCharacters(in: .whitespaces)
        if let match = RiskKind(rawValue: key.lowercased()) {
            self = match
            return
        }
        guard let match = RiskKind.allCases.first(where: { $0.label.zhHans == key }) else { return nil }
        self = match
    }
}
