import Foundation
import GridCore

/// Where the data lives: an SQLite file (the embedded default), a throw-away SQLite database for
/// tests, or a PostgreSQL server. Parsed from `--database` / `GRIDGOV_DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    public static let defaultSQLitePath = "./gridgov.sqlite"
    public static let `default` = DatabaseLocation.sqliteFile(path: defaultSQLitePath)

    /// Accepts `sqlite:///absolute/path.sqlite`, `sqlite://relative/path.sqlite`, `sqlite::memory:`,
    /// `postgres://user:pass@host:port/db` and `postgresql://…`.
    public static func parse(_ raw: String) throws(ConfigurationError) -> DatabaseLocation {
        let value = raw.trimmingCharacters(in: .whitespaces)
        if value == "sqlite::memory:" || value == "sqlite://:memory:" {
            return .sqliteMemory
        }
        if value.hasPrefix("sqlite://") {
            let path = String(value.dropFirst("sqlite://".count))
            guard !path.isEmpty, !path.hasSuffix("/") else {
                throw ConfigurationError.badDatabaseURL(raw, reason: LocalizedText(
                    zh: "缺少 SQLite 文件路径，例如 sqlite:///var/lib/gridgov/gridgov.sqlite",
                    en: "it names no SQLite file, e.g. sqlite:///var/lib/gridgov/gridgov.sqlite"))
            }
            return .sqliteFile(path: path)
        }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            guard let url = URL(string: value), let host = url.host, !host.isEmpty else {
                throw ConfigurationError.badDatabaseURL(raw, reason: LocalizedText(
                    zh: "PostgreSQL 地址应形如 postgres://用户:密码@主机:端口/数据库",
                    en: "a PostgreSQL URL looks like postgres://user:pass@host:port/database"))
            }
            guard url.path.count > 1 else {
                throw ConfigurationError.badDatabaseURL(raw, reason: LocalizedText(
                    zh: "PostgreSQL 地址缺少数据库名", en: "the PostgreSQL URL names no database"))
            }
            let normalised = value.hasPrefix("postgresql://") ? "postgres://" + value.dropFirst("postgresql://".count) : value
            return .postgres(url: normalised)
        }
        throw ConfigurationError.badDatabaseURL(raw, reason: LocalizedText(
            zh: "只支持 sqlite:// 与 postgres:// 两种地址",
            en: "only sqlite:// and postgres:// URLs are supported"))
    }

    public var isSQLite: Bool {
        switch self {
        case .sqliteFile, .sqliteMemory: true
        case .postgres: false
        }
    }

    /// Safe to print: a PostgreSQL password is replaced by `***`.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "sqlite://\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url):
            if var parts = URLComponents(string: url), parts.password != nil {
                parts.password = "***"
                return parts.string ?? "postgres://…"
            }
            return url
        }
    }
}
