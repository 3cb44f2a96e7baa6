extension Person {
    /// Checks the record as a grid worker would (人口信息校验), listing every problem with its field
    /// (the property name) and reason in both languages; empty when the record is acceptable.
    ///
    /// - name: required, at most 100 characters;
    /// - idNumber: resident identity card fully checked (length, characters, province, a real
    ///   birth date not after `today`, check character); other documents by format;
    /// - residenceKind: registered residents hold a resident identity card, overseas people do not;
    /// - declaredBirthDate: not after `today` (documents other than the identity card);
    /// - movedInOn / movedOutOn: not after `today`, not before birth, moved out not before moved in;
    /// - careGroups: elderly groups from 60, left-behind children under 16 (when the age is known);
    /// - tags: not blank, no list separator (、,;|), at most 20 characters each, at most 20 tags;
    /// - updatedOn: not after `today`.
    public func validate(today: CalendarDay) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        func add(_ failure: ValidationFailure?) {
            if let failure { failures.append(failure) }
        }
        add(FieldCheck.name(name, field: "name", zh: "姓名", en: "name"))
        add(idType.formatFailure(of: idNumber, today: today, field: "idNumber"))
        add(Self.residenceFailure(residenceKind, idType: idType))
        if idType != .residentID {
            add(FieldCheck.notAfterToday(declaredBirthDate, today: today, field: "declaredBirthDate", zh: "出生日期", en: "birth date"))
        }
        add(FieldCheck.notAfterToday(movedInOn, today: today, field: "movedInOn", zh: "迁入日期", en: "moved-in date"))
        add(FieldCheck.notAfterToday(movedOutOn, today: today, field: "movedOutOn", zh: "迁出日期", en: "moved-out date"))
        if let movedInOn, let movedOutOn, movedOutOn < movedInOn {
            failures.append(ValidationFailure(
                field: "movedOutOn", zh: "迁出日期 \(movedOutOn) 早于迁入日期 \(movedInOn)",
                en: "the moved-out date \(movedOutOn) is before the moved-in date \(movedInOn)"))
        }
        let birth = birthDate.flatMap { $0 <= today ? $0 : nil }
        if let birth, let movedInOn, movedInOn < birth {
            failures.append(ValidationFailure(
                field: "movedInOn", zh: "迁入日期 \(movedInOn) 早于出生日期 \(birth)",
                en: "the moved-in date \(movedInOn) is before the birth date \(birth)"))
        }
        if birth != nil, let age = age(on: today) {
            for group in CareGroup.allCases where careGroups.contains(group) {
                if let minimum = group.minimumAge, age < minimum {
                    failures.append(ValidationFailure(
                        field: "careGroups", zh: "\(group.label.zhHans)应年满 \(minimum) 周岁，此人 \(age) 岁",
                        en: "\(group.label.en) requires an age of at least \(minimum); this person is \(age)"))
                }
                if let limit = group.ageLimit, age >= limit {
                    failures.append(ValidationFailure(
                        field: "careGroups", zh: "\(group.label.zhHans)应未满 \(limit) 周岁，此人 \(age) 岁",
                        en: "\(group.label.en) requires an age under \(limit); this person is \(age)"))
                }
            }
        }
        add(Self.tagFailure(tags))
        add(FieldCheck.notAfterToday(updatedOn, today: today, field: "updatedOn", zh: "更新日期", en: "update date"))
        return failures
    }

    /// Whether the kind of residence fits the document: registered residents hold a resident
    /// identity card, overseas people do not. The failure is on `residenceKind`.
    static func residenceFailure(_ kind: ResidenceKind, idType: PersonIDType) -> ValidationFailure? {
        if kind == .registered, idType != .residentID {
            return ValidationFailure(
                field: "residenceKind", zh: "户籍人口应使用居民身份证登记",
                en: "registered residents are recorded with their resident identity card")
        }
        if kind == .overseas, idType == .residentID {
            return ValidationFailure(
                field: "residenceKind", zh: "境外人员不能使用居民身份证登记，请选择护照或通行证",
                en: "overseas people are recorded with a passport or permit, not a resident identity card")
        }
        return nil
    }

    /// The most tags a person may carry, and the longest tag.
    public static let maximumTags = 20
    public static let maximumTagLength = 20

    static func tagFailure(_ tags: [String]) -> ValidationFailure? {
        if tags.count > maximumTags {
            return ValidationFailure(
                field: "tags", zh: "标签不能超过 \(maximumTags) 个", en: "at most \(maximumTags) tags are allowed")
        }
        if tags.contains(where: { BasicDataText.trimmed($0).isEmpty }) {
            return ValidationFailure(field: "tags", zh: "标签不能为空白", en: "a tag must not be blank")
        }
        if let joined = tags.first(where: { $0.contains(where: BasicDataCSVFormat.listSeparators.contains) }) {
            return ValidationFailure(
                field: "tags", zh: "标签“\(joined)”不能包含分隔符（、,;|）",
                en: "the tag “\(joined)” must not contain a separator (、,;|)")
        }
        if let long = tags.first(where: { $0.count > maximumTagLength }) {
            return ValidationFailure(
                field: "tags", zh: "标签“\(long)”超过 \(maximumTagLength) 个字",
                en: "the tag “\(long)” is longer than \(maximumTagLength) characters")
        }
        return nil
    }
}
