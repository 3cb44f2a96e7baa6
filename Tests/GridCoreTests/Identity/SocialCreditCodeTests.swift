import Foundation
import Testing
@testable import GridCore

@Suite("SocialCreditCode: GB 32100 unified social credit codes")
struct SocialCreditCodeTests {
    /// Valid codes. Check characters by hand, values 0–9, A=10 B=11 … H=17 J=18 K=19 L=20 M=21 N=22
    /// P=23 Q=24 R=25 T=26 U=27 W=28 X=29 Y=30, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    /// - 91350100M000100Y43, the widely cited sample: 9+3+27+135+0+26+0+0+420(M)+0+0+0+8+0+0+900(Y)+112
    ///   = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → "3".
    /// - 91510117MA6123456H (an enterprise registered in 郫都区): Σ = 1564, mod 31 = 14, 31 − 14 = 17 → H.
    /// - 91510100MA6CGUJX1U (成都市): Σ = 2980, mod 31 = 4, 31 − 4 = 27 → U.
    /// - 52510100MJ01234569 (a social organisation, 民政 5): Σ = 1510, mod 31 = 22, 31 − 22 = 9 → 9.
    /// - 9151011700000000Y0: Σ = 1085 = 35 × 31, so 31 − 0 = 31, written 0.
    static let validSamples: [(String, Character, Character, String, String)] = [
        ("91350100M000100Y43", "9", "1", "350100", "M000100Y4"),
        ("91510117MA6123456H", "9", "1", "510117", "MA6123456"),
        ("91510100MA6CGUJX1U", "9", "1", "510100", "MA6CGUJX1"),
        ("52510100MJ01234569", "5", "2", "510100", "MJ0123456"),
        ("9151011700000000Y0", "9", "1", "510117", "00000000Y"),
    ]

    @Test("valid codes parse into their parts", arguments: validSamples)
    func valid(text: String, authority: Character, type: Character, region: String, organization: String) throws {
        let code = try SocialCreditCode(text)
        #expect(code.value == text)
        #expect(code.registrationAuthority == authority)
        #expect(code.organizationType == type)
        #expect(code.regionCode == region)
        #expect(code.organizationCode == organization)
        #expect(code.checkCharacter == text.last)
        #expect(SocialCreditCode.checkCharacter(for: text.prefix(17)) == text.last)
    }

    @Test("lower case, spaces around and full-width characters are normalised")
    func normalisation() throws {
        #expect(try SocialCreditCode(" 91350100m000100y43 ").value == "91350100M000100Y43")
        #expect(try SocialCreditCode("９１３５０１００Ｍ０００１００Ｙ４３").value == "91350100M000100Y43")
    }

    @Test("invalid codes are refused with the precise reason", arguments: [
        ("", IdentityError.Problem.empty),
        ("91350100M000100Y4", .length(expected: 18, found: 17)),
        // I, O, S, V and Z are not in the alphabet, wherever they are.
        ("91350100M000100I43", .character(position: 16, found: "I", expected: .creditCodeCharacter)),
        ("91350100MO00100Y43", .character(position: 10, found: "O", expected: .creditCodeCharacter)),
        ("S1350100M000100Y43", .character(position: 1, found: "S", expected: .creditCodeCharacter)),
        ("91350100M000V00Y43", .character(position: 13, found: "V", expected: .creditCodeCharacter)),
        ("91350100M000100Y4z", .character(position: 18, found: "Z", expected: .creditCodeCharacter)),
        ("9135010-M000100Y43", .character(position: 8, found: "-", expected: .creditCodeCharacter)),
        // The region code (characters 3–8) must be digits.
        ("913501A0M000100Y43", .character(position: 7, found: "A", expected: .digit)),
        // Wrong check characters.
        ("91350100M000100Y44", .checkCharacter(expected: "3", found: "4")),
        ("91510117MA6123456G", .checkCharacter(expected: "H", found: "G")),
        // One changed character in the body: 91350100M000100Y53 has Σ = 1640 − 112 + 5×28 = 1668,
        // 1668 mod 31 = 25, 31 − 25 = 6.
        ("91350100M000100Y53", .checkCharacter(expected: "6", found: "3")),
    ] as [(String, IdentityError.Problem)])
    func invalid(text: String, problem: IdentityError.Problem) {
        #expect(throws: IdentityError(subject: .creditCode, problem: problem, field: "credit_code")) {
            try SocialCreditCode(text)
        }
    }

    @Test func errorTexts() {
        let charset = IdentityError(
            subject: .creditCode, problem: .character(position: 10, found: "O", expected: .creditCodeCharacter),
            field: "org.credit_code")
        #expect(charset.field == "org.credit_code")
        #expect(charset.reason.zhHans == "统一社会信用代码第 10 位“O”无效，应为数字或大写字母（不使用 I、O、S、V、Z）")
        #expect(charset.reason.en == """
            character 10 of the unified social credit code ("O") must be a digit or a capital letter \
            other than I, O, S, V, Z
            """)
    }

    @Test("the embedded organisation code's own GB 11714 check is reported, not enforced")
    func organizationCodeCheck() throws {
        // M000100Y: 3×22 (M) + 5×1 + 2×34 (Y) = 139; 139 mod 11 = 7; 11 − 7 = 4 → "4". Valid.
        #expect(try SocialCreditCode("91350100M000100Y43").hasValidOrganizationCodeCheck)
        // MA612345: 3×22 (M) + 7×10 (A) + 9×6 + 10×1 + 5×2 + 8×3 + 4×4 + 2×5 = 260; 260 mod 11 = 7 → "4"; the code has 6.
        #expect(try !SocialCreditCode("91510117MA6123456H").hasValidOrganizationCodeCheck)
    }

    @Test func codable() throws {
        let code = try SocialCreditCode("91350100m000100y43")
        let json = try JSONEncoder().encode([code])
        #expect(String(decoding: json, as: UTF8.self) == #"["91350100M000100Y43"]"#)
        #expect(try JSONDecoder().decode([SocialCreditCode].self, from: json) == [code])
        #expect("\(code)" == "91350100M000100Y43")
    }
}
