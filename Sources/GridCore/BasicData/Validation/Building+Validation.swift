extension Building {
    /// The most floors accepted (the tallest towers have about 130).
    public static let maximumFloors = 200

    /// Checks the record (楼栋信息校验), listing every problem with its field and reason:
    /// - name: required; address: road, number and building (`StandardAddress.Level.building`);
    /// - location or footprint: at least one, with valid coordinates; a footprint has 3 or more corners;
    /// - floors: 1…200;
    /// - updatedOn: not after `today`.
    public func validate(today: CalendarDay) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        func add(_ failure: ValidationFailure?) {
            if let failure { failures.append(failure) }
        }
        add(FieldCheck.name(name, field: "name", zh: "楼栋名称", en: "building name"))
        failures += address.completenessFailures(for: .building)
        if location == nil, footprint == nil {
            failures.append(ValidationFailure(
                field: "location", zh: "楼栋应有位置点或轮廓", en: "a building needs a location or a footprint"))
        }
        if let location { add(FieldCheck.validCoordinate(location, field: "location")) }
        if let footprint {
            if Set(footprint).count < 3 {
                failures.append(ValidationFailure(
                    field: "footprint", zh: "楼栋轮廓至少需要 3 个不同的角点", en: "a footprint needs at least 3 distinct corners"))
            }
            if let bad = footprint.first(where: { !$0.isValidGeographic }) {
                add(FieldCheck.validCoordinate(bad, field: "footprint"))
            }
        }
        if !(1...Self.maximumFloors).contains(floors) {
            failures.append(ValidationFailure(
                field: "floors", zh: "层数应在 1 到 \(Self.maximumFloors) 之间，实际为 \(floors)",
                en: "floors must be 1 to \(Self.maximumFloors), not \(floors)"))
        }
        add(FieldCheck.notAfterToday(updatedOn, today: today, field: "updatedOn", zh: "更新日期", en: "update date"))
        return failures
    }
}
