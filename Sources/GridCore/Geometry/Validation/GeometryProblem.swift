/// One defect found by `GeometryValidator` (几何有效性问题), with where it is.
public enum GeometryProblem: Sendable, Hashable {
    /// A coordinate is NaN, infinite or beyond ±180°/±90°.
    case invalidCoordinate(RingPath, index: Int)
    /// Fewer than three distinct corners: the ring encloses no area.
    case tooFewPoints(RingPath, distinctCount: Int)
    /// The last coordinate is not the first (GeoJSON requires closed rings).
    case notClosed(RingPath)
    /// The same coordinate twice in a row (a zero-length edge).
    case duplicateConsecutivePoints(RingPath, index: Int, at: Coordinate)
    /// Two edges of one ring cross, touch or overlap.
    case selfIntersection(RingPath, at: Coordinate)
    /// Exterior clockwise or hole counter-clockwise (RFC 7946: exterior counter-clockwise).
    case wrongOrientation(RingPath)
    /// Two rings of one polygon cross or share an edge stretch.
    case ringsIntersect(RingPath, RingPath, at: Coordinate)
    /// A hole lies (at least partly) outside its exterior ring.
    case holeOutsideShell(RingPath)
    /// A hole lies inside another hole of the same polygon.
    case nestedHoles(RingPath, inside: RingPath)
    /// Two parts of a multipolygon overlap over `area` m².
    case partsOverlap(first: Int, second: Int, area: Double, at: Coordinate)

    /// True for defects `normalized()` repairs without changing the area.
    public var isRepairable: Bool {
        switch self {
        case .notClosed, .duplicateConsecutivePoints, .wrongOrientation: true
        default: false
        }
    }

    /// What is wrong and where, in both languages.
    public var message: LocalizedText {
        switch self {
        case let .invalidCoordinate(path, index):
            LocalizedText(zh: "\(path) 第 \(index) 个坐标无效（非数值或超出经纬度范围）",
                          en: "\(path) coordinate \(index) is not a valid longitude/latitude")
        case let .tooFewPoints(path, count):
            LocalizedText(zh: "\(path) 只有 \(count) 个不同的顶点，至少需要 3 个",
                          en: "\(path) has \(count) distinct corners; at least 3 are needed")
        case let .notClosed(path):
            LocalizedText(zh: "\(path) 未闭合：首尾坐标不相同", en: "\(path) is not closed: first and last coordinates differ")
        case let .duplicateConsecutivePoints(path, index, at):
            LocalizedText(zh: "\(path) 第 \(index) 个坐标与前一个重复 \(at)",
                          en: "\(path) coordinate \(index) repeats the previous one at \(at)")
        case let .selfIntersection(path, at):
            LocalizedText(zh: "\(path) 自相交，位置 \(at)", en: "\(path) intersects itself at \(at)")
        case let .wrongOrientation(path):
            path.isExterior
                ? LocalizedText(zh: "\(path) 外环应为逆时针方向", en: "\(path) exterior ring should run counter-clockwise")
                : LocalizedText(zh: "\(path) 内环应为顺时针方向", en: "\(path) hole should run clockwise")
        case let .ringsIntersect(first, second, at):
            LocalizedText(zh: "\(first) 与 \(second) 相交，位置 \(at)", en: "\(first) and \(second) intersect at \(at)")
        case let .holeOutsideShell(path):
            LocalizedText(zh: "\(path) 内环超出外环", en: "\(path) hole lies outside its exterior ring")
        case let .nestedHoles(path, outer):
            LocalizedText(zh: "\(path) 内环位于 \(outer) 之内", en: "\(path) hole lies inside \(outer)")
        case let .partsOverlap(first, second, area, at):
            LocalizedText(zh: "第 \(first) 与第 \(second) 个面重叠 \(Self.squareMetres(area)) 平方米，位置 \(at)",
                          en: "parts \(first) and \(second) overlap by \(Self.squareMetres(area)) m² at \(at)")
        }
    }

    private static func squareMetres(_ area: Double) -> String {
        String(Int(area.rounded()))
    }
}

/// Thrown when a geometry a user supplied is not valid; lists every problem found.
public struct GeometryValidationError: UserFacingError, Equatable {
    public let field: String?
    public let problems: [GeometryProblem]

    public init(field: String? = "geometry", problems: [GeometryProblem]) {
        self.field = field
        self.problems = problems
    }

    public var reason: LocalizedText {
        LocalizedText(
            zh: "几何图形无效：" + problems.map(\.message.zhHans).joined(separator: "；"),
            en: "invalid geometry: " + problems.map(\.message.en).joined(separator: "; "))
    }
}
