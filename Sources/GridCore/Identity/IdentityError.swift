/// Why an identifier was refused (身份核验失败): which field, what exactly, in Chinese and English.
public struct IdentityError: UserFacingError, Hashable {
    /// Which kind of identifier was being checked; names it in the messages.
    public enum Subject: String, Sendable, Hashable, Codable {
        /// 居民身份证号码 (GB 11643).
        case residentID = "resident_id"
        /// 统一社会信用代码 (GB 32100).
        case creditCode = "credit_code"
        /// 手机号码 (mainland mobile number).
        case mobileNumber = "mobile_number"

        var name: LocalizedText {
            switch self {
            case .residentID: LocalizedText(zh: "身份证号码", en: "identity number")
            case .creditCode: LocalizedText(zh: "统一社会信用代码", en: "unified social credit code")
            case .mobileNumber: LocalizedText(zh: "手机号码", en: "mobile number")
            }
        }
    }

    /// What a character at some position should have been.
    public enum Expected: Sendable, Hashable {
        case digit
        /// A digit or X (the last character of an identity number).
        case digitOrX
        /// One of `SocialCreditCode.alphabet`: digits and capitals without I, O, S, V, Z.
        case creditCodeCharacter
    }

    public enum Problem: Sendable, Hashable {
        /// Nothing was entered.
        case empty
        case length(expected: Int, found: Int)
        /// `position` is 1-based in the normalised input; nil when the input was reshaped (phones).
        case character(position: Int?, found: Character, expected: Expected)
        /// The first two digits of the region code are not a province (省级行政区划代码).
        case unknownProvince(String)
        /// The eight birth-date digits (yyyymmdd) are not a real date.
        case impossibleBirthDate(String)
        case birthDateInFuture(CalendarDay)
        case birthDateTooEarly(CalendarDay)
        /// The check character does not match the rest.
        case checkCharacter(expected: Character, found: Character)
        /// Eleven digits, but not starting 13–19.
        case notMobilePrefix(String)
    }

    public let subject: Subject
    public let problem: Problem
    private let fieldName: String

    public init(subject: Subject, problem: Problem, field: String) {
        self.subject = subject
        self.problem = problem
        self.fieldName = field
    }

    public var field: String? { fieldName }

    public var reason: LocalizedText {
        let name = subject.name
        switch problem {
        case .empty:
            return LocalizedText(zh: "\(name.zhHans)不能为空", en: "the \(name.en) is empty")
        case .length(let expected, let found):
            return LocalizedText(
                zh: "\(name.zhHans)应为 \(expected) 位，实际为 \(found) 位",
                en: "the \(name.en) must have \(expected) characters, not \(found)")
        case .character(let position, let found, let expected):
            let wanted = Self.describe(expected)
            if let position {
                return LocalizedText(
                    zh: "\(name.zhHans)第 \(position) 位“\(found)”无效，应为\(wanted.zhHans)",
                    en: "character \(position) of the \(name.en) (\"\(found)\") must be \(wanted.en)")
            }
            return LocalizedText(
                zh: "\(name.zhHans)含有无效字符“\(found)”，应为\(wanted.zhHans)",
                en: "the \(name.en) contains \"\(found)\"; it may only contain \(wanted.en)")
        case .unknownProvince(let code):
            return LocalizedText(
                zh: "\(name.zhHans)的省级行政区划代码“\(code)”不存在",
                en: "province code \(code) of the \(name.en) does not exist")
        case .impossibleBirthDate(let digits):
            return LocalizedText(
                zh: "\(name.zhHans)中的出生日期“\(digits)”不存在",
                en: "birth date \(digits) in the \(name.en) does not exist")
        case .birthDateInFuture(let day):
            return LocalizedText(
                zh: "\(name.zhHans)中的出生日期 \(day) 晚于今天",
                en: "birth date \(day) in the \(name.en) is in the future")
        case .birthDateTooEarly(let day):
            return LocalizedText(
                zh: "\(name.zhHans)中的出生日期 \(day) 早于 \(ResidentID.minimumBirthYear) 年",
                en: "birth date \(day) in the \(name.en) is before \(ResidentID.minimumBirthYear)")
        case .checkCharacter(let expected, let found):
            return LocalizedText(
                zh: "\(name.zhHans)校验码错误：最后一位应为“\(expected)”，实际为“\(found)”，请核对号码",
                en: "wrong check character in the \(name.en): the last character should be \(expected), not \(found); please check the number")
        case .notMobilePrefix(let prefix):
            return LocalizedText(
                zh: "\(name.zhHans)应以 13 至 19 开头，实际以 \(prefix) 开头",
                en: "a mainland \(name.en) starts with 13 to 19, not \(prefix)")
        }
    }

    private static func describe(_ expected: Expected) -> LocalizedText {
        switch expected {
        case .digit: LocalizedText(zh: "数字", en: "a digit")
        case .digitOrX: LocalizedText(zh: "数字或 X", en: "a digit or X")
        case .creditCodeCharacter:
            LocalizedText(
                zh: "数字或大写字母（不使用 I、O、S、V、Z）",
                en: "a digit or a capital letter other than I, O, S, V, Z")
        }
    }
}
