/// Where the GCJ-02 offset applies.
///
/// GCJ-02 shifts only points "in China"; the published transform decides that with a bounding
/// box. This implementation uses the wider box found in eviltransform and most Java/C ports
/// (lon 72.004…137.8347, lat 0.8293…55.8271), which holds all of mainland China including the
/// Pamir and Mohe extremities that the narrower coordtransform box (73.66…135.05, 3.86…53.55)
/// clips. Like every box it also shifts Hong Kong, Macau, Taiwan and parts of neighbouring
/// countries; a coarse border polygon would be needed to exclude them and is not attempted:
/// GridGov's grids are all on the mainland, where both choices agree.
public enum ChinaMainlandTest: Sendable {
    public static let bounds = BoundingBox(minLon: 72.004, minLat: 0.8293, maxLon: 137.8347, maxLat: 55.8271)

    /// True when GCJ-02 shifts this point.
    public static func isShifted(_ c: Coordinate) -> Bool {
        c.lon >= bounds.minLon && c.lon <= bounds.maxLon && c.lat >= bounds.minLat && c.lat <= bounds.maxLat
    }
}
