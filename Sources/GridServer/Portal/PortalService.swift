import FluentKit
import Foundation
import GridCore
import GridStore

/// The residents' portal's rules over the stores (居民门户): a report becomes a real event through
/// `EventService.report` (channel `portal`, a stand-in resident reporter of its own), the phone is
/// kept sealed with only its keyed hash for the lookup, a lookup needs both ticket and phone, and
/// the resident's satisfaction goes through the rating rules as the reporter's.
struct PortalService: Sendable {
    let services: GridServices
    let guardian: PortalGuard

    static let channel = "portal"

    var catalog: EventCatalog { services.catalog.catalog }

    /// The public items residents may report, in the list's order.
    var publicTypes: [EventType] { catalog.reportableTypes.filter(\.isPublic) }

    // MARK: report

    /// Files a report; answers the event (the ticket is its number). A resubmission of the same
    /// form (`formID`) answers the first event.
    func report(_ input: PortalReportInput, formID: UUID, clientAddress: String?, on db: any Database) async throws -> StoredEvent {
        let now = services.clock.now
        try guardian.takeReport(address: clientAddress ?? "unknown", now: now)
        let draft = try PortalReportDraft.check(input, catalog: catalog, limits: guardian.limits)
        if let existing = try await EventStore.find(formID, on: db), try await PortalReportStore.find(eventID: formID, on: db) != nil {
            return existing
        }
        let phoneHash = services.keyRing.searchHash(draft.phone.value)
        try guardian.takeReport(phoneHash: phoneHash, now: now)
        let (point, datum, grid, address) = try await place(draft.place, on: db)
        let root = try await jurisdiction(on: db)
        let reporter = Self.standIn(id: UUID(), masked: draft.phone.masked, unit: root)
        let request = ReportEventRequestDTO(
            id: formID, type: draft.type.code, description: draft.description,
            location: .init(lon: point.lon, lat: point.lat, datum: datum.rawValue),
            attributes: draft.attributes.isEmpty ? nil : draft.attributes,
            photos: draft.photos.isEmpty ? nil : draft.photos.map { Data($0.bytes).base64EncodedString() },
            channel: Self.channel, grid: grid)
        let (event, created) = try await EventService(services: services).report(request, by: reporter, on: db)
        if created {
            try await PortalReportStore.insert(
                PortalReportRecord(
                    eventID: event.snapshot.id, reporterID: reporter.id, phoneHash: phoneHash,
                    sealedPhone: try services.keyRing.seal(draft.phone.value), maskedPhone: draft.phone.masked, address: address,
                    createdAt: now),
                on: db)
        }
        return event
    }

    /// The point to file: the pin as given, or the register's building for a typed address.
    private func place(_ place: PortalPlace, on db: any Database) async throws -> (Coordinate, Datum, String?, String?) {
        switch place {
        case let .point(point, datum):
            return (point, datum, nil, nil)
        case let .address(text):
            let root = try await jurisdiction(on: db)
            guard let building = try await PortalAddressLookup.building(matching: text, within: root.path, on: db),
                  let point = building.representativePoint
            else {
                throw ValidationFailure(field: "address", zh: "标准地址库中找不到该地址，请在地图上标注或使用手机定位", en: "the address register has no such address; place a pin or use your phone's location")
            }
            return (point.coordinate, point.datum, building.gridPath.codes.last, text)
        }
    }

    // MARK: lookup and rating

    /// The event behind `ticket` when `phone` is the one it was reported with; nil otherwise —
    /// an unknown ticket, another phone and a malformed phone all look the same.
    func lookup(ticket: String, phone: String, clientAddress: String?, on db: any Database) async throws -> (event: StoredEvent, record: PortalReportRecord)? {
        try guardian.takeLookup(address: clientAddress ?? "unknown", now: services.clock.now)
        let number = ticket.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !number.isEmpty, number.count <= 40, let mobile = try? MobileNumber(phone),
              let event = try await EventStore.find(number: number, on: db),
              let record = try await PortalReportStore.find(eventID: event.snapshot.id, on: db),
              constantTimeEquals(record.phoneHash, services.keyRing.searchHash(mobile.value))
        else { return nil }
        return (event, record)
    }

    /// Records the resident's satisfaction (满意度评价) as the report's reporter; the rating rules
    /// turn it into disposal stars with the handling's timeliness. Once only.
    func rate(ticket: String, phone: String, satisfaction: String, clientAddress: String?, on db: any Database) async throws -> StoredEvent? {
        guard let (event, record) = try await lookup(ticket: ticket, phone: phone, clientAddress: clientAddress, on: db) else { return nil }
        guard Satisfaction(rawValue: satisfaction) != nil else {
            throw ValidationFailure(field: "satisfaction", zh: "请选择满意度", en: "choose how satisfied you are")
        }
        guard event.ratings.satisfaction == nil else {
            throw ValidationFailure(field: "satisfaction", zh: "您已评价过，感谢您的反馈", en: "you have already rated this; thank you")
        }
        let root = try await jurisdiction(on: db)
        let reporter = Self.standIn(id: record.reporterID, masked: record.maskedPhone, unit: root)
        return try await EventService(services: services).rate(
            event.snapshot.id, input: EventActionRequestDTO(satisfaction: satisfaction), by: reporter, on: db)
    }

    /// Whether the resident may rate now: the fix is verified (or the event closed) and not yet rated.
    func mayRate(_ event: StoredEvent) -> Bool {
        EventRatingRules.ratableStates.contains(event.snapshot.state)
            && (event.snapshot.outcome == nil || event.snapshot.outcome == .resolved)
            && event.ratings.satisfaction == nil
    }

    // MARK: helpers

    /// The resident behind a portal report, standing in as a reporter account of its own: a
    /// resident of the whole jurisdiction who exists only on this event.
    static func standIn(id: UUID, masked: String, unit: OrgUnit) -> Principal {
        Principal(
            account: UserAccount(
                id: id, username: "portal:\(masked)", displayName: "居民（门户）\(masked)", passwordHash: "", roles: [.resident], unit: unit,
                disabled: false, loginState: .init()),
            tokenID: id, kind: .api, csrfToken: nil)
    }

    /// The top of the hierarchy (the district).
    func jurisdiction(on db: any Database) async throws -> OrgUnit {
        try await Self.jurisdiction(on: db)
    }

    static func jurisdiction(on db: any Database) async throws -> OrgUnit {
        let roots = try await UnitStore.children(of: nil, on: db)
        guard let root = roots.first(where: { $0.kind == .district }) ?? roots.first else {
            throw ValidationFailure(field: "location", zh: "尚未建立行政区划", en: "no units have been set up yet")
        }
        return root
    }
}
