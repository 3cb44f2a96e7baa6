/// Why a GeoJSON document was rejected, where (a JSON path such as
/// `features[3].geometry.coordinates[0][5]`) and in which feature, in both languages.
public struct GeoJSONError: UserFacingError, Equatable {
    public enum Problem: Sendable, Equatable {
        /// Not parseable as JSON at all.
        case malformedJSON
        /// A required member such as `type` or `coordinates` is absent.
        case missingMember(String)
        /// A member holds the wrong kind of JSON value.
        case wrongValueType(expected: String)
        /// `type` names something other than what belongs here.
        case unexpectedType(found: String, expected: String)
        /// A geometry type this platform does not handle (e.g. GeometryCollection).
        case unsupportedGeometryType(String)
        /// A position with fewer than two numbers.
        case positionTooShort(count: Int)
        /// A position that is not a finite longitude in −180…180 and latitude in −90…90.
        case coordinateOutOfRange(lon: Double, lat: Double)
        /// A linear ring with fewer than four positions.
        case ringTooShort(count: Int)
        /// A linear ring whose last position differs from its first.
        case ringNotClosed
        /// A line string with fewer than two positions.
        case lineStringTooShort(count: Int)
    }

    public let problem: Problem
    /// Where, as a JSON path from the document root (empty for the root itself).
    public let path: String
    /// The 0-based index of the feature at fault inside a FeatureCollection, if any.
    public let featureIndex: Int?

    public init(_ problem: Problem, path: String, featureIndex: Int? = nil) {
        self.problem = problem
        self.path = path
        self.featureIndex = featureIndex
    }

    /// Builds the error from a decoder's coding path plus a suffix below it
    /// (e.g. `coordinates[0][5]`), finding the feature index in the path.
    init(_ problem: Problem, codingPath: [any CodingKey], suffix: String = "") {
        var path = ""
        var featureIndex: Int?
        for (i, key) in codingPath.enumerated() {
            if let index = key.intValue {
                path += "[\(index)]"
                if i == 1, codingPath[0].stringValue == "features" { featureIndex = index }
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        if !suffix.isEmpty {
            path += path.isEmpty || suffix.hasPrefix("[") ? suffix : ".\(suffix)"
        }
        self.init(problem, path: path, featureIndex: featureIndex)
    }

    public var field: String? { path.isEmpty ? nil : path }

    public var reason: LocalizedText {
        let what = Self.describe(problem)
        let whereZh = featureIndex.map { "第 \($0) 个要素：" } ?? ""
        let whereEn = featureIndex.map { "feature \($0): " } ?? ""
        let pathZh = path.isEmpty ? "" : "（\(path)）"
        let pathEn = path.isEmpty ? "" : " (at \(path))"
        return LocalizedText(zh: "GeoJSON 无效：\(whereZh)\(what.zhHans)\(pathZh)", en: "invalid GeoJSON: \(whereEn)\(what.en)\(pathEn)")
    }

    private static let chineseKind = ["number": "数值", "string": "字符串", "boolean": "布尔值", "array": "数组", "object": "对象"]

    private static func describe(_ problem: Problem) -> LocalizedText {
        switch problem {
        case .malformedJSON:
            LocalizedText(zh: "不是合法的 JSON", en: "the text is not valid JSON")
        case let .missingMember(name):
            LocalizedText(zh: "缺少成员“\(name)”", en: "member “\(name)” is missing")
        case let .wrongValueType(expected):
            LocalizedText(zh: "值的类型错误，应为\(chineseKind[expected] ?? expected)", en: "wrong value type, expected \(expected)")
        case let .unexpectedType(found, expected):
            LocalizedText(zh: "type 为“\(found)”，应为“\(expected)”", en: "type is “\(found)”, expected “\(expected)”")
        case let .unsupportedGeometryType(type):
            LocalizedText(zh: "不支持的几何类型“\(type)”（支持 Point、LineString、Polygon、MultiPolygon）",
                          en: "unsupported geometry type “\(type)” (Point, LineString, Polygon and MultiPolygon are supported)")
        case let .positionTooShort(count):
            LocalizedText(zh: "坐标只有 \(count) 个数值，至少需要经度和纬度",
                          en: "a position has \(count) numbers; longitude and latitude are required")
        case let .coordinateOutOfRange(lon, lat):
            LocalizedText(zh: "坐标 [\(lon), \(lat)] 超出经纬度范围", en: "position [\(lon), \(lat)] is not a valid longitude/latitude")
        case let .ringTooShort(count):
            LocalizedText(zh: "环只有 \(count) 个坐标，至少需要 4 个（首尾相同）",
                          en: "a linear ring has \(count) positions; at least 4 are required (first = last)")
        case .ringNotClosed:
            LocalizedText(zh: "环未闭合：首尾坐标不相同", en: "a linear ring is not closed: first and last positions differ")
        case let .lineStringTooShort(count):
            LocalizedText(zh: "线只有 \(count) 个坐标，至少需要 2 个", en: "a line string has \(count) positions; at least 2 are required")
        }
    }
}

extension GeoJSONError {
    /// Translates Foundation's decoding errors (missing keys, wrong types, bad syntax).
    init(_ error: DecodingError) {
        switch error {
        case let .keyNotFound(key, context):
            self.init(.missingMember(key.stringValue), codingPath: context.codingPath)
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            self.init(.wrongValueType(expected: Self.jsonKind(of: type)), codingPath: context.codingPath)
        case let .dataCorrupted(context):
            self.init(.malformedJSON, codingPath: context.codingPath)
        @unknown default:
            self.init(.malformedJSON, path: "")
        }
    }

    private static func jsonKind(of type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type, is Int.Type: "number"
        case is String.Type: "string"
        case is Bool.Type: "boolean"
        default: String(describing: type).hasPrefix("Array") ? "array" : "object"
        }
    }
}
