import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// The action forms of the event page. Each posts to `/console/events/{id}/actions/{action}`; the
/// server decides exactly as for the API (`EventService.act`), so a forged form for an action the
/// role may not take is refused the same way, and the page shows why.
extension ConsoleEventsController {
    /// Every field any action form may send; each action reads what it needs.
    struct ActionFormData: Content {
        var note: String?
        var reason: String?
        var unit: String?
        var level: String?
        var passed: String?
        var real: String?
        var days: String?
        var target: String?
        var version: Int?
        var stars: String?
        var satisfaction: String?
        var photos: [File]?
    }

    func registerActions(_ console: any RoutesBuilder) {
        console.on(.POST, "events", ":id", "actions", ":action", body: .collect(maxSize: "40mb")) { req in
            try await ConsoleGate.page(req, titleKey: "event_title", path: "/console/events", needs: .eventsRead) { shell, principal in
                let event = try await visibleEvent(req, principal)
                let action = try req.pathParameter("action")
                let form = try req.content.decode(ActionFormData.self)
                do {
                    let input = try await self.input(form, action: action, on: req.db)
                    let after = try await events.act(event.snapshot.id, action: action, input: input, by: principal, on: req.db)
                    // A returned event leaves the department's hands: back to its inbox, with word of what was done.
                    guard EventService.visible(after.snapshot, to: principal.unitPath) else {
                        return req.redirect(to: "/console/events?done=\(action)&number=\(after.number)", redirectType: .normal)
                    }
                    return req.redirect(to: "/console/events/\(event.snapshot.id.uuidString)?done=\(action)", redirectType: .normal)
                } catch {
                    let failure = try failure(error, action: action, form: form, language: req.language)
                    let current = try await EventStore.find(event.snapshot.id, on: req.db) ?? event
                    return try await detail(req, shell, principal, current, message: nil, failure: failure)
                }
            }
        }
    }

    /// The API's action body from the form; bad values are named by their form field.
    private func input(_ form: ActionFormData, action: String, on db: any Database) async throws -> EventActionRequestDTO {
        func blankless(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        func flag(_ text: String?, field: String) throws -> Bool? {
            switch blankless(text) {
            case nil: return nil
            case "true": return true
            case "false": return false
            default: throw ValidationFailure(field: field, zh: "请选择“是”或“否”", en: "choose yes or no")
            }
        }
        func number(_ text: String?, field: String, zh: String, en: String) throws -> Int? {
            guard let text = blankless(text) else { return nil }
            guard let value = Int(text) else { throw ValidationFailure(field: field, zh: zh, en: en) }
            return value
        }
        var input = EventActionRequestDTO(
            note: blankless(form.note), reason: blankless(form.reason), unit: blankless(form.unit),
            passed: try flag(form.passed, field: "passed"),
            stars: try number(form.stars, field: "stars", zh: "星级应为 1–5", en: "stars must be 1–5"),
            satisfaction: blankless(form.satisfaction),
            days: try number(form.days, field: "days", zh: "延期天数应为 1–30 个工作日", en: "days must be 1–30 working days"),
            level: try number(form.level, field: "level", zh: "等级应为 1–4", en: "the level must be 1–4"),
            real: try flag(form.real, field: "real"), version: form.version)
        if action == "dispatch", input.unit == nil {
            throw ValidationFailure(field: "unit", zh: "请选择处置单位", en: "choose the handling unit")
        }
        if action == "merge" {
            guard let number = blankless(form.target) else {
                throw ValidationFailure(field: "target", zh: "请填写要合并到的事件编号", en: "give the ticket number to merge into")
            }
            guard let target = try await EventStore.find(number: number, on: db) else {
                throw ValidationFailure(field: "target", zh: "找不到事件“\(number)”", en: "no event '\(number)' was found")
            }
            input.target = target.snapshot.id
        }
        let photos = (form.photos ?? []).filter { $0.data.readableBytes > 0 }
        if !photos.isEmpty {
            input.photos = photos.map { Data($0.data.readableBytesView).base64EncodedString() }
        }
        return input
    }

    /// What the page says when an action is refused, and with which status.
    private func failure(_ error: any Error, action: String, form: ActionFormData, language: Language) throws -> Failure {
        let typed = ["note": form.note, "reason": form.reason, "unit": form.unit, "days": form.days, "target": form.target, "level": form.level]
            .compactMapValues { $0 }
        switch error {
        case let refusal as EventRefusal:
            let status: HTTPResponseStatus = switch refusal {
            case .notPermitted, .outOfScope: .forbidden
            case .illegalInState, .conflict: .conflict
            case .missingReason, .invalidInput: .unprocessableEntity
            }
            return Failure(action: action, field: refusal.field, message: refusal.reason.text(in: language), status: status, form: typed)
        case let failure as any UserFacingError:
            return Failure(action: action, field: failure.field, message: failure.reason.text(in: language), status: .unprocessableEntity, form: typed)
        case EventConflictError.stale(let current):
            let message = LocalizedText(
                zh: "事件已被他人处理，当前状态为“\(current.snapshot.state.label.zhHans)”，请查看后再操作",
                en: "Someone else acted first; the event is now \(current.snapshot.state.label.en). Check it and try again")
            return Failure(action: action, field: nil, message: message.text(in: language), status: .conflict, form: typed)
        case EventConflictError.unknownAction(let name):
            return Failure(action: action, field: nil, message: LocalizedText(zh: "未知操作“\(name)”", en: "unknown action '\(name)'").text(in: language),
                           status: .notFound, form: typed)
        default:
            throw error
        }
    }
}
