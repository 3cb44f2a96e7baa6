import Foundation

/// Role → permissions: the one table every route is checked against (权限表).
/// Administrators run the system but do not handle events or read personal data in clear:
/// PIPL asks for the least access that does the job.
public struct PermissionTable: Sendable {
    public let grants: [Role: Set<Permission>]

    public init(grants: [Role: Set<Permission>]) {
        self.grants = grants
    }

    public func permissions(of roles: some Sequence<Role>) -> Set<Permission> {
        roles.reduce(into: Set<Permission>()) { $0.formUnion(grants[$1] ?? []) }
    }

    public func allows(_ roles: some Sequence<Role>, _ permission: Permission) -> Bool {
        roles.contains { grants[$0]?.contains(permission) == true }
    }

    /// The platform's default grants, following domain.md §1.
    public static let standard: PermissionTable = {
        let staffRead: Set<Permission> = [.unitsRead, .gridsRead, .eventsRead]
        let centre: Set<Permission> = staffRead.union([
            .usersRead, .eventsReport, .eventsTriage, .eventsDispatch, .eventsClose, .eventsEscalate,
            .eventsSupervise, .basicDataRead, .personalDataUnmask, .statsRead, .risksRead, .risksManage, .staffManage,
        ])
        return PermissionTable(grants: [
            .admin: [
                .unitsRead, .unitsManage, .usersRead, .usersManage, .auditRead, .gridsRead, .gridsManage, .staffManage,
                .catalogManage, .calendarManage, .settingsManage, .eventsRead, .statsRead, .assessmentManage,
            ],
            .districtOperator: centre.union([.eventsReportAnywhere, .tasksIssue]),
            .streetOperator: centre.union([.tasksIssue]),
            .communityOperator: staffRead.union([
                .usersRead, .eventsReport, .eventsTriage, .eventsHandle, .eventsVerify, .eventsClose,
                .eventsEscalate, .basicDataRead, .basicDataWrite, .personalDataUnmask, .statsRead, .risksRead, .risksManage,
                .staffManage,
            ]),
            .gridHead: staffRead.union([
                .eventsReport, .eventsTriage, .eventsVerify, .eventsEscalate, .basicDataRead, .basicDataWrite,
                .statsRead, .patrolRecord, .tasksRecord,
            ]),
            .gridWorker: staffRead.union([
                .eventsReport, .eventsHandle, .eventsVerify, .basicDataRead, .basicDataWrite, .patrolRecord, .tasksRecord,
            ]),
            .auxiliary: staffRead.union([.eventsReport, .patrolRecord]),
            .departmentHandler: [
                .unitsRead, .gridsRead, .eventsRead, .eventsReport, .eventsReportAnywhere, .eventsHandle, .tasksIssue,
            ],
            .leader: staffRead.union([.eventsSupervise, .statsRead, .risksRead]),
            .resident: [.eventsReport],
        ])
    }()
}
