import Crypto
import Foundation
import GridCore

/// How a receiver knows a message came from this platform and was not replayed: the header
/// `X-GridGov-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. The
/// receiver recomputes it with its copy of the secret and rejects old timestamps.
public enum WebhookSignature {
    public static let header = "X-GridGov-Signature"
    public static let deliveryHeader = "X-GridGov-Delivery"
    public static let kindHeader = "X-GridGov-Event"

    public static func sign(body: String, secret: String, at date: Date) -> String {
        let timestamp = Int(date.timeIntervalSince1970)
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(timestamp),v1=" + Hex.lowercase(code)
    }

    /// A fresh random secret, 256 bits as hex.
    public static func makeSecret() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { bytes in Hex.lowercase(bytes) }
    }
}
