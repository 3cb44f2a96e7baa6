import Crypto
import Foundation
import GridCore

/// The keys for personal data at rest (PIPL): AES-GCM to encrypt ID numbers and phones, and an
/// HMAC "blind index" beside them so an exact search never needs the clear text. Both are derived
/// from one 32-byte master key with HKDF, so the key file holds a single secret.
public struct KeyRing: Sendable {
    private let keys: Keys
    private var encryptionKey: SymmetricKey { keys.encryption }

    /// The derived keys, made once, and the search HMAC already keyed: a value's hash starts from
    /// a copy of it instead of keying a new one (the demo hashes two million identifiers).
    /// swift-crypto's keys and HMAC are not marked Sendable; these are never mutated after
    /// `init` (an HMAC copy copies its digest state before it is updated), so sharing them is safe.
    private final class Keys: @unchecked Sendable {
        let encryption: SymmetricKey
        let search: HMAC<SHA256>

        init(encryption: SymmetricKey, search: SymmetricKey) {
            self.encryption = encryption
            self.search = HMAC<SHA256>(key: search)
        }
    }

    public init(masterKey: Data) throws(ConfigurationError) {
        guard masterKey.count == 32 else { throw ConfigurationError.keyFileInvalid(path: "(key)") }
        let master = SymmetricKey(data: masterKey)
        keys = Keys(
            encryption: HKDF<SHA256>.deriveKey(
                inputKeyMaterial: master, info: Data("gridgov personal data encryption v1".utf8), outputByteCount: 32),
            search: HKDF<SHA256>.deriveKey(
                inputKeyMaterial: master, info: Data("gridgov personal data search v1".utf8), outputByteCount: 32))
    }

    /// Reads the key file, or creates it (mode 0600) with a fresh random key if it does not exist.
    public static func loadOrCreate(path: String) throws(ConfigurationError) -> KeyRing {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            var generator = SystemRandomNumberGenerator()
            let key = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
            let text = Data((key.base64EncodedString() + "\n").utf8)
            guard manager.createFile(atPath: path, contents: text, attributes: [.posixPermissions: 0o600]) else {
                throw ConfigurationError.keyFileUnreadable(path: path, detail: "the file could not be created")
            }
        }
        let contents: Data
        do {
            contents = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigurationError.keyFileUnreadable(path: path, detail: (error as NSError).localizedDescription)
        }
        let text = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let key = Data(base64Encoded: text), key.count == 32 else {
            throw ConfigurationError.keyFileInvalid(path: path)
        }
        return try KeyRing(masterKey: key)
    }

    /// Encrypts `plaintext`; the result (nonce + ciphertext + tag, Base64) differs on every call.
    public func seal(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: encryptionKey)
        guard let combined = box.combined else { throw CryptoKitError.incorrectParameterSize }
        return combined.base64EncodedString()
    }

    public func open(_ sealed: String) throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw CryptoKitError.incorrectParameterSize }
        let box = try AES.GCM.SealedBox(combined: data)
        return String(decoding: try AES.GCM.open(box, using: encryptionKey), as: UTF8.self)
    }

    /// The keyed hash used for exact search; equal inputs give equal hashes under one key.
    public func searchHash(_ value: String) -> String {
        var mac = keys.search
        var value = value
        value.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
        return mac.finalize().withUnsafeBytes { Hex.lowercase($0) }
    }
}
