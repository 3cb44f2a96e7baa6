import Foundation
import Testing
@testable import GridCore

/// Small builders for the calendar tests: days and instants written the way a person reads them.
enum CalendarFixture {
    /// The production default: official holidays, Asia/Shanghai.
    static let beijing = WorkingCalendar()

    /// The same holidays read in UTC, to show what a UTC-day implementation would get wrong.
    static let utc = WorkingCalendar(timeZone: TimeZone(identifier: "UTC") ?? .gmt)

    /// A `CalendarDay` from `yyyy-MM-dd`; records an issue (and returns 1970-01-01) if malformed.
    static func day(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> CalendarDay {
        guard let day = CalendarDay(iso: text) else {
            Issue.record("bad fixture date \(text)", sourceLocation: sourceLocation)
            return CalendarDay(daysSinceEpoch: 0)
        }
        return day
    }

    /// An instant from ISO 8601 with an explicit offset, e.g. `2026-02-13T23:30:00+08:00`.
    static func instant(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Date {
        do {
            return try Date(text, strategy: .iso8601)
        } catch {
            Issue.record("bad fixture instant \(text): \(error)", sourceLocation: sourceLocation)
            return Date(timeIntervalSince1970: 0)
        }
    }
}
