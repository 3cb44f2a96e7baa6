/// A household of the demo population as its worker visits it: keyed as the register keys it
/// (`VisitStore.households`: the household id, else the room, else the person), owed a monthly
/// visit when a member still living here is in a monthly care group, and registered while a
/// member lives here — the rules `VisitStore.obligationHouseholds` reads the stored register by,
/// applied to a population batch before it is stored, so that the visits need no read-back.
public struct DemoWorkHousehold: Sendable, Hashable {
    public let key: String
    public let household: VisitObligations.Household

    public var monthly: Bool { household.monthly }

    /// The households of `people` (one grid's residents), in key order.
    public static func households(of people: [Person]) -> [DemoWorkHousehold] {
        var byKey: [String: VisitObligations.Household] = [:]
        for person in people {
            let key = (person.householdID ?? person.roomID ?? person.id).uuidString
            let monthly = person.movedOutOn == nil && person.careGroups.contains { $0.needsMonthlyVisit }
            var household = byKey[key] ?? VisitObligations.Household(grid: person.gridPath, monthly: false, stays: [])
            household.stays.append(.init(movedIn: person.movedInOn, movedOut: person.movedOutOn))
            household.monthly = household.monthly || monthly
            byKey[key] = household
        }
        return byKey.keys.sorted().compactMap { key in byKey[key].map { DemoWorkHousehold(key: key, household: $0) } }
    }
}
