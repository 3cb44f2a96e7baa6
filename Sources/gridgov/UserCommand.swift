import ArgumentParser
import Foundation
import GridCore
import GridServer
import GridStore

/// `gridgov user add|list|disable|enable`: account administration for whoever runs the server.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage user accounts.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account; the password is read from standard input.")

        @OptionGroup var options: ServerOptions
        @Option(help: "Login name (letters, digits, _ - .).") var username: String
        @Option(name: .customLong("name"), help: "Display name (default: the username).") var displayName: String?
        @Option(help: "A role; repeat for several: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: [String] = []
        @Option(help: "Code or id of the scope unit.") var unit: String
        @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input (required).") var passwordStdin = false

        func run() async throws {
            await Runtime.run {
                guard passwordStdin else {
                    throw ValidationFailure(field: "password-stdin", zh: "请用 --password-stdin 从标准输入提供密码", en: "give the password on standard input with --password-stdin")
                }
                let password = (readLine(strippingNewline: true) ?? "")
                let config = try options.config()
                let account = try await Runtime.withApplication(config) { app in
                    try await AccountService(services: app.grid).create(
                        .init(username: username, displayName: displayName, password: password, roles: role, unit: unit),
                        scope: nil, actor: .commandLine, on: app.db)
                }
                Runtime.say("gridgov: created \(account.username) (\(account.roles.map(\.rawValue).joined(separator: ","))) in \(account.unit.code) \(account.unit.name)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")

        @OptionGroup var options: ServerOptions

        func run() async throws {
            await Runtime.run {
                let config = try options.config()
                let accounts = try await Runtime.withApplication(config) { app in
                    try await Runtime.allAccounts(app)
                }
                Runtime.say(UserTable.render(accounts))
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")

        @OptionGroup var options: ServerOptions
        @Argument(help: "The username.") var username: String

        func run() async throws {
            await Runtime.run { try await setDisabled(options, username, true) }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable an account again and lift any lock.")

        @OptionGroup var options: ServerOptions
        @Argument(help: "The username.") var username: String

        func run() async throws {
            await Runtime.run { try await setDisabled(options, username, false) }
        }
    }
}

private func setDisabled(_ options: ServerOptions, _ username: String, _ disabled: Bool) async throws {
    let config = try options.config()
    try await Runtime.withApplication(config) { app in
        guard let account = try await UserStore.find(username: username, on: app.db) else {
            throw ValidationFailure(field: "username", zh: "没有用户 \(username)", en: "there is no user \(username)")
        }
        _ = try await AccountService(services: app.grid).update(
            account.id, UpdateUserRequestDTO(disabled: disabled), scope: nil, actor: .commandLine, on: app.db)
    }
    Runtime.say("gridgov: \(username) \(disabled ? "disabled" : "enabled")")
}

/// A plain text table for `gridgov user list`.
enum UserTable {
    static func render(_ accounts: [UserAccount]) -> String {
        let header = ["USERNAME", "NAME", "ROLES", "UNIT", "STATUS"]
        let rows = accounts.map { account in
            [account.username, account.displayName, account.roles.map(\.rawValue).joined(separator: ","),
             "\(account.unit.code) \(account.unit.name)", account.disabled ? "disabled" : "active"]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { displayWidth($0[column]) }.max() ?? 0
        }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                cell + String(repeating: " ", count: widths[column] - displayWidth(cell))
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    /// CJK characters take two terminal columns.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }
}
