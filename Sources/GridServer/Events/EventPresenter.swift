import FluentKit
import Foundation
import GridCore
import GridStore

/// Builds the wire form of events.
struct EventPresenter {
    let catalog: EventCatalog
    let now: Date
    let language: Language

    func dto(_ event: StoredEvent, grid: GridRefDTO, timeline: [StoredTimelineEntry]?, photos: [String]) -> EventDTO {
        let s = event.snapshot
        let deadline = s.state == .handled || s.state == .verified ? s.deadline : (s.handlingDeadline ?? s.deadline)
        let open = ![EventState.closed, .archived, .rejected].contains(s.state)
        return EventDTO(
            id: s.id, number: event.number, type: s.typeCode, typeName: catalog[s.typeCode]?.name ?? s.typeCode,
            state: s.state.rawValue, stateLabel: s.state.label.text(in: language), level: s.level, description: event.description,
            grid: grid, unitPath: s.gridPath.rawValue, ownerPath: s.ownerPath.rawValue, handlingUnit: s.handlingUnit?.path.rawValue,
            deadline: deadline?.end, overdue: open && !s.parked && (deadline?.isOverdue(at: now) ?? false),
            location: .init(lon: event.location.lon, lat: event.location.lat, datum: event.locationDatum.rawValue),
            mapPoint: PointDTO(lon: event.mapPoint.lon, lat: event.mapPoint.lat, datum: Datum.gcj02.rawValue),
            reporter: .init(id: s.reporterID, name: event.reporterName), channel: event.channel, occurredAt: event.occurredAt,
            reportedAt: s.reportedAt, awaitingCheck: s.awaitingCheck, parked: s.parked, pendingRequest: s.pendingRequest?.kind.rawValue,
            outcome: s.outcome?.description, reworkCount: s.reworkCount, returnCount: s.returnCount, version: s.version,
            attributes: event.attributes, photos: photos,
            ratings: event.ratings == EventRatings() ? nil : event.ratings,
            timeline: timeline?.map { row in
                TimelineEntryDTO(
                    at: row.entry.at, actor: row.actorName, actorRole: row.entry.actorRole?.rawValue, action: row.entry.action.rawValue,
                    from: row.entry.from?.rawValue, to: row.entry.to.rawValue, note: row.entry.note, attachments: row.entry.attachments)
            })
    }

    /// One event with its grid, timeline and photos.
    func full(_ event: StoredEvent, on db: any Database) async throws -> EventDTO {
        let grid = try await UnitStore.find(id: event.gridID, on: db).map(GridFeatures.ref)
            ?? GridRefDTO(id: event.gridID, code: "", name: "", kind: .grid)
        let timeline = try await EventStore.timeline(event.snapshot.id, on: db)
        let photos = try await EventStore.photos(event.snapshot.id, on: db).map(\.sha256)
        return dto(event, grid: grid, timeline: timeline, photos: photos)
    }
}
