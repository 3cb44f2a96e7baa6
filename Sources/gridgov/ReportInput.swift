import Foundation
import GridClient
import GridCore

/// What `gridgov report` was asked to file, checked before anything is sent or queued: each
/// problem is one sentence in Chinese and English naming the flag.
struct ReportInput {
    let request: ReportEventRequestDTO

    init(
        type: String?, description: String?, lon: Double?, lat: Double?, datum: String, photos: [String], attributes: [String],
        occurredAt: String?, solvedOnSpot: Bool, now: Date
    ) throws {
        guard let type = type?.trimmingCharacters(in: .whitespaces), !type.isEmpty else {
            throw ValidationFailure(field: "type", zh: "请用 --type 给出准入清单中的事项编码", en: "give the event-type code from the admission list with --type")
        }
        guard let description = description?.trimmingCharacters(in: .whitespacesAndNewlines), !description.isEmpty else {
            throw ValidationFailure(field: "description", zh: "请用 --description 描述发现的问题", en: "describe the problem with --description")
        }
        guard let lon, let lat else {
            throw ValidationFailure(field: "lon", zh: "请用 --lon 和 --lat 给出位置", en: "give the place with --lon and --lat")
        }
        guard (-180...180).contains(lon), lon.isFinite else {
            throw ValidationFailure(field: "lon", zh: "经度 --lon 应在 -180 到 180 之间", en: "--lon must lie between -180 and 180")
        }
        guard (-90...90).contains(lat), lat.isFinite else {
            throw ValidationFailure(field: "lat", zh: "纬度 --lat 应在 -90 到 90 之间", en: "--lat must lie between -90 and 90")
        }
        let datum = try Datum(parsing: datum, field: "datum")
        var when = now
        if let occurredAt {
            guard let parsed = ISO8601DateFormatter().date(from: occurredAt) else {
                throw ValidationFailure(field: "occurred-at", zh: "--occurred-at 应为 RFC 3339 时间，如 2026-05-01T08:30:00+08:00",
                                        en: "--occurred-at must be an RFC 3339 time such as 2026-05-01T08:30:00+08:00")
            }
            when = parsed
        }
        var values: [String: JSONValue] = [:]
        for pair in attributes {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationFailure(field: "attribute", zh: "--attribute 应写成 名称=值（收到“\(pair)”）", en: "--attribute must be name=value (got '\(pair)')")
            }
            values[parts[0]] = .string(parts[1])
        }
        let encoded = try photos.map { file -> String in
            guard let data = FileManager.default.contents(atPath: file), !data.isEmpty else {
                throw ValidationFailure(field: "photo", zh: "无法读取照片文件 \(file)", en: "cannot read the photo file \(file)")
            }
            return EventPhoto.encode(data)
        }
        // Whole seconds: the wire carries RFC 3339 without fractions, and a queued report must be
        // byte-for-byte the same when it is sent again.
        let occurred = Date(timeIntervalSince1970: when.timeIntervalSince1970.rounded(.down))
        request = ReportEventRequestDTO(
            id: UUID(), type: type, description: description, location: .init(lon: lon, lat: lat, datum: datum.rawValue),
            occurredAt: occurred, solvedOnSpot: solvedOnSpot ? true : nil, attributes: values.isEmpty ? nil : values,
            photos: encoded.isEmpty ? nil : encoded)
    }
}
