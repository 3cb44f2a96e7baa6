import Foundation
import GridCore
import GridStore
import Vapor

/// The actual population (实有人口) over the API: search within the caller's scope by name, ID
/// number or phone (exact, through the keyed hash), care group or tag; one person masked, or in
/// clear for those with the unmask right who give a reason — which is audited.
struct PeopleController {
    func register(_ api: APIRouter) {
        api.add(.GET, "people", summary: "Search people in the caller's scope (identifiers masked)", tag: "basic-data",
                access: .permission(.basicDataRead),
                query: [
                    .query("q", .string(), "Name contains"), .query("id_number", .string(), "Exact ID number"),
                    .query("phone", .string(), "Exact mobile number"), .query("unit", .string(), "Unit id or code (subtree)"),
                    .query("care_group", .string(enumeration: CareGroup.allCases.map(\.rawValue)), "Care group"),
                    .query("tag", .string(), "Tag"), .query("room", .string(format: "uuid"), "Room id"),
                    .query("building", .string(format: "uuid"), "Building id"),
                    .query("address", .string(), "Address code: the room, or everyone inside a building or door plate"),
                    .query("include_moved_out", .boolean(), "Also people who moved out"),
                    .query("page", .integer(), "Page from 1"), .query("per", .integer(), "Items per page, 1–200"),
                ],
                response: PageDTO<PersonDTO>.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let services = try req.grid
            let filter = try await Self.searchFilter(req, principal)
            let (page, per) = try req.paging()
            let (items, total) = try await PeopleStore.list(filter, page: page, per: per, on: req.db)
            let today = services.calendar.day(of: services.clock.now)
            return PageDTO(items: items.map { Self.dto($0, clear: nil, today: today, language: req.language) }, page: page, per: per, total: total)
        }
        api.add(.GET, "people/{id}", summary: "One person; unmask=true with a reason shows identifiers in clear (right needed, audited)",
                tag: "basic-data", access: .permission(.basicDataRead),
                query: [
                    .query("unmask", .boolean(), "Show the ID number and phone in clear"),
                    .query("reason", .string(), "Why (required to unmask; kept in the audit log)"),
                ],
                response: PersonDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let services = try req.grid
            let id = try req.idParameter()
            guard let person = try await PeopleStore.find(id, on: req.db),
                  principal.unitPath.contains(person.gridPath)
            else { throw GridHTTPError.notFound }
            let today = services.calendar.day(of: services.clock.now)
            guard req.query[Bool.self, at: "unmask"] == true else {
                return Self.dto(person, clear: nil, today: today, language: req.language)
            }
            return try await Self.unmasked(person, reason: req.query[String.self, at: "reason"] ?? "", req, principal)
        }
    }

    /// The search of `GET /api/v1/people` from the query (`q`, `id_number`, `phone`, `unit`,
    /// `care_group`, `tag`, `room`, `building`, `address`, `include_moved_out`), within the
    /// caller's scope; the console's people search reads the same parameters.
    static func searchFilter(_ req: Request, _ principal: Principal) async throws -> PeopleStore.Filter {
        let services = try req.grid
        var filter = PeopleStore.Filter(under: principal.unitPath)
        func given(_ name: String) -> String? {
            guard let value = req.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        if let ref = given("unit") {
            guard let unit = try await UnitStore.find(idOrCode: ref, on: req.db) else { throw GridHTTPError.notFound }
            try principal.requireInScope(unit.path)
            filter.under = unit.path
        }
        filter.name = given("q")
        if let number = given("id_number") {
            filter.idHash = services.keyRing.searchHash(Person.normalizedIDNumber(number))
        }
        if let phone = given("phone") {
            filter.phoneHash = services.keyRing.searchHash((try? MobileNumber(phone))?.value ?? phone)
        }
        if let raw = given("care_group") {
            guard let group = CareGroup(rawValue: raw) else {
                throw ValidationFailure(field: "care_group", zh: "未知的关注群体“\(raw)”", en: "unknown care group '\(raw)'")
            }
            filter.careGroup = group
        }
        filter.tag = given("tag")
        if let raw = given("room") {
            guard let room = UUID(uuidString: raw) else {
                throw ValidationFailure(field: "room", zh: "房屋编号应为 UUID", en: "room must be a UUID")
            }
            filter.roomID = room
        }
        if let raw = given("building") {
            guard let building = UUID(uuidString: raw) else {
                throw ValidationFailure(field: "building", zh: "楼栋编号应为 UUID", en: "building must be a UUID")
            }
            filter.buildingID = building
        }
        filter.withinAddress = given("address")
        filter.includeMovedOut = req.query[Bool.self, at: "include_moved_out"] ?? false
        return filter
    }

    /// One person in clear, for someone with the unmask right over them and a reason; the
    /// unmasking is audited with who, the reason and the masked number — never the number itself.
    static func unmasked(_ person: PeopleStore.Row, reason raw: String, _ req: Request, _ principal: Principal) async throws -> PersonDTO {
        let services = try req.grid
        try principal.require(.personalDataUnmask, on: person.gridPath, policy: services.policy)
        let reason = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count >= 2 else {
            throw ValidationFailure(field: "reason", zh: "查看完整证件号码须说明理由", en: "give a reason to see the full identifiers")
        }
        guard let clear = try await PeopleStore.unsealed(person.id, keyRing: services.keyRing, on: req.db) else { throw GridHTTPError.notFound }
        try await AuditLog.record(
            AuditRecord(action: "person.unmasked", targetType: "person", targetID: person.id.uuidString,
                        summary: "\(Masking.maskName(person.name)) \(person.idMasked): \(reason)", unitPath: person.gridPath),
            by: principal.auditActor(for: req), on: req.db, now: services.clock.now)
        return dto(person, clear: clear, today: services.calendar.day(of: services.clock.now), language: req.language)
    }

    static func dto(_ row: PeopleStore.Row, clear: (idNumber: String, phone: String?)?, today: CalendarDay, language: Language) -> PersonDTO {
        let label = { (code: String, text: LocalizedText) in PersonDTO.Label(code: code, label: text.text(in: language)) }
        return PersonDTO(
            id: row.id, name: row.name, idType: label(row.idType.rawValue, row.idType.label), idNumber: clear?.idNumber ?? row.idMasked,
            phone: clear.map { $0.phone } ?? row.phoneMasked, masked: clear == nil,
            residenceKind: label(row.residenceKind.rawValue, row.residenceKind.label), sex: row.sex, birthDate: row.birthDate?.description,
            age: row.birthDate?.completedYears(until: today), relation: row.relation, roomID: row.roomID, householdID: row.householdID, gridPath: row.gridPath.rawValue,
            movedInOn: row.movedInOn?.description, movedOutOn: row.movedOutOn?.description,
            careGroups: row.careGroups.map { label($0.rawValue, $0.label) }, tags: row.tags, updatedOn: row.updatedOn?.description ?? "",
            version: row.version)
    }
}
