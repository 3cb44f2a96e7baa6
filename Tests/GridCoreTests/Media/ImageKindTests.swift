import Foundation
import GridCore
import Testing

@Suite struct ImageKindTests {
    static let heicHeader: [UInt8] = [0x00, 0x00, 0x00, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0]
    static let mp4Header: [UInt8] = [0x00, 0x00, 0x00, 0x18] + Array("ftypmp42".utf8) + [0, 0, 0, 0]
    static let samples: [([UInt8], ImageKind?)] = [
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], .jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], .png),
        (heicHeader, .heic),
        (mp4Header, nil),  // an MP4 video is not a photo
        (Array("GIF89a".utf8), nil),
        (Array("#!/bin/sh\nrm -rf /".utf8), nil),
    ]

    @Test("photos are recognised by their content", arguments: samples)
    func sniffing(bytes: [UInt8], expected: ImageKind?) {
        #expect(ImageKind.sniff(bytes) == expected)
    }

    @Test("the policy names the photo at fault and why")
    func policy() throws {
        let policy = PhotoPolicy(maxBytes: 16)
        #expect(try policy.check([0xFF, 0xD8, 0xFF, 0xE0], field: "photos[0]") == .jpeg)
        do {
            _ = try policy.check([UInt8](repeating: 0xFF, count: 17), field: "photos[1]")
            Issue.record("too large must fail")
        } catch {
            #expect(error.field == "photos[1]")
            #expect(error.reason.zhHans.contains("不能超过"))
        }
        #expect(throws: ValidationFailure.self) { _ = try policy.check(Array("hello".utf8), field: "photos[2]") }
        #expect(throws: ValidationFailure.self) { _ = try policy.check([UInt8](), field: "photos[3]") }
    }
}
