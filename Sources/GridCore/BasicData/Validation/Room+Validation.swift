extension Room {
    /// The lowest and highest floors accepted (basements are negative; there is no floor 0).
    public static let floorRange = -10...200

    /// Checks the record (房屋信息校验), listing every problem with its field and reason:
    /// - number: required;
    /// - floor: not 0, within `floorRange`, and not above the building's floors when `building` is given;
    /// - area: not negative;
    /// - use: a rental needs the landlord's name and phone; a vacant room cannot be occupied;
    /// - ownerName: at most 100 characters;
    /// - updatedOn: not after `today`.
    public func validate(today: CalendarDay, building: Building? = nil) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        func add(_ failure: ValidationFailure?) {
            if let failure { failures.append(failure) }
        }
        add(FieldCheck.required(number, field: "number", zh: "房间号", en: "room number"))
        if floor == 0 || !Self.floorRange.contains(floor) {
            failures.append(ValidationFailure(
                field: "floor", zh: "楼层 \(floor) 无效：地上从 1 层起，地下为负数",
                en: "floor \(floor) is not valid: floors above ground start at 1, basements are negative"))
        } else if let building, floor > building.floors {
            failures.append(ValidationFailure(
                field: "floor", zh: "楼层 \(floor) 高于楼栋的 \(building.floors) 层",
                en: "floor \(floor) is above the building's \(building.floors) floors"))
        }
        add(FieldCheck.nonNegative(area, field: "area", zh: "面积", en: "area"))
        if ownerName.count > FieldCheck.maximumNameLength {
            failures.append(ValidationFailure(
                field: "ownerName", zh: "产权人不能超过 \(FieldCheck.maximumNameLength) 个字",
                en: "the owner's name must be at most \(FieldCheck.maximumNameLength) characters"))
        }
        if use == .rental {
            if BasicDataText.trimmed(landlordName ?? "").isEmpty {
                failures.append(ValidationFailure(
                    field: "landlordName", zh: "出租房屋应登记房东姓名", en: "a rental room needs the landlord's name"))
            }
            if landlordPhone == nil {
                failures.append(ValidationFailure(
                    field: "landlordPhone", zh: "出租房屋应登记房东电话", en: "a rental room needs the landlord's phone"))
            }
        }
        if use == .vacant, isOccupied {
            failures.append(ValidationFailure(
                field: "isOccupied", zh: "空置房屋不能标记为有人居住", en: "a vacant room cannot be marked occupied"))
        }
        add(FieldCheck.notAfterToday(updatedOn, today: today, field: "updatedOn", zh: "更新日期", en: "update date"))
        return failures
    }
}
