/// A person's relation to the head of their household (与户主关系).
public enum HouseholdRelation: String, BasicDataEnum {
    /// 户主.
    case head
    /// 配偶.
    case spouse
    /// 子女.
    case child
    /// 父母.
    case parent
    /// 祖父母/外祖父母.
    case grandparent
    /// 孙子女/外孙子女.
    case grandchild
    /// 兄弟姐妹.
    case sibling
    /// 其他亲属.
    case otherRelative = "other_relative"
    /// 非亲属（合租、借住）.
    case nonRelative = "non_relative"

    public var label: LocalizedText {
        switch self {
        case .head: LocalizedText(zh: "户主", en: "head")
        case .spouse: LocalizedText(zh: "配偶", en: "spouse")
        case .child: LocalizedText(zh: "子女", en: "child")
        case .parent: LocalizedText(zh: "父母", en: "parent")
        case .grandparent: LocalizedText(zh: "祖父母", en: "grandparent")
        case .grandchild: LocalizedText(zh: "孙子女", en: "grandchild")
        case .sibling: LocalizedText(zh: "兄弟姐妹", en: "sibling")
        case .otherRelative: LocalizedText(zh: "其他亲属", en: "other relative")
        case .nonRelative: LocalizedText(zh: "非亲属", en: "non-relative")
        }
    }

    public var aliases: [String] {
        switch self {
        case .head: ["本人"]
        case .spouse: ["妻", "夫", "妻子", "丈夫"]
        case .child: ["子", "女", "儿子", "女儿"]
        case .parent: ["父亲", "母亲"]
        case .grandparent: ["外祖父母"]
        case .grandchild: ["孙子", "孙女", "外孙子女"]
        case .sibling: []
        case .otherRelative: []
        case .nonRelative: ["合租", "借住"]
        }
    }
}
