import Foundation

/// The languages every user-visible string is written in: Simplified Chinese first, English second.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zhHans = "zh-Hans"
    case en = "en"

    /// Picks the best language from an HTTP `Accept-Language` header; Chinese is the default.
    public static func preferred(acceptLanguage header: String?) -> Language {
        guard let header, !header.isEmpty else { return .zhHans }
        let tags = header.split(separator: ",").map { part -> (String, Double) in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let tag = pieces.first?.lowercased() ?? ""
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }
                .flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag, quality)
        }
        for (tag, _) in tags.sorted(by: { $0.1 > $1.1 }) {
            if tag.hasPrefix("zh") { return .zhHans }
            if tag.hasPrefix("en") { return .en }
        }
        return .zhHans
    }
}

/// A text in both languages. Domain code returns these instead of bare strings so that every
/// screen, API error and CLI message can be shown in the reader's language.
public struct LocalizedText: Sendable, Hashable, Codable {
    public let zhHans: String
    public let en: String

    public init(zh: String, en: String) {
        self.zhHans = zh
        self.en = en
    }

    public func text(in language: Language) -> String {
        switch language {
        case .zhHans: zhHans
        case .en: en
        }
    }
}

/// An error a person can act on: which input field is wrong (if any) and why, in both languages.
/// The server maps these to HTTP 422 `{field, reason}`; the CLI prints them with the line number.
public protocol UserFacingError: Error, Sendable {
    /// The input field at fault, in the wire spelling (`location.lat`, `password`), or nil.
    var field: String? { get }
    /// Why, in both languages.
    var reason: LocalizedText { get }
}

extension UserFacingError {
    public var field: String? { nil }
}

/// A plain field validation failure: the most common kind of `UserFacingError`.
public struct ValidationFailure: UserFacingError, Equatable {
    public let field: String?
    public let reason: LocalizedText

    public init(field: String?, zh: String, en: String) {
        self.field = field
        self.reason = LocalizedText(zh: zh, en: en)
    }

    public init(field: String?, reason: LocalizedText) {
        self.field = field
        self.reason = reason
    }
}

/// Several validation failures found in one input, reported together rather than one at a time.
public struct ValidationFailures: UserFacingError, Equatable {
    public let failures: [ValidationFailure]

    public init(_ failures: [ValidationFailure]) {
        self.failures = failures
    }

    public var field: String? { failures.first?.field }
    public var reason: LocalizedText {
        LocalizedText(
            zh: failures.map { "\($0.field.map { "\($0)：" } ?? "")\($0.reason.zhHans)" }.joined(separator: "；"),
            en: failures.map { "\($0.field.map { "\($0): " } ?? "")\($0.reason.en)" }.joined(separator: "; ")
        )
    }
}
