import Foundation
import GridCore
import GridStore

/// Turns stored outlines into GeoJSON for the map, the cards and exports.
enum GridFeatures {
    static func ref(_ unit: OrgUnit) -> GridRefDTO {
        GridRefDTO(id: unit.id, code: unit.code.rawValue, name: unit.name, kind: unit.kind)
    }

    static func geometry(_ shape: MultiPolygon) -> GeoJSONGeometry {
        shape.polygons.count == 1 ? .polygon(shape.polygons[0]) : .multiPolygon(shape)
    }

    /// A feature for the map and the grid card (GCJ-02).
    static func feature(
        _ outline: UnitOutline, staff: [GridStaffDTO], events: (open: Int, overdue: Int) = (0, 0), language: Language
    ) -> GeoJSONFeature {
        let unit = outline.unit
        let codes = unit.path.codes
        let fullTime = staff.filter { $0.role == .fullTime }
        return GeoJSONFeature(
            id: .string(unit.code.rawValue), geometry: geometry(outline.geometry),
            properties: [
                "id": .string(unit.id.uuidString),
                "code": .string(unit.code.rawValue),
                "name": .string(unit.name),
                "kind": .string(unit.kind.rawValue),
                "kind_label": .string(unit.kind.label.text(in: language)),
                "parent": .string(codes.count > 1 ? codes[codes.count - 2] : ""),
                "unit_path": .string(unit.path.rawValue),
                "area_m2": .number(outline.area.rounded()),
                "valid_from": .string(outline.validFrom),
                "valid_to": outline.validTo.map { .string($0) } ?? .null,
                "datum": .string(Datum.gcj02.rawValue),
                "staff_count": .number(Double(staff.count)),
                "open_events": .number(Double(events.open)),
                "overdue_events": .number(Double(events.overdue)),
                "full_time": .string(fullTime.map(\.name).joined(separator: "、")),
                "staff": .array(staff.map { member in
                    .object([
                        "name": .string(member.name), "role": .string(member.role.rawValue),
                        "role_label": .string(member.role.label.text(in: language)),
                        "work_phone": member.workPhone.map { .string($0) } ?? .null,
                    ])
                }),
            ])
    }

    /// The import format: code, name, parent, kind, datum — nothing else, so export → import is
    /// the identity.
    static func export(_ outlines: [UnitOutline], datum: Datum) -> GeoJSONFeatureCollection {
        GeoJSONFeatureCollection(features: outlines.map { outline in
            let codes = outline.unit.path.codes
            let shape = DatumConverter.convert(outline.geometry, from: .gcj02, to: datum)
            return GeoJSONFeature(
                geometry: geometry(shape),
                properties: [
                    "code": .string(outline.unit.code.rawValue),
                    "name": .string(outline.unit.name),
                    "parent": .string(codes.count > 1 ? codes[codes.count - 2] : ""),
                    "kind": .string(outline.unit.kind.rawValue),
                    "datum": .string(datum.rawValue),
                ])
        })
    }
}
