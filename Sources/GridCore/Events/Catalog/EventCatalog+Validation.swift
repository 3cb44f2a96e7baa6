import Foundation

extension EventCatalog {
    /// Longest item name accepted (the standard list's longest is 9 characters).
    static let maximumNameLength = 50

    /// Every problem of `types`, in item order, located with `line(index)` (a file line for the
    /// CSV import, a 1-based position for lists built in code).
    static func problems(in types: [EventType], line: (Int) -> Int) -> [CatalogImportError] {
        var problems: [CatalogImportError] = []
        var firstIndex: [String: Int] = [:]
        for (index, type) in types.enumerated() {
            func add(_ column: CatalogColumn?, _ problem: CatalogImportError.Problem) {
                problems.append(CatalogImportError(line: line(index), column: column, problem: problem))
            }
            for (column, problem) in itemProblems(type) { add(column, problem) }
            if let first = firstIndex[type.code] {
                add(.code, .duplicateCode(type.code, firstLine: line(first)))
            } else {
                firstIndex[type.code] = index
            }
        }
        let codes = Set(types.map(\.code))
        for (index, type) in types.enumerated() {
            guard let parent = type.parentCode else { continue }
            if !codes.contains(parent) {
                problems.append(CatalogImportError(line: line(index), column: .parentCode, problem: .unknownParent(parent)))
            } else if !(type.code.hasPrefix(parent) && type.code.count > parent.count) {
                problems.append(CatalogImportError(
                    line: line(index), column: .parentCode, problem: .parentNotPrefix(code: type.code, parent: parent)))
            }
        }
        return problems.sorted { $0.line < $1.line }
    }

    /// Problems of one item on its own.
    static func itemProblems(_ type: EventType) -> [(CatalogColumn?, CatalogImportError.Problem)] {
        var problems: [(CatalogColumn?, CatalogImportError.Problem)] = []
        if !isValidCode(type.code) { problems.append((.code, .invalidCode(type.code))) }
        let name = type.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            problems.append((.name, .empty))
        } else if name.count > maximumNameLength {
            problems.append((.name, .nameTooLong))
        }
        if !EventType.levels.contains(type.defaultLevel) {
            problems.append((.defaultLevel, .invalidLevel(String(type.defaultLevel))))
        }
        for level in EventType.levels {
            let column = CatalogColumn.deadline(forLevel: level)
            guard let days = type.deadlineDays[level] else {
                problems.append((column, .empty))
                continue
            }
            if (try? DeadlineRule(workingDays: days)) == nil {
                problems.append((column, .invalidDays(String(days))))
            }
        }
        for level in type.deadlineDays.keys.sorted() where !EventType.levels.contains(level) {
            problems.append((nil, .invalidLevel(String(level))))
        }
        if let department = type.department, (try? UnitCode(department)) == nil {
            problems.append((.department, .invalidDepartment(department)))
        }
        var keys = Set<String>()
        for spec in type.requiredAttributes {
            if let problem = spec.specificationProblems() {
                problems.append((.attributes, .invalidAttribute(problem)))
            } else if !keys.insert(spec.key).inserted {
                problems.append((.attributes, .invalidAttribute(LocalizedText(
                    zh: "属性键“\(spec.key)”重复", en: "attribute key \"\(spec.key)\" is repeated"))))
            }
        }
        return problems
    }

    /// 1–20 ASCII letters and digits.
    static func isValidCode(_ code: String) -> Bool {
        (1...20).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
