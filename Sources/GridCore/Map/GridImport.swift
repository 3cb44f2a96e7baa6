import Foundation

/// One feature of a grid import (网格导入), after reading its properties.
public struct GridImportItem: Sendable, Hashable {
    public var index: Int
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var parentCode: String
    /// In GCJ-02, the stored datum, converted from the feature's own.
    public var geometry: MultiPolygon
    public var sourceDatum: Datum

    public init(index: Int, code: String, name: String, kind: UnitKind, parentCode: String, geometry: MultiPolygon, sourceDatum: Datum) {
        self.index = index
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.geometry = geometry
        self.sourceDatum = sourceDatum
    }
}

/// A problem found before anything is written. `feature` is the 0-based index in the file.
public struct GridImportProblem: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case missingProperty = "missing_property"
        case invalidValue = "invalid_value"
        case duplicateCode = "duplicate_code"
        case unknownParent = "unknown_parent"
        case invalidGeometry = "invalid_geometry"
        case outsideParent = "outside_parent"
        case overlap
        case gap
    }

    public var kind: Kind
    public var feature: Int?
    public var code: String?
    public var field: String?
    public var message: LocalizedText
    /// Where to look: a point inside the overlap, gap or stray piece.
    public var location: Coordinate?
    public var area: Double?

    public init(kind: Kind, feature: Int?, code: String?, field: String?, message: LocalizedText, location: Coordinate? = nil, area: Double? = nil) {
        self.kind = kind
        self.feature = feature
        self.code = code
        self.field = field
        self.message = message
        self.location = location
        self.area = area
    }
}

/// What the database already holds, as the validator needs it.
public struct ExistingMapUnit: Sendable, Hashable {
    public var code: String
    public var kind: UnitKind
    public var parentCode: String?
    /// The current outline in GCJ-02, if any.
    public var geometry: MultiPolygon?

    public init(code: String, kind: UnitKind, parentCode: String?, geometry: MultiPolygon?) {
        self.code = code
        self.kind = kind
        self.parentCode = parentCode
        self.geometry = geometry
    }
}

/// Reads and checks a GeoJSON grid import before anything is written: properties, codes,
/// parents, geometry validity, pieces outside their parent, overlaps between general siblings and
/// gaps in their parent's coverage above a tolerance. Pure: the caller supplies what exists.
public struct GridImportValidator: Sendable {
    /// Gaps, overlaps and stray pieces smaller than this (m²) are rounding, not problems.
    public var tolerance: Double
    /// Used for features without a `datum` property.
    public var defaultDatum: Datum?

    public init(tolerance: Double = 10, defaultDatum: Datum? = nil) {
        self.tolerance = tolerance
        self.defaultDatum = defaultDatum
    }

    public struct Result: Sendable {
        public var items: [GridImportItem]
        public var problems: [GridImportProblem]
        public var isValid: Bool { problems.isEmpty }
    }

    public func validate(_ collection: GeoJSONFeatureCollection, existing: [String: ExistingMapUnit]) -> Result {
        var problems: [GridImportProblem] = []
        var items: [GridImportItem] = []
        var seen: [String: Int] = [:]
        for (index, feature) in collection.features.enumerated() {
            guard let item = read(feature, index: index, problems: &problems) else { continue }
            if let first = seen[item.code] {
                problems.append(GridImportProblem(
                    kind: .duplicateCode, feature: index, code: item.code, field: "code",
                    message: LocalizedText(zh: "编码 \(item.code) 与第 \(first + 1) 个要素重复", en: "code \(item.code) repeats feature \(first + 1)")))
                continue
            }
            seen[item.code] = index
            items.append(item)
        }
        let inFile = Dictionary(uniqueKeysWithValues: items.map { ($0.code, $0) })
        for item in items {
            checkParent(item, inFile: inFile, existing: existing, problems: &problems)
        }
        guard problems.isEmpty else { return Result(items: items, problems: problems) }
        checkCoverage(items, existing: existing, problems: &problems)
        return Result(items: items, problems: problems)
    }

    // MARK: reading

    private func read(_ feature: GeoJSONFeature, index: Int, problems: inout [GridImportProblem]) -> GridImportItem? {
        func text(_ key: String) -> String? {
            guard case .string(let value)? = feature.properties[key] else { return nil }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
        func missing(_ key: String, code: String? = nil) {
            problems.append(GridImportProblem(
                kind: .missingProperty, feature: index, code: code, field: key,
                message: LocalizedText(zh: "第 \(index + 1) 个要素缺少属性 \(key)", en: "feature \(index + 1) has no \(key) property")))
        }
        func invalid(_ key: String, code: String?, _ why: LocalizedText) {
            problems.append(GridImportProblem(
                kind: .invalidValue, feature: index, code: code, field: key,
                message: LocalizedText(zh: "第 \(index + 1) 个要素的 \(key) 无效：\(why.zhHans)", en: "feature \(index + 1): \(key) is invalid: \(why.en)")))
        }
        let code = text("code")
        let name = text("name")
        let parent = text("parent") ?? text("parent_code")
        let kindText = text("kind") ?? "grid"
        let before = problems.count
        if code == nil { missing("code") }
        if name == nil { missing("name", code: code) }
        if parent == nil { missing("parent", code: code) }
        let kind = UnitKind(rawValue: kindText)
        if kind == nil || !(kind?.isTerritorial ?? false) || kind == .city || kind == .district {
            invalid("kind", code: code, LocalizedText(zh: "应为 street、community、grid 或 special_grid", en: "it must be street, community, grid or special_grid"))
        }
        var datum = defaultDatum
        if let raw = text("datum") {
            do { datum = try Datum(parsing: raw, field: "datum") } catch { invalid("datum", code: code, error.reason) }
        } else if datum == nil {
            missing("datum", code: code)
        }
        if let code, let kind, let parent {
            checkCodeShape(code, kind: kind, parent: parent, index: index, problems: &problems)
        }
        guard let multi = feature.geometry?.multiPolygon else {
            problems.append(GridImportProblem(
                kind: .invalidGeometry, feature: index, code: code, field: "geometry",
                message: LocalizedText(zh: "第 \(index + 1) 个要素的几何应为 Polygon 或 MultiPolygon", en: "feature \(index + 1): the geometry must be a Polygon or MultiPolygon")))
            return nil
        }
        guard problems.count == before, let code, let name, let parent, let kind, let datum else { return nil }
        let converted = DatumConverter.convert(multi, from: datum, to: .gcj02).normalized()
        let geometryProblems = converted.validate()
        if !geometryProblems.isEmpty {
            for problem in geometryProblems {
                problems.append(GridImportProblem(
                    kind: .invalidGeometry, feature: index, code: code, field: "geometry",
                    message: LocalizedText(zh: "\(code)：\(problem.message.zhHans)", en: "\(code): \(problem.message.en)"),
                    location: problem.location))
            }
            return nil
        }
        return GridImportItem(index: index, code: code, name: name, kind: kind, parentCode: parent, geometry: converted, sourceDatum: datum)
    }

    /// Codes follow domain.md §2 (`UnitCodeShape`).
    private func checkCodeShape(_ code: String, kind: UnitKind, parent: String, index: Int, problems: inout [GridImportProblem]) {
        let why = UnitCodeShape.problem(code: code, kind: kind, parentCode: parent)
        if let why {
            problems.append(GridImportProblem(
                kind: .invalidValue, feature: index, code: code, field: "code",
                message: LocalizedText(zh: "第 \(index + 1) 个要素的编码 \(code) 无效：\(why.zhHans)", en: "feature \(index + 1): code \(code) is invalid: \(why.en)")))
        }
    }

    private func checkParent(
        _ item: GridImportItem, inFile: [String: GridImportItem], existing: [String: ExistingMapUnit], problems: inout [GridImportProblem]
    ) {
        let parentKind = inFile[item.parentCode]?.kind ?? existing[item.parentCode]?.kind
        guard let parentKind else {
            problems.append(GridImportProblem(
                kind: .unknownParent, feature: item.index, code: item.code, field: "parent",
                message: LocalizedText(zh: "\(item.code) 的上级 \(item.parentCode) 不存在", en: "\(item.code): the parent \(item.parentCode) does not exist")))
            return
        }
        if !item.kind.mayBeChild(of: parentKind) {
            problems.append(GridImportProblem(
                kind: .unknownParent, feature: item.index, code: item.code, field: "parent",
                message: LocalizedText(
                    zh: "\(item.code)：\(item.kind.label.zhHans)不能设在\(parentKind.label.zhHans)之下",
                    en: "\(item.code): a \(item.kind.label.en.lowercased()) cannot be placed under a \(parentKind.label.en.lowercased())")))
        }
        if let current = existing[item.code], current.kind != item.kind || current.parentCode != item.parentCode {
            problems.append(GridImportProblem(
                kind: .invalidValue, feature: item.index, code: item.code, field: "parent",
                message: LocalizedText(
                    zh: "\(item.code) 已存在，类型或上级与文件不同；调整隶属请用拆分/合并",
                    en: "\(item.code) exists with another kind or parent; use split or merge to move it")))
        }
    }

    // MARK: coverage

    /// For every parent with an outline, its children must lie inside it, and its general children
    /// (streets, communities, general grids) must tile it without overlap or gap.
    private func checkCoverage(_ items: [GridImportItem], existing: [String: ExistingMapUnit], problems: inout [GridImportProblem]) {
        var outline: [String: MultiPolygon] = [:]
        var children: [String: [(code: String, kind: UnitKind, shape: MultiPolygon, feature: Int?)]] = [:]
        for unit in existing.values {
            if let geometry = unit.geometry { outline[unit.code] = geometry }
        }
        for unit in existing.values {
            guard let parent = unit.parentCode, let geometry = unit.geometry else { continue }
            children[parent, default: []].append((unit.code, unit.kind, geometry, nil))
        }
        for item in items {
            outline[item.code] = item.geometry
            var siblings = children[item.parentCode, default: []]
            siblings.removeAll { $0.code == item.code }  // the file replaces what exists
            siblings.append((item.code, item.kind, item.geometry, item.index))
            children[item.parentCode] = siblings
        }
        // Only parents touched by the file are checked: untouched ones are the database's business.
        let touched = Set(items.map(\.parentCode))
        for parentCode in touched.sorted() {
            guard let container = outline[parentCode], let pieces = children[parentCode] else { continue }
            let general = pieces.filter { $0.kind != .specialGrid }
            let report = CoverageAnalysis.analyze(container: container, pieces: pieces.map(\.shape), minimumPieceArea: tolerance)
            for piece in report.outside {
                for member in piece.members {
                    let child = pieces[member]
                    problems.append(GridImportProblem(
                        kind: .outsideParent, feature: child.feature, code: child.code, field: "geometry",
                        message: LocalizedText(
                            zh: "\(child.code) 有 \(Int(piece.area.rounded())) 平方米超出上级 \(parentCode)",
                            en: "\(piece.area.rounded()) m² of \(child.code) lies outside its parent \(parentCode)"),
                        location: piece.location, area: piece.area))
                }
            }
            let generalReport = CoverageAnalysis.analyze(container: container, pieces: general.map(\.shape), minimumPieceArea: tolerance)
            for overlap in generalReport.pairwiseOverlaps where overlap.area >= tolerance {
                let a = general[overlap.first], b = general[overlap.second]
                problems.append(GridImportProblem(
                    kind: .overlap, feature: a.feature ?? b.feature, code: a.code, field: "geometry",
                    message: LocalizedText(
                        zh: "\(a.code) 与 \(b.code) 重叠 \(Int(overlap.area.rounded())) 平方米",
                        en: "\(a.code) and \(b.code) overlap by \(overlap.area.rounded()) m²"),
                    location: overlap.location, area: overlap.area))
            }
            // A parent with only special grids in it is not expected to be tiled.
            guard !general.isEmpty else { continue }
            for gap in generalReport.gaps {
                problems.append(GridImportProblem(
                    kind: .gap, feature: nil, code: parentCode, field: "geometry",
                    message: LocalizedText(
                        zh: "\(parentCode) 有 \(Int(gap.area.rounded())) 平方米未被任何下级覆盖",
                        en: "\(gap.area.rounded()) m² of \(parentCode) is covered by none of its parts"),
                    location: gap.location, area: gap.area))
            }
        }
    }
}

extension GeometryProblem {
    /// Where the defect is, for the defects that have a place.
    var location: Coordinate? {
        switch self {
        case .duplicateConsecutivePoints(_, _, let at), .selfIntersection(_, let at), .ringsIntersect(_, _, let at),
             .partsOverlap(_, _, _, let at):
            at
        default:
            nil
        }
    }
}
