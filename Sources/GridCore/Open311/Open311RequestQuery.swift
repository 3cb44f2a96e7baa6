import Foundation

/// The filters of `GET requests` (诉求查询), read from the query string by the spec's rules:
/// `service_request_id` (comma-separated) overrides every other filter; otherwise
/// `service_code` and `status` (comma-separated), and a window on `requested_datetime` from
/// `start_date` to `end_date` of at most 90 days — the most recent 90 days when neither is
/// given, 90 days from the one given otherwise. An empty parameter is the same as an absent one.
public struct Open311RequestQuery: Sendable, Equatable {
    /// The longest window a query may span.
    public static let maximumDays = 90
    /// The most requests one answer carries.
    public static let maximumCount = 1000

    /// Requests named by id; when set, nothing else filters.
    public var ids: [String]?
    /// Service codes; empty means every service.
    public var serviceCodes: [String]
    /// Statuses; empty means both.
    public var statuses: Set<Open311Status>
    /// `requested_datetime >= from`.
    public var from: Date
    /// `requested_datetime <= to`.
    public var to: Date

    public init(ids: [String]?, serviceCodes: [String], statuses: Set<Open311Status>, from: Date, to: Date) {
        self.ids = ids
        self.serviceCodes = serviceCodes
        self.statuses = statuses
        self.from = from
        self.to = to
    }

    /// Reads the filters; every problem is reported at once.
    public static func parse(_ parameters: [String: String], now: Date) throws(Open311Failure) -> Open311RequestQuery {
        func value(_ name: String) -> String? {
            guard let raw = parameters[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        func list(_ name: String) -> [String] {
            (value(name) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let window = TimeInterval(maximumDays) * 86_400
        let ids = list("service_request_id")
        if !ids.isEmpty {
            return Open311RequestQuery(ids: ids, serviceCodes: [], statuses: [], from: now.addingTimeInterval(-window), to: now)
        }
        var problems: [Open311Failure] = []
        var statuses: Set<Open311Status> = []
        for raw in list("status") {
            if let status = Open311Status(rawValue: raw.lowercased()) {
                statuses.insert(status)
            } else {
                problems.append(.invalid(parameter: "status", reason: LocalizedText(zh: "应为 open 或 closed", en: "must be open or closed")))
            }
        }
        func date(_ name: String) -> Date? {
            guard let raw = value(name) else { return nil }
            guard let date = Open311DateTime.parse(raw) else {
                problems.append(.invalid(parameter: name, reason: LocalizedText(
                    zh: "应为带时区的 W3C 时间，如 2010-01-01T00:00:00Z", en: "must be a W3C datetime with a time zone, e.g. 2010-01-01T00:00:00Z")))
                return nil
            }
            return date
        }
        let start = date("start_date")
        let end = date("end_date")
        var from = now.addingTimeInterval(-window)
        var to = now
        switch (start, end) {
        case let (start?, end?):
            if end < start {
                problems.append(.invalid(parameter: "end_date", reason: LocalizedText(zh: "不能早于 start_date", en: "must not be before start_date")))
            } else if end.timeIntervalSince(start) > window {
                problems.append(.windowTooLong(maximumDays: maximumDays))
            }
            (from, to) = (start, end)
        case let (start?, nil):
            (from, to) = (start, start.addingTimeInterval(window))
        case let (nil, end?):
            (from, to) = (end.addingTimeInterval(-window), end)
        case (nil, nil):
            break
        }
        if problems.count == 1, let only = problems.first { throw only }
        if !problems.isEmpty { throw .several(problems) }
        return Open311RequestQuery(ids: nil, serviceCodes: list("service_code"), statuses: statuses, from: from, to: to)
    }
}
