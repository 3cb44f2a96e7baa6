import Foundation

extension EventStep {
    /// Most photo references one step may carry.
    static let maximumPhotos = 20

    /// 派遣: to a department or outside unit; co-handlers are told and help. The handling
    /// deadline keeps running from 立案: a re-dispatch after a return does not restart it.
    func dispatch(lead: HandlingUnitRef, coHandlers: [HandlingUnitRef], note: String) throws(EventRefusal) -> Effect {
        guard lead.kind.isHandlingUnit else {
            throw .invalidInput(field: "lead", reason: LocalizedText(
                zh: "主办单位应为职能部门或外驻单位", en: "the lead must be a department or an outside unit"))
        }
        guard coHandlers.allSatisfy(\.kind.isHandlingUnit) else {
            throw .invalidInput(field: "coHandlers", reason: LocalizedText(
                zh: "协办单位应为职能部门或外驻单位", en: "co-handlers must be departments or outside units"))
        }
        let ids = coHandlers.map(\.id)
        guard Set(ids).count == ids.count, !ids.contains(lead.id) else {
            throw .invalidInput(field: "coHandlers", reason: LocalizedText(
                zh: "协办单位重复或与主办单位相同", en: "co-handlers must differ from each other and from the lead"))
        }
        var next = event
        next.state = .dispatched
        next.handlingUnit = lead
        next.coHandlers = coHandlers
        next.dispatcherPath = actor.unitPath
        next.handlerID = nil
        next.handledAt = nil
        let deadline = event.handlingDeadline ?? handlingDeadline(level: event.level, from: now)
        next.handlingDeadline = deadline
        next.deadline = deadline
        var notices: [(EventNotice.Recipient, EventNotice.Kind)] = [(EventStep.handlers(of: lead), .assigned)]
        notices += coHandlers.map { (EventStep.handlers(of: $0), .coAssigned) }
        notices.append((reporter, .dispatched))
        return Effect(event: next, note: optional(note), notices: notices)
    }

    /// 接收: the unit (or the community handling it itself) starts work.
    func take() -> Effect {
        var next = event
        next.state = .inProgress
        next.deadline = event.handlingDeadline ?? event.deadline
        return Effect(event: next, note: nil)
    }

    /// 退回: back to the dispatcher with a reason; counted (准确派遣率 reads it). A pending
    /// extension request of the refusing unit lapses.
    func returnDispatch(reason: String) throws(EventRefusal) -> Effect {
        let reason = try required(reason, field: "reason")
        var next = event
        next.state = .returned
        next.returnCount += 1
        next.handlingUnit = nil
        next.coHandlers = []
        if next.pendingRequest?.kind == .extension { next.pendingRequest = nil }
        // The dispatcher's centre, whichever level it is: street and district operators there.
        let dispatcher = EventNotice.Recipient.unit(
            event.dispatcherPath ?? event.ownerPath, roles: EventMachine.centres)
        return Effect(event: next, note: reason, notices: [(dispatcher, .returned)])
    }

    /// 处置反馈: feedback and photos; the verification deadline starts. A grid worker who reported
    /// is asked to verify (采办分离: the reporter checks the fix); any other reporter is told, and
    /// the community is asked to verify. A pending extension request lapses.
    func handle(feedback: String, photos: [String]) throws(EventRefusal) -> Effect {
        let feedback = try required(feedback, field: "feedback")
        let photos = try EventStep.checkedPhotos(photos)
        var next = event
        next.state = .handled
        next.handledAt = now
        next.handlerID = actor.userID
        if next.pendingRequest?.kind == .extension { next.pendingRequest = nil }
        next.deadline = stageDeadline(stages.verification)
        return Effect(event: next, note: feedback, attachments: photos, notices: verificationNotices(handlerID: actor.userID))
    }

    /// Who is asked to verify a handling by `handlerID`.
    func verificationNotices(handlerID: UUID) -> [(EventNotice.Recipient, EventNotice.Kind)] {
        let community = EventStep.operators(at: event.communityPath, kind: .community)
        if event.reporterRole == .gridWorker, event.reporterID != handlerID {
            return [(reporter, .verificationRequested)]
        }
        return [(reporter, .handled), (community, .verificationRequested)]
    }

    /// 核查: passed, the owner is asked to close; failed (返工, counted), back to the handler
    /// under the original handling deadline, which a rework does not extend.
    func verify(passed: Bool, note: String) throws(EventRefusal) -> Effect {
        var next = event
        guard passed else {
            let note = try required(note, field: "note")
            next.state = .inProgress
            next.reworkCount += 1
            next.handlerID = nil
            next.handledAt = nil
            next.deadline = event.handlingDeadline
            let handler = event.handlingUnit.map(EventStep.handlers(of:)) ?? owner
            return Effect(event: next, note: note, notices: [(handler, .rework)])
        }
        next.state = .verified
        next.deadline = stageDeadline(stages.closing)
        return Effect(event: next, note: optional(note), notices: [(owner, .verified)])
    }

    /// Photo references, trimmed; refused when one is empty or there are too many.
    static func checkedPhotos(_ photos: [String]) throws(EventRefusal) -> [String] {
        let trimmed = photos.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard !trimmed.contains(where: \.isEmpty) else {
            throw .invalidInput(field: "photos", reason: LocalizedText(zh: "照片引用不能为空", en: "a photo reference is empty"))
        }
        guard trimmed.count <= maximumPhotos else {
            throw .invalidInput(field: "photos", reason: LocalizedText(
                zh: "照片不能超过 \(maximumPhotos) 张", en: "at most \(maximumPhotos) photos"))
        }
        return trimmed
    }
}
