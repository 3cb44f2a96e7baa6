import Foundation
import GridCore
import Testing

@Suite struct HierarchyTests {
    @Test("unit kinds nest as the field does, with depth as data", arguments: [
        (UnitKind.district, UnitKind?.none, true),
        (.street, nil, true),  // Kuiyong starts at the street
        (.grid, nil, false),
        (.street, .district, true),
        (.community, .district, true),  // skipping a level is allowed
        (.district, .street, false),
        (.grid, .community, true),
        (.grid, .street, false),  // a grid always belongs to a community
        (.specialGrid, .community, true),
        (.community, .grid, false),
        (.department, .district, true),
        (.department, .department, true),
        (.outsideUnit, .street, true),
        (.outsideUnit, .grid, false),
        (.street, .department, false),
    ])
    func nesting(child: UnitKind, parent: UnitKind?, allowed: Bool) {
        #expect(child.mayBeChild(of: parent) == allowed)
    }

    @Test("a subtree is a prefix, and a code that merely starts the same is not inside it")
    func paths() throws {
        let district = UnitPath(root: try UnitCode("5101"))
        let street = district.appending(try UnitCode("510101"))
        let lookalike = UnitPath(root: try UnitCode("51011"))
        #expect(street.rawValue == "/5101/510101/")
        #expect(district.contains(street))
        #expect(district.contains(district))
        #expect(!street.contains(district))
        #expect(!district.contains(lookalike))
        #expect(street.depth == 1)
        #expect(street.codes == ["5101", "510101"])
        // the byte-wise range used by the database
        #expect(street.rawValue >= district.rawValue && street.rawValue < district.subtreeUpperBound)
        #expect(!(lookalike.rawValue >= district.rawValue && lookalike.rawValue < district.subtreeUpperBound))
        #expect(UnitPath(rawValue: "no-slashes") == nil)
        #expect(UnitPath(rawValue: "/a//b/") == nil)
    }

    @Test("codes refuse what would break a path")
    func codes() throws {
        #expect(throws: ValidationFailure.self) { try UnitCode("a/b") }
        #expect(throws: ValidationFailure.self) { try UnitCode("  ") }
        #expect(throws: ValidationFailure.self) { try UnitCode("网格") }
        #expect(try UnitCode(" 510117-ZF ").rawValue == "510117-ZF")
    }

    @Test("a new unit's name and place are checked together")
    func newUnitValidation() {
        #expect(throws: ValidationFailures.self) { try OrgUnit.validateNew(name: "", kind: .grid, parentKind: .street) }
        do {
            try OrgUnit.validateNew(name: "", kind: .grid, parentKind: .street)
        } catch {
            #expect(error.failures.map(\.field) == ["name", "kind"])
        }
    }

    @Test("the Pidu demo has the shape of domain.md §8 with valid 15-digit grid codes")
    func piduDemoShape() throws {
        let demo = try DemoHierarchy(scale: .district)
        let count = { (kind: UnitKind) in demo.units.filter { $0.kind == kind }.count }
        #expect(count(.district) == 1)
        #expect(count(.street) == 14)
        #expect(count(.community) == 195)
        #expect(count(.grid) == 555)
        #expect(count(.specialGrid) == 34)
        let grids = demo.units.filter { $0.kind.isGrid }
        #expect(grids.allSatisfy { $0.code.rawValue.count == 15 && $0.code.isAllDigits && $0.code.rawValue.hasPrefix("510117") })
        #expect(Set(demo.units.map(\.code)).count == demo.units.count)
        #expect(Set(demo.units.filter { $0.kind == .community }.map(\.name)).count == 195)
        // every unit's parent is listed before it, and its path extends the parent's
        var seen: [UUID: OrgUnit] = [:]
        for unit in demo.units {
            if let parentID = unit.parentID {
                let parent = seen[parentID]
                #expect(parent != nil)
                if let parent {
                    #expect(parent.path.appending(unit.code) == unit.path)
                    #expect(unit.kind.mayBeChild(of: parent.kind))
                }
            }
            seen[unit.id] = unit
        }
        // deterministic
        #expect(try DemoHierarchy(scale: .district).units == demo.units)
        // every territorial unit has an outline; departments do not
        #expect(demo.units.filter { $0.kind.isTerritorial }.allSatisfy { demo.geometries[$0.id] != nil })
        #expect(demo.units.filter { $0.kind.isHandlingUnit }.allSatisfy { demo.geometries[$0.id] == nil })
    }

    @Test("languages: Chinese unless the caller prefers English")
    func languages() {
        #expect(Language.preferred(acceptLanguage: nil) == .zhHans)
        #expect(Language.preferred(acceptLanguage: "en-US,en;q=0.9") == .en)
        #expect(Language.preferred(acceptLanguage: "fr-FR, en;q=0.5, zh-CN;q=0.8") == .zhHans)
        #expect(Language.preferred(acceptLanguage: "de-DE") == .zhHans)
    }
}
