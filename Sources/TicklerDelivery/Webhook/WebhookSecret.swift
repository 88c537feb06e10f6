import Crypto
import Foundation

/// The HMAC key webhooks are signed with (Standard Webhooks): `whsec_` followed by base64,
/// or any other text taken as raw bytes. Read from a systemd credential or a file, never
/// from `tickler.yaml` itself; it prints as `WebhookSecret(redacted)`.
package struct WebhookSecret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Shorter keys are refused: Standard Webhooks asks for 24 to 64 random bytes.
    package static let minimumBytes = 16
    /// Larger files are refused rather than read (a wrong path, not a secret).
    static let maximumFileBytes = 4096

    private let bytes: [UInt8]
    /// The secret as written (trimmed), which DingTalk and Feishu sign with as it is.
    let text: String

    /// The HMAC key (Standard Webhooks).
    var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// Two secrets are the same when their keys are (`whsec_` base64 or the same bytes as
    /// they are).
    package static func == (a: WebhookSecret, b: WebhookSecret) -> Bool { a.bytes == b.bytes }
    package func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

    package var description: String { "WebhookSecret(redacted)" }
    package var debugDescription: String { description }
    /// `dump` and the debugger show no bytes either.
    package var customMirror: Mirror { Mirror(self, children: [:]) }

    /// The key in `text`: `whsec_BASE64` (decoded), otherwise the text's UTF-8 bytes, without
    /// a trailing line break. As the Standard Webhooks libraries do, the base64 may be wrapped
    /// over lines (white space is skipped) and may leave out its `=` padding.
    package init(parsing text: String) throws(WebhookError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes: [UInt8]
        if trimmed.hasPrefix("whsec_") {
            guard let data = Self.lenientBase64(trimmed.dropFirst(6)) else {
                throw WebhookError(
                    .secretInvalid,
                    "the webhook secret starts with whsec_ but the rest is not base64; write whsec_ and the output "
                        + "of `openssl rand -base64 32`")
            }
            bytes = Array(data)
        } else {
            bytes = Array(trimmed.utf8)
        }
        guard bytes.count >= Self.minimumBytes else {
            throw WebhookError(
                .secretInvalid,
                "the webhook secret has \(bytes.count) bytes; use at least \(Self.minimumBytes) random bytes, "
                    + "e.g. whsec_ and the output of `openssl rand -base64 32`")
        }
        self.bytes = bytes
        self.text = trimmed
    }

    /// Base64 with white space anywhere and the padding optional; `nil` for anything else.
    private static func lenientBase64(_ text: Substring) -> Data? {
        var compact = String(text.unicodeScalars.filter { !$0.properties.isWhitespace })
        while compact.hasSuffix("=") { compact.removeLast() }
        guard compact.count % 4 != 1 else { return nil }
        compact += String(repeating: "=", count: (4 - compact.count % 4) % 4)
        return Data(base64Encoded: compact)
    }

    /// The systemd credential `name` (`LoadCredential=NAME:PATH` in the unit), read from
    /// `$CREDENTIALS_DIRECTORY/NAME`.
    package static func credential(
        _ name: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(WebhookError) -> WebhookSecret {
        guard WebhookSecret.isCredentialName(name) else {
            throw WebhookError(
                .secretUnreadable, "'\(name)' is not a credential name; use letters, digits, '_', '-' and '.'")
        }
        guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else {
            throw WebhookError(
                .secretUnreadable,
                "the webhook secret is the credential '\(name)' but CREDENTIALS_DIRECTORY is not set; "
                    + "add LoadCredential=\(name):/etc/tickler/\(name) to the service unit")
        }
        // systemd makes the directory and its files readable by the service only.
        return try read(directory + "/" + name, what: "credential '\(name)'", checkMode: false)
    }

    /// The secret in the file at `path`, which must not be readable or writable by other
    /// users (`chmod 600`).
    package static func file(_ path: String) throws(WebhookError) -> WebhookSecret {
        try read(path, what: "file \(path)", checkMode: true)
    }

    /// systemd credential names: no `/`, not `.` or `..`, printable.
    package static func isCredentialName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && name.utf8.count <= 255
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || "0123456789_-.".unicodeScalars.contains($0))
            }
    }

    private static func read(_ path: String, what: String, checkMode: Bool) throws(WebhookError) -> WebhookSecret {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw WebhookError(.secretUnreadable, "cannot read the webhook secret \(what); check that it exists")
        }
        if checkMode, let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o006 != 0 {
            throw WebhookError(
                .secretExposed,
                "the webhook secret \(what) can be read or written by other users; run chmod 600 \(path) "
                    + "(or better, use a systemd credential)")
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > maximumFileBytes {
            throw WebhookError(.secretInvalid, "the webhook secret \(what) is larger than \(maximumFileBytes) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WebhookError(
                .secretUnreadable, "cannot read the webhook secret \(what); check its owner and permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WebhookError(.secretInvalid, "the webhook secret \(what) is not UTF-8 text")
        }
        return try WebhookSecret(parsing: text)
    }
}
