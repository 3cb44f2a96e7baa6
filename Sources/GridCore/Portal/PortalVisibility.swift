import Foundation

/// What the public map (公开事件地图) may show: only public items of the admission list, never
/// police matters; disputes (矛盾纠纷) only as their family name and at a coarser place, since
/// a precise point of a family quarrel identifies the family.
public enum PortalVisibility {
    /// Whether events of `type` appear on the public map at all.
    public static func onPublicMap(_ type: EventType) -> Bool {
        type.isPublic && !type.isPolice
    }

    /// Sensitive: shown without its own name and with a coarse place.
    public static func isSensitive(_ type: EventType) -> Bool {
        type.isPolice || !type.isPublic || type.riskKind?.category == .dispute
    }

    /// The name the map shows for events of `type`.
    public static func mapLabel(_ type: EventType) -> LocalizedText {
        isSensitive(type) ? RiskCategory.dispute.label : LocalizedText(zh: type.name, en: type.name)
    }

    /// A rough place: about 100 m (three decimals) for ordinary items, about 1 km for sensitive ones.
    public static func roughPlace(_ point: Coordinate, sensitive: Bool) -> Coordinate {
        let scale = sensitive ? 100.0 : 1000.0
        return Coordinate(lon: (point.lon * scale).rounded() / scale, lat: (point.lat * scale).rounded() / scale)
    }
}
