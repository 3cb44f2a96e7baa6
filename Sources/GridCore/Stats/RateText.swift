/// Text of a rate for screens: one decimal, a dash when nothing was due.
public enum RateText {
    public static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
