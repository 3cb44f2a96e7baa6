import Foundation
import GridCore
import Vapor

/// The console's strings, zh-Hans first and English second, from
/// `Resources/Localizations/<language>.json`. A test checks both catalogs have the same keys.
public struct PageStrings: Sendable {
    public let catalogs: [Language: [String: String]]

    public init(directory: String) throws {
        var catalogs: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let url = URL(fileURLWithPath: directory).appendingPathComponent("\(language.rawValue).json")
            let data = try Data(contentsOf: url)
            catalogs[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        self.catalogs = catalogs
    }

    /// The whole catalog of a language, for page contexts (`#(t.key)` in templates).
    public func table(_ language: Language) -> [String: String] {
        catalogs[language] ?? [:]
    }

    public func text(_ key: String, _ language: Language) -> String {
        catalogs[language]?[key] ?? catalogs[.zhHans]?[key] ?? key
    }

    /// A minimal page for errors on console paths.
    func errorPage(status: HTTPResponseStatus, message: String, language: Language) -> String {
        let title = text("error.title", language)
        let back = text("error.back", language)
        return """
            <!doctype html><html lang="\(language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) \(status.code)</title><link rel="stylesheet" href="/static/css/console.css"></head>
            <body class="error-page"><main><h1>\(title) \(status.code)</h1><p>\(HTMLEscaping.escape(message))</p>
            <p><a href="/console">\(back)</a></p></main></body></html>
            """
    }
}

enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
