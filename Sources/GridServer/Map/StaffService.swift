import FluentKit
import Foundation
import GridCore
import GridStore

/// Assigning people to grids (网格力量配备), each change audited.
struct StaffService {
    let services: GridServices

    func assign(_ grid: OrgUnit, _ request: AssignStaffRequestDTO, actor: AuditActor, on db: any Database) async throws -> GridStaffDTO {
        var failures: [ValidationFailure] = []
        var role: StaffRole?
        do { role = try StaffRole.parse(request.role) } catch { failures.append(error) }
        var account: UserAccount?
        if let username = request.username {
            account = try await UserStore.find(username: username, on: db)
            if account == nil {
                failures.append(ValidationFailure(field: "username", zh: "没有用户 \(username)", en: "there is no user \(username)"))
            }
        }
        let name = (request.name?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? account?.displayName
        if name == nil {
            failures.append(ValidationFailure(field: "name", zh: "须提供姓名或用户名", en: "give a name or a username"))
        }
        var phone: String?
        if let raw = request.workPhone, !raw.isEmpty {
            do { phone = try MobileNumber(raw, field: "work_phone").value } catch { failures.append(ValidationFailure(field: error.field, zh: error.reason.zhHans, en: error.reason.en)) }
        }
        let today = services.calendar.day(of: services.clock.now)
        var from = today
        if let raw = request.from {
            if let day = CalendarDay(iso: raw) { from = day } else {
                failures.append(ValidationFailure(field: "from", zh: "日期应为 YYYY-MM-DD", en: "the date must be YYYY-MM-DD"))
            }
        }
        guard failures.isEmpty, let role, let name else { throw ValidationFailures(failures) }
        let now = services.clock.now
        let userID = account?.id
        let (phoneNumber, start) = (phone, from)
        return try await db.transaction { tx in
            let member = try await GridMapStore.assign(grid: grid, name: name, role: role, workPhone: phoneNumber, userID: userID, from: start, on: tx, now: now)
            try await AuditLog.record(
                AuditRecord(action: "grids.staff_assigned", targetType: "grid_staff", targetID: member.id.uuidString,
                            summary: "\(name) as \(role.rawValue) of \(grid.code) from \(start)", unitPath: grid.path),
                by: actor, on: tx, now: now)
            return member
        }
    }

    func end(_ id: UUID, grid: OrgUnit, actor: AuditActor, on db: any Database) async throws -> GridStaffDTO {
        let today = services.calendar.day(of: services.clock.now)
        let now = services.clock.now
        try await db.transaction { tx in
            try await GridMapStore.endAssignment(id, on: today, on: tx)
            try await AuditLog.record(
                AuditRecord(action: "grids.staff_ended", targetType: "grid_staff", targetID: id.uuidString,
                            summary: "assignment to \(grid.code) ended \(today)", unitPath: grid.path),
                by: actor, on: tx, now: now)
        }
        guard let (member, _) = try await GridMapStore.staffAssignment(id, on: db) else { throw StoreError.notFound(what: "assignment") }
        return member
    }
}
