import Foundation

/// How a person serves a grid (网格力量): "基础力量一员一格、专业力量一员多格、辅助力量多员一格".
public enum StaffRole: String, Sendable, Codable, CaseIterable, Hashable {
    /// 网格长
    case gridHead = "grid_head"
    /// 专职网格员: every general grid must have one.
    case fullTime = "full_time"
    /// 兼职网格员
    case partTime = "part_time"
    /// 专业网格员 (环保, 应急, 市场监管, 综合执法): one person, several grids.
    case specialist
    /// 网格指导员
    case instructor
    /// 辅助力量 (volunteers, property staff): several people, one grid.
    case auxiliary

    public var label: LocalizedText {
        switch self {
        case .gridHead: LocalizedText(zh: "网格长", en: "Grid head")
        case .fullTime: LocalizedText(zh: "专职网格员", en: "Full-time grid worker")
        case .partTime: LocalizedText(zh: "兼职网格员", en: "Part-time grid worker")
        case .specialist: LocalizedText(zh: "专业网格员", en: "Specialist")
        case .instructor: LocalizedText(zh: "网格指导员", en: "Instructor")
        case .auxiliary: LocalizedText(zh: "辅助力量", en: "Auxiliary")
        }
    }

    public static func parse(_ raw: String, field: String = "role") throws(ValidationFailure) -> StaffRole {
        guard let role = StaffRole(rawValue: raw.trimmingCharacters(in: .whitespaces).lowercased()) else {
            let known = allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationFailure(field: field, zh: "未知网格角色“\(raw)”，可选：\(known)", en: "unknown grid role '\(raw)'; known: \(known)")
        }
        return role
    }
}
