import Foundation

/// What entering basic-data records adds to the indicator tables (采集的指标贡献): one record
/// collected per record, on the day entered, in its grid, and for the collector when a grid
/// worker entered it (an operator's import counts for the territory only, as residents' reports do).
public enum RecordFacts {
    public static func cells(grids: [UnitPath], day: CalendarDay, collector: UUID?) -> [IndicatorCell: MeasureVector] {
        var cells: [IndicatorCell: MeasureVector] = [:]
        for (grid, count) in Dictionary(grids.map { ($0, 1) }, uniquingKeysWith: +) {
            let measures = MeasureVector([.recordsCollected: count])
            EventFacts.add(measures, at: day, subject: .territory, path: grid.rawValue, type: nil, into: &cells)
            if let collector {
                EventFacts.add(measures, at: day, subject: .worker(collector.uuidString.lowercased()), path: grid.rawValue, type: nil, into: &cells)
            }
        }
        return cells
    }
}
