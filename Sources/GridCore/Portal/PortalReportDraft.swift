import Foundation

/// What a resident typed into the portal's report form (居民随手拍), before any check.
public struct PortalReportInput: Sendable {
    public var typeCode: String
    public var description: String
    public var phone: String
    /// The pin: a point and its datum (`gcj02` from the map, `wgs84` from the phone's GPS).
    public var lon: String
    public var lat: String
    public var datum: String
    /// A typed address, used when there is no pin.
    public var address: String
    /// The honeypot (`website`), invisible to people; robots fill it.
    public var honeypot: String
    /// `attr[key]` values of the chosen item.
    public var attributes: [String: String]
    public var photos: [[UInt8]]

    public init(
        typeCode: String = "", description: String = "", phone: String = "", lon: String = "", lat: String = "", datum: String = "",
        address: String = "", honeypot: String = "", attributes: [String: String] = [:], photos: [[UInt8]] = []
    ) {
        self.typeCode = typeCode
        self.description = description
        self.phone = phone
        self.lon = lon
        self.lat = lat
        self.datum = datum
        self.address = address
        self.honeypot = honeypot
        self.attributes = attributes
        self.photos = photos
    }
}

/// Where the problem is.
public enum PortalPlace: Sendable, Equatable {
    case point(Coordinate, Datum)
    /// A typed address, to be found in the standard address register.
    case address(String)
}

/// A checked portal report: every field of the form good, or every problem by field at once.
public struct PortalReportDraft: Sendable {
    public var type: EventType
    public var description: String
    public var phone: MobileNumber
    public var place: PortalPlace
    public var attributes: [String: JSONValue]
    public var photos: [(bytes: [UInt8], kind: ImageKind)]

    /// Checks `input` against the public items of `catalog` and `limits`.
    /// - Throws: `ValidationFailures` naming `type`, `description`, `phone`, `location`, `address`,
    ///   `attributes.<key>`, `photos[i]` or `website` (the honeypot).
    public static func check(_ input: PortalReportInput, catalog: EventCatalog, limits: PortalLimits) throws(ValidationFailures) -> PortalReportDraft {
        var failures: [ValidationFailure] = []
        if !input.honeypot.isEmpty {
            throw ValidationFailures([ValidationFailure(field: "website", zh: "请勿填写此项", en: "leave this field empty")])
        }
        let code = input.typeCode.trimmingCharacters(in: .whitespaces)
        var type: EventType?
        if code.isEmpty {
            failures.append(ValidationFailure(field: "type", zh: "请选择问题类型", en: "choose the kind of problem"))
        } else if let found = catalog[code], catalog.isReportable(code), found.isPublic {
            type = found
        } else {
            failures.append(ValidationFailure(field: "type", zh: "请从列表中选择问题类型", en: "choose the kind of problem from the list"))
        }
        let description = input.description.trimmingCharacters(in: .whitespacesAndNewlines)
        if description.count < limits.minDescription {
            failures.append(ValidationFailure(
                field: "description", zh: "请描述问题，至少 \(limits.minDescription) 个字", en: "describe the problem in at least \(limits.minDescription) characters"))
        } else if description.count > limits.maxDescription {
            failures.append(ValidationFailure(
                field: "description", zh: "描述不能超过 \(limits.maxDescription) 个字", en: "at most \(limits.maxDescription) characters"))
        }
        var phone: MobileNumber?
        do {
            phone = try MobileNumber(input.phone, field: "phone")
        } catch {
            failures.append(ValidationFailure(field: "phone", reason: error.reason))
        }
        let place = checkPlace(input, into: &failures)
        var attributes: [String: JSONValue] = [:]
        if let type {
            attributes = values(input.attributes, specs: type.requiredAttributes)
            do { try type.validate(attributes: attributes) } catch { failures += error.failures }
        }
        var photos: [(bytes: [UInt8], kind: ImageKind)] = []
        let policy = limits.photoPolicy
        let given = input.photos.filter { !$0.isEmpty }
        if given.count > policy.maxPerSubmission {
            failures.append(ValidationFailure(field: "photos", zh: "照片最多 \(policy.maxPerSubmission) 张", en: "at most \(policy.maxPerSubmission) photos"))
        } else {
            for (index, bytes) in given.enumerated() {
                do { photos.append((bytes, try policy.check(bytes, field: "photos[\(index)]"))) } catch { failures.append(error) }
            }
        }
        guard failures.isEmpty, let type, let phone, let place else { throw ValidationFailures(failures) }
        return PortalReportDraft(type: type, description: description, phone: phone, place: place, attributes: attributes, photos: photos)
    }

    private static func checkPlace(_ input: PortalReportInput, into failures: inout [ValidationFailure]) -> PortalPlace? {
        let lon = input.lon.trimmingCharacters(in: .whitespaces)
        let lat = input.lat.trimmingCharacters(in: .whitespaces)
        if !lon.isEmpty || !lat.isEmpty {
            guard let x = Double(lon), let y = Double(lat), Coordinate(lon: x, lat: y).isValidGeographic else {
                failures.append(ValidationFailure(field: "location", zh: "位置坐标无效，请重新在地图上标注", en: "the position is not valid; place the pin again"))
                return nil
            }
            let datum: Datum
            do { datum = try Datum(parsing: input.datum.isEmpty ? "wgs84" : input.datum, field: "location") } catch {
                failures.append(error)
                return nil
            }
            return .point(Coordinate(lon: x, lat: y), datum)
        }
        let address = input.address.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !address.isEmpty else {
            failures.append(ValidationFailure(
                field: "location", zh: "请在地图上标注位置、使用手机定位或填写地址", en: "place a pin on the map, use your phone's location or type an address"))
            return nil
        }
        guard address.count <= 200 else {
            failures.append(ValidationFailure(field: "address", zh: "地址不能超过 200 个字", en: "at most 200 characters"))
            return nil
        }
        return .address(address)
    }

    /// The form's text values as typed attribute values; what cannot be read stays text, so the
    /// item's own check names the problem.
    static func values(_ raw: [String: String], specs: [AttributeSpec]) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        let types = Dictionary(specs.map { ($0.key, $0.type) }, uniquingKeysWith: { first, _ in first })
        for (key, text) in raw {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { continue }
            switch types[key] {
            case .integer?: result[key] = Int(value).map { .number(Double($0)) } ?? .string(value)
            case .boolean?:
                switch value.lowercased() {
                case "true", "1", "yes", "是": result[key] = .bool(true)
                case "false", "0", "no", "否": result[key] = .bool(false)
                default: result[key] = .string(value)
                }
            default: result[key] = .string(value)
            }
        }
        return result
    }
}
