/// What a territorial unit's code must look like (domain.md §2, GB/T 30428.1 as Beijing applies
/// it): a street is its county's 6 digits + 3, a community its street's + 3, a grid its
/// community's + 3. Departments and outside units keep free codes (`510117-ZF`).
public enum UnitCodeShape {
    /// Why `code` cannot be a `kind` under a parent coded `parentCode`; nil when it can.
    public static func problem(code: String, kind: UnitKind, parentCode: String) -> LocalizedText? {
        if kind.isGrid {
            do {
                let gridCode = try GridCode(code, field: "code")
                return gridCode.communityCode == parentCode ? nil : LocalizedText(
                    zh: "网格编码前 12 位应为所属社区编码 \(parentCode)", en: "the first 12 digits must be the community code \(parentCode)")
            } catch {
                return error.reason
            }
        }
        let expectedLength: Int? = switch kind {
        case .street: 9
        case .community: 12
        default: nil
        }
        guard let expectedLength else { return nil }
        if code.count != expectedLength || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return LocalizedText(zh: "应为 \(expectedLength) 位数字", en: "it must be \(expectedLength) digits")
        }
        if !code.hasPrefix(parentCode) {
            return LocalizedText(zh: "应以上级编码 \(parentCode) 开头", en: "it must start with the parent code \(parentCode)")
        }
        return nil
    }
}
