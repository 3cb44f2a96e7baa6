import Foundation

/// Photos travel inside the JSON of a report or an action as Base64 (JPEG, PNG or HEIC; the
/// server checks the content and keeps each by its SHA-256, at most nine per submission).
public enum EventPhoto {
    public static func encode(_ data: Data) -> String {
        data.base64EncodedString()
    }

    /// Reads and encodes a photo file.
    public static func encode(fileAt url: URL) throws -> String {
        encode(try Data(contentsOf: url))
    }
}
