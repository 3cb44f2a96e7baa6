import Foundation
import Testing
@testable import GridCore

struct GridCodeTests {
    @Test("a valid code exposes county, street, community, serial and its parents")
    func parts() throws {
        let code = try GridCode("510117003012004")
        #expect(code.countyCode == "510117")
        #expect(code.streetCode == "510117003")
        #expect(code.communityCode == "510117003012")
        #expect(code.streetNumber == 3)
        #expect(code.communityNumber == 12)
        #expect(code.serial == 4)
        #expect(code.description == "510117003012004")
    }

    @Test("building from parts pads each to three digits")
    func fromParts() throws {
        let code = try GridCode(county: "510117", street: 14, community: 7, serial: 123)
        #expect(code.rawValue == "510117014007123")
        #expect(throws: ValidationFailure.self) { try GridCode(county: "510117", street: 1000, community: 1, serial: 1) }
        #expect(throws: ValidationFailure.self) { try GridCode(county: "510117", street: 1, community: 1, serial: 0) }
    }

    @Test("malformed codes are rejected with a user-facing reason", arguments: [
        "51011700301200",      // 14 digits
        "5101170030120045",    // 16 digits
        "51011700301200A",     // a letter
        "５１０１１７００３０１２００４", // full-width digits
        "990117003012004",     // no such province
        "510000003012004",     // a province, not a county
        "510117000012004",     // street 000
        "510117003000004",     // community 000
        "510117003012000",     // serial 000
        "",
    ])
    func rejects(text: String) {
        do {
            _ = try GridCode(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.field == "code")
            #expect(!error.reason.zhHans.isEmpty && !error.reason.en.isEmpty)
        }
    }

    @Test("codes of cities without counties (东莞 441900) are accepted")
    func prefectureWithoutCounties() throws {
        #expect(try GridCode("441900001002003").countyCode == "441900")
    }

    @Test("codes sort by their digits and code as JSON strings")
    func ordering() throws {
        let codes = try ["510117001002010", "510117001002002", "510117001001009"].map { try GridCode($0) }
        #expect(codes.sorted().map(\.serial) == [9, 2, 10])
        let data = try JSONEncoder().encode(codes[0])
        #expect(String(data: data, encoding: .utf8) == #""510117001002010""#)
        #expect(try JSONDecoder().decode(GridCode.self, from: data) == codes[0])
        #expect(throws: (any Error).self) { try JSONDecoder().decode(GridCode.self, from: Data(#""123""#.utf8)) }
    }
}
