import Foundation

/// Brute-force protection: after `maxFailures` wrong passwords in a row the account is locked
/// for `lockDuration`; a correct password resets the count.
public struct LoginPolicy: Sendable, Equatable {
    public var maxFailures: Int
    public var lockDuration: TimeInterval

    public init(maxFailures: Int = 5, lockDuration: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.lockDuration = lockDuration
    }

    /// The state kept per account.
    public struct AccountState: Sendable, Equatable {
        public var failedAttempts: Int
        public var lockedUntil: Date?

        public init(failedAttempts: Int = 0, lockedUntil: Date? = nil) {
            self.failedAttempts = failedAttempts
            self.lockedUntil = lockedUntil
        }
    }

    public func isLocked(_ state: AccountState, now: Date) -> Bool {
        if let until = state.lockedUntil, until > now { return true }
        return false
    }

    /// The state after a wrong password.
    public func afterFailure(_ state: AccountState, now: Date) -> AccountState {
        // A lock that has run out starts a fresh count.
        let previous = (state.lockedUntil.map { $0 <= now } ?? false) ? 0 : state.failedAttempts
        let failures = previous + 1
        if failures >= maxFailures {
            return AccountState(failedAttempts: 0, lockedUntil: now.addingTimeInterval(lockDuration))
        }
        return AccountState(failedAttempts: failures, lockedUntil: nil)
    }

    /// The state after a correct password.
    public func afterSuccess(_ state: AccountState) -> AccountState {
        AccountState()
    }
}

/// Why a sign-in failed. Unknown user and wrong password read the same to the caller.
public enum LoginFailure: Error, Sendable, Equatable {
    case invalidCredentials
    case locked(until: Date)
    case disabled

    public var message: LocalizedText {
        switch self {
        case .invalidCredentials:
            LocalizedText(zh: "用户名或密码错误", en: "Wrong username or password")
        case .locked(let until):
            LocalizedText(
                zh: "密码错误次数过多，账号已锁定至 \(Self.format(until, zh: true))",
                en: "Too many wrong passwords; the account is locked until \(Self.format(until, zh: false))"
            )
        case .disabled:
            LocalizedText(zh: "账号已停用，请联系管理员", en: "This account is disabled; ask an administrator")
        }
    }

    private static func format(_ date: Date, zh: Bool) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date) + (zh ? "（北京时间）" : " (Beijing time)")
    }
}
