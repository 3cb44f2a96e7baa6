import Testing
@testable import GridCore

@Suite("Masking personal data for screens")
struct MaskingTests {
    @Test("identity numbers keep the region and the last four", arguments: [
        ("510117199001011234", "510117********1234"),
        ("11010519491231002X", "110105********002X"),
        ("510117900101123", "510117*****1123"),      // a 15-digit legacy number
        ("1234567890", "**********"),                 // too short to reveal anything
        ("", ""),
    ])
    func idNumbers(value: String, masked: String) {
        #expect(Masking.maskIDNumber(value) == masked)
    }

    @Test("phones keep the first three and the last four", arguments: [
        ("13812345678", "138****5678"),
        ("02887654321", "028****4321"),
        ("1234567", "*******"),
    ])
    func phones(value: String, masked: String) {
        #expect(Masking.maskPhone(value) == masked)
    }

    @Test("names keep the first character", arguments: [
        ("张三丰", "张**"),
        ("张三", "张*"),
        ("欧阳娜娜", "欧***"),
        ("  李四 ", "李*"),
        ("王", "*"),
        ("", ""),
    ])
    func names(value: String, masked: String) {
        #expect(Masking.maskName(value) == masked)
    }
}
