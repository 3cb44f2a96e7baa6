/// Care and attention groups (关注群体/重点人群) a person may belong to.
///
/// `needsMonthlyVisit` follows domain.md §3 ("困难家庭和空巢老人每月必访": hardship families and
/// elderly people without family at home) and the safety duty towards special populations; the
/// other groups are visited with their household (twice a quarter, §5).
public enum CareGroup: String, BasicDataEnum {
    /// 独居老人 (60 or older, living alone).
    case elderlyAlone = "elderly_alone"
    /// 空巢老人 (60 or older, children moved away).
    case emptyNestElderly = "empty_nest_elderly"
    /// 残疾人.
    case disabled
    /// 低保对象 (最低生活保障).
    case lowIncome = "low_income"
    /// 特困人员 (特困供养).
    case extremePoverty = "extreme_poverty"
    /// 留守儿童 (under 16, both parents working away).
    case leftBehindChild = "left_behind_child"
    /// 退役军人.
    case veteran
    /// 重点人员 (public-security attention).
    case keyPerson = "key_person"
    /// 社区矫正对象.
    case communityCorrection = "community_correction"
    /// 严重精神障碍患者.
    case severeMentalDisorder = "severe_mental_disorder"

    public var label: LocalizedText {
        switch self {
        case .elderlyAlone: LocalizedText(zh: "独居老人", en: "elderly living alone")
        case .emptyNestElderly: LocalizedText(zh: "空巢老人", en: "empty-nest elderly")
        case .disabled: LocalizedText(zh: "残疾人", en: "disabled")
        case .lowIncome: LocalizedText(zh: "低保对象", en: "low-income")
        case .extremePoverty: LocalizedText(zh: "特困人员", en: "extreme poverty")
        case .leftBehindChild: LocalizedText(zh: "留守儿童", en: "left-behind child")
        case .veteran: LocalizedText(zh: "退役军人", en: "veteran")
        case .keyPerson: LocalizedText(zh: "重点人员", en: "key person")
        case .communityCorrection: LocalizedText(zh: "社区矫正对象", en: "under community correction")
        case .severeMentalDisorder: LocalizedText(zh: "严重精神障碍患者", en: "severe mental disorder")
        }
    }

    public var aliases: [String] {
        switch self {
        case .lowIncome: ["低保", "低保户"]
        case .extremePoverty: ["特困", "特困供养"]
        case .disabled: ["残疾"]
        case .veteran: ["退伍军人"]
        case .communityCorrection: ["社区矫正"]
        case .severeMentalDisorder: ["精神障碍"]
        default: []
        }
    }

    /// Whether a grid worker visits members every month (每月必访); others are visited with
    /// their household.
    public var needsMonthlyVisit: Bool {
        switch self {
        case .elderlyAlone, .emptyNestElderly, .lowIncome, .extremePoverty, .leftBehindChild, .keyPerson,
             .communityCorrection, .severeMentalDisorder:
            true
        case .disabled, .veteran:
            false
        }
    }

    /// The age a member must have reached, if the group has one (elderly: 60).
    public var minimumAge: Int? {
        switch self {
        case .elderlyAlone, .emptyNestElderly: 60
        default: nil
        }
    }

    /// The age a member must be under, if the group has one (left-behind children: 16).
    public var ageLimit: Int? {
        self == .leftBehindChild ? 16 : nil
    }
}
