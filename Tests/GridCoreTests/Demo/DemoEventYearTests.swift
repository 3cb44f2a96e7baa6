import Foundation
import Testing
@testable import GridCore

@Suite("Demo event year: the small district's whole year")
struct DemoEventYearTests {
    typealias F = DemoYearFixtures

    @Test("the same seed and until give the same year, ids included; another seed another one")
    func determinism() throws {
        // setup
        let small = try F.small.get()
        // act
        let again = try DemoEventYear(hierarchy: small.hierarchy, until: F.until)
        let other = try DemoEventYear(hierarchy: small.hierarchy, until: F.until, seed: 7)
        // verify
        for (index, day) in again.days.enumerated() {
            #expect(again.batch(on: day) == small.batches[index], "day \(day)")
        }
        let ids = Set(small.events.map(\.id))
        let otherIDs = Set(other.days.flatMap { other.events(on: $0) }.map(\.id))
        #expect(ids.isDisjoint(with: otherIDs))
        #expect(ids.count == small.events.count)
    }

    @Test("the year is the 365 local days ending with until's day, and holds a few hundred to a couple of thousand reports")
    func shape() throws {
        let small = try F.small.get()
        #expect(small.year.days.count == 365)
        #expect(small.year.days.last == WorkingCalendar().day(of: F.until))
        #expect((300...2_500).contains(small.events.count))
        #expect(small.batches.allSatisfy { $0.events.allSatisfy { event in event.reportedAt <= F.until } })
        for batch in small.batches {
            #expect(small.year.reportCount(on: batch.day) == batch.events.count)
            #expect(batch.events.allSatisfy { WorkingCalendar().day(of: $0.reportedAt) == batch.day })
        }
    }

    @Test("every step went through the machine: no refusal anywhere in the year")
    func noRefusals() throws {
        let small = try F.small.get()
        let refusals = small.batches.flatMap(\.refusals)
        #expect(refusals.isEmpty, "\(refusals.prefix(3).map { "\($0.typeCode) \($0.action) in \($0.state): \($0.refusal.reason.en)" })")
    }

    @Test("timelines start with the report, chain state to state, end at the snapshot's state, one version each")
    func timelines() throws {
        let small = try F.small.get()
        let problems = small.events.flatMap { F.timelineProblems($0, until: F.until) }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test("reports older than a month are nearly all finished; a few long cases stay open")
    func oldEventsAreFinished() throws {
        let small = try F.small.get()
        let old = small.events.filter { F.until.timeIntervalSince($0.reportedAt) > 30 * 86_400 }
        let finished = old.filter { !$0.snapshot.state.isOpen }
        let share = Double(finished.count) / Double(old.count)
        #expect(share >= 0.95)
        #expect(share < 1)
    }

    @Test("rejections, on-the-spot fixes, returns and reworks come in realistic shares")
    func shares() throws {
        let events = try F.small.get().events
        func share(_ predicate: (DemoEvent) -> Bool) -> Double { Double(events.filter(predicate).count) / Double(events.count) }
        #expect((0.03...0.09).contains(share { $0.snapshot.state == .rejected }))
        #expect((0.05...0.11).contains(share { $0.snapshot.solvedOnSpot }))
        #expect((0.01...0.04).contains(share { $0.snapshot.returnCount > 0 }))
        #expect((0.015...0.05).contains(share { $0.snapshot.reworkCount > 0 }))
        #expect(share { $0.snapshot.escalations > 0 } > 0.1)
        #expect(share { $0.timeline.contains { $0.entry.action == .requestExtension } } > 0)
        #expect(share { $0.timeline.contains { $0.entry.action == .requestVoid } } > 0)
        #expect(share { $0.timeline.contains { $0.entry.action == .supervise } } > 0)
        #expect(share { $0.snapshot.outcome == .voided } > 0)
        let rejected = events.filter { $0.snapshot.state == .rejected }
        #expect(rejected.allSatisfy { $0.timeline.last?.entry.note?.isEmpty == false })
    }

    @Test("every location lies inside its grid's outline, in GCJ-02")
    func locations() throws {
        let small = try F.small.get()
        let units = Dictionary(uniqueKeysWithValues: small.hierarchy.units.map { ($0.id, $0) })
        for event in small.events {
            let outline = try #require(small.hierarchy.geometries[event.gridID])
            #expect(outline.locate(event.location) == .inside, "\(event.number) \(event.location)")
            #expect(event.locationDatum == .gcj02)
            #expect(units[event.gridID]?.path == event.gridPath)
            #expect(units[event.gridID]?.kind.isGrid == true)
        }
    }

    @Test("attributes satisfy the admission list: every required one, valid values, no unknown keys")
    func attributes() throws {
        let small = try F.small.get()
        for event in small.events {
            let type = try #require(EventCatalog.standard[event.typeCode])
            #expect(EventCatalog.standard.isReportable(type.code))
            #expect(throws: Never.self) { try type.validate(attributes: event.attributes) }
            for spec in type.requiredAttributes where spec.required {
                #expect(event.attributes[spec.key] != nil, "\(event.number) lacks \(spec.key)")
            }
            #expect(!event.description.isEmpty)
        }
    }

    @Test("ticket numbers are YYMMDD of the report day and a five-digit serial, unique, in report order")
    func numbers() throws {
        let small = try F.small.get()
        var all = Set<String>()
        for batch in small.batches {
            let prefix = String(batch.day.description.replacingOccurrences(of: "-", with: "").dropFirst(2))
            for (index, event) in batch.events.enumerated() {
                #expect(event.number == prefix + String(format: "%05d", index + 1))
                #expect(all.insert(event.number).inserted)
            }
            #expect(zip(batch.events, batch.events.dropFirst()).allSatisfy { $0.reportedAt <= $1.reportedAt })
            #expect(batch.lastSerial == batch.events.count)
        }
    }

    @Test("resolved events carry ratings from the rating rules; nothing else does")
    func ratings() throws {
        let small = try F.small.get()
        let calendar = WorkingCalendar()
        var rated = 0
        for event in small.events {
            let resolved = event.snapshot.state == .closed && event.snapshot.outcome == .resolved
            guard let ratings = event.ratings else { continue }
            #expect(resolved)
            rated += 1
            if let stars = ratings.discoveryStars { #expect((1...5).contains(stars)) }
            if let satisfaction = ratings.satisfaction {
                let timeliness = try #require(event.snapshot.handlingTimeliness(calendar: calendar))
                #expect(ratings.timeliness == timeliness)
                #expect(ratings.disposalStars == DisposalRating.stars(timeliness: timeliness, satisfaction: satisfaction))
            }
            #expect(event.timeline.contains { $0.entry.action == .rate })
        }
        let resolved = small.events.filter { $0.snapshot.outcome == .resolved }.count
        #expect(Double(rated) / Double(resolved) > 0.95)
    }

    @Test("the overdue sweep has already acted on every open deadline that passed before until")
    func sweepMarks() throws {
        let small = try F.small.get()
        let sweepable: Set<EventState> = [.reported, .accepted, .returned, .dispatched, .inProgress]
        for event in small.events where sweepable.contains(event.snapshot.state) {
            guard let due = event.deadlineAt, due.addingTimeInterval(60) < F.until else { continue }
            #expect(event.sweepMark == due, "\(event.number) due \(due) marked \(String(describing: event.sweepMark))")
        }
        let system = small.events.flatMap(\.timeline).filter { $0.entry.actorID == DemoCast.system.userID }
        #expect(!system.isEmpty)
        #expect(system.allSatisfy { $0.actorName == DemoCast.system.name && [.escalate, .urge].contains($0.entry.action) })
    }

    @Test("assigned accounts act in their role and unit; the rest of the cast is synthetic and stable")
    func cast() throws {
        // setup
        let small = try F.small.get()
        let grid = try #require(small.hierarchy.units.first { $0.kind == .grid })
        let community = try #require(small.hierarchy.units.first { $0.id == grid.parentID })
        let worker = DemoCast.Member(userID: UUID(), name: "刘洋（专职网格员）")
        let operatorAccount = DemoCast.Member(userID: UUID(), name: "张丽（社区工作站）")
        var cast = DemoCast()
        cast.assign(worker, as: .gridWorker, at: grid.path)
        cast.assign(operatorAccount, as: .communityOperator, at: community.path)
        // act
        let year = try DemoEventYear(hierarchy: small.hierarchy, until: F.until, cast: cast)
        let events = year.days.flatMap { year.events(on: $0) }.filter { $0.gridID == grid.id }
        // verify
        let byWorker = events.filter { $0.channel == .gridWorker }
        #expect(!byWorker.isEmpty)
        #expect(byWorker.allSatisfy { $0.snapshot.reporterID == worker.userID && $0.reporterName == worker.name })
        let lines = events.flatMap(\.timeline)
        #expect(lines.contains { $0.entry.actorID == operatorAccount.userID })
        #expect(lines.filter { $0.entry.actorID == operatorAccount.userID }.allSatisfy {
            $0.actorName == operatorAccount.name && $0.entry.actorRole == .communityOperator
        })
        #expect(DemoCast().member(.gridWorker, at: grid.path) == DemoCast().member(.gridWorker, at: grid.path))
        #expect(DemoCast().member(.gridWorker, at: grid.path) != DemoCast().member(.gridHead, at: community.path))
    }

    @Test("the stream gives the same batches as asking day by day")
    func stream() async throws {
        let small = try F.small.get()
        let days = Array(small.year.days.suffix(12))
        var streamed: [DemoEventBatch] = []
        for await batch in small.year.stream(days: days, prefetch: 3) { streamed.append(batch) }
        #expect(streamed == Array(small.batches.suffix(12)))
    }

    @Test("the summary counts what the batches hold")
    func summary() throws {
        let small = try F.small.get()
        let summary = small.year.summary()
        #expect(summary.events == small.events.count)
        #expect(summary.refusals == 0)
        #expect(summary.byState.values.reduce(0, +) == summary.events)
        #expect(summary.byMonth.values.reduce(0, +) == summary.events)
        #expect(summary.byClass.values.reduce(0, +) == summary.events)
        #expect(summary.timelineEntries == small.events.reduce(0) { $0 + $1.timeline.count })
        #expect(!summary.text.isEmpty)
    }
}
