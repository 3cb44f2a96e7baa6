extension Person {
    /// Moving out (迁出): the person's record with `movedOutOn` set. People are never deleted
    /// when they leave; the record stays, so history and statistics keep them.
    ///
    /// - Parameters:
    ///   - day: the day the person left.
    ///   - recordedOn: the day the change is recorded; becomes `updatedOn`. `day` must not be later.
    /// - Throws: `ValidationFailure` on `movedOutOn` when the person has already moved out, when
    ///   `day` is before the moved-in date, or when it is after `recordedOn`.
    public func movingOut(on day: CalendarDay, recordedOn: CalendarDay) throws(ValidationFailure) -> Person {
        if let movedOutOn {
            throw ValidationFailure(
                field: "movedOutOn", zh: "此人已于 \(movedOutOn) 迁出", en: "this person already moved out on \(movedOutOn)")
        }
        if let movedInOn, day < movedInOn {
            throw ValidationFailure(
                field: "movedOutOn", zh: "迁出日期 \(day) 早于迁入日期 \(movedInOn)",
                en: "the moved-out date \(day) is before the moved-in date \(movedInOn)")
        }
        if day > recordedOn {
            throw ValidationFailure(
                field: "movedOutOn", zh: "迁出日期 \(day) 晚于登记日期 \(recordedOn)",
                en: "the moved-out date \(day) is after the day it is recorded, \(recordedOn)")
        }
        var moved = self
        moved.movedOutOn = day
        moved.updatedOn = recordedOn
        return moved
    }
}
