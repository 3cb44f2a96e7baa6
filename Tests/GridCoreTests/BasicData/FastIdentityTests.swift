import Testing
@testable import GridCore

@Suite("Quick identifier checks accept exactly what the public parsers accept")
struct FastIdentityTests {
    typealias F = BasicDataFixtures

    @Test("resident identity numbers: valid ones and every kind of near miss")
    func residentIDs() {
        var random = SeededGenerator(seed: 42)
        var numbers: [String] = [
            F.residentID(), "11010519491231002X", "11010519491231002x", F.residentID(birth: "19000101"),
            F.residentID(birth: "18991231"), F.residentID(birth: "20250630"), F.residentID(birth: "20250701"),
            F.residentID(birth: "20000229"), F.residentID(birth: "19000229"), F.residentID(region: "990117"),
            " " + F.residentID(), F.residentID() + "0", String(F.residentID().dropLast()), "５１０１１７１９９００３０７１２３Ｘ",
        ]
        for _ in 0..<3_000 {
            let region = random.pick(["510117", "110105", "820000", "990000", "000000"])
            let birth = DemoIdentity.digits(random.int(1890...2030), width: 4) + DemoIdentity.digits(random.int(0...13), width: 2)
                + DemoIdentity.digits(random.int(0...31), width: 2)
            let body = region + birth + DemoIdentity.digits(random.int(0...999), width: 3)
            let check = ResidentID.checkCharacter(for: body).map(String.init) ?? "0"
            numbers.append(body + (random.chance(0.8) ? check : random.pick(["0", "1", "X", "9"])))
        }
        for number in numbers {
            let parsed = (try? ResidentID(number, today: F.today)) != nil
            let quick = FastIdentity.isValidResidentID(number, today: F.today)
            // Quick acceptance never accepts what the parser refuses, and accepts every valid
            // number already in normal form (18 ASCII characters, capital X).
            if quick { #expect(parsed, "\(number)") }
            if parsed, number == Person.normalizedIDNumber(number), number.utf8.count == 18 { #expect(quick, "\(number)") }
            // Through the person check the result is the parser's, quick path or not.
            let failure = PersonIDType.residentID.formatFailure(of: number, today: F.today)
            #expect((failure == nil) == parsed, "\(number)")
        }
    }

    @Test("mobile numbers: plain digits take the quick path, the rest the parser")
    func mobiles() throws {
        for text in ["13812345678", "19912345678", "12812345678", "1381234567", "+86 138 1234 5678", "138-1234-5678", "23812345678"] {
            let parsed = try? MobileNumber(text)
            let quick = try? FastIdentity.mobile(text, field: "phone")
            #expect(quick == parsed, "\(text)")
            if let plain = FastIdentity.plainMobile(text) { #expect(plain == parsed) }
        }
    }

    @Test("unit codes as UnitCode reads them")
    func unitCodes() {
        for text in ["510117003012", "510117-ZF", "a.b_c", "", "望丛", "with space", String(repeating: "1", count: 41)] {
            #expect(FastIdentity.isUnitCode(text) == ((try? UnitCode(text)) != nil && text == text.trimmingCharacters(in: .whitespaces)), "\(text)")
        }
    }

    @Test("trimming fast path agrees with the character path")
    func plainEdges() {
        for text in ["abc", "望丛东路", "望丛 ", " 望丛", "a\u{3000}", "\u{3000}", "é", "ab\u{0301}", "1203室"] {
            #expect(BasicDataText.trimmed(text) == CSVText.trimmed(text), "\(text)")
        }
    }
}
