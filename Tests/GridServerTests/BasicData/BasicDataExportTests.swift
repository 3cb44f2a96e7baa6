import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// Export of an area to CSV: the import format, masked unless the caller may unmask and gives a
/// reason, always audited; an unmasked export imports back.
@Suite struct BasicDataExportTests {
    @Test("people of a grid: masked by default; in clear only with the right and a reason, audited")
    func people() async throws {
        try await TestApp.with { app in
            let people = try PeopleSearchTests.demoPeople(app).filter { $0.gridPath.rawValue.hasSuffix("/510117001001001/") && $0.movedOutOn == nil }
            let sample = try #require(people.first)
            let worker = try await app.token("gridworker")
            let (status, csv) = try await app.call(.GET, "/api/v1/people/export", token: worker)
            #expect(status == .ok)
            let lines = csv.split(separator: "\n")
            #expect(lines.first?.contains("证件号码") == true)
            #expect(lines.count == people.count + 1)
            #expect(csv.contains(Masking.maskIDNumber(sample.idNumber)) && !csv.contains(sample.idNumber))
            #expect(try await app.call(.GET, "/api/v1/people/export?unmask=true&reason=%E6%A0%B8%E6%9F%A5", token: worker).status == .forbidden)
            #expect(try await app.call(.GET, "/api/v1/people/export?unit=510117001001002", token: worker).status == .notFound)

            let community = try await app.token("community_op")
            #expect(try await app.call(.GET, "/api/v1/people/export?unit=510117001001001&unmask=true", token: community).status == .unprocessableEntity)
            let (clearStatus, clear) = try await app.call(
                .GET, "/api/v1/people/export?unit=510117001001001&unmask=true&reason=%E6%95%B0%E6%8D%AE%E4%BA%A4%E6%8E%A5", token: community)
            #expect(clearStatus == .ok)
            #expect(clear.contains(sample.idNumber))
            let audit = try await AuditLog.list(.init(action: "people.exported_unmasked"), page: 1, per: 5, on: app.db)
            let row = try #require(audit.items.first)
            #expect(row.actor == "community_op" && row.summary.contains("数据交接") && !row.summary.contains(sample.idNumber))
            // the clear file is the import format: checked as an import it names every person as registered already
            let (again, body) = try await app.call(.POST, "/api/v1/people/import?dry_run=true", token: community,
                                                   raw: String(clear.drop { $0 == "\u{FEFF}" }))
            #expect(again == .unprocessableEntity)
            let errors = try app.decode(APIErrorDTO.self, body).errors ?? []
            #expect(errors.count == people.count && errors.allSatisfy { $0.field == "证件号码" })
        }
    }

    @Test("rooms and organisations export in their import formats, landlord phones masked")
    func roomsAndOrganizations() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let (roomsStatus, rooms) = try await app.call(.GET, "/api/v1/rooms/export", token: worker)
            #expect(roomsStatus == .ok && rooms.contains("房东电话"))
            #expect(rooms.range(of: #"(?<![0-9A-Z])1[3-9]\d{9}(?![0-9A-Z])"#, options: .regularExpression) == nil, "no phone in clear")
            let (orgStatus, organizations) = try await app.call(.GET, "/api/v1/organizations/export", token: worker)
            #expect(orgStatus == .ok && organizations.contains("统一社会信用代码"))
            #expect(organizations.range(of: #"(?<![0-9A-Z])1[3-9]\d{9}(?![0-9A-Z])"#, options: .regularExpression) == nil, "no phone in clear")
        }
    }
}
