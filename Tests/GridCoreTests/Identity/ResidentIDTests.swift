import Foundation
import Testing
@testable import GridCore

@Suite("ResidentID: GB 11643 citizen identity numbers")
struct ResidentIDTests {
    /// A fixed "today" so that no test reads the clock.
    static let today = CalendarDay(year: 2026, month: 3, day: 1) ?? CalendarDay(daysSinceEpoch: 0)

    /// Valid numbers. Check characters by hand (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
    /// map 0→1 1→0 2→X 3→9 4→8 5→7 6→6 7→5 8→4 9→3 10→2):
    /// - 11010519491231002X, the published sample: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167,
    ///   167 mod 11 = 2 → X. Sequence 002: female.
    /// - 510117199001011232 (郫都区): 35+9+0+5+8+28+2+9+54+0+0+9+0+5+8+8+6 = 186, mod 11 = 10 → 2.
    /// - 51010420000229002X (锦江区, a 29 February): Σ = 156, mod 11 = 2 → X.
    /// - 51010719850615301X (武侯区): Σ = 266, mod 11 = 2 → X. Sequence 301: male.
    /// - 510117202602230013: born 2026-02-23, a week before `today`: Σ = 174, mod 11 = 9 → 3.
    static let validSamples: [(String, String, String, ResidentID.Sex)] = [
        ("11010519491231002X", "110105", "1949-12-31", .female),
        ("510117199001011232", "510117", "1990-01-01", .male),
        ("51010420000229002X", "510104", "2000-02-29", .female),
        ("51010719850615301X", "510107", "1985-06-15", .male),
        ("510105199902280047", "510105", "1999-02-28", .female),
        ("510108190001010013", "510108", "1900-01-01", .male),
        ("510117202602230013", "510117", "2026-02-23", .male),
    ]

    @Test("valid numbers parse into their parts", arguments: validSamples)
    func valid(text: String, region: String, birth: String, sex: ResidentID.Sex) throws {
        let id = try ResidentID(text, today: Self.today)
        #expect(id.value == text)
        #expect(id.regionCode == region)
        #expect(id.provinceCode == String(region.prefix(2)))
        #expect(id.birthDate.description == birth)
        #expect(id.sex == sex)
        #expect(id.sequence == String(text.dropFirst(14).prefix(3)))
        #expect(id.checkCharacter == text.last)
        #expect(ResidentID.checkCharacter(for: text.prefix(17)) == text.last)
    }

    @Test("a lower-case x, surrounding spaces and full-width digits are normalised")
    func normalisation() throws {
        #expect(try ResidentID("11010519491231002x", today: Self.today).value == "11010519491231002X")
        #expect(try ResidentID("  51010719850615301x\n", today: Self.today).value == "51010719850615301X")
        #expect(try ResidentID("５１０１１７１９９００１０１１２３２", today: Self.today).value == "510117199001011232")
    }

    @Test("invalid numbers are refused with the precise reason", arguments: [
        ("", IdentityError.Problem.empty),
        ("51011719900101123", .length(expected: 18, found: 17)),
        ("5101171990010112321", .length(expected: 18, found: 19)),
        ("51011719900101123A", .character(position: 18, found: "A", expected: .digitOrX)),
        ("5101171990O101123X", .character(position: 11, found: "O", expected: .digit)),
        ("510117 9900101123X", .character(position: 7, found: " ", expected: .digit)),
        ("X10117199001011232", .character(position: 1, found: "X", expected: .digit)),
        // 99 and 00 are no province; 83 (Taiwan residence permits) is not in the GB 11643 list we use.
        ("990117199001011232", .unknownProvince("99")),
        ("001234199001011232", .unknownProvince("00")),
        // Impossible dates: 30 February 1999, 29 February 2023 (not a leap year), month 13.
        ("510117199902301234", .impossibleBirthDate("19990230")),
        ("510117202302291234", .impossibleBirthDate("20230229")),
        ("510117199013011234", .impossibleBirthDate("19901301")),
        ("510117189912311234", .birthDateTooEarly(CalendarDay(year: 1899, month: 12, day: 31) ?? .init(daysSinceEpoch: 0))),
        // The day after `today`.
        ("510117202603021234", .birthDateInFuture(CalendarDay(year: 2026, month: 3, day: 2) ?? .init(daysSinceEpoch: 0))),
        // Wrong check characters: the right ones are X, 2 and X (see `validSamples`).
        ("110105194912310021", .checkCharacter(expected: "X", found: "1")),
        ("510117199001011234", .checkCharacter(expected: "2", found: "4")),
        ("510104200002290020", .checkCharacter(expected: "X", found: "0")),
        ("51011719900101123X", .checkCharacter(expected: "2", found: "X")),
    ])
    func invalid(text: String, problem: IdentityError.Problem) {
        #expect(throws: IdentityError(subject: .residentID, problem: problem, field: "id_number")) {
            try ResidentID(text, today: Self.today)
        }
    }

    @Test("errors name the field and explain in both languages")
    func errorTexts() {
        let wrongCheck = IdentityError(subject: .residentID, problem: .checkCharacter(expected: "X", found: "1"), field: "owner.id_number")
        #expect(wrongCheck.field == "owner.id_number")
        #expect(wrongCheck.reason.zhHans == "身份证号码校验码错误：最后一位应为“X”，实际为“1”，请核对号码")
        #expect(wrongCheck.reason.en.contains("should be X, not 1"))
        #expect(throws: IdentityError(subject: .residentID, problem: .impossibleBirthDate("19990230"), field: "owner.id_number")) {
            try ResidentID("510117199902301234", today: Self.today, field: "owner.id_number")
        }
        let date = IdentityError(subject: .residentID, problem: .impossibleBirthDate("20230229"), field: "id_number")
        #expect(date.reason == LocalizedText(
            zh: "身份证号码中的出生日期“20230229”不存在",
            en: "birth date 20230229 in the identity number does not exist"))
        let length = IdentityError(subject: .residentID, problem: .length(expected: 18, found: 17), field: "id_number")
        #expect(length.reason.zhHans == "身份证号码应为 18 位，实际为 17 位")
    }

    @Test("'today' comes from the caller's instant in Beijing time")
    func todayFromNow() throws {
        // 2026-02-23 00:30 in Beijing is still 2026-02-22 in UTC: a baby born on the 23rd is
        // valid in Beijing, and "in the future" for a UTC clock.
        let now = try Date("2026-02-23T00:30:00+08:00", strategy: .iso8601)
        #expect(try ResidentID("510117202602230013", now: now).birthDate.description == "2026-02-23")
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(throws: IdentityError.self) { try ResidentID("510117202602230013", now: now, timeZone: utc) }
    }

    @Test func ageAndMasking() throws {
        let id = try ResidentID("11010519491231002X", today: Self.today)
        #expect(id.age(on: CalendarDay(year: 2026, month: 12, day: 30) ?? Self.today) == 76)
        #expect(id.age(on: CalendarDay(year: 2026, month: 12, day: 31) ?? Self.today) == 77)
        #expect(id.masked == "110105********002X")
        // Printing never shows the full number.
        #expect("\(id)" == "110105********002X")
    }

    @Test("JSON carries the normalised number and is re-checked on decoding")
    func codable() throws {
        let id = try ResidentID("11010519491231002x", today: Self.today)
        let json = try JSONEncoder().encode([id])
        #expect(String(decoding: json, as: UTF8.self) == #"["11010519491231002X"]"#)
        #expect(try JSONDecoder().decode([ResidentID].self, from: json) == [id])
        #expect(throws: IdentityError.self) {
            try JSONDecoder().decode([ResidentID].self, from: Data(#"["110105194912310021"]"#.utf8))
        }
    }

    @Test func checkCharacterNeedsSeventeenDigits() {
        #expect(ResidentID.checkCharacter(for: "1101051949123100") == nil)
        #expect(ResidentID.checkCharacter(for: "1101051949123100A") == nil)
    }
}
