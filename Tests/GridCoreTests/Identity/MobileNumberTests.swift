import Foundation
import Testing
@testable import GridCore

@Suite("MobileNumber: mainland mobile numbers")
struct MobileNumberTests {
    @Test("what people type is normalised to 11 digits", arguments: [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+86-13812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("１９９１２３４５６７８", "19912345678"),
        (" 16612345678 ", "16612345678"),
    ])
    func valid(text: String, expected: String) throws {
        #expect(try MobileNumber(text).value == expected)
    }

    @Test("invalid numbers are refused with the precise reason", arguments: [
        ("", IdentityError.Problem.empty),
        (" - ", .empty),
        ("1381234567", .length(expected: 11, found: 10)),
        ("138123456789", .length(expected: 11, found: 12)),
        ("86138123456", .notMobilePrefix("86")),
        ("12812345678", .notMobilePrefix("12")),
        ("02812345678", .notMobilePrefix("02")),
        ("(028)12345678", .character(position: nil, found: "(", expected: .digit)),
        ("138.1234.5678", .character(position: nil, found: ".", expected: .digit)),
        ("+1 4155550100", .character(position: nil, found: "+", expected: .digit)),
        ("138l2345678", .character(position: nil, found: "l", expected: .digit)),
    ] as [(String, IdentityError.Problem)])
    func invalid(text: String, problem: IdentityError.Problem) {
        #expect(throws: IdentityError(subject: .mobileNumber, problem: problem, field: "phone")) {
            try MobileNumber(text)
        }
    }

    @Test func errorTextsAndField() {
        #expect(throws: IdentityError(subject: .mobileNumber, problem: .notMobilePrefix("12"), field: "contact.phone")) {
            try MobileNumber("12812345678", field: "contact.phone")
        }
        let error = IdentityError(subject: .mobileNumber, problem: .notMobilePrefix("12"), field: "phone")
        #expect(error.reason == LocalizedText(
            zh: "手机号码应以 13 至 19 开头，实际以 12 开头",
            en: "a mainland mobile number starts with 13 to 19, not 12"))
        let character = IdentityError(subject: .mobileNumber, problem: .character(position: nil, found: "(", expected: .digit), field: "phone")
        #expect(character.reason.zhHans == "手机号码含有无效字符“(”，应为数字")
    }

    @Test func maskedAndCodable() throws {
        let phone = try MobileNumber("+86 138-1234-5678")
        #expect(phone.masked == "138****5678")
        #expect("\(phone)" == "138****5678")
        let json = try JSONEncoder().encode([phone])
        #expect(String(decoding: json, as: UTF8.self) == #"["13812345678"]"#)
        #expect(try JSONDecoder().decode([MobileNumber].self, from: json) == [phone])
        #expect(throws: IdentityError.self) {
            try JSONDecoder().decode([MobileNumber].self, from: Data(#"["12345"]"#.utf8))
        }
    }
}

@Suite("Identity values inside decoded JSON")
struct IdentityDecodingTests {
    struct Person: Decodable {
        let phone: MobileNumber
        let contacts: [MobileNumber]
    }

    @Test("a bad value names its JSON key, also inside arrays")
    func fieldFromCodingPath() {
        #expect(throws: IdentityError(subject: .mobileNumber, problem: .length(expected: 11, found: 5), field: "phone")) {
            try JSONDecoder().decode(Person.self, from: Data(#"{"phone":"12345","contacts":[]}"#.utf8))
        }
        #expect(throws: IdentityError(subject: .mobileNumber, problem: .notMobilePrefix("12"), field: "contacts")) {
            try JSONDecoder().decode(Person.self, from: Data(#"{"phone":"13812345678","contacts":["12812345678"]}"#.utf8))
        }
    }
}
