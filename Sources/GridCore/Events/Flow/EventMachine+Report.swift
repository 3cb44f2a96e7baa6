import Foundation

extension EventMachine {
    /// Roles that report only inside their own unit's subtree; the others (district operators,
    /// department handlers, residents) may report anywhere (`Permission.eventsReportAnywhere`;
    /// residents report where they are).
    static let localReporters: Set<Role> = [.gridWorker, .auxiliary, .gridHead, .communityOperator, .streetOperator]
    /// Who may report an event already solved on the spot (就地解决).
    static let onTheSpot: Set<Role> = [.gridWorker, .gridHead]

    /// 上报: makes the first snapshot (version 1) and timeline entry of a new event.
    ///
    /// The owner is the grid's community (属地). A normal report is `reported`, due for triage by
    /// the stage deadline and announced to the community's operators and grid heads. A report
    /// solved on the spot is level 1 and starts `handled` with the reporter as handler, so the
    /// community verifies it (采办分离). Residents may report only public items.
    public static func report(
        _ report: EventReport, type: EventType, by actor: EventActor, now: Date, calendar: WorkingCalendar,
        stages: StageDeadlines = .standard
    ) throws(EventRefusal) -> EventTransition {
        guard !actor.roles.isDisjoint(with: roles(for: .report)) else {
            throw .notPermitted(.report, actor.primaryRole)
        }
        let role = try reportingRole(report, type: type, actor: actor)
        let description = report.description.trimmingWhitespaceAndNewlines()
        guard !description.isEmpty else { throw .missingReason(field: "description") }
        let level = report.solvedOnSpot ? 1 : report.level ?? type.defaultLevel
        guard EventType.levels.contains(level) else {
            throw .invalidInput(field: "level", reason: LocalizedText(zh: "等级应为 1 到 4", en: "the level must be 1 to 4"))
        }
        guard let community = report.gridPath.territorialParent else {
            throw .invalidInput(field: "gridPath", reason: LocalizedText(
                zh: "网格必须隶属于社区", en: "the grid must belong to a community"))
        }
        let photos = try EventStep.checkedPhotos(report.photos)
        var event = EventSnapshot(
            id: report.id, typeCode: type.code, state: initialState(solvedOnSpot: report.solvedOnSpot), level: level,
            reporterID: actor.userID, reporterRole: role, reportedAt: now, gridPath: report.gridPath,
            ownerPath: community, ownerKind: .community, isComponent: type.isComponent, solvedOnSpot: report.solvedOnSpot)
        let triage = EventStep.operators(at: community, kind: .community)
        let notice: EventNotice.Kind
        if report.solvedOnSpot {
            event.handlerID = actor.userID
            event.handledAt = now
            event.handlingDeadline = calendar.deadline(type.deadlineRule(forLevel: level), acceptedAt: now)
            event.deadline = calendar.deadline(stages.verification, acceptedAt: now)
            notice = .verificationRequested
        } else {
            event.deadline = calendar.deadline(stages.triage, acceptedAt: now)
            notice = .reported
        }
        let entry = TimelineEntry(
            at: now, actorID: actor.userID, actorRole: role, action: .report, from: nil, to: event.state,
            note: description, attachments: photos)
        return EventTransition(
            event: event, entry: entry,
            notifications: EventStep.notices([(triage, notice)], eventID: event.id, excluding: actor.userID))
    }

    /// The role the reporter reports in: the first of theirs (in `Role` order) that may report
    /// this item here.
    private static func reportingRole(_ report: EventReport, type: EventType, actor: EventActor) throws(EventRefusal) -> Role {
        var refusal: EventRefusal?
        for role in actor.roles.intersection(roles(for: .report)).sorted() {
            if report.solvedOnSpot, !onTheSpot.contains(role) {
                refusal = refusal ?? .invalidInput(field: "solvedOnSpot", reason: LocalizedText(
                    zh: "只有网格员可以上报就地解决的事件", en: "only grid workers report events solved on the spot"))
            } else if role == .resident, !type.isPublic {
                refusal = .notPermitted(.report, role)
            } else if localReporters.contains(role), !actor.unitPath.contains(report.gridPath) {
                refusal = .outOfScope
            } else {
                return role
            }
        }
        throw refusal ?? .notPermitted(.report, actor.primaryRole)
    }
}
