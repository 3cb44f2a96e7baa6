/// How many units a demo partition makes (演示数据划分方案). Counts are totals for the district;
/// they are spread as evenly as possible (neighbours differ by at most one), in a seeded order.
public struct PartitionPlan: Sendable, Hashable {
    public var streets: Int
    public var communities: Int
    public var generalGrids: Int
    public var specialGrids: Int

    public init(streets: Int, communities: Int, generalGrids: Int, specialGrids: Int) {
        self.streets = streets
        self.communities = communities
        self.generalGrids = generalGrids
        self.specialGrids = specialGrids
    }

    /// 郫都区 as the seed reports describe it: 14 streets, 195 communities, 555 general and
    /// 34 special grids (589 in all).
    public static let pidu = PartitionPlan(streets: 14, communities: 195, generalGrids: 555, specialGrids: 34)

    /// Checks the counts fit the hierarchy and the 3-digit code parts.
    func validate() throws(PartitionError) {
        guard streets >= 1, streets <= 999 else {
            throw .invalidPlan(field: "streets", zh: "街道数应在 1–999 之间", en: "streets must be 1–999")
        }
        guard communities >= streets, communities <= streets * 999 else {
            throw .invalidPlan(field: "communities", zh: "社区数应不少于街道数", en: "there must be at least one community per street")
        }
        guard generalGrids >= communities, generalGrids <= communities * 999 else {
            throw .invalidPlan(field: "generalGrids", zh: "一般网格数应不少于社区数", en: "there must be at least one general grid per community")
        }
        guard specialGrids >= 0, specialGrids <= communities else {
            throw .invalidPlan(field: "specialGrids", zh: "专属网格数应在 0 到社区数之间", en: "special grids must be between 0 and the number of communities")
        }
    }
}

/// Why a partition could not be made.
public enum PartitionError: UserFacingError, Equatable {
    case invalidPlan(field: String, zh: String, en: String)
    /// The district outline is not a valid polygonal area (problems listed).
    case invalidDistrict([GeometryProblem])
    /// The outline has holes (enclaves), which the straight-cut splitter does not handle.
    case districtHasHoles
    case invalidCountyCode(String)
    /// A bug rather than bad input; the message says which step.
    case internalFailure(String)

    public var field: String? {
        switch self {
        case let .invalidPlan(field, _, _): field
        case .invalidDistrict, .districtHasHoles: "district"
        case .invalidCountyCode: "countyCode"
        case .internalFailure: nil
        }
    }

    public var reason: LocalizedText {
        switch self {
        case let .invalidPlan(_, zh, en):
            LocalizedText(zh: zh, en: en)
        case let .invalidDistrict(problems):
            LocalizedText(zh: "区县边界无效：" + problems.map(\.message.zhHans).joined(separator: "；"),
                          en: "invalid district outline: " + problems.map(\.message.en).joined(separator: "; "))
        case .districtHasHoles:
            LocalizedText(zh: "区县边界含有内环（飞地），演示划分不支持",
                          en: "the district outline has holes (enclaves), which the demo partitioner does not support")
        case let .invalidCountyCode(code):
            LocalizedText(zh: "区县代码“\(code)”不是有效的 6 位 GB/T 2260 代码", en: "county code “\(code)” is not a valid 6-digit GB/T 2260 code")
        case let .internalFailure(step):
            LocalizedText(zh: "划分失败（内部错误）：\(step)", en: "partition failed (internal error): \(step)")
        }
    }
}
