import FluentKit
import Foundation
import GridCore
import GridStore

/// Open311 service requests: reading them back (public items only), and making one from a
/// client's form — checked against the service definition, located on the grid map, and filed
/// through `EventService` like any other report (channel `open311`), so it reaches the
/// community's inbox with its timeline and audit row.
struct Open311RequestService: Sendable {
    let services: GridServices

    static let channel = "open311"
    static let maximumDescription = 4000

    var catalog: EventCatalog { services.catalog.catalog }

    /// Codes of the items requests may be of and may be read back.
    var publicCodes: Set<String> {
        Set(catalog.reportableTypes.filter(\.isPublic).map(\.code))
    }

    // MARK: reading

    func query(_ query: Open311RequestQuery, on db: any Database) async throws -> [Open311EventRow] {
        let allowed = publicCodes
        if let ids = query.ids {
            return try await Open311EventQuery.events(numbers: ids, on: db).filter { allowed.contains($0.event.snapshot.typeCode) }
        }
        let codes = query.serviceCodes.isEmpty ? allowed.sorted() : query.serviceCodes.filter(allowed.contains)
        let states = query.statuses.isEmpty || query.statuses.count == Open311Status.allCases.count
            ? nil : query.statuses.flatMap(\.states)
        return try await Open311EventQuery.events(
            typeCodes: codes, states: states, from: query.from, to: query.to, limit: Open311RequestQuery.maximumCount, on: db)
    }

    func request(number: String, on db: any Database) async throws(Open311Failure) -> Open311EventRow {
        let row = try? await Open311EventQuery.events(numbers: [number], on: db).first
        guard let row, publicCodes.contains(row.event.snapshot.typeCode) else { throw .requestNotFound(number) }
        return row
    }

    /// The request made with this token: tokens are the ids of events made through Open311.
    func request(token: String, on db: any Database) async throws -> Open311EventRow {
        guard let id = UUID(uuidString: token), try await Open311ClientStore.requests(of: [id], on: db)[id] != nil,
              let row = try await Open311EventQuery.event(id: id, on: db)
        else { throw Open311Failure.tokenNotFound(token) }
        return row
    }

    // MARK: creating

    /// Files the request in `form` for `client`; answers the stored event.
    func create(_ form: Open311Form, client: Open311Client, clientAddress: String?, on db: any Database) async throws -> StoredEvent {
        guard let code = form["service_code"] else { throw Open311Failure.missing(parameter: "service_code") }
        guard publicCodes.contains(code), let type = catalog[code] else { throw Open311Failure.serviceNotFound(code) }
        var problems: [Open311Failure] = []
        var attributes: [String: JSONValue] = [:]
        do {
            attributes = try Open311ServiceDefinition(type: type, language: .zhHans).values(from: form.attributes)
        } catch {
            problems.append(error)
        }
        let description = form["description"] ?? type.name
        if description.count > Self.maximumDescription {
            problems.append(.invalid(parameter: "description", reason: LocalizedText(
                zh: "最多 \(Self.maximumDescription) 字", en: "at most \(Self.maximumDescription) characters")))
        }
        let mediaURL = form["media_url"]
        if let mediaURL, !Self.isWebURL(mediaURL) {
            problems.append(.invalid(parameter: "media_url", reason: LocalizedText(zh: "应为 http(s) 网址", en: "must be an http(s) URL")))
        }
        var place: Place?
        do { place = try await locate(form, on: db) } catch let failure as Open311Failure { problems.append(failure) }
        if problems.count == 1, let only = problems.first { throw only }
        if !problems.isEmpty { throw Open311Failure.several(problems) }
        guard let place else { throw Open311Failure.missing(parameter: "lat") }

        let root = try await jurisdictionUnit(on: db)
        let principal = Principal(
            account: UserAccount(
                id: client.id, username: "open311:\(client.name)", displayName: client.name, passwordHash: "", roles: [.resident],
                unit: root, disabled: false, loginState: .init()),
            tokenID: client.id, kind: .api, csrfToken: nil)
        let report = ReportEventRequestDTO(
            id: UUID(), type: code, description: description,
            location: .init(lon: place.point.lon, lat: place.point.lat, datum: Datum.wgs84.rawValue),
            attributes: attributes.isEmpty ? nil : attributes, channel: Self.channel, grid: place.gridCode)
        let (event, _) = try await EventService(services: services).report(report, by: principal, on: db)
        let now = services.clock.now
        try await Open311ClientStore.record(
            Open311RequestRecord(
                eventID: event.snapshot.id, clientID: client.id, address: form["address_string"], mediaURL: mediaURL,
                sealedContact: try sealedContact(form)),
            on: db, now: now)
        try await Open311ClientStore.markUsed(client.id, on: db, now: now)
        return event
    }

    /// Where the request is: `lat`/`long` (WGS-84), else the standard address `address_id`,
    /// else the register's address matching `address_string`.
    struct Place {
        var point: Coordinate
        var gridCode: String?
    }

    private func locate(_ form: Open311Form, on db: any Database) async throws -> Place {
        let lat = form["lat"]
        let long = form["long"]
        if lat != nil || long != nil {
            guard let lat, let latitude = Double(lat), (-90...90).contains(latitude) else {
                throw Open311Failure.invalid(parameter: "lat", reason: LocalizedText(zh: "应为 -90 到 90 的纬度", en: "must be a latitude from -90 to 90"))
            }
            guard let long, let longitude = Double(long), (-180...180).contains(longitude) else {
                throw Open311Failure.invalid(parameter: "long", reason: LocalizedText(zh: "应为 -180 到 180 的经度", en: "must be a longitude from -180 to 180"))
            }
            return Place(point: Coordinate(lon: longitude, lat: latitude), gridCode: nil)
        }
        let root = try await jurisdictionUnit(on: db)
        if let code = form["address_id"] {
            guard let building = try await BasicDataStore.buildings(references: [code], within: root.path, on: db)[code] else {
                throw Open311Failure.invalid(parameter: "address_id", reason: LocalizedText(zh: "标准地址库中没有该地址编码", en: "no such standard address code"))
            }
            return try place(of: building, parameter: "address_id")
        }
        if let text = form["address_string"] {
            let matches = try await BasicDataStore.addresses(matching: text, within: root.path, limit: 1, on: db)
            var doorPlate = matches.first?.address
            doorPlate?.unit = ""
            doorPlate?.room = ""
            guard let code = doorPlate?.addressCode,
                  let building = try await BasicDataStore.buildings(references: [code], within: root.path, on: db)[code]
            else {
                throw Open311Failure.invalid(parameter: "address_string", reason: LocalizedText(
                    zh: "标准地址库中找不到该地址，请改用 lat/long", en: "the address register has no such address; send lat/long instead"))
            }
            return try place(of: building, parameter: "address_string")
        }
        throw Open311Failure.missing(parameter: "lat/long, address_string or address_id")
    }

    private func place(of building: Building, parameter: String) throws -> Place {
        guard let point = building.representativePoint else {
            throw Open311Failure.invalid(parameter: parameter, reason: LocalizedText(zh: "该地址没有坐标，请改用 lat/long", en: "the address has no position; send lat/long instead"))
        }
        return Place(point: DatumConverter.convert(point.coordinate, from: point.datum, to: .wgs84), gridCode: building.gridPath.codes.last)
    }

    /// The unit requests are filed under: the top of the hierarchy (the district).
    func jurisdictionUnit(on db: any Database) async throws -> OrgUnit {
        let roots = try await UnitStore.children(of: nil, on: db)
        guard let root = roots.first(where: { $0.kind == .district }) ?? roots.first else {
            throw Open311Failure.invalid(parameter: "jurisdiction_id", reason: LocalizedText(zh: "尚未建立行政区划", en: "no units have been set up yet"))
        }
        return root
    }

    private func sealedContact(_ form: Open311Form) throws -> String? {
        var contact: [String: String] = [:]
        for key in ["first_name", "last_name", "email", "phone", "device_id", "account_id"] {
            if let value = form[key] { contact[key] = String(value.prefix(200)) }
        }
        guard !contact.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try services.keyRing.seal(String(decoding: try encoder.encode(contact), as: UTF8.self))
    }

    static func isWebURL(_ text: String) -> Bool {
        guard text.count <= 2000, let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host?.isEmpty == false else { return false }
        return scheme == "http" || scheme == "https"
    }
}
