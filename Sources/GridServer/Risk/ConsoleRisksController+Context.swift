import Foundation
import GridCore
import GridStore

/// View models of the risk register pages (风险台账); only `Encodable & Sendable` values reach Leaf.
extension ConsoleRisksController {
    struct Option: Encodable, Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Row: Encodable, Sendable {
        var id: String
        var number: String
        var kind: String
        var level: String
        var levelLabel: String
        var score: Int
        var likelihood: Int
        var severity: Int
        var grid: String
        var state: String
        var responsible: String
        var measures: String
        var plan: String
        var reportedAt: String
        var facts: String
    }

    struct Count: Encodable, Sendable {
        var level: String
        var label: String
        var count: Int
    }

    struct Spot: Encodable, Sendable {
        var kind: String
        var grid: String
        var place: String
        var count: Int
        var first: String
        var last: String
        var events: [SpotEvent]
    }

    struct SpotEvent: Encodable, Sendable {
        var id: String
        var number: String
    }

    struct ListPage: Encodable, Sendable {
        var shell: ShellContext
        var unit: String
        var unitName: String
        var levels: [Option]
        var states: [Option]
        var kinds: [Option]
        var counts: [Count]
        var majors: [Row]
        var rows: [Row]
        var total: Int
        var pager: ConsolePager
        var spots: [Spot]
        var error: String?
    }

    struct Adjustment: Encodable, Sendable {
        var from: String
        var to: String
        var reason: String
        var by: String
        var at: String
    }

    struct AdjustForm: Encodable, Sendable {
        var likelihood: String
        var severity: String
        var reason: String
    }

    struct MeasuresForm: Encodable, Sendable {
        var measures: String
        var responsibleUnit: String
        var responsiblePerson: String
        var plan: String
    }

    struct DetailPage: Encodable, Sendable {
        var shell: ShellContext
        var risk: Row
        var kindCategory: String
        var facts: [String]
        var adjustments: [Adjustment]
        var canManage: Bool
        var scale: [String]
        var adjust: AdjustForm
        var control: MeasuresForm
        var errors: [String: String]
        var errorForm: String
        var message: String?
    }

    static func row(_ risk: StoredRisk, language: Language, time: ConsoleTime) -> Row {
        let a = risk.assessment
        let control = risk.control
        return Row(
            id: risk.id.uuidString, number: risk.eventNumber, kind: a.kind.label.text(in: language), level: risk.level.rawValue,
            levelLabel: risk.level.label.text(in: language), score: a.score, likelihood: a.likelihood, severity: a.severity,
            grid: risk.gridPath.codes.last ?? "", state: risk.state.label.text(in: language),
            responsible: control.map { "\($0.responsibleUnitName) · \($0.responsiblePerson)" } ?? "",
            measures: control?.measures ?? "", plan: control?.plan ?? "", reportedAt: time.text(risk.reportedAt),
            facts: a.facts.map { $0.label.text(in: language) }.joined(separator: "；"))
    }
}
