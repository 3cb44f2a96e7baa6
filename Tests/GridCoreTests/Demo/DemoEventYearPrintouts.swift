import Foundation
import Testing
@testable import GridCore

/// Print-only runs for people, skipped unless asked for; they assert nothing about time.
/// - `GRIDGOV_DEMO_TIMING=1`: the district year's cost and counts (run in release:
///   `swift test -c release -Xswiftc -enable-testing --filter DemoEventYearPrintouts`).
/// - `GRIDGOV_DEMO_PROBE=1`: a few timelines of the small year to read.
@Suite("Demo event year: printouts")
struct DemoEventYearPrintouts {
    static let environment = ProcessInfo.processInfo.environment

    @Test("district year: cost and summary", .enabled(if: environment["GRIDGOV_DEMO_TIMING"] != nil))
    func districtTiming() async throws {
        let started = Date()
        let hierarchy = try DemoHierarchy(scale: .district)
        let built = Date()
        let year = try DemoEventYear(hierarchy: hierarchy, until: DemoYearFixtures.until)
        let ready = Date()
        let census = year.census()
        let counted = Date()
        let cpu = Self.threadCPU()
        let summary = year.summary()
        let cpuSeconds = Self.threadCPU() - cpu
        let run = Date()
        var streamed = 0
        let processCPU = Self.processCPU()
        for await batch in year.stream(prefetch: 2) { streamed += batch.events.count }
        let streamCPU = Self.processCPU() - processCPU
        let done = Date()
        print("""
            hierarchy \(built.timeIntervalSince(started)) s, year init \(ready.timeIntervalSince(built)) s, \
            census \(counted.timeIntervalSince(ready)) s (\(census.total) reports)
            sequential year: wall \(run.timeIntervalSince(counted)) s, thread CPU \(cpuSeconds) s
            stream(prefetch: 2): wall \(done.timeIntervalSince(run)) s, process CPU \(streamCPU) s (\(streamed) events)
            \(summary.text)
            """)
    }

    @Test("small year: sample timelines", .enabled(if: environment["GRIDGOV_DEMO_PROBE"] != nil))
    func sampleTimelines() throws {
        let events = try DemoYearFixtures.small.get().events
        let format = DateFormatter()
        format.timeZone = WorkingCalendar.defaultTimeZone
        format.dateFormat = "yyyy-MM-dd EEE HH:mm"
        let picks = [
            events.first { $0.timeline.contains { $0.entry.actorID == DemoCast.system.userID } },
            events.first { $0.snapshot.returnCount > 0 },
            events.first { $0.snapshot.reworkCount > 0 },
            events.first { $0.timeline.contains { $0.entry.action == .resume } },
            events.first { $0.snapshot.supervised && $0.snapshot.state == .inProgress },
            events.first { $0.snapshot.solvedOnSpot },
            events.first { $0.snapshot.state == .rejected },
        ].compactMap { $0 }
        for event in picks {
            print(event.number, event.typeCode, event.channel.rawValue, "level \(event.snapshot.level)", event.description, event.attributes)
            for line in event.timeline {
                let entry = line.entry
                print("   ", format.string(from: entry.at), entry.action.rawValue, entry.from?.rawValue ?? "-", "→", entry.to.rawValue,
                      line.actorName, entry.actorRole?.rawValue ?? "", entry.note ?? "")
            }
        }
    }

    static func processCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func threadCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
