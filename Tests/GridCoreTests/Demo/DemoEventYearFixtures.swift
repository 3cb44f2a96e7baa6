import Foundation
import Testing
@testable import GridCore

/// The demo years the tests look at, made once: the small district's whole year, and the
/// district-scale year (planned, and a few days run).
enum DemoYearFixtures {
    /// The demo's "now" in the tests: a Thursday morning in November 2025.
    static let until = instant("2025-11-20T10:30:00+08:00")
    /// The end of that day, for volume counts over whole days.
    static let endOfDay = instant("2025-11-20T23:59:59+08:00")

    static func instant(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 0)
    }

    struct Small: Sendable {
        let hierarchy: DemoHierarchy
        let year: DemoEventYear
        let batches: [DemoEventBatch]

        var events: [DemoEvent] { batches.flatMap(\.events) }
    }

    /// The small district's year, generated in full.
    static let small: Result<Small, ValidationFailure> = {
        do {
            let hierarchy = try DemoHierarchy(scale: .small)
            let year = try DemoEventYear(hierarchy: hierarchy, until: until)
            return .success(Small(hierarchy: hierarchy, year: year, batches: year.days.map { year.batch(on: $0) }))
        } catch let failure as ValidationFailure {
            return .failure(failure)
        } catch {
            return .failure(ValidationFailure(field: nil, zh: "\(error)", en: "\(error)"))
        }
    }()

    /// Pidu at full scale, nothing run yet.
    static let district: Result<(hierarchy: DemoHierarchy, year: DemoEventYear), ValidationFailure> = {
        do {
            let hierarchy = try DemoHierarchy(scale: .district)
            return .success((hierarchy, try DemoEventYear(hierarchy: hierarchy, until: until)))
        } catch let failure as ValidationFailure {
            return .failure(failure)
        } catch {
            return .failure(ValidationFailure(field: nil, zh: "\(error)", en: "\(error)"))
        }
    }()

    /// The timeline's shape: starts with the report, each step starts where the last ended, the
    /// snapshot ends where the timeline does, one version per entry, time never runs backwards
    /// nor past `until`. Returns the problems found.
    static func timelineProblems(_ event: DemoEvent, until: Date) -> [String] {
        var problems: [String] = []
        let lines = event.timeline.map(\.entry)
        guard let first = lines.first else { return ["\(event.number): empty timeline"] }
        if first.action != .report || first.from != nil { problems.append("\(event.number): does not start with a report") }
        if first.at != event.reportedAt { problems.append("\(event.number): report time differs from reportedAt") }
        for (previous, next) in zip(lines, lines.dropFirst()) {
            if next.from != previous.to { problems.append("\(event.number): \(next.action) from \(String(describing: next.from)) after \(previous.to)") }
            if next.at < previous.at { problems.append("\(event.number): \(next.action) goes back in time") }
        }
        if lines.last?.to != event.snapshot.state { problems.append("\(event.number): state \(event.snapshot.state) ≠ last entry") }
        if event.snapshot.version != lines.count { problems.append("\(event.number): version \(event.snapshot.version) for \(lines.count) entries") }
        if let last = lines.last, last.at > until { problems.append("\(event.number): a step after until") }
        if event.occurredAt > event.reportedAt { problems.append("\(event.number): occurred after it was reported") }
        if event.timeline.contains(where: { $0.actorName.isEmpty }) { problems.append("\(event.number): an actor without a name") }
        return problems
    }
}
