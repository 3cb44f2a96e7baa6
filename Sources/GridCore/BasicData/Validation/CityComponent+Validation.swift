extension CityComponent {
    /// Checks the record (部件信息校验), listing every problem with its field and reason:
    /// - code: 16 digits, a province-level county prefix, and the kind's 4-digit code in places 7–10;
    /// - ownerDepartment: required (a report goes to it first);
    /// - location: a valid longitude and latitude;
    /// - updatedOn: not after `today`.
    public func validate(today: CalendarDay) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        func add(_ failure: ValidationFailure?) {
            if let failure { failures.append(failure) }
        }
        let digits = Array(code)
        if digits.count != 16 || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            failures.append(ValidationFailure(
                field: "code", zh: "部件编码应为 16 位数字（6 位区县 + 4 位类别 + 6 位顺序号），实际为“\(code)”",
                en: "a component code has 16 digits (6 county + 4 kind + 6 serial), not “\(code)”"))
        } else {
            if !ResidentID.provinceCodes.contains(String(digits[0..<2])) {
                failures.append(ValidationFailure(
                    field: "code", zh: "部件编码的区县代码“\(String(digits[0..<6]))”无效",
                    en: "the county part \(String(digits[0..<6])) of the component code is not valid"))
            }
            let kindCode = String(digits[6..<10])
            if kindCode != kind.standardCode {
                failures.append(ValidationFailure(
                    field: "code", zh: "部件编码的类别码“\(kindCode)”与部件类型“\(kind.label.zhHans)”（\(kind.standardCode)）不符",
                    en: "the kind part \(kindCode) of the code does not match \(kind.label.en) (\(kind.standardCode))"))
            }
        }
        add(FieldCheck.name(ownerDepartment, field: "ownerDepartment", zh: "权属单位", en: "owner department"))
        add(FieldCheck.validCoordinate(location.coordinate, field: "location"))
        add(FieldCheck.notAfterToday(updatedOn, today: today, field: "updatedOn", zh: "更新日期", en: "update date"))
        return failures
    }
}
