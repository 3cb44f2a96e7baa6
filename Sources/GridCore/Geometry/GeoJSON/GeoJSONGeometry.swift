/// A GeoJSON geometry (RFC 7946 §3.1): what GridGov reads and writes on the wire.
/// Point for reports, LineString for patrol tracks (巡查轨迹), Polygon and MultiPolygon for grids
/// and units. Positions are `[lon, lat]` (an altitude, if present, is dropped).
///
/// Decoding checks what RFC 7946 requires (positions of two numbers within range, rings of
/// four or more positions, closed) and throws `GeoJSONError` with the JSON path; it does not
/// reject the wrong ring orientation, which RFC 7946 asks parsers to accept.
public enum GeoJSONGeometry: Sendable, Hashable {
    case point(Coordinate)
    case lineString([Coordinate])
    case polygon(Polygon)
    case multiPolygon(MultiPolygon)

    /// The RFC 7946 `type` member.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        }
    }

    /// The area as a multipolygon, or nil for points and lines.
    public var multiPolygon: MultiPolygon? {
        switch self {
        case let .polygon(polygon): MultiPolygon(polygon)
        case let .multiPolygon(multiPolygon): multiPolygon
        case .point, .lineString: nil
        }
    }
}

extension GeoJSONGeometry: CoordinateMappable {
    public func mapCoordinates(_ transform: (Coordinate) -> Coordinate) -> GeoJSONGeometry {
        switch self {
        case let .point(c): .point(transform(c))
        case let .lineString(line): .lineString(line.map(transform))
        case let .polygon(polygon): .polygon(polygon.mapCoordinates(transform))
        case let .multiPolygon(multiPolygon): .multiPolygon(multiPolygon.mapCoordinates(transform))
        }
    }
}

extension GeoJSONGeometry: Codable {
    private enum CodingKeys: String, CodingKey {
        case type
        case coordinates
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        let path = decoder.codingPath
        func fail(_ problem: GeoJSONError.Problem, _ suffix: String) -> GeoJSONError {
            GeoJSONError(problem, codingPath: path, suffix: "coordinates" + suffix)
        }
        switch type {
        case "Point":
            let raw = try container.decode([Double].self, forKey: .coordinates)
            self = .point(try Self.position(raw, "", fail))
        case "LineString":
            let raw = try container.decode([[Double]].self, forKey: .coordinates)
            guard raw.count >= 2 else { throw fail(.lineStringTooShort(count: raw.count), "") }
            self = .lineString(try raw.enumerated().map { try Self.position($1, "[\($0)]", fail) })
        case "Polygon":
            let raw = try container.decode([[[Double]]].self, forKey: .coordinates)
            self = .polygon(try Self.polygon(raw, "", fail))
        case "MultiPolygon":
            let raw = try container.decode([[[[Double]]]].self, forKey: .coordinates)
            self = .multiPolygon(MultiPolygon(try raw.enumerated().map { try Self.polygon($1, "[\($0)]", fail) }))
        default:
            throw GeoJSONError(.unsupportedGeometryType(type), codingPath: path, suffix: "type")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typeName, forKey: .type)
        switch self {
        case let .point(c):
            try container.encode(Self.raw(c), forKey: .coordinates)
        case let .lineString(line):
            try container.encode(line.map(Self.raw), forKey: .coordinates)
        case let .polygon(polygon):
            try container.encode(Self.raw(polygon), forKey: .coordinates)
        case let .multiPolygon(multiPolygon):
            try container.encode(multiPolygon.polygons.map(Self.raw), forKey: .coordinates)
        }
    }

    private typealias Fail = (GeoJSONError.Problem, String) -> GeoJSONError

    private static func position(_ raw: [Double], _ suffix: String, _ fail: Fail) throws(GeoJSONError) -> Coordinate {
        guard raw.count >= 2 else { throw fail(.positionTooShort(count: raw.count), suffix) }
        let c = Coordinate(lon: raw[0], lat: raw[1])
        guard c.isValidGeographic else { throw fail(.coordinateOutOfRange(lon: raw[0], lat: raw[1]), suffix) }
        return c
    }

    private static func polygon(_ raw: [[[Double]]], _ suffix: String, _ fail: Fail) throws(GeoJSONError) -> Polygon {
        guard !raw.isEmpty else { throw fail(.ringTooShort(count: 0), suffix) }
        var rings: [Ring] = []
        for (r, rawRing) in raw.enumerated() {
            let ringSuffix = suffix + "[\(r)]"
            guard rawRing.count >= 4 else { throw fail(.ringTooShort(count: rawRing.count), ringSuffix) }
            var coordinates: [Coordinate] = []
            coordinates.reserveCapacity(rawRing.count)
            for (i, p) in rawRing.enumerated() { coordinates.append(try position(p, ringSuffix + "[\(i)]", fail)) }
            guard coordinates.first == coordinates.last else { throw fail(.ringNotClosed, ringSuffix) }
            rings.append(Ring(coordinates))
        }
        return Polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
    }

    private static func raw(_ c: Coordinate) -> [Double] { [c.lon, c.lat] }

    private static func raw(_ polygon: Polygon) -> [[[Double]]] {
        polygon.rings.map { $0.coordinates.map(raw) }
    }
}
