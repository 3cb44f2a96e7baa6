import Foundation
import Testing
@testable import GridCore

@Suite("Demo population (演示基础数据)")
struct DemoPopulationTests {
    static let today = BasicDataFixtures.today

    static func small(seed: UInt64 = 510_117) throws -> DemoPopulation {
        DemoPopulation(hierarchy: try DemoHierarchy(scale: .small), targets: .small, seed: seed, today: today)
    }

    @Test("the same seed gives identical records, ids included; another seed does not")
    func deterministic() throws {
        let first = Array(try Self.small().batches)
        let second = Array(try Self.small().batches)
        #expect(first == second)
        let other = Array(try Self.small(seed: 7).batches)
        #expect(other.map(\.people) != first.map(\.people))
        #expect(Set(other.flatMap(\.people).map(\.id)).isDisjoint(with: first.flatMap(\.people).map(\.id)))
    }

    @Test("a grid's records do not depend on which grids were generated before")
    func streaming() throws {
        let population = try Self.small()
        let all = Array(population.batches)
        let last = try #require(population.grids.last)
        #expect(population.generate(for: last) == all.last)
        #expect(population.generate(gridAt: 2) == all[2])
        #expect(population.generate(gridAt: population.grids.count) == nil)
        var stranger = last
        stranger.code = try GridCode("510117099099099")
        #expect(population.generate(for: stranger).people.isEmpty)
    }

    @Test("small scale: exact resident and organisation totals, households and buildings in proportion")
    func smallCounts() throws {
        let population = try Self.small()
        let batches = Array(population.batches)
        #expect(population.grids.count == 9)
        #expect(population.grids.filter { $0.kind == .specialGrid }.count == 1)
        let people = batches.flatMap(\.people)
        #expect(people.count == 400)
        #expect(batches.flatMap(\.organizations).count == 40)
        let households = batches.map(\.households).reduce(0, +)
        #expect((120...180).contains(households))
        #expect(Set(people.compactMap(\.householdID)).count == households)
        // Special grids have organisations and components, no residents.
        for batch in batches where batch.grid.kind == .specialGrid {
            #expect(batch.people.isEmpty)
            #expect(!batch.buildings.isEmpty)
            #expect(!batch.components.isEmpty)
        }
        for batch in batches {
            #expect(!batch.components.isEmpty)
            #expect(batch.rooms.allSatisfy { (6...30).contains(roomsPerBuilding(batch)[$0.buildingID] ?? 0) })
        }
    }

    private func roomsPerBuilding(_ batch: DemoPopulation.Batch) -> [UUID: Int] {
        Dictionary(grouping: batch.rooms, by: \.buildingID).mapValues(\.count)
    }

    @Test("every generated record passes its own validation and the identity parsers")
    func valid() throws {
        let population = try Self.small()
        for batch in population.batches {
            let buildings = Dictionary(uniqueKeysWithValues: batch.buildings.map { ($0.id, $0) })
            for building in batch.buildings { #expect(building.validate(today: Self.today).isEmpty, "\(building.name)") }
            for room in batch.rooms {
                #expect(room.validate(today: Self.today, building: buildings[room.buildingID]).isEmpty, "\(room.number)")
                #expect(room.address(in: try #require(buildings[room.buildingID])).isComplete(for: .room))
            }
            for person in batch.people {
                #expect(person.validate(today: Self.today).isEmpty, "\(person)")
                if person.idType == .residentID {
                    let id = try ResidentID(person.idNumber, today: Self.today)
                    #expect(id.sex == person.sex)
                    #expect(id.birthDate == person.birthDate)
                }
                if let phone = person.phone { #expect(try MobileNumber(phone.value) == phone) }
            }
            for organization in batch.organizations {
                #expect(organization.validate(today: Self.today).isEmpty, "\(organization.name)")
                if let code = organization.creditCode {
                    #expect(try SocialCreditCode(code.value) == code)
                    #expect(code.hasValidOrganizationCodeCheck)
                }
            }
            for component in batch.components { #expect(component.validate(today: Self.today).isEmpty, "\(component.code)") }
        }
    }

    @Test("every building and component lies inside its grid, with the grid's path and datum")
    func insideGrid() throws {
        for batch in try Self.small().batches {
            for building in batch.buildings {
                let point = try #require(building.location)
                #expect(batch.grid.geometry.contains(point))
                #expect(building.gridPath == batch.grid.path)
                #expect(building.datum == .gcj02)
            }
            for component in batch.components {
                #expect(batch.grid.geometry.contains(component.location.coordinate))
            }
            #expect(batch.people.allSatisfy { $0.gridPath == batch.grid.path })
            #expect(batch.rooms.allSatisfy { $0.gridPath == batch.grid.path })
        }
    }

    @Test("identifiers and addresses are unique across the population")
    func unique() throws {
        let batches = Array(try Self.small().batches)
        let people = batches.flatMap(\.people)
        #expect(Set(people.map(\.idNumber)).count == people.count)
        let ids = people.map(\.id) + batches.flatMap(\.rooms).map(\.id) + batches.flatMap(\.buildings).map(\.id)
            + batches.flatMap(\.organizations).map(\.id) + batches.flatMap(\.components).map(\.id)
        #expect(Set(ids).count == ids.count)
        let codes = batches.flatMap(\.organizations).compactMap(\.creditCode)
        #expect(Set(codes).count == codes.count)
        let components = batches.flatMap(\.components).map(\.code)
        #expect(Set(components).count == components.count)
        var roomAddresses: [String] = []
        for batch in batches {
            let buildings = Dictionary(uniqueKeysWithValues: batch.buildings.map { ($0.id, $0) })
            roomAddresses += batch.rooms.compactMap { room in buildings[room.buildingID].map { room.address(in: $0).addressCode } }
        }
        #expect(Set(roomAddresses).count == roomAddresses.count)
    }

    @Test("households live in occupied rooms; every home marked occupied has residents")
    func housing() throws {
        for batch in try Self.small().batches {
            let rooms = Dictionary(uniqueKeysWithValues: batch.rooms.map { ($0.id, $0) })
            let households = Dictionary(grouping: batch.people, by: { $0.householdID })
            for (_, members) in households {
                #expect(members.filter { $0.relationToHead == .head }.count == 1)
                #expect(Set(members.map(\.roomID)).count == 1)
                let room = try #require(members.first?.roomID.flatMap { rooms[$0] })
                #expect(room.isOccupied)
                #expect(room.use == .selfOccupied || room.use == .rental)
            }
            let report = DataQualityReport(grids: [batch.basicData], today: Self.today)
            #expect(report.total.occupiedRoomsWithoutResidents.numerator == 0)
            #expect(report.total.residentsInVacantRooms.numerator == 0)
            #expect(report.total.people.duplicates == 0)
            #expect(report.total.rooms.duplicates == 0)
            #expect(report.total.organizations.duplicates == 0)
        }
    }

    @Test("district scale: quotas add up exactly to Pidu's figures")
    func districtQuotas() throws {
        let population = DemoPopulation(hierarchy: try DemoHierarchy(scale: .district), targets: .district, today: Self.today)
        #expect(population.grids.count == 589)
        let residents = population.grids.indices.map(population.residentQuota(forGridAt:))
        #expect(residents.reduce(0, +) == 1_080_000)
        #expect(population.grids.indices.map(population.organizationQuota(forGridAt:)).reduce(0, +) == 32_000)
        let general = zip(population.grids, residents).filter { $0.0.kind == .grid }.map(\.1)
        #expect(general.count == 555)
        #expect(general.allSatisfy { (1_000...3_000).contains($0) })
        #expect(zip(population.grids, residents).filter { $0.0.kind == .specialGrid }.allSatisfy { $0.1 == 0 })
    }

    /// Generating all 589 grids takes about a second and a half in a release build (1.08 M
    /// people); in a debug test run a sample of grids stands for the district.
    @Test("district scale, a sample of grids: per-grid figures extrapolate to Pidu's totals and rates")
    func districtSample() throws {
        let population = DemoPopulation(hierarchy: try DemoHierarchy(scale: .district), targets: .district, today: Self.today)
        // Grids 3 and 503 share a sequence slot and must use birth dates of different residues.
        let sample = [0, 3, 503, 100, 200, 300, 400, 550, 588]
        var people = 0, households = 0, organizations = 0, floating = 0, elderlyAlone = 0, disabled = 0, rentals = 0, rooms = 0
        var identities = Set<String>()
        var checked = 0
        for index in sample {
            let batch = try #require(population.generate(gridAt: index))
            #expect(batch.people.count == population.residentQuota(forGridAt: index))
            #expect(batch.organizations.count == population.organizationQuota(forGridAt: index))
            people += batch.people.count
            households += batch.households
            organizations += batch.organizations.count
            floating += batch.people.filter { $0.residenceKind == .floating }.count
            elderlyAlone += batch.people.filter { $0.careGroups.contains(.elderlyAlone) }.count
            disabled += batch.people.filter { $0.careGroups.contains(.disabled) }.count
            rentals += batch.rooms.filter { $0.use == .rental }.count
            rooms += batch.rooms.count
            for person in batch.people where person.idType == .residentID {
                #expect(identities.insert(person.idNumber).inserted)
                if checked < 2_000 {
                    checked += 1
                    #expect((try? ResidentID(person.idNumber, today: Self.today)) != nil)
                }
            }
            for building in batch.buildings { #expect(batch.grid.geometry.contains(building.location ?? Coordinate(lon: 0, lat: 0))) }
        }
        let share = { (count: Int) in Double(count) / Double(people) }
        // ~1,950 residents a general grid, 2.7 a household → ~400,000 households in the district.
        let districtHouseholds = Double(households) / Double(people) * 1_080_000
        #expect((370_000...430_000).contains(districtHouseholds))
        #expect((0.22...0.28).contains(share(floating)))
        #expect((0.012...0.03).contains(share(elderlyAlone)))
        #expect((0.008...0.025).contains(share(disabled)))
        #expect((0.13...0.21).contains(Double(rentals) / Double(rooms)))
        // ≥ 30,000 organisations: the sample's per-grid average times 589.
        #expect(Double(organizations) / Double(sample.count) * 589 >= 30_000)
    }
}
