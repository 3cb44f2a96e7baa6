import Foundation

/// The year's batches as an async sequence that makes the next few days in parallel while the
/// caller stores the current one (`DemoEventYear.stream(prefetch:)`). At most `prefetch` days
/// are in flight or waiting, so memory stays bounded whatever the consumer's pace; batches
/// arrive in day order and are the same as `batch(on:)` gives.
public struct DemoEventStream: AsyncSequence, Sendable {
    public typealias Element = DemoEventBatch

    let year: DemoEventYear
    let days: [CalendarDay]
    let prefetch: Int

    public struct AsyncIterator: AsyncIteratorProtocol {
        let year: DemoEventYear
        let days: [CalendarDay]
        let prefetch: Int
        var started = 0
        var pending: [Task<DemoEventBatch, Never>] = []

        public mutating func next() async -> DemoEventBatch? {
            while started < days.count, pending.count < prefetch {
                let year = year, day = days[started]
                pending.append(Task.detached { year.batch(on: day) })
                started += 1
            }
            guard !pending.isEmpty else { return nil }
            return await pending.removeFirst().value
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(year: year, days: days, prefetch: Swift.max(1, prefetch))
    }
}

extension DemoEventYear {
    /// Streams the batches of `days` (all the year's by default), making up to `prefetch` days
    /// at once on the cooperative pool (2 suits the 2-core demo box).
    ///
    /// ```swift
    /// for await batch in year.stream() { try await insert(batch) }
    /// ```
    public func stream(days: [CalendarDay]? = nil, prefetch: Int = 2) -> DemoEventStream {
        DemoEventStream(year: self, days: days ?? self.days, prefetch: prefetch)
    }
}
