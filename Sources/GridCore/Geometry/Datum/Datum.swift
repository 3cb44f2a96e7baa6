/// The geodetic datum (坐标系) a geometry's coordinates are expressed in.
///
/// Phones report WGS-84; Amap and Tencent maps use GCJ-02 (国测局坐标, "Mars coordinates");
/// Tianditu uses CGCS2000 (国家大地坐标系), which differs from WGS-84 by centimetres and is treated
/// as WGS-84 here. Store the datum with every geometry and convert before comparing.
public enum Datum: String, Sendable, Hashable, Codable, CaseIterable {
    case wgs84
    case gcj02
    case cgcs2000

    /// Parses the spellings met in the wild: `wgs84`, `WGS-84`, `EPSG:4326`, `gcj02`, `GCJ-02`,
    /// `cgcs2000`, `CGCS2000`, `EPSG:4490` (case and separators ignored).
    public init(parsing text: String, field: String? = "datum") throws(ValidationFailure) {
        let key = text.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "wgs84", "epsg4326", "gps": self = .wgs84
        case "gcj02", "gcj", "mars": self = .gcj02
        case "cgcs2000", "epsg4490": self = .cgcs2000
        default:
            throw ValidationFailure(
                field: field,
                zh: "不支持的坐标系“\(text)”，可用：wgs84、gcj02、cgcs2000",
                en: "unsupported datum “\(text)”; use wgs84, gcj02 or cgcs2000")
        }
    }

    /// Datums that share coordinates without any shift (CGCS2000 ≈ WGS-84 to a few centimetres).
    var family: Datum { self == .cgcs2000 ? .wgs84 : self }
}
