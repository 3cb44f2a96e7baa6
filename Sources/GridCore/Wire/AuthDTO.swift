import Foundation

/// `POST /api/v1/auth/login` body.
public struct LoginRequestDTO: Codable, Sendable, Equatable {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}

/// `POST /api/v1/auth/login` answer: an opaque bearer token and who it belongs to.
public struct LoginResponseDTO: Codable, Sendable, Equatable {
    public var token: String
    public var expiresAt: Date
    public var user: UserDTO

    public init(token: String, expiresAt: Date, user: UserDTO) {
        self.token = token
        self.expiresAt = expiresAt
        self.user = user
    }

    enum CodingKeys: String, CodingKey {
        case token
        case expiresAt = "expires_at"
        case user
    }
}

/// `POST /api/v1/auth/password` body.
public struct ChangePasswordRequestDTO: Codable, Sendable, Equatable {
    public var currentPassword: String
    public var newPassword: String

    public init(currentPassword: String, newPassword: String) {
        self.currentPassword = currentPassword
        self.newPassword = newPassword
    }

    enum CodingKeys: String, CodingKey {
        case currentPassword = "current_password"
        case newPassword = "new_password"
    }
}
