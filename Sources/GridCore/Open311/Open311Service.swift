import Foundation

/// One entry of the Open311 service list (服务目录): a reportable, public item of the admission
/// list. The item's code is `service_code`, its top-level category (大类) is `group`, and
/// `metadata` is true when the item has attributes (its definition must then be fetched).
/// Every service is `realtime`: the request id comes back at once.
public struct Open311Service: Sendable, Equatable {
    public var code: String
    public var name: String
    public var description: String
    public var metadata: Bool
    public var keywords: [String]
    public var group: String

    /// The services residents and outside systems may request, in admission-list order.
    public static func services(in catalog: EventCatalog, language: Language) -> [Open311Service] {
        catalog.reportableTypes.filter(\.isPublic).compactMap { service(catalog, $0.code, language: language) }
    }

    /// The service for one code; nil when the code is not a reportable public item.
    public static func service(_ catalog: EventCatalog, _ code: String, language: Language) -> Open311Service? {
        guard let type = catalog[code], type.isPublic, catalog.isReportable(code) else { return nil }
        let ancestors = catalog.path(to: code).dropLast()
        let group = ancestors.first?.name ?? type.name
        var description = [type.eventClass.label.text(in: language)]
        if let risk = type.riskKind { description.append(risk.label.text(in: language)) }
        return Open311Service(
            code: type.code, name: type.name, description: description.joined(separator: " · "),
            metadata: !type.requiredAttributes.isEmpty,
            keywords: ancestors.map(\.name) + [type.eventClass.label.text(in: language)], group: group)
    }

    public var node: Open311Node {
        .object([
            Open311Field("service_code", .text(code)),
            Open311Field("service_name", .text(name)),
            Open311Field("description", .text(description)),
            Open311Field("metadata", .bool(metadata)),
            Open311Field("type", .text("realtime")),
            Open311Field("keywords", .text(keywords.joined(separator: ","))),
            Open311Field("group", .text(group)),
        ])
    }
}
