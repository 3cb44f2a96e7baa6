import Foundation

/// The working-day calendar as the API shows it: which years it knows, which it soon needs,
/// and the holiday arrangement of the years asked for.
public struct HolidayCalendarDTO: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var date: String
        public var kind: String
        public var festival: String
        public var festivalName: String

        public init(_ entry: HolidayEntry, language: Language) {
            date = entry.day.description
            kind = entry.kind.rawValue
            festival = entry.festival
            festivalName = entry.festivalName.text(in: language)
        }

        enum CodingKeys: String, CodingKey {
            case date, kind, festival
            case festivalName = "festival_name"
        }
    }

    public var coverage: [Int]
    /// Years that are (or within 90 days will be) in use but have no holiday data: add them.
    public var yearsNeedingData: [Int]
    public var entries: [Entry]

    public init(coverage: [Int], yearsNeedingData: [Int], entries: [Entry]) {
        self.coverage = coverage
        self.yearsNeedingData = yearsNeedingData
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case coverage, entries
        case yearsNeedingData = "years_needing_data"
    }
}
