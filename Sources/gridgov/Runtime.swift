import Fluent
import Foundation
import GridCore
import GridServer
import GridStore
import Logging
import Vapor

/// Starts and stops Vapor applications for the commands, turning configuration errors into one
/// sentence on standard error and a non-zero exit instead of a stack trace.
enum Runtime {
    /// Sets up logging once per process.
    static func bootstrapLogging(_ format: LogFormat) {
        LoggingSystem.bootstrap { label in
            switch format {
            case .json: return JSONLogHandler(label: label)
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .info
                return handler
            }
        }
    }

    /// Makes an application for `config`, runs `body` and always shuts the application down.
    static func withApplication<T>(
        _ config: ServerConfig, _ body: (Application) async throws -> T
    ) async throws -> T {
        // Vapor must not parse gridgov's own arguments.
        let app = try await Application.make(Environment(name: "production", arguments: ["gridgov"]))
        do {
            try await configure(app, config)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Prints a user-facing error as one sentence (Chinese, then English) and exits 1.
    static func fail(_ error: any Error) -> Never {
        let message: String
        if let failure = error as? any UserFacingError {
            message = "\(failure.reason.zhHans)\n\(failure.reason.en)"
        } else {
            message = "\(error)"
        }
        FileHandle.standardError.write(Data(("gridgov: " + message + "\n").utf8))
        exit(1)
    }

    /// The unit a command is limited to (`--unit CODE`), or the whole district.
    static func scope(_ unit: String?, on db: any Database) async throws -> OrgUnit {
        if let unit {
            guard let found = try await UnitStore.find(idOrCode: unit, on: db) else {
                throw ValidationFailure(field: "unit", zh: "找不到单位 \(unit)", en: "no unit \(unit)")
            }
            return found
        }
        guard let root = try await UnitStore.children(of: nil, on: db).first else {
            throw ValidationFailure(field: "unit", zh: "数据库中还没有单位", en: "the database has no units yet")
        }
        return root
    }

    /// Every account, for `gridgov user list`.
    static func allAccounts(_ app: Application) async throws -> [UserAccount] {
        var all: [UserAccount] = []
        for root in try await UnitStore.children(of: nil, on: app.db) {
            var page = 1
            while true {
                let (items, total) = try await UserStore.list(under: root.path, page: page, per: 200, on: app.db)
                all += items
                if page * 200 >= total { break }
                page += 1
            }
        }
        return all
    }

    /// A file named on the command line, or a one-sentence error.
    static func readData(_ file: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: file) else { throw unreadable(file) }
        return data
    }

    private static func unreadable(_ file: String) -> ValidationFailure {
        ValidationFailure(field: "file", zh: "无法读取文件 \(file)", en: "cannot read the file \(file)")
    }

    /// A UTF-8 text file named on the command line, or a one-sentence error.
    static func readText(_ file: String) throws -> String {
        guard let text = String(data: try readData(file), encoding: .utf8) else { throw unreadable(file) }
        return text
    }

    /// Writes a line to standard output at once (print is buffered when output is a file or pipe,
    /// and a serving command may run for days).
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Runs a command body, reporting any error the user can act on in one sentence.
    static func run(_ body: () async throws -> Void) async {
        do {
            try await body()
        } catch {
            fail(error)
        }
    }
}


enum LogFormat: String {
    case text, json
}