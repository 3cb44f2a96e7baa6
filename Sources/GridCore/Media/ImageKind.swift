import Foundation

/// The photo formats reports accept, recognised by content (magic numbers), never by file name or
/// declared type: phones mislabel, and a renamed executable must not pass as a picture.
public enum ImageKind: String, Sendable, Codable, CaseIterable {
    case jpeg
    case png
    case heic

    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .heic: "image/heic"
        }
    }

    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .heic: "heic"
        }
    }

    /// The kind of `bytes`, or nil when they are none of the accepted formats.
    public static func sniff(_ bytes: some Collection<UInt8>) -> ImageKind? {
        let head = Array(bytes.prefix(32))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        // ISO base media file: a size, then "ftyp", then the major brand (HEIF family).
        if head.count >= 12, Array(head[4..<8]) == Array("ftyp".utf8) {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].contains(brand) { return .heic }
        }
        return nil
    }
}

/// Limits on photos attached to reports and feedback.
public struct PhotoPolicy: Sendable, Equatable {
    public var maxBytes: Int
    public var maxPerSubmission: Int

    public init(maxBytes: Int = 8 * 1024 * 1024, maxPerSubmission: Int = 9) {
        self.maxBytes = maxBytes
        self.maxPerSubmission = maxPerSubmission
    }

    /// Checks one photo; `field` names it in the error (`photos[2]`).
    public func check(_ bytes: some Collection<UInt8>, field: String) throws(ValidationFailure) -> ImageKind {
        guard !bytes.isEmpty else {
            throw ValidationFailure(field: field, zh: "照片为空", en: "the photo is empty")
        }
        guard bytes.count <= maxBytes else {
            throw ValidationFailure(
                field: field, zh: "照片不能超过 \(maxBytes / 1024 / 1024) MB", en: "a photo may be at most \(maxBytes / 1024 / 1024) MB")
        }
        guard let kind = ImageKind.sniff(bytes) else {
            throw ValidationFailure(field: field, zh: "只接受 JPEG、PNG 或 HEIC 照片", en: "only JPEG, PNG or HEIC photos are accepted")
        }
        return kind
    }
}
