import Foundation
import GridCore
import GridStore
import Vapor

/// The register's filters as the API and the console read them from a query string (`unit`,
/// `level`, `state`, `kind`; levels and states may be comma-separated). Each malformed value is
/// refused by its field; a unit outside the caller's scope is 403.
struct RiskQuery {
    var unit: OrgUnit
    var filter: RiskStore.Filter

    static func parse(_ req: Request, _ principal: Principal) async throws -> RiskQuery {
        let reference = req.query[String.self, at: "unit"].flatMap { $0.isEmpty ? nil : $0 } ?? principal.account.unit.id.uuidString
        guard let unit = try await UnitStore.find(idOrCode: reference, on: req.db) else {
            throw ValidationFailure(field: "unit", zh: "找不到单位“\(reference)”", en: "no unit '\(reference)' was found")
        }
        try principal.requireInScope(unit.path)
        var filter = RiskStore.Filter(under: unit.path)
        filter.levels = try list(req, "level", RiskLevel.init(rawValue:), zh: "风险等级应为 general、important 或 major",
                                 en: "level must be general, important or major")
        filter.states = try list(req, "state", RiskState.init(rawValue:), zh: "状态应为 open、controlled 或 closed",
                                 en: "state must be open, controlled or closed")
        if let text = req.query[String.self, at: "kind"], !text.isEmpty {
            guard let kind = RiskKind(label: text) else {
                throw ValidationFailure(field: "kind", zh: "未知的风险类型“\(text)”", en: "unknown risk kind '\(text)'")
            }
            filter.kind = kind
        }
        return RiskQuery(unit: unit, filter: filter)
    }

    private static func list<T>(_ req: Request, _ field: String, _ make: (String) -> T?, zh: String, en: String) throws -> [T]? {
        guard let text = req.query[String.self, at: field], !text.isEmpty else { return nil }
        return try text.split(separator: ",").map { part in
            guard let value = make(part.trimmingCharacters(in: .whitespaces)) else { throw ValidationFailure(field: field, zh: zh, en: en) }
            return value
        }
    }
}
