import Foundation

/// A special rectification (专项整治): problems that span departments or recur across a territory
/// — illegal structures along a road, crowded rentals in a village — grouped under one lead
/// department (牵头单位) with its own deadline and progress. Member events keep their own loop;
/// the campaign tracks them together.
public struct Campaign: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var name: String
    public var summary: String
    /// The lead department (牵头单位).
    public var leadPath: UnitPath
    /// The territory the campaign covers (a street or the district): member events lie in it.
    public var scopePath: UnitPath
    /// The admission-list items it targets; empty for any.
    public var typeCodes: [String]
    public var startsOn: CalendarDay
    /// The last day of the campaign (inclusive).
    public var dueOn: CalendarDay
    public var closedAt: Date?
    public var closingNote: String?

    public init(
        id: UUID, name: String, summary: String, leadPath: UnitPath, scopePath: UnitPath, typeCodes: [String],
        startsOn: CalendarDay, dueOn: CalendarDay, closedAt: Date? = nil, closingNote: String? = nil
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.leadPath = leadPath
        self.scopePath = scopePath
        self.typeCodes = typeCodes
        self.startsOn = startsOn
        self.dueOn = dueOn
        self.closedAt = closedAt
        self.closingNote = closingNote
    }

    public static let maximumNameLength = 60

    /// A new campaign from what an operator typed, with every problem named by field. The
    /// lead and scope units are resolved by the caller (they need the database).
    public static func draft(
        id: UUID, name: String, summary: String, leadPath: UnitPath, leadKind: UnitKind, scopePath: UnitPath,
        typeCodes: [String], startsOn: CalendarDay, dueOn: CalendarDay, today: CalendarDay, catalog: EventCatalog
    ) throws(ValidationFailures) -> Campaign {
        var failures: [ValidationFailure] = []
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            failures.append(ValidationFailure(field: "name", zh: "请填写专项整治名称", en: "give the campaign a name"))
        } else if name.count > maximumNameLength {
            failures.append(ValidationFailure(
                field: "name", zh: "名称不能超过 \(maximumNameLength) 个字", en: "the name is longer than \(maximumNameLength) characters"))
        }
        if leadKind != .department {
            failures.append(ValidationFailure(
                field: "lead_unit", zh: "牵头单位必须是职能部门", en: "the lead unit must be a department"))
        }
        if dueOn < startsOn {
            failures.append(ValidationFailure(field: "due", zh: "截止日期不能早于开始日期", en: "the due day is before the start day"))
        } else if dueOn < today {
            failures.append(ValidationFailure(field: "due", zh: "截止日期已过", en: "the due day has passed"))
        }
        let unknown = typeCodes.filter { catalog[$0] == nil }
        if !unknown.isEmpty {
            failures.append(ValidationFailure(
                field: "event_types", zh: "准入清单中没有这些事项：\(unknown.joined(separator: "、"))",
                en: "not in the admission list: \(unknown.joined(separator: ", "))"))
        }
        guard failures.isEmpty else { throw ValidationFailures(failures) }
        return Campaign(
            id: id, name: name, summary: summary.trimmingCharacters(in: .whitespacesAndNewlines), leadPath: leadPath,
            scopePath: scopePath, typeCodes: Array(Set(typeCodes)).sorted(), startsOn: startsOn, dueOn: dueOn)
    }

    public var isClosed: Bool { closedAt != nil }

    /// Why `event` cannot join, or nil when it may: it must lie in the scope, be of a targeted
    /// type, and not be rejected or merged away.
    public func admissionProblem(for event: EventSnapshot) -> LocalizedText? {
        if !scopePath.contains(event.gridPath) {
            return LocalizedText(zh: "事件不在专项整治的范围内", en: "the event lies outside the campaign's territory")
        }
        if !typeCodes.isEmpty, !typeCodes.contains(event.typeCode) {
            return LocalizedText(zh: "事件类型不属于本专项整治", en: "the event's type is not one the campaign targets")
        }
        switch event.outcome {
        case .rejected?, .merged?, .voided?:
            return LocalizedText(zh: "不予立案、已作废或已合并的事件不能纳入", en: "rejected, voided or merged events cannot join")
        case .resolved?, nil:
            return nil
        }
    }
}
