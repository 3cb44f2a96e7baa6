import Testing
@testable import GridCore

/// Who is owed a visit: twice a quarter for every household, monthly where a member needs it.
@Suite struct VisitScheduleTests {
    static func day(_ text: String) -> CalendarDay {
        CalendarDay(iso: text) ?? CalendarDay(daysSinceEpoch: 0)
    }

    static let plain = VisitSchedule.Household(id: "plain", careGroups: [])
    static let veteran = VisitSchedule.Household(id: "veteran", careGroups: [.veteran])
    static let alone = VisitSchedule.Household(id: "alone", careGroups: [.elderlyAlone])

    @Test("monthly households are owed one visit a month and come first; quarterly ones two a quarter")
    func owed() {
        let today = Self.day("2026-11-10")
        let due = VisitSchedule.due(households: [Self.plain, Self.veteran, Self.alone], visits: ["plain": [Self.day("2026-10-20")]], today: today)
        #expect(due.map(\.householdID) == ["alone", "veteran", "plain"])
        #expect(due[0].reason == .monthly && due[0].required == 1 && due[0].dueBy == Self.day("2026-12-01"))
        #expect(due[1].reason == .quarterly && due[1].remaining == 2 && due[1].dueBy == Self.day("2027-01-01"))
        #expect(due[2].made == 1 && due[2].remaining == 1)
    }

    @Test("a visit in the period settles it; one in the last period does not")
    func settled() {
        let today = Self.day("2026-12-15")
        let visits = ["alone": [Self.day("2026-11-30")], "plain": [Self.day("2026-10-02"), Self.day("2026-12-01")]]
        let due = VisitSchedule.due(households: [Self.plain, Self.alone], visits: visits, today: today)
        #expect(due.map(\.householdID) == ["alone"])
        #expect(VisitSchedule.due(households: [Self.alone], visits: ["alone": [Self.day("2026-12-03")]], today: today).isEmpty)
    }

    @Test("behind the pace: a monthly household unvisited after two thirds of the month, a quarterly one below its share")
    func behind() {
        #expect(VisitSchedule.due(households: [Self.alone], visits: [:], today: Self.day("2026-11-19")).first?.behind == false)
        #expect(VisitSchedule.due(households: [Self.alone], visits: [:], today: Self.day("2026-11-22")).first?.behind == true)
        // half the quarter gone: one of two visits expected
        #expect(VisitSchedule.due(households: [Self.plain], visits: [:], today: Self.day("2026-08-20")).first?.behind == true)
        #expect(VisitSchedule.due(households: [Self.plain], visits: ["plain": [Self.day("2026-07-15")]], today: Self.day("2026-08-20")).first?.behind == false)
        #expect(VisitSchedule.due(households: [Self.plain], visits: [:], today: Self.day("2026-07-20")).first?.behind == false)
    }
}
