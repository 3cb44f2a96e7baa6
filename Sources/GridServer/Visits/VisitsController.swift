import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// Household visits over the API (走访): the households a worker owes a visit, and recording one.
struct VisitsController {
    /// Due households answered at most.
    static let listLimit = 300

    func register(_ api: APIRouter) {
        api.add(.GET, "visits/due", summary: "Households owed a visit this quarter (twice) or this month (care groups), most pressing first",
                tag: "visits", access: .permission(.basicDataRead),
                query: [.query("unit", .string(), "Unit id or code (subtree; default the caller's scope)")],
                response: VisitDueListDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let unit = try await PeopleController.unit(req, principal)
            let services = try req.grid
            let today = services.calendar.day(of: services.clock.now)
            let households = try await VisitStore.households(under: unit.path, on: req.db)
            let visits = try await VisitStore.visitDays(under: unit.path, since: VisitSchedule.quarterStart(of: today), on: req.db)
            let byKey = Dictionary(households.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            let due = VisitSchedule.due(
                households: households.map { VisitSchedule.Household(id: $0.key, careGroups: $0.careGroups) }, visits: visits, today: today)
            let shown = Array(due.prefix(Self.listLimit))
            let addresses = try await BasicDataStore.roomAddressCodes(of: shown.compactMap { byKey[$0.householdID]?.roomID }, on: req.db)
            return VisitDueListDTO(today: today.description, total: due.count, items: shown.map { item in
                let household = byKey[item.householdID]
                return .init(
                    householdID: item.householdID, addressCode: household?.roomID.flatMap { addresses[$0] }, members: household?.members ?? 0,
                    careGroups: (household?.careGroups ?? []).map { $0.label.text(in: req.language) }.sorted(),
                    reason: item.reason.rawValue, required: item.required, made: item.made, dueBy: item.dueBy.description, behind: item.behind)
            })
        }
        api.addDynamic(.POST, "visits", summary: "Record a household visit (the phone's id; a repeat records nothing)", tag: "visits",
                       access: .permission(.patrolRecord), body: VisitRecordDTO.self, status: .created,
                       response: VisitRecordDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let visit = try req.decodeBody(VisitRecordDTO.self)
            let services = try req.grid
            let now = services.clock.now
            var failures: [ValidationFailure] = []
            if visit.visitedAt > now.addingTimeInterval(PatrolRules.clockSlack) {
                failures.append(ValidationFailure(field: "visited_at", zh: "走访时间不能晚于现在", en: "the visit cannot be in the future"))
            }
            if visit.met.trimmingCharacters(in: .whitespaces).isEmpty {
                failures.append(ValidationFailure(field: "met", zh: "请填写见到的人", en: "say whom you met"))
            }
            let household = try await VisitStore.households(under: principal.unitPath, key: visit.householdID, on: req.db).first
            if household == nil {
                failures.append(ValidationFailure(field: "household_id", zh: "您的辖区内没有这一户", en: "no such household in your area"))
            }
            guard failures.isEmpty, let household else { throw ValidationFailures(failures) }
            let actor = principal.auditActor(for: req)
            let day = IndicatorStore.day(visit.visitedAt)
            let created: Bool = try await req.db.transaction { tx in
                let stored = try await VisitStore.insert(
                    .init(id: visit.id, householdKey: household.key, gridPath: household.gridPath, visitorID: principal.account.id,
                          visitorName: principal.account.displayName, visitedAt: visit.visitedAt, day: day,
                          met: visit.met, notes: visit.notes ?? "", needs: visit.needs ?? ""),
                    on: tx, now: now)
                guard stored else { return false }
                try await Self.count(household, visitor: principal.account.id, on: day, on: tx)
                try await AuditLog.record(
                    AuditRecord(action: "visit.recorded", targetType: "household", targetID: household.key,
                                summary: "\(principal.account.displayName) visited a household of \(household.gridPath.codes.last ?? "")",
                                unitPath: household.gridPath),
                    by: actor, on: tx, now: now)
                return true
            }
            return (visit, created ? .created : .ok)
        }
    }

    /// Adds a just-stored visit to the indicator tables: the visit, and a settled obligation while
    /// it is among the first the household owes in its window (`VisitFacts`).
    static func count(_ household: VisitStore.HouseholdRow, visitor: UUID, on day: CalendarDay, on db: any Database) async throws {
        let monthly = household.careGroups.contains { $0.needsMonthlyVisit }
        let ordinal = try await VisitStore.count(household: household.key, in: VisitFacts.Window(of: day, monthly: monthly), on: db)
        try await IndicatorStore.apply(
            VisitFacts.cells(day: day, grid: household.gridPath, visitor: visitor, monthly: monthly, ordinal: ordinal), on: db)
    }
}
