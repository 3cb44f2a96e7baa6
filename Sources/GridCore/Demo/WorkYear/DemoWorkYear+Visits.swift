import Foundation

/// The household visits of one grid (入户走访): for every window the register owes visits in — a
/// care household's month, every other household's quarter, when the household was registered on
/// the window's first day (`VisitObligations`) — each owed visit made with the worker's chance,
/// now and then one more, on distinct working days of the window in office hours. Windows still
/// open are done as far as their days have come; the first window, begun before the year, is done
/// within the year.
extension DemoWorkYear {
    /// The chance of one visit beyond those owed in a window (a follow-up, a neighbour's dispute).
    static let extraVisitChance = 0.03

    public func visits(for grid: Grid, households: [DemoWorkHousehold]) -> [DemoVisit] {
        var visits: [DemoVisit] = []
        let profile = grid.profile
        let lastIndex = days.count - 1
        for household in households {
            var dice = DemoDice(seed, DemoDice.hash(household.key), 41)
            let monthly = household.monthly
            let chance = monthly ? profile.monthlyVisitChance : profile.visitShare
            for window in monthly ? months : quarters {
                guard household.household.isRegistered(on: window.first), !window.workingDays.isEmpty else { continue }
                var count = 0
                for _ in 0..<window.required where dice.chance(chance) { count += 1 }
                if dice.chance(Self.extraVisitChance) { count += 1 }
                var picked: [Int] = []
                for _ in 0..<min(count, window.workingDays.count) {
                    // Distinct days, so a household's visits in a window differ in time and their order is plain.
                    var day = dice.pick(window.workingDays)
                    while picked.contains(day) { day = dice.pick(window.workingDays) }
                    picked.append(day)
                }
                for (offset, index) in picked.sorted().enumerated() where index <= lastIndex {
                    // 09:00–11:45 or 14:00–17:30.
                    let time = dice.chance(0.5) ? 32_400 + dice.int(0...9_900) : 50_400 + dice.int(0...12_600)
                    let at = clock.start(ofDay: index) + time
                    guard at <= clock.until else { continue }
                    let text = DemoVisitText.draw(monthly: monthly, dice: &dice)
                    let id = Self.id(grid: grid, serial: visits.count, dice: &dice)
                    visits.append(DemoVisit(
                        id: id, householdKey: household.key, gridPath: grid.path, visitorID: grid.worker.userID,
                        visitorName: grid.worker.name, visitedAt: clock.date(at), day: days[index],
                        met: text.met, notes: text.notes, needs: text.needs, monthly: monthly, ordinal: offset + 1))
                }
            }
        }
        return visits
    }
}
