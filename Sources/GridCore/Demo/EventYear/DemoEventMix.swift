import Foundation

/// What the demo year knows about one reportable item of the admission list: how common it is,
/// how it follows the seasons, which channels report it and who handles it beyond the community.
final class DemoTypeProfile: Sendable {
    let type: EventType
    /// Relative share of all reports in an average month.
    let weight: Double
    /// Multipliers for January … December.
    let months: [Double]
    /// Cumulative weights over `DemoEventChannel.allCases`.
    let channels: [Double]
    /// A grid worker may report it solved on the spot (就地解决).
    let solvableOnSpot: Bool
    /// Whom a centre dispatches it to.
    let lead: DemoEventMix.Lead

    init(type: EventType, weight: Double, months: [Double], channels: [Double], solvableOnSpot: Bool, lead: DemoEventMix.Lead) {
        self.type = type
        self.weight = weight
        self.months = months
        self.channels = channels
        self.solvableOnSpot = solvableOnSpot
        self.lead = lead
    }
}

/// The mix of the demo year (事件构成): item weights, seasons, channels and routing. The numbers
/// are the demo's own, chosen where the seeds are silent so that city management dominates
/// (Binjiang, Pidu), disputes and hazards follow their kinds, and the shares the brief asks for
/// come out (about 8 % solved on the spot, 6 % rejected).
enum DemoEventMix {
    /// A dispatch target.
    enum Lead: Sendable, Hashable {
        /// A district department or outside unit by code (`510117-ZF`).
        case unit(String)
        /// The street's police station (派出所, `<street>-PCS`).
        case policeStation
    }

    /// Report weights by item code (per mille, roughly); items not listed weigh 0.3.
    static let weights: [String: Double] = [
        "A01": 40, "A02": 12, "A03": 16, "A04": 5, "A05": 26, "A06": 6, "A07": 3, "A08": 6, "A09": 4, "A10": 8,
        "A11": 1.5, "A12": 0.8,
        "B01": 3, "B0101": 8, "B0102": 1.5,
        "B02": 3, "B0201": 20, "B0202": 10,
        "B03": 3, "B0301": 60, "B0302": 22, "B0303": 8, "B0304": 6,
        "B04": 15, "B0401": 140, "B0402": 100, "B0403": 30, "B0404": 60, "B0405": 10, "B0406": 35, "B0407": 25, "B0408": 20,
        "B05": 4, "B0501": 30, "B0502": 35, "B0503": 12, "B0504": 10, "B0505": 2,
        "B06": 3, "B0601": 8, "B0602": 20, "B0603": 26,
        "B07": 3, "B0701": 20, "B0702": 8, "B0703": 4,
        "B08": 4, "B09": 4, "B0901": 10, "B0902": 22,
        "B10": 2, "B1001": 5, "B11": 3,
        "C01": 15, "C02": 20, "C03": 8, "C04": 25,
    ]

    /// Multipliers for January … December, by risk kind or item.
    static func months(for type: EventType) -> [Double] {
        switch type.code {
        case "A02": return [1.6, 1.3, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 0.9, 1.1, 1.6]  // wages before the Spring Festival
        case "A01": return [1.15, 1.25, 1.0, 0.95, 0.95, 1.0, 1.05, 1.05, 0.95, 1.0, 0.95, 1.0]
        case "C02": return [1.3, 1.3, 1.0, 0.9, 0.9, 1.0, 1.2, 1.2, 0.9, 0.9, 1.0, 1.2]  // cold and heat
        case "B0406": return [1.2, 1.1, 1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.1, 1.2, 1.3]  // long nights
        default: break
        }
        switch type.riskKind {
        case .cityManagement: return [0.80, 0.70, 0.95, 1.0, 1.08, 1.18, 1.30, 1.28, 1.08, 0.98, 0.90, 0.82]
        case .environment: return [0.85, 0.80, 0.95, 1.0, 1.10, 1.20, 1.30, 1.25, 1.05, 0.95, 0.90, 0.85]
        case .fireSafety: return [1.30, 1.25, 1.0, 0.9, 0.85, 0.85, 0.9, 0.9, 0.9, 1.0, 1.10, 1.30]
        case .constructionWater: return [0.7, 0.7, 0.8, 0.9, 1.1, 1.4, 1.6, 1.5, 1.1, 0.9, 0.7, 0.7]  // the rainy season
        case .educationCampus: return [0.6, 0.5, 1.3, 1.1, 1.1, 1.0, 0.4, 0.5, 1.5, 1.1, 1.1, 1.0]  // terms
        case .transport: return [1.0, 0.95, 1.0, 1.0, 1.0, 1.05, 1.05, 1.05, 1.0, 1.05, 1.0, 1.0]
        default: return Array(repeating: 1, count: 12)
        }
    }

    /// Overall volume by month (a busier summer), before weekdays and holidays.
    static let monthVolume: [Double] = [0.92, 0.88, 1.0, 1.02, 1.05, 1.08, 1.12, 1.12, 1.04, 0.98, 0.96, 0.92]

    /// Items a video patrol can see.
    static let visible: Set<String> = [
        "B0101", "B0301", "B0302", "B0303", "B0304", "B0401", "B0402", "B0403", "B0404", "B0408", "B0501",
    ]

    /// Items a grid worker often settles while reporting.
    static let onSpot: Set<String> = [
        "B04", "B0401", "B0402", "B0404", "B0408", "B0301", "B0502", "A01", "A05", "C02", "C04", "B0902",
    ]

    /// Dispatch targets for items without a department, when they reach a centre.
    static let fallbackLeads: [String: Lead] = [
        "A01": .unit("MZ"), "A02": .unit("MZ"), "A03": .unit("ZJ"), "A06": .unit("ZF"), "A07": .policeStation,
        "A09": .unit("MZ"), "A10": .unit("SJ"), "A11": .policeStation, "A12": .unit("MZ"), "B11": .unit("ZJ"),
        "C04": .unit("MZ"),
    ]

    static func lead(for type: EventType, districtCode: String) -> Lead {
        if type.isPolice || type.riskKind == .populationHousing { return .policeStation }
        if let department = type.department {
            let prefix = districtCode + "-"
            return .unit(department.hasPrefix(prefix) ? String(department.dropFirst(prefix.count)) : department)
        }
        return fallbackLeads[type.code] ?? .unit("ZF")
    }

    /// Channel weights (grid worker, resident, hotline, department, video) for an item.
    static func channelWeights(for type: EventType) -> [Double] {
        var weights: [DemoEventChannel: Double] = [.gridWorker: 62, .resident: 14, .hotline: 12, .department: 6, .video: 6]
        if type.riskKind?.category == .dispute || ["B0603", "B0602", "C01", "C02"].contains(type.code) {
            weights[.hotline, default: 0] += 10
            weights[.resident, default: 0] += 6
        }
        if !type.isPublic {
            weights[.resident] = 0
            weights[.hotline] = 0
        }
        if type.department == nil { weights[.department] = 0 }
        if !visible.contains(type.code) { weights[.video] = 0 }
        return DemoEventChannel.allCases.map { weights[$0] ?? 0 }
    }

    static func profiles(_ catalog: EventCatalog, districtCode: String) -> [DemoTypeProfile] {
        catalog.reportableTypes.map { type in
            DemoTypeProfile(
                type: type, weight: weights[type.code] ?? 0.3, months: months(for: type),
                channels: DemoDice.cumulative(channelWeights(for: type)), solvableOnSpot: onSpot.contains(type.code),
                lead: lead(for: type, districtCode: districtCode))
        }
    }
}
