/// The three kinds of actual population (实有人口).
public enum ResidenceKind: String, BasicDataEnum {
    /// 户籍人口: household registration (户口) here.
    case registered
    /// 流动人口: registered elsewhere in China, living here.
    case floating
    /// 境外人员: foreigners and residents of Hong Kong, Macau and Taiwan.
    case overseas

    public var label: LocalizedText {
        switch self {
        case .registered: LocalizedText(zh: "户籍人口", en: "registered")
        case .floating: LocalizedText(zh: "流动人口", en: "floating")
        case .overseas: LocalizedText(zh: "境外人员", en: "overseas")
        }
    }

    public var aliases: [String] {
        switch self {
        case .registered: ["户籍", "常住户籍"]
        case .floating: ["流动", "外来人口"]
        case .overseas: ["境外", "境外人口", "外籍"]
        }
    }
}
