import Foundation
import Testing
@testable import GridCore

/// The patrol log's rules: tracks thinned and bounded, time counted per local day against the
/// four-hour standard, impossible times refused.
@Suite struct PatrolTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-29 in Asia/Shanghai

    /// A walk north from Pidu at about 1.2 m/s, one fix a second.
    static func walk(seconds: Int, from: Date = start) -> [TrackPoint] {
        (0..<seconds).map { TrackPoint(at: from.addingTimeInterval(Double($0)), lon: 103.88, lat: 30.80 + Double($0) * 1.2 / 111_195) }
    }

    @Test("distance on the ground: one degree of latitude is about 111.2 km, a street crossing a few metres")
    func distance() {
        #expect(abs(Geodesy.distance(Coordinate(lon: 103.88, lat: 30), Coordinate(lon: 103.88, lat: 31)) - 111_195) < 10)
        let across = Geodesy.distance(Coordinate(lon: 103.88, lat: 30.8), Coordinate(lon: 103.88005, lat: 30.8))
        #expect(across > 4.5 && across < 5)
    }

    @Test("a fix a second thins to one per 10 s or 15 m; bad fixes and repeats are dropped; the length survives")
    func thinning() {
        var points = Self.walk(seconds: 600)
        points.append(points[100])  // the phone sent second 100 twice
        points.append(TrackPoint(at: Self.start.addingTimeInterval(601), lon: 104.5, lat: 30.8, accuracy: 800))  // a basement fix
        let kept = PatrolTrack.thinned(points.shuffled())
        #expect(kept == PatrolTrack.thinned(points))
        #expect(kept.count == 60)
        #expect(zip(kept, kept.dropFirst()).allSatisfy { $1.at.timeIntervalSince($0.at) >= 10 })
        #expect(abs(PatrolTrack.length(kept) - 599 * 1.2 * 590 / 599) < 15)
    }

    @Test("a very long track is cut to the maximum, evenly, keeping its ends")
    func bounded() {
        let points = Self.walk(seconds: 40_000).enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
        let kept = PatrolTrack.thinned(points)
        #expect(kept.count == PatrolTrack.maximumPoints)
        #expect(kept.first == points.first && kept.last == points.last)
    }

    @Test("recording keeps fixes inside the patrol only")
    func record() throws {
        var patrol = Patrol(id: UUID(), workerID: UUID(), gridPath: try #require(UnitPath(rawValue: "/510117/")), startedAt: Self.start.addingTimeInterval(60))
        patrol.record(Self.walk(seconds: 300))
        #expect(patrol.track.first?.at == Self.start.addingTimeInterval(60))
        patrol.endedAt = Self.start.addingTimeInterval(200)
        patrol.record(Self.walk(seconds: 100, from: Self.start.addingTimeInterval(400)))
        #expect(patrol.track.allSatisfy { $0.at <= Self.start.addingTimeInterval(300) })
    }

    @Test("time per local day: a patrol across midnight splits, an open one counts up to now, a forgotten one stops at 14 h")
    func dailySeconds() throws {
        let calendar = WorkingCalendar()
        let day = calendar.day(of: Self.start)
        let midnight = calendar.start(of: day.adding(days: 1))
        let path = try #require(UnitPath(rawValue: "/510117/"))
        let late = Patrol(id: UUID(), workerID: UUID(), gridPath: path, startedAt: midnight.addingTimeInterval(-3600), endedAt: midnight.addingTimeInterval(1800))
        #expect(PatrolRules.seconds(of: [late], on: day, calendar: calendar, now: midnight.addingTimeInterval(7200)) == 3600)
        #expect(PatrolRules.seconds(of: [late], on: day.adding(days: 1), calendar: calendar, now: midnight.addingTimeInterval(7200)) == 1800)
        let open = Patrol(id: UUID(), workerID: UUID(), gridPath: path, startedAt: midnight.addingTimeInterval(3600))
        #expect(PatrolRules.seconds(of: [open], on: day.adding(days: 1), calendar: calendar, now: midnight.addingTimeInterval(3 * 3600)) == 7200)
        #expect(PatrolRules.seconds(of: [open], on: day.adding(days: 1), calendar: calendar, now: midnight.addingTimeInterval(20 * 3600)) == 14 * 3600)
    }

    @Test("a start in the future or an end before the start is refused by field")
    func refusals() {
        let now = Self.start
        #expect(PatrolRules.problem(start: now.addingTimeInterval(3600), end: nil, now: now)?.field == "started_at")
        #expect(PatrolRules.problem(start: now, end: now.addingTimeInterval(-1), now: now)?.field == "ended_at")
        #expect(PatrolRules.problem(start: now.addingTimeInterval(-3600), end: now.addingTimeInterval(60), now: now) == nil)
    }
}
