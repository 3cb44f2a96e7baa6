import Foundation
import GridCore
import Vapor

/// What every console page shows around its content: the user, their unit and roles, the menu
/// of what they may use, the language switch and the CSRF token for forms.
struct ShellContext: Encodable, Sendable {
    struct MenuItem: Encodable, Sendable {
        var href: String
        var label: String
        var active: Bool
    }

    var t: [String: String]
    var lang: String
    var otherLang: String
    var otherLangLabel: String
    var title: String
    var userName: String
    var unitName: String
    var unitKind: String
    var roleLabels: String
    var menu: [MenuItem]
    var csrf: String

    /// The console sections; each appears only to roles that may use it.
    static let sections: [(href: String, key: String, permission: Permission?)] = [
        ("/console", "menu_home", nil),
        ("/console/events", "menu_events", .eventsRead),
        ("/console/dashboard", "menu_dashboard", .statsRead),
        ("/console/indicators", "menu_indicators", .statsRead),
        ("/console/assessments", "menu_assessments", .statsRead),
        ("/console/risks", "menu_risks", .risksRead),
        ("/console/map", "menu_map", .gridsRead),
        ("/console/units", "menu_units", .unitsRead),
        ("/console/people", "menu_people", .basicDataRead),
        ("/console/buildings", "menu_buildings", .basicDataRead),
        ("/console/organizations", "menu_organizations", .basicDataRead),
        ("/console/declarations", "menu_declarations", .basicDataRead),
        ("/console/window", "menu_window", .eventsTriage),
        ("/console/tasks", "menu_tasks", nil),
        ("/console/import", "menu_import", .basicDataWrite),
        ("/console/users", "menu_users", .usersRead),
        ("/console/audit", "menu_audit", .auditRead),
        ("/console/admin", "admin_menu", nil),
        ("/console/password", "menu_password", nil),
    ]

    /// Sections shown to whoever holds at least one of several rights (the administration
    /// landing page links pages that each need their own).
    static let anyOf: [String: [Permission]] = [
        "/console/admin": ConsoleAdminController.rights, "/console/tasks": ConsoleTasksController.rights,
    ]

    init(req: Request, principal: Principal, titleKey: String, activePath: String) throws {
        let services = try req.grid
        let language = req.language
        let strings = services.strings
        t = strings.table(language)
        lang = language.rawValue
        let other: Language = language == .zhHans ? .en : .zhHans
        otherLang = other.rawValue
        otherLangLabel = other == .en ? "English" : "中文"
        title = strings.text(titleKey, language)
        userName = principal.account.displayName
        unitName = principal.account.unit.name
        unitKind = principal.account.unit.kind.label.text(in: language)
        roleLabels = principal.account.roles.map { $0.label.text(in: language) }.joined(separator: "、")
        menu = Self.sections.compactMap { section in
            if let permission = section.permission, !principal.holds(permission, policy: services.policy) { return nil }
            if let rights = Self.anyOf[section.href], !rights.contains(where: { principal.holds($0, policy: services.policy) }) { return nil }
            return MenuItem(href: section.href, label: strings.text(section.key, language), active: section.href == activePath)
        }
        csrf = principal.csrfToken ?? ""
    }
}
