extension Organization {
    /// Checks the record (单位信息校验), listing every problem with its field and reason:
    /// - name: required, at most 100 characters;
    /// - creditCode: required for enterprises, social organisations, hotels and public bodies; its
    ///   registration authority must fit the kind (9 market regulation for businesses, 5 civil
    ///   affairs for social organisations, 1 for public bodies). Check characters are verified
    ///   when the code is parsed (`SocialCreditCode`);
    /// - address: road and number;
    /// - legalPerson: required for kinds that require a credit code;
    /// - phone: a mobile number or a landline, when given;
    /// - employeeCount: not negative;
    /// - updatedOn: not after `today`.
    public func validate(today: CalendarDay) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        func add(_ failure: ValidationFailure?) {
            if let failure { failures.append(failure) }
        }
        add(FieldCheck.name(name, field: "name", zh: "单位名称", en: "organisation name"))
        if let creditCode {
            if let authorities = kind.registrationAuthorities, !authorities.contains(creditCode.registrationAuthority) {
                failures.append(ValidationFailure(
                    field: "creditCode",
                    zh: "统一社会信用代码首位“\(creditCode.registrationAuthority)”与单位类型“\(kind.label.zhHans)”不符",
                    en: "the credit code's registration authority \(creditCode.registrationAuthority) does not fit a \(kind.label.en)"))
            }
        } else if kind.requiresCreditCode {
            failures.append(ValidationFailure(
                field: "creditCode", zh: "\(kind.label.zhHans)应登记统一社会信用代码",
                en: "a \(kind.label.en) needs its unified social credit code"))
        }
        failures += address.completenessFailures(for: .doorplate)
        if kind.requiresCreditCode {
            add(FieldCheck.required(legalPerson, field: "legalPerson", zh: "法定代表人", en: "legal representative"))
        }
        add(FieldCheck.contactPhone(phone, field: "phone"))
        if employeeCount < 0 {
            failures.append(ValidationFailure(
                field: "employeeCount", zh: "从业人数不能为负数", en: "the number of employees must not be negative"))
        }
        add(FieldCheck.notAfterToday(updatedOn, today: today, field: "updatedOn", zh: "更新日期", en: "update date"))
        return failures
    }
}
