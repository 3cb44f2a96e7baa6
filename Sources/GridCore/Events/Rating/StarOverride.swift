/// A rating changed by hand from the computed stars (人工调整), kept with both values and the
/// reason so the assessment can show how often and why raters depart from the table.
public struct StarOverride: Sendable, Hashable, Codable {
    public let computed: Int
    public let stars: Int
    public let reason: String

    init(computed: Int, stars: Int, reason: String) {
        self.computed = computed
        self.stars = stars
        self.reason = reason
    }
}
