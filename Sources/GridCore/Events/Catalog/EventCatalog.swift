import Foundation

/// The admission list as a validated tree (网格事项准入清单): unique codes, every parent present
/// and a strict prefix of its children's codes, levels 1–4, a deadline for every level, and
/// well-formed attributes. A catalogue that exists is valid, so the rest of the platform never
/// re-checks it.
///
/// Reporting picks a *reportable* item: every item except a root that has children (the roots
/// `A` 矛盾纠纷, `B` 问题隐患, `C` 民生服务 of the standard list are headings). A risk-kind item
/// such as `B04` 城市管理 stays reportable although it has children: it is "another problem of
/// this kind" when no listed item fits.
public struct EventCatalog: Sendable, Hashable {
    /// The items in their given order (the standard list is in code order, parents first).
    public let types: [EventType]
    private let positions: [String: Int]

    /// Validates `types` as a whole; every problem is reported, each naming `types[i].<property>`.
    public init(types: [EventType]) throws(ValidationFailures) {
        let problems = EventCatalog.problems(in: types, line: { $0 + 1 })
        guard problems.isEmpty else {
            throw ValidationFailures(problems.map { problem in
                let index = problem.line - 1
                let field = "types[\(index)]" + (problem.column.map { ".\($0.key)" } ?? "")
                if case .duplicateCode(let code, let first) = problem.problem {
                    return ValidationFailure(
                        field: field, zh: "编码“\(code)”与第 \(first) 项重复", en: "code \(code) repeats item \(first)")
                }
                return ValidationFailure(field: field, zh: problem.detail.zhHans, en: problem.detail.en)
            })
        }
        self.init(trusted: types)
    }

    /// For lists already checked (the built-in standard list, whose test validates it).
    init(trusted types: [EventType]) {
        self.types = types
        var positions: [String: Int] = [:]
        for (index, type) in types.enumerated() where positions[type.code] == nil {
            positions[type.code] = index
        }
        self.positions = positions
    }

    public subscript(code: String) -> EventType? {
        positions[code].map { types[$0] }
    }

    /// The items directly under `code`, or the roots when `code` is nil, in list order.
    public func children(of code: String?) -> [EventType] {
        types.filter { $0.parentCode == code }
    }

    public var roots: [EventType] { children(of: nil) }

    /// Whether a report may pick this item: it exists and is not a root heading with children.
    public func isReportable(_ code: String) -> Bool {
        guard let type = self[code] else { return false }
        return type.parentCode != nil || !types.contains { $0.parentCode == code }
    }

    /// The items a report may pick, in list order.
    public var reportableTypes: [EventType] {
        types.filter { isReportable($0.code) }
    }

    /// The chain from the root down to `code` itself; empty when the code is unknown.
    public func path(to code: String) -> [EventType] {
        var chain: [EventType] = []
        var next: String? = code
        while let current = next, let type = self[current], chain.count <= types.count {
            chain.append(type)
            next = type.parentCode
        }
        return chain.reversed()
    }

    /// The list as a tree, for `GET /api/v1/event-types` and the reporting picker.
    public var tree: [EventTypeNode] {
        func node(_ type: EventType) -> EventTypeNode {
            EventTypeNode(type: type, reportable: isReportable(type.code), children: children(of: type.code).map(node))
        }
        return roots.map(node)
    }
}

extension EventCatalog: Codable {
    /// Encodes as the plain array of items; decoding validates like `init(types:)`.
    public init(from decoder: any Decoder) throws {
        let types = try decoder.singleValueContainer().decode([EventType].self)
        do {
            try self.init(types: types)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.reason.en))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(types)
    }
}

/// One item of the admission list with its sub-items, as the API serves the tree.
public struct EventTypeNode: Sendable, Hashable, Codable {
    public let type: EventType
    /// Whether a report may pick this item (see `EventCatalog.isReportable`).
    public let reportable: Bool
    public let children: [EventTypeNode]

    public init(type: EventType, reportable: Bool, children: [EventTypeNode]) {
        self.type = type
        self.reportable = reportable
        self.children = children
    }
}
