import Foundation

/// The patrols of one grid (巡查): on most working days, in office hours (08:30–12:00, 13:30–18:00),
/// one patrol or a morning and an afternoon one, their lengths aimed at the worker's monthly
/// hours; each with a short loop of a handful of fixes through the grid (the track a thinned
/// phone log keeps of a walk, kept small so a year of them stays small) and its length.
extension DemoWorkYear {
    /// Fixes of a track besides its start and end at the grid's station.
    static let trackStops = 3...5
    /// Places in a grid a worker's walks pass through.
    static let spotsPerGrid = 12

    public func patrols(for grid: Grid) -> [DemoPatrol] {
        var spotDice = DemoDice(seed, DemoDice.hash(grid.code), 30)
        let spots = (0...Self.spotsPerGrid).compactMap { _ in DemoGridSite.point(in: grid.outline, dice: &spotDice) }
        guard let station = spots.first else { return [] }
        let profile = grid.profile
        let hoursPerPatrolDay = profile.patrolHoursPerMonth / max(1, workingDaysPerMonth * profile.patrolDayChance)
        var patrols: [DemoPatrol] = []
        for index in workingDays {
            var dice = DemoDice(seed, DemoDice.hash(grid.code), UInt64(index), 31)
            guard dice.chance(profile.patrolDayChance) else { continue }
            let total = Int(3600 * min(7, max(0.5, hoursPerPatrolDay * dice.double(0.7...1.3))))
            let dayStart = clock.start(ofDay: index)
            let morning = dayStart + 30_600 + dice.int(0...2_700)     // 08:30–09:15
            let afternoon = dayStart + 48_600 + dice.int(0...2_700)   // 13:30–14:15
            let morningRoom = dayStart + 43_200 - morning, afternoonRoom = dayStart + 64_800 - afternoon
            var spans: [(start: Int, end: Int)] = []
            if total <= 3 * 3600, dice.chance(0.6) {
                spans.append(dice.chance(0.5) ? (morning, morning + min(total, morningRoom)) : (afternoon, afternoon + min(total, afternoonRoom)))
            } else {
                let first = min(morningRoom, Int(Double(total) * dice.double(0.4...0.55)))
                spans.append((morning, morning + first))
                spans.append((afternoon, afternoon + min(afternoonRoom, total - first)))
            }
            for span in spans where span.end - span.start >= 600 && span.end <= clock.until {
                let id = Self.id(grid: grid, serial: patrols.count, dice: &dice)
                var coordinates = [station]
                for _ in 0..<dice.int(Self.trackStops) { coordinates.append(dice.pick(spots)) }
                coordinates.append(station)
                let patrol = Patrol(
                    id: id, workerID: grid.worker.userID, gridPath: grid.path, startedAt: clock.date(span.start),
                    endedAt: clock.date(span.end), track: track(coordinates, from: span.start, to: span.end))
                patrols.append(DemoPatrol(patrol: patrol, workerName: grid.worker.name, day: days[index]))
            }
        }
        return patrols
    }

    /// Fixes at `coordinates` (GCJ-02, the outlines' datum) spread evenly from `start` to `end`, as
    /// a phone reports them: WGS-84, to a tenth of a metre.
    func track(_ coordinates: [Coordinate], from start: Int, to end: Int) -> [TrackPoint] {
        let step = Double(end - start) / Double(max(1, coordinates.count - 1))
        return coordinates.enumerated().map { offset, point in
            let fix = DatumConverter.gcj02ToWGS84(point)
            return TrackPoint(
                at: clock.date(offset == coordinates.count - 1 ? end : start + Int((Double(offset) * step).rounded(.down))),
                lon: (fix.lon * 1e6).rounded() / 1e6, lat: (fix.lat * 1e6).rounded() / 1e6)
        }
    }
}
