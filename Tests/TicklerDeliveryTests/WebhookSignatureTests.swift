import Foundation
import TicklerDelivery
import Testing

@Suite("Webhook signing and secrets")
struct WebhookSignatureTests {
    static let secretText = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    @Test("signs id.timestamp.body like the Standard Webhooks reference libraries")
    func referenceVector() throws {
        // The test vector of the Standard Webhooks libraries (standard-webhooks/standard-webhooks,
        // libraries' tests); checked again with Python's hmac in the receiver tests.
        let secret = try WebhookSecret(parsing: Self.secretText)
        let signature = WebhookSignature.sign(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Array(#"{"test": 2432232314}"#.utf8),
            secret: secret)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test("the headers carry the id, the send time in Unix seconds and the signature")
    func headers() throws {
        let secret = try WebhookSecret(parsing: Self.secretText)
        let headers = WebhookSignature.headers(
            id: "tk_1", body: Array("{}".utf8), secret: secret, now: Date(timeIntervalSince1970: 1_700_000_000.9))
        #expect(headers.map(\.0) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        #expect(headers[0].1 == "tk_1")
        #expect(headers[1].1 == "1700000000")
        #expect(headers[2].1 == WebhookSignature.sign(id: "tk_1", timestamp: 1_700_000_000, body: Array("{}".utf8), secret: secret))
        let unsigned = WebhookSignature.headers(id: "tk_1", body: [], secret: nil, now: Date())
        #expect(unsigned.map(\.0) == ["webhook-id", "webhook-timestamp"])
    }

    @Test("a raw secret is its bytes; whsec_ is base64; both without a trailing newline")
    func rawAndPrefixed() throws {
        let raw = try WebhookSecret(parsing: "a raw shared secret of some length\n")
        let same = try WebhookSecret(parsing: "whsec_" + Data("a raw shared secret of some length".utf8).base64EncodedString())
        #expect(raw == same)
    }

    @Test("short, empty and bad base64 secrets are refused", arguments: ["", "short", "whsec_not base64!", "whsec_c2hvcnQ="])
    func invalid(text: String) {
        #expect(throws: WebhookError.self) { try WebhookSecret(parsing: text) }
    }

    @Test("a secret never shows in its description or in errors")
    func neverShown() throws {
        let text = "whsec_" + Data("very-secret-key-material-0123456789".utf8).base64EncodedString()
        let secret = try WebhookSecret(parsing: text)
        for shown in ["\(secret)", String(reflecting: secret), "\([secret])"] {
            #expect(!shown.contains("very-secret"))
            #expect(!shown.contains(String(text.dropFirst(6).prefix(12))))
        }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("short")
        try Data("whsec_c2VjcmV0LXNob3J0".utf8).write(to: file)  // "secret-short", 12 bytes
        do {
            _ = try WebhookSecret.file(file.path)
            Issue.record("a 12-byte secret was accepted")
        } catch {
            #expect(!error.message.contains("c2VjcmV0LXNob3J0"))
            #expect(!error.message.contains("secret-short"))
        }
    }

    @Test("a secret is read from the systemd credential directory")
    func credential() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((Self.secretText + "\n").utf8).write(to: folder.appendingPathComponent("webhook-hmac"))
        let secret = try WebhookSecret.credential("webhook-hmac", environment: ["CREDENTIALS_DIRECTORY": folder.path])
        #expect(secret == (try WebhookSecret(parsing: Self.secretText)))
        #expect(throws: WebhookError.self) { try WebhookSecret.credential("webhook-hmac", environment: [:]) }
        #expect(throws: WebhookError.self) {
            try WebhookSecret.credential("../etc/passwd", environment: ["CREDENTIALS_DIRECTORY": folder.path])
        }
        #expect(throws: WebhookError.self) {
            try WebhookSecret.credential("missing", environment: ["CREDENTIALS_DIRECTORY": folder.path])
        }
    }

    @Test("a secret file others can read is refused with a chmod hint")
    func worldReadable() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("secret")
        try Data(Self.secretText.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        do {
            _ = try WebhookSecret.file(file.path)
            Issue.record("a world-readable secret file was accepted")
        } catch {
            #expect(error.code == .secretExposed)
            #expect(error.message.contains("chmod 600"))
            #expect(!error.message.contains("MfKQ9r8G"))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        #expect(try WebhookSecret.file(file.path) == (try WebhookSecret(parsing: Self.secretText)))
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
