import Foundation
import GridCore

/// An indicator as a console figure: its value formatted for its kind, its name, and its
/// definition for the hover and the small print — the same words the API serves.
enum IndicatorFigure {
    static func make(_ id: String, _ vector: MeasureVector, language: Language) -> DashboardController.Page.Figure? {
        guard let indicator = Indicator.find(id) else { return nil }
        return DashboardController.Page.Figure(
            id: id.replacingOccurrences(of: "_", with: "-"), label: indicator.name.text(in: language),
            value: text(indicator, vector, language: language), definition: indicator.definition.text(in: language))
    }

    static func all(_ ids: [String], _ vector: MeasureVector, language: Language) -> [DashboardController.Page.Figure] {
        ids.compactMap { make($0, vector, language: language) }
    }

    /// "12", "83.3%", "2.4 小时"; a dash when the denominator is zero.
    static func text(_ indicator: Indicator, _ vector: MeasureVector, language: Language) -> String {
        switch indicator.kind {
        case .count: return String(indicator.parts(of: vector).numerator)
        case .rate: return RateText.percent(indicator.value(of: vector))
        case .mean, .amount:
            guard let value = indicator.value(of: vector) else { return "—" }
            return String(format: "%.1f", value) + (indicator.unit.map { " " + $0.text(in: language) } ?? "")
        }
    }
}
