import Foundation

/// An action a role may be allowed to take. Routes name the permission they need and the one
/// guard checks it; the table of who holds what is `PermissionTable`.
public enum Permission: String, Sendable, Codable, CaseIterable, Hashable {
    case unitsRead = "units.read"
    case unitsManage = "units.manage"
    case usersRead = "users.read"
    case usersManage = "users.manage"
    case auditRead = "audit.read"
    case gridsRead = "grids.read"
    case gridsManage = "grids.manage"
    /// Assign people to grids and end assignments (网格力量配备).
    case staffManage = "grids.staff"
    case catalogManage = "catalog.manage"
    case calendarManage = "calendar.manage"
    /// Run-time settings: the overdue policy, webhook subscriptions (系统设置).
    case settingsManage = "settings.manage"
    /// 上报: report an event inside the user's scope.
    case eventsReport = "events.report"
    /// Report anywhere in the district, not only inside the user's scope.
    case eventsReportAnywhere = "events.report_anywhere"
    case eventsRead = "events.read"
    /// 受理/立案/不予立案/核实: triage a report.
    case eventsTriage = "events.triage"
    /// 派遣: dispatch to a department or outside unit.
    case eventsDispatch = "events.dispatch"
    /// 处置: take, handle, return a dispatch.
    case eventsHandle = "events.handle"
    /// 核查: verify a fix.
    case eventsVerify = "events.verify"
    /// 结案: close.
    case eventsClose = "events.close"
    /// 上报上级: escalate a level.
    case eventsEscalate = "events.escalate"
    /// 催办 / 督办 and approvals (延期, 作废, 挂账).
    case eventsSupervise = "events.supervise"
    case basicDataRead = "basicdata.read"
    case basicDataWrite = "basicdata.write"
    /// See an ID number or phone in clear, one record at a time, audited with a reason.
    case personalDataUnmask = "personal.unmask"
    case statsRead = "stats.read"
    case assessmentManage = "assessment.manage"
    case risksRead = "risks.read"
    /// 风险研判与管控: adjust a risk's likelihood and severity, record its measures and plan.
    case risksManage = "risks.manage"
    case patrolRecord = "patrol.record"
    /// 下派任务: push a task with a checklist down to grids.
    case tasksIssue = "tasks.issue"
    /// 任务进度: tick a pushed task's checklist for one's own grid.
    case tasksRecord = "tasks.record"
}
