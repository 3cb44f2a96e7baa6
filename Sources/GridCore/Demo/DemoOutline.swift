import Foundation

/// The demo district's outline, from the generated `DemoOutlineData` (郫都区 510117, GCJ-02).
public enum DemoOutline {
    public static let countyCode = DemoOutlineData.countyCode
    public static let datum = Datum.gcj02

    /// The outline as a multipolygon in GCJ-02. The data is generated and checked in, so a parse
    /// failure is a build defect; it still throws rather than trapping.
    public static func multiPolygon() throws(ValidationFailure) -> MultiPolygon {
        var polygons: [Polygon] = []
        for ring in DemoOutlineData.rings.replacingOccurrences(of: "\n", with: "").split(separator: "|") {
            var vertices: [Coordinate] = []
            for pair in ring.split(separator: ";") {
                let parts = pair.split(separator: ",")
                guard parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]) else {
                    throw ValidationFailure(field: "outline", zh: "演示区划数据损坏", en: "the demo outline data is corrupt")
                }
                vertices.append(Coordinate(lon: lon, lat: lat))
            }
            polygons.append(Polygon(vertices))
        }
        return MultiPolygon(polygons)
    }
}
