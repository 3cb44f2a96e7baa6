import Foundation

/// One service a community front desk takes requests for (一窗式受理事项): its name, the
/// working days the back office has to complete it, and the documents the resident brings.
public struct OneWindowItem: Sendable, Equatable, Codable, Identifiable {
    public var code: String
    public var name: LocalizedText
    /// Working days from the hand-over to the back office to the deadline (办结时限).
    public var workingDays: Int
    public var documents: LocalizedText

    public var id: String { code }

    public init(code: String, name: LocalizedText, workingDays: Int, documents: LocalizedText) {
        self.code = code
        self.name = name
        self.workingDays = workingDays
        self.documents = documents
    }
}

/// The small service catalogue (服务事项目录) of a community desk; the promised working days
/// follow what community service centres commonly publish.
public enum OneWindowCatalog {
    public static let standard: [OneWindowItem] = [
        OneWindowItem(code: "W01", name: LocalizedText(zh: "居住证明开具", en: "Certificate of residence"), workingDays: 1,
                      documents: LocalizedText(zh: "身份证、租房合同或房产证", en: "ID card, lease or title deed")),
        OneWindowItem(code: "W02", name: LocalizedText(zh: "居住证申领", en: "Residence permit"), workingDays: 5,
                      documents: LocalizedText(zh: "身份证、照片、居住证明", en: "ID card, photo, proof of residence")),
        OneWindowItem(code: "W03", name: LocalizedText(zh: "高龄津贴申请", en: "Old-age allowance"), workingDays: 10,
                      documents: LocalizedText(zh: "身份证、户口簿、银行卡", en: "ID card, household register, bank card")),
        OneWindowItem(code: "W04", name: LocalizedText(zh: "最低生活保障申请", en: "Minimum living allowance (低保)"), workingDays: 15,
                      documents: LocalizedText(zh: "申请书、身份证、户口簿、收入证明", en: "Application, ID card, household register, proof of income")),
        OneWindowItem(code: "W05", name: LocalizedText(zh: "残疾人证明办理", en: "Disability certificate"), workingDays: 5,
                      documents: LocalizedText(zh: "身份证、户口簿、医院诊断证明", en: "ID card, household register, hospital diagnosis")),
        OneWindowItem(code: "W06", name: LocalizedText(zh: "生育登记", en: "Birth registration"), workingDays: 3,
                      documents: LocalizedText(zh: "夫妻双方身份证、结婚证", en: "Both parents' ID cards, marriage certificate")),
    ]

    public static func item(_ code: String) -> OneWindowItem? {
        standard.first { $0.code == code }
    }
}
