import Foundation

/// The content of a self-declaration once checked (`DeclarationDraft.validated(today:)`):
/// phones and the credit code parsed, the document number normalised (`Person.normalizedIDNumber`),
/// names and the address code trimmed, blank optional texts dropped, and the declared sex and
/// birth date kept only for documents that do not carry them.
public struct ValidDeclaration: Codable, Sendable, Hashable {
    /// 申报类型.
    public let kind: DeclarationKind
    /// 申报人身份.
    public let declarantRole: DeclarantRole
    /// 申报人姓名.
    public let declarantName: String
    /// 申报人手机号码.
    public let declarantPhone: MobileNumber
    /// 被申报人姓名.
    public let personName: String
    /// 证件类型.
    public let idType: PersonIDType
    /// 证件号码, normalised.
    public let idNumber: String
    /// 被申报人手机号码.
    public let personPhone: MobileNumber?
    /// 人员类型; always present for a new tenant and a new employee.
    public let residenceKind: ResidenceKind?
    /// 性别 as declared (documents other than the resident identity card).
    public let declaredSex: ResidentID.Sex?
    /// 出生日期 as declared (documents other than the resident identity card).
    public let declaredBirthDate: CalendarDay?
    /// 房屋地址编码; always present for a new tenant and a move out.
    public let addressCode: String?
    /// 用人单位统一社会信用代码; always present for a new employee.
    public let creditCode: SocialCreditCode?
    /// 入住/迁出/入职日期.
    public let effectiveOn: CalendarDay
    /// 备注.
    public let note: String?
}
