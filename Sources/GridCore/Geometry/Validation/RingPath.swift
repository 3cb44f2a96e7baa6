/// Which ring of a (multi)polygon a finding is about: part `polygon`, ring 0 the exterior
/// (外环), ring k ≥ 1 the k-th hole (内环). Spelled like a JSON path, 0-based.
public struct RingPath: Sendable, Hashable, Codable, CustomStringConvertible {
    public var polygon: Int
    public var ring: Int

    public init(polygon: Int, ring: Int) {
        self.polygon = polygon
        self.ring = ring
    }

    public var isExterior: Bool { ring == 0 }

    public var description: String {
        isExterior ? "polygons[\(polygon)].exterior" : "polygons[\(polygon)].holes[\(ring - 1)]"
    }
}
