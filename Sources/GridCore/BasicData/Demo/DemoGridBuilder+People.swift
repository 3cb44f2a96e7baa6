/// People (实有人口) of the demo population, with valid resident identity numbers that are
/// unique in the district without any shared state between grids.
///
/// Uniqueness: a number is region + birth date + sequence (+ check). Each grid owns one
/// sequence slot per (region, birth date) — `slot = (a·(g mod 500) + b) mod 500` with a, b
/// drawn from the region and date and a invertible mod 500 — so two grids below 500 apart never
/// share a slot; grids 500 or more apart use birth dates of different residues mod
/// ⌈grids/500⌉. Within a grid, a taken (region, sex, date) moves the birth date back by that
/// modulus. The sequence is 2·slot, plus 1 for men (odd for men, even for women).
extension DemoGridBuilder {
    /// Care-group rates drawn per person (others follow from the household's shape).
    static let disabledRate = 0.015
    static let veteranRateAmongMen = 0.027
    static let keyPersonRate = 0.001
    static let correctionRate = 0.0003
    static let mentalDisorderRate = 0.002
    static let extremePovertyRateAmongElderlyAlone = 0.06

    mutating func makePeople(of plan: HouseholdPlan, inRoom roomIndex: Int) {
        households += 1
        let householdID = uuid()
        let roomID = rooms[roomIndex].id
        let updated = updatedOn()
        let headSurname = DemoPersonNames.surname(&random)
        let oldestMember = plan.members.map(\.age).max() ?? 30
        let movedIn: CalendarDay
        switch plan.kind {
        case .registered:
            // Within the last 30 years, and not before the eldest was 18.
            movedIn = today.adding(days: -random.int(30...(max(31, min(30, oldestMember - 18) * 365))))
        case .floating:
            movedIn = today.adding(days: -random.int(30...(5 * 365)))
        case .overseas:
            movedIn = today.adding(days: -random.int(30...(3 * 365)))
        }
        rooms[roomIndex].updatedOn = max(rooms[roomIndex].updatedOn, movedIn)
        for member in plan.members {
            let surname: String? = switch member.relation {
            case .head, .child, .grandchild: headSurname
            default: nil
            }
            var person = makePerson(member, kind: plan.kind, surname: surname)
            person.householdID = householdID
            person.roomID = roomID
            if let birth = person.birthDate { person.movedInOn = max(movedIn, birth) } else { person.movedInOn = movedIn }
            // A record is confirmed no earlier than the day its person moved in.
            person.updatedOn = max(updated, person.movedInOn ?? updated)
            if plan.isLowIncome { person.careGroups.insert(.lowIncome) }
            if member.relation == .head, rooms[roomIndex].ownerName.isEmpty, plan.kind != .overseas {
                rooms[roomIndex].ownerName = person.name
            }
            people.append(person)
        }
    }

    private mutating func makePerson(_ member: MemberPlan, kind: ResidenceKind, surname: String?) -> Person {
        let intendedBirth = today.adding(days: -(member.age * 365 + member.age / 4 + random.int(0...364)))
        var idType = PersonIDType.residentID
        var idNumber: String
        var declaredBirth: CalendarDay?
        var declaredSex: ResidentID.Sex?
        var name: String
        var birth = intendedBirth
        switch kind {
        case .overseas:
            let draw = random.nextUnit()
            idType = draw < 0.6 ? .passport : draw < 0.85 ? .hongKongMacauPermit : .taiwanPermit
            idNumber = documentNumber(idType)
            declaredBirth = intendedBirth
            declaredSex = member.sex
            name = idType == .passport ? random.pick(DemoPersonNames.foreign) : DemoPersonNames.person(member.sex, surname: surname, &random)
        case .registered, .floating:
            let region = self.region(for: kind, born: intendedBirth)
            birth = uniqueBirthDay(region: region, sex: member.sex, near: intendedBirth)
            idNumber = DemoIdentity.residentID(region: region, birth: birth, sequence: sequence(region: region, birth: birth, sex: member.sex))
            name = DemoPersonNames.person(member.sex, surname: surname, &random)
        }
        let age = Self.age(born: birth, on: today)
        var groups = member.groups.isEmpty ? member.groups : member.groups.filter { group in
            (group.minimumAge.map { age >= $0 } ?? true) && (group.ageLimit.map { age < $0 } ?? true)
        }
        if random.chance(Self.disabledRate) { groups.insert(.disabled) }
        if member.sex == .male, (22...80).contains(age), random.chance(Self.veteranRateAmongMen) { groups.insert(.veteran) }
        if (18...60).contains(age) {
            if random.chance(Self.keyPersonRate) { groups.insert(.keyPerson) }
            if random.chance(Self.correctionRate) { groups.insert(.communityCorrection) }
        }
        if age >= 18, random.chance(Self.mentalDisorderRate) { groups.insert(.severeMentalDisorder) }
        if groups.contains(.elderlyAlone), random.chance(Self.extremePovertyRateAmongElderlyAlone) { groups.insert(.extremePoverty) }
        var tags: [String] = []
        if age >= 18 {
            if random.chance(0.07) { tags.append("党员") }
            if random.chance(0.03) { tags.append("志愿者") }
        }
        let hasPhone = age >= 14 && random.chance(age >= 75 ? 0.55 : 0.93)
        return Person(
            id: uuid(), name: name, idType: idType, idNumber: idNumber,
            phone: hasPhone ? MobileNumber(checkedDigits: DemoIdentity.mobile(&random)) : nil, residenceKind: kind,
            relationToHead: member.relation, careGroups: groups, tags: tags, gridPath: grid.path, updatedOn: today,
            declaredSex: declaredSex, declaredBirthDate: declaredBirth)
    }

    /// Where an identity number was issued: Pidu for most registered residents (Pi County's
    /// old code for some born before 2017, other Chengdu counties for a few), elsewhere in
    /// Sichuan or in other provinces for floating residents.
    private mutating func region(for kind: ResidenceKind, born: CalendarDay) -> Int {
        let draw = random.nextUnit()
        if kind == .registered {
            if draw < 0.80 { return DemoRegions.pidu }
            if draw < 0.92, born.year < 2017 { return DemoRegions.piXian }
            return random.pick(DemoRegions.chengdu)
        }
        return draw < 0.55 ? random.pick(DemoRegions.sichuan) : random.pick(DemoRegions.otherProvinces)
    }

    /// The birth day nearest `intended` (not later) in this grid's residue class, free in this
    /// grid for the region and sex.
    private mutating func uniqueBirthDay(region: Int, sex: ResidentID.Sex, near intended: CalendarDay) -> CalendarDay {
        let classes = max(1, (population.grids.count + 499) / 500)
        let residue = gridIndex / 500
        var day = intended.daysSinceEpoch
        let current = ((day % classes) + classes) % classes
        day -= (current - residue + classes) % classes
        while true {
            let key = (region * 2 + (sex == .male ? 1 : 0)) * 100_000 + (day + 30_000)
            if usedBirthKeys.insert(key).inserted { return CalendarDay(daysSinceEpoch: day) }
            day -= classes
        }
    }

    /// This grid's sequence number for the region and birth day: see the extension's documentation.
    private func sequence(region: Int, birth: CalendarDay, sex: ResidentID.Sex) -> Int {
        let hash = DemoHash.mix(UInt64(region) &* 1_000_003 &+ UInt64(bitPattern: Int64(birth.daysSinceEpoch)))
        let units = Self.unitsModulo500
        let a = units[Int(hash % UInt64(units.count))]
        let b = Int((hash >> 20) % 500)
        let slot = (a * (gridIndex % 500) + b) % 500
        return slot * 2 + (sex == .male ? 1 : 0)
    }

    /// The numbers below 500 that are invertible modulo 500 (neither even nor multiples of 5).
    static let unitsModulo500: [Int] = (1..<500).filter { $0 % 2 != 0 && $0 % 5 != 0 }

    /// A number for a passport or permit, unique in the district: the grid index and a serial,
    /// scrambled.
    private mutating func documentNumber(_ type: PersonIDType) -> String {
        let serial = gridIndex * 1_000 + documentSerial
        documentSerial += 1
        switch type {
        case .passport:
            let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
            return String(letters[serial % letters.count]) + String(letters[(serial / letters.count) % letters.count])
                + DemoIdentity.digits(DemoHash.scramble(serial, modulus: 10_000_000), width: 7)
        case .hongKongMacauPermit:
            return (serial % 3 == 0 ? "M" : "H") + DemoIdentity.digits(DemoHash.scramble(serial, modulus: 100_000_000), width: 8)
        default:
            return DemoIdentity.digits(DemoHash.scramble(serial, modulus: 100_000_000), width: 8)
        }
    }

    static func age(born birth: CalendarDay, on day: CalendarDay) -> Int {
        birth.completedYears(until: day)
    }
}
