import Foundation
import TicklerDelivery
import TicklerTestSupport
import Testing

/// Tickler's signatures checked by the official `standardwebhooks` Python library, with the
/// secret written the ways the libraries accept it.
/// Whether python3 can import the `standardwebhooks` library.
private let standardWebhooksInstalled: Bool = {
    guard let python = WebhookReceiver.python else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", "import standardwebhooks"]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

@Suite("Standard Webhooks library", .enabled(if: standardWebhooksInstalled, "needs pip's standardwebhooks"))
struct StandardWebhooksLibraryTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/standardwebhooks-verify.py").path

    /// The library's verdict on `body` signed by Tickler with the secret file's text.
    static func verify(secretFile text: String, body: [UInt8], now: Date = Date()) throws -> Int32 {
        let folder = NSTemporaryDirectory() + "tickler-stdwh-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try text.write(toFile: folder + "/secret", atomically: true, encoding: .utf8)
        #expect(chmod(folder + "/secret", 0o600) == 0)
        let secret = try WebhookSecret.file(folder + "/secret")
        let headers = WebhookSignature.headers(id: "tk_0123456789abcdef", body: body, secret: secret, now: now)
        try Data(body).write(to: URL(fileURLWithPath: folder + "/body"))
        let json = try JSONSerialization.data(withJSONObject: Dictionary(uniqueKeysWithValues: headers))
        try json.write(to: URL(fileURLWithPath: folder + "/headers"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: WebhookReceiver.python ?? "/usr/bin/python3")
        process.arguments = [script, folder + "/secret", folder + "/body", folder + "/headers"]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static let key = Data((0..<32).map { UInt8($0 * 7 % 256) })
    static let body = Array(#"{"type":"tickler.digest","title":"王伟 的提醒"}"#.utf8)

    @Test(
        "the library accepts what Tickler signs, with the whsec_ secret as written",
        arguments: [
            ("padded, one line", "whsec_" + key.base64EncodedString() + "\n"),
            ("without padding", "whsec_" + key.base64EncodedString().replacingOccurrences(of: "=", with: "")),
            ("wrapped over lines", "whsec_" + key.base64EncodedString().chunked(into: 16).joined(separator: "\n") + "\n"),
            ("wrapped, no padding", "whsec_" + key.base64EncodedString().replacingOccurrences(of: "=", with: "")
                .chunked(into: 20).joined(separator: "\r\n")),
        ])
    func accepted(_ form: String, _ text: String) throws {
        #expect(try Self.verify(secretFile: text, body: Self.body) == 0, "\(form)")
    }

    @Test("all the written forms are the same key")
    func sameKey() throws {
        let plain = try WebhookSecret(parsing: "whsec_" + Self.key.base64EncodedString())
        let unpadded = try WebhookSecret(parsing: "whsec_" + Self.key.base64EncodedString().replacingOccurrences(of: "=", with: ""))
        let wrapped = try WebhookSecret(parsing: "whsec_" + Self.key.base64EncodedString().chunked(into: 10).joined(separator: "\n"))
        #expect(plain == unpadded && plain == wrapped)
    }

    @Test("a signature made with another key is refused by the library (the check can fail)")
    func refused() throws {
        let folder = NSTemporaryDirectory() + "tickler-stdwh-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let other = try WebhookSecret(parsing: "whsec_" + Data(repeating: 9, count: 32).base64EncodedString())
        let headers = WebhookSignature.headers(id: "tk_1", body: Self.body, secret: other, now: Date())
        try ("whsec_" + Self.key.base64EncodedString()).write(toFile: folder + "/secret", atomically: true, encoding: .utf8)
        try Data(Self.body).write(to: URL(fileURLWithPath: folder + "/body"))
        try JSONSerialization.data(withJSONObject: Dictionary(uniqueKeysWithValues: headers))
            .write(to: URL(fileURLWithPath: folder + "/headers"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: WebhookReceiver.python ?? "/usr/bin/python3")
        process.arguments = [Self.script, folder + "/secret", folder + "/body", folder + "/headers"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
    }
}

extension String {
    /// The string in pieces of `size` characters.
    fileprivate func chunked(into size: Int) -> [String] {
        stride(from: 0, to: count, by: size).map {
            let start = index(startIndex, offsetBy: $0)
            return String(self[start..<(index(start, offsetBy: size, limitedBy: endIndex) ?? endIndex)])
        }
    }
}
