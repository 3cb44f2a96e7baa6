import Foundation

/// What one event adds to the indicator tables (事件的指标贡献), as a pure function of its
/// snapshot and ratings. The store keeps the tables current incrementally: on every write it adds
/// `cells(after) − cells(before)`, so a transition that moves a deadline or closes an event moves
/// exactly its own counts, and a full rebuild from the events gives the same tables.
///
/// Two dates place an event: its report day for what happened at reporting and triage, and the
/// due day of its handling deadline for the closure family (应结案数 counts the events whose
/// deadline fell in the period, GB/T 30428.4 practice).
public enum EventFacts {
    /// The cells the event adds to, with their counts; `day` turns an instant into the
    /// jurisdiction's calendar day (the same day the events table records).
    public static func cells(
        of event: EventSnapshot, ratings: EventRatings?, day: (Date) -> CalendarDay
    ) -> [IndicatorCell: MeasureVector] {
        var cells: [IndicatorCell: MeasureVector] = [:]
        let reportDay = day(event.reportedAt)
        let grid = event.gridPath.rawValue
        let cohort = cohortMeasures(of: event, ratings: ratings)
        add(cohort, at: reportDay, subject: .territory, path: grid, type: event.typeCode, into: &cells)
        if workerRoles.contains(event.reporterRole) {
            add(workerMeasures(cohort), at: reportDay, subject: .worker(event.reporterID.uuidString.lowercased()),
                path: grid, type: nil, into: &cells)
        }
        if let closure = closureMeasures(of: event), let due = event.handlingDeadline?.dueDay {
            add(closure, at: due, subject: .territory, path: grid, type: event.typeCode, into: &cells)
            if let unit = event.handlingUnit {
                var handled = closure
                handled[.dispatched] = 1
                handled += disposal(of: ratings)
                add(handled, at: due, subject: .handler, path: unit.path.rawValue, type: nil, into: &cells)
            }
        }
        return cells
    }

    /// The change an event's write makes: what it adds now less what it added before (nil before
    /// for a new event). Cells whose counts do not move are left out.
    public static func delta(
        from before: (EventSnapshot, EventRatings?)?, to after: (EventSnapshot, EventRatings?), day: (Date) -> CalendarDay
    ) -> [IndicatorCell: MeasureVector] {
        var change = cells(of: after.0, ratings: after.1, day: day)
        if let before {
            for (cell, old) in cells(of: before.0, ratings: before.1, day: day) {
                change[cell] = (change[cell] ?? MeasureVector()) - old
            }
        }
        return change.filter { !$0.value.isZero }
    }

    /// Counts dated by the report day.
    static func cohortMeasures(of event: EventSnapshot, ratings: EventRatings?) -> MeasureVector {
        var m = MeasureVector()
        m[.reported] = 1
        let valid = event.state != .reported && event.state != .rejected
        m[.valid] = valid ? 1 : 0
        m[.rejected] = event.state == .rejected ? 1 : 0
        m[.flowed] = valid && (event.escalations > 0 || event.handlingUnit != nil || event.returnCount > 0) ? 1 : 0
        if let triagedAt = triageInstant(of: event) {
            m[.triaged] = 1
            m[.triageMinutes] = max(0, Int(triagedAt.timeIntervalSince(event.reportedAt) / 60))
        }
        // A return clears the handling unit, so every dispatch is either returned or current.
        m[.dispatched] = event.returnCount + (event.handlingUnit == nil ? 0 : 1)
        m[.returned] = event.returnCount
        m[.solvedOnSpot] = event.solvedOnSpot ? 1 : 0
        if let stars = ratings?.discoveryStars {
            m[.discoveryRated] = 1
            m[.discoveryStars] = stars
        }
        m += disposal(of: ratings)
        return m
    }

    /// Reporters assessed as people (小网): grid workers, grid heads and their aides. Residents,
    /// hotlines and operators who report are counted for the territory only — a district's year
    /// has tens of thousands of one-off residents who are nobody's ranking.
    public static let workerRoles: Set<Role> = [.gridWorker, .gridHead, .auxiliary]

    /// What the reporter is credited with: the report, its triage and its discovery stars.
    static func workerMeasures(_ cohort: MeasureVector) -> MeasureVector {
        var m = MeasureVector()
        for measure in [Measure.reported, .valid, .rejected, .flowed, .discoveryRated, .discoveryStars, .solvedOnSpot] {
            m[measure] = cohort[measure]
        }
        return m
    }

    /// Counts dated by the handling deadline's due day; nil when nothing is due (refused, voided,
    /// merged, or not yet accepted).
    static func closureMeasures(of event: EventSnapshot) -> MeasureVector? {
        guard let deadline = event.handlingDeadline, event.state != .rejected else { return nil }
        switch event.outcome {
        case .voided, .merged, .rejected: return nil
        case .resolved, nil: break
        }
        var m = MeasureVector()
        m[.due] = 1
        let closed = event.state == .closed || event.state == .archived
        m[.closed] = closed ? 1 : 0
        if closed, let handledAt = event.handledAt, handledAt < deadline.end { m[.closedOnTime] = 1 }
        m[.rework] = event.reworkCount
        return m
    }

    static func disposal(of ratings: EventRatings?) -> MeasureVector {
        var m = MeasureVector()
        if let stars = ratings?.disposalStars {
            m[.disposalRated] = 1
            m[.disposalStars] = stars
        }
        if let satisfaction = ratings?.satisfaction {
            m[.satisfactionRated] = 1
            m[.satisfied] = satisfaction >= .fair ? 1 : 0
        }
        return m
    }

    /// When the owner decided: 立案 starts the handling deadline; a refusal closes the report.
    static func triageInstant(of event: EventSnapshot) -> Date? {
        if event.state == .rejected { return event.closedAt }
        return event.handlingDeadline?.acceptedAt
    }

    /// Adds `measures` to the cells of `day` in every grain the place and type belong to (the
    /// per-type grains and the street and district roll-ups only when `type` is given). Shared
    /// with the patrol, visit and register facts, so every flow is dated and placed alike.
    static func add(
        _ measures: MeasureVector, at day: CalendarDay, subject: IndicatorCell.Subject, path: String, type: String?,
        into cells: inout [IndicatorCell: MeasureVector]
    ) {
        let month = String(day.description.prefix(7))
        var grains: [(IndicatorCell.Grain, String)] = [(.day, day.description), (.month, month)]
        if type != nil { grains += [(.dayType, day.description), (.monthType, month)] }
        for (grain, period) in grains {
            let cell = IndicatorCell(grain: grain, subject: subject, period: period, unitPath: path, typeCode: type ?? "")
            cells[cell] = (cells[cell] ?? MeasureVector()) + measures
        }
        guard let type, let grid = UnitPath(rawValue: path) else { return }
        for ancestor in grid.ancestorsAndSelf where ancestor != grid && ancestor.depth <= IndicatorCell.Grain.rollupDepth {
            let cell = IndicatorCell(grain: .monthTypeRollup, subject: subject, period: month, unitPath: ancestor.rawValue, typeCode: type)
            cells[cell] = (cells[cell] ?? MeasureVector()) + measures
        }
    }
}
