import Foundation

/// The roles of domain.md §1. A user holds one or more, within one scope unit.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// 系统管理员: users, grids, catalogue, calendars, assessment schemes.
    case admin
    /// 区网格（综合信息）指挥中心: dispatches to departments, supervises, escalates, closes.
    case districtOperator = "district_operator"
    /// 街道网格指挥中心: the same at street level.
    case streetOperator = "street_operator"
    /// 社区工作站: triages its grids' reports, handles level-2 events, escalates the rest.
    case communityOperator = "community_operator"
    /// 网格长 / 网格指导员: leads several grids, first reviewer of reports.
    case gridHead = "grid_head"
    /// 专职网格员: patrols one grid, reports, collects basic data, verifies fixes.
    case gridWorker = "grid_worker"
    /// 兼职 / 专业网格员 / 辅助力量: specialists, volunteers, property staff who report.
    case auxiliary
    /// 职能部门 / 外驻单位 handler: receives dispatched events, handles, feeds back.
    case departmentHandler = "department_handler"
    /// 领导: dashboards, rankings, risk warnings, approvals.
    case leader
    /// 居民 / 单位: reports, declares, tracks, rates.
    case resident

    public var label: LocalizedText {
        switch self {
        case .admin: LocalizedText(zh: "系统管理员", en: "Administrator")
        case .districtOperator: LocalizedText(zh: "区指挥中心", en: "District centre operator")
        case .streetOperator: LocalizedText(zh: "街道指挥中心", en: "Street centre operator")
        case .communityOperator: LocalizedText(zh: "社区工作站", en: "Community operator")
        case .gridHead: LocalizedText(zh: "网格长", en: "Grid head")
        case .gridWorker: LocalizedText(zh: "专职网格员", en: "Grid worker")
        case .auxiliary: LocalizedText(zh: "兼职/辅助网格员", en: "Auxiliary grid worker")
        case .departmentHandler: LocalizedText(zh: "职能部门", en: "Department handler")
        case .leader: LocalizedText(zh: "领导", en: "Leader")
        case .resident: LocalizedText(zh: "居民", en: "Resident")
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        let order = Role.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }

    /// Parses a role name as typed on the command line or sent by the API.
    public static func parse(_ raw: String, field: String = "roles") throws(ValidationFailure) -> Role {
        let key = raw.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        guard let role = Role(rawValue: key) else {
            let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationFailure(
                field: field,
                zh: "未知角色“\(raw)”，可选：\(known)",
                en: "unknown role '\(raw)'; known roles: \(known)"
            )
        }
        return role
    }
}
