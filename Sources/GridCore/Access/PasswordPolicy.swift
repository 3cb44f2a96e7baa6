import Foundation

/// What a password must be before it is accepted (set or changed).
public enum PasswordPolicy {
    public static let minimumLength = 8
    public static let maximumLength = 128

    public static func validate(_ password: String, username: String? = nil, field: String = "password") throws(ValidationFailure) {
        if password.count < minimumLength {
            throw ValidationFailure(field: field, zh: "密码至少 \(minimumLength) 个字符", en: "the password must have at least \(minimumLength) characters")
        }
        if password.count > maximumLength {
            throw ValidationFailure(field: field, zh: "密码不能超过 \(maximumLength) 个字符", en: "the password must have at most \(maximumLength) characters")
        }
        if let username, !username.isEmpty, password.lowercased() == username.lowercased() {
            throw ValidationFailure(field: field, zh: "密码不能与用户名相同", en: "the password must differ from the username")
        }
        if Set(password).count < 3 {
            throw ValidationFailure(field: field, zh: "密码过于简单", en: "the password is too simple")
        }
    }

    /// Usernames: 2–40 letters, digits, `_`, `-`, `.` (ASCII, so they can be typed on any keyboard).
    public static func validateUsername(_ username: String, field: String = "username") throws(ValidationFailure) {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
        guard (2...40).contains(username.count), username.unicodeScalars.allSatisfy(allowed.contains) else {
            throw ValidationFailure(
                field: field,
                zh: "用户名须为 2–40 个字母、数字、“_”“-”或“.”",
                en: "the username must be 2–40 letters, digits, '_', '-' or '.'"
            )
        }
    }
}
