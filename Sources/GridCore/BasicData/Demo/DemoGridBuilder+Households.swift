/// Households (户) of the demo population: who lives together, their ages and relations.
///
/// Local households (registered here) average about 3.1 people, floating ones about 1.95, so
/// that with one household in three floating, a quarter of residents are floating and the mean
/// household has 2.7 people (1.08 M residents in about 400,000 households).
extension DemoGridBuilder {
    struct MemberPlan {
        var relation: HouseholdRelation
        var age: Int
        var sex: ResidentID.Sex
        /// Groups that follow from the household's shape, confirmed against the final birth date.
        var groups: Set<CareGroup> = []
    }

    struct HouseholdPlan {
        var kind: ResidenceKind
        var members: [MemberPlan]
        var isLowIncome = false
    }

    static let localSizes = DemoHash.cumulative([0.15, 0.25, 0.24, 0.17, 0.11, 0.08])
    static let floatingSizes = DemoHash.cumulative([0.40, 0.30, 0.25, 0.05])
    /// Share of households that are floating, and overseas.
    static let floatingShare = 0.346
    static let overseasShare = 0.004

    /// Households until `quota` people; the last one is cut to land on `quota` exactly.
    mutating func makeHouseholds(quota: Int) -> [HouseholdPlan] {
        var plans: [HouseholdPlan] = []
        var total = 0
        while total < quota {
            var plan = makeHousehold()
            if total + plan.members.count > quota {
                plan.members.removeLast(total + plan.members.count - quota)
                plan.members = plan.members.map { member in
                    var member = member
                    // A cut household is no longer the shape that made these groups.
                    member.groups.subtract([.emptyNestElderly, .leftBehindChild])
                    return member
                }
            }
            total += plan.members.count
            plans.append(plan)
        }
        return plans
    }

    private mutating func makeHousehold() -> HouseholdPlan {
        let draw = random.nextUnit()
        if draw < Self.overseasShare {
            let head = MemberPlan(relation: .head, age: random.int(22...65), sex: random.chance(0.6) ? .male : .female)
            var members = [head]
            if random.chance(0.4) { members.append(spouse(of: head)) }
            return HouseholdPlan(kind: .overseas, members: members)
        }
        if draw < Self.overseasShare + Self.floatingShare {
            return HouseholdPlan(kind: .floating, members: floatingMembers(size: random.index(cumulative: Self.floatingSizes) + 1))
        }
        var plan = HouseholdPlan(kind: .registered, members: localMembers(size: random.index(cumulative: Self.localSizes) + 1))
        plan.isLowIncome = random.chance(0.0135)
        return plan
    }

    private mutating func floatingMembers(size: Int) -> [MemberPlan] {
        let head = MemberPlan(relation: .head, age: random.int(size == 1 ? 18...45 : 22...45), sex: random.chance(0.62) ? .male : .female)
        var members = [head]
        if size >= 2 { members.append(spouse(of: head)) }
        for _ in 2..<max(2, size) { members.append(child(of: head, maximumAge: 17)) }
        return members
    }

    private mutating func localMembers(size: Int) -> [MemberPlan] {
        let shape = random.nextUnit()
        switch size {
        case 1:
            if random.chance(0.55) {
                return [MemberPlan(relation: .head, age: random.int(60...92), sex: random.chance(0.6) ? .female : .male, groups: [.elderlyAlone])]
            }
            return [MemberPlan(relation: .head, age: random.int(22...59), sex: random.chance(0.55) ? .male : .female)]
        case 2:
            if shape < 0.45 {
                let head = adultHead(26...64)
                return [head, spouse(of: head)]
            }
            if shape < 0.80 {
                var head = adultHead(60...88)
                var wife = spouse(of: head, minimumAge: 60)
                head.groups.insert(.emptyNestElderly)
                wife.groups.insert(.emptyNestElderly)
                return [head, wife]
            }
            if shape < 0.958 {
                let head = MemberPlan(relation: .head, age: random.int(40...65), sex: random.chance(0.4) ? .male : .female)
                return [head, child(of: head, maximumAge: 30)]
            }
            return skippedGeneration(grandparents: 1)
        case 3:
            if shape < 0.78 {
                let head = adultHead(28...60)
                return [head, spouse(of: head), child(of: head, maximumAge: 32)]
            }
            if shape < 0.958 {
                let head = adultHead(32...58)
                return [head, spouse(of: head), parent(of: head)]
            }
            return skippedGeneration(grandparents: 2)
        case 4:
            let head = adultHead(32...58)
            if shape < 0.6 {
                return [head, spouse(of: head), child(of: head, maximumAge: 30), child(of: head, maximumAge: 30)]
            }
            return [head, spouse(of: head), child(of: head, maximumAge: 30), parent(of: head)]
        case 5:
            let head = adultHead(32...55)
            if shape < 0.7 {
                return [head, spouse(of: head), child(of: head, maximumAge: 25), parent(of: head), parent(of: head, sex: .female)]
            }
            return [head, spouse(of: head), child(of: head, maximumAge: 25), child(of: head, maximumAge: 25), parent(of: head)]
        default:
            let head = adultHead(34...55)
            return [
                head, spouse(of: head), child(of: head, maximumAge: 25), child(of: head, maximumAge: 25),
                parent(of: head), parent(of: head, sex: .female),
            ]
        }
    }

    /// Grandparents raising a grandchild whose parents work away: a left-behind child (留守儿童).
    private mutating func skippedGeneration(grandparents: Int) -> [MemberPlan] {
        let head = adultHead(52...78)
        var members = [head]
        if grandparents == 2 { members.append(spouse(of: head)) }
        let age = random.int(3...15)
        members.append(MemberPlan(
            relation: .grandchild, age: age, sex: random.chance(0.5) ? .male : .female, groups: [.leftBehindChild]))
        return members
    }

    private mutating func adultHead(_ ages: ClosedRange<Int>) -> MemberPlan {
        MemberPlan(relation: .head, age: random.int(ages), sex: random.chance(0.7) ? .male : .female)
    }

    private mutating func spouse(of head: MemberPlan, minimumAge: Int = 20) -> MemberPlan {
        let age = max(minimumAge, head.age + random.int(-5...3) * (head.sex == .male ? 1 : -1))
        return MemberPlan(relation: .spouse, age: age, sex: head.sex == .male ? .female : .male)
    }

    /// A child born when the head was 22 to 36 (any age up to the head's minus 22 for young heads).
    private mutating func child(of head: MemberPlan, maximumAge: Int) -> MemberPlan {
        let oldest = max(0, head.age - 22)
        let age = oldest < 14 ? random.int(0...oldest) : head.age - random.int(22...min(36, head.age))
        return MemberPlan(relation: .child, age: max(0, min(maximumAge, age)), sex: random.chance(0.51) ? .male : .female)
    }

    private mutating func parent(of head: MemberPlan, sex: ResidentID.Sex? = nil) -> MemberPlan {
        MemberPlan(
            relation: .parent, age: min(98, head.age + random.int(22...32)),
            sex: sex ?? (random.chance(0.45) ? .male : .female))
    }
}
