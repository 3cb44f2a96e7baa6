import Foundation
import GridCore

/// A configuration problem that stops start-up. Each case reads as one clear sentence.
public enum ConfigurationError: UserFacingError, Equatable {
    case badDatabaseURL(String, reason: LocalizedText)
    case databaseUnreachable(String, detail: String)
    case keyFileUnreadable(path: String, detail: String)
    case keyFileInvalid(path: String)
    case invalidValue(option: String, value: String, reason: LocalizedText)

    public var field: String? {
        switch self {
        case .badDatabaseURL, .databaseUnreachable: "database"
        case .keyFileUnreadable, .keyFileInvalid: "key-file"
        case .invalidValue(let option, _, _): option
        }
    }

    public var reason: LocalizedText {
        switch self {
        case .badDatabaseURL(let raw, let why):
            LocalizedText(zh: "数据库地址“\(raw)”无效：\(why.zhHans)。", en: "The database URL '\(raw)' is invalid: \(why.en).")
        case .databaseUnreachable(let location, let detail):
            LocalizedText(zh: "无法连接数据库 \(location)：\(detail)。", en: "Cannot reach the database \(location): \(detail).")
        case .keyFileUnreadable(let path, let detail):
            LocalizedText(zh: "无法读取或创建密钥文件 \(path)：\(detail)。", en: "Cannot read or create the key file \(path): \(detail).")
        case .keyFileInvalid(let path):
            LocalizedText(
                zh: "密钥文件 \(path) 内容无效：应为 32 字节密钥的 Base64 文本。",
                en: "The key file \(path) is invalid: it must hold a 32-byte key as Base64 text.")
        case .invalidValue(let option, let value, let why):
            LocalizedText(zh: "参数 --\(option) 的值“\(value)”无效：\(why.zhHans)。", en: "The value '\(value)' of --\(option) is invalid: \(why.en).")
        }
    }
}
