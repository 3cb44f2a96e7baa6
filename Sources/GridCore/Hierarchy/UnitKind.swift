import Foundation

/// What a node of the hierarchy is. Territorial kinds nest district → street → community → grid
/// (区 → 街道/镇 → 社区/村 → 网格); depth is data, so a tree may start at any territorial level
/// (Kuiyong runs street → community → grid) and may skip levels. Departments (职能部门) and
/// outside units (外驻单位: 派出所, 城管中队…) hang off the territorial level that owns them.
public enum UnitKind: String, Sendable, Codable, CaseIterable, Hashable {
    case city
    case district
    case street
    case community
    /// A general grid (一般网格): general grids tile their community with no gap and no overlap.
    case grid
    /// A special grid (专属网格: school, hospital, industrial park, market) overlaying general grids.
    case specialGrid = "special_grid"
    /// A government department (职能部门) of the level it is attached to.
    case department
    /// An outside unit stationed at the level (外驻单位: 派出所, 城管中队, 市场监管所…).
    case outsideUnit = "outside_unit"

    /// Territorial rank: lower numbers are wider. Nil for departments and outside units.
    public var territorialRank: Int? {
        switch self {
        case .city: 0
        case .district: 1
        case .street: 2
        case .community: 3
        case .grid, .specialGrid: 4
        case .department, .outsideUnit: nil
        }
    }

    public var isTerritorial: Bool { territorialRank != nil }
    public var isGrid: Bool { self == .grid || self == .specialGrid }
    /// Departments and outside units: the units events are dispatched to.
    public var isHandlingUnit: Bool { self == .department || self == .outsideUnit }

    public var label: LocalizedText {
        switch self {
        case .city: LocalizedText(zh: "市", en: "City")
        case .district: LocalizedText(zh: "区（县）", en: "District")
        case .street: LocalizedText(zh: "街道（镇）", en: "Street")
        case .community: LocalizedText(zh: "社区（村）", en: "Community")
        case .grid: LocalizedText(zh: "网格", en: "Grid")
        case .specialGrid: LocalizedText(zh: "专属网格", en: "Special grid")
        case .department: LocalizedText(zh: "职能部门", en: "Department")
        case .outsideUnit: LocalizedText(zh: "外驻单位", en: "Outside unit")
        }
    }

    /// Whether a unit of this kind may be placed under a parent of `parent` kind (nil = a root).
    public func mayBeChild(of parent: UnitKind?) -> Bool {
        guard let parent else { return isTerritorial && !isGrid }
        switch self {
        case .grid, .specialGrid:
            // 网格必属社区: a grid always belongs to a community.
            return parent == .community
        case .department:
            return parent.isTerritorial && !parent.isGrid || parent == .department
        case .outsideUnit:
            return parent.isTerritorial && !parent.isGrid
        case .city, .district, .street, .community:
            guard let mine = territorialRank, let theirs = parent.territorialRank else { return false }
            return mine > theirs && !parent.isGrid
        }
    }
}
