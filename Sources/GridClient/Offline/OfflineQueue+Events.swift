import Foundation
import GridCore

/// The writes of the event loop, queued.
extension OfflineQueue {
    /// Queues a report under its own id (the event's id, made by the client). Without an
    /// `occurred_at` the report gets the moment it was queued, so one sent hours later still
    /// says when the worker saw the problem.
    @discardableResult
    public func enqueueReport(_ report: ReportEventRequestDTO, label: String? = nil) throws -> QueuedRequest {
        var request = report
        if request.occurredAt == nil { request.occurredAt = queuedAt }
        return try enqueue(method: "POST", path: ClientPath.events, json: request, id: report.id, label: label ?? "上报 \(report.type)")
    }

    /// Queues an action on an event. Give `input.version` the version the worker saw: if someone
    /// else moved the event on meanwhile, the item is set aside as a conflict instead of acting
    /// on a stale view.
    @discardableResult
    public func enqueueAction(
        _ action: String, on event: UUID, _ input: EventActionRequestDTO = EventActionRequestDTO(), id: UUID = UUID(), label: String? = nil
    ) throws -> QueuedRequest {
        try enqueue(method: "POST", path: ClientPath.eventAction(event, action), json: input, id: id, label: label ?? action)
    }
}
