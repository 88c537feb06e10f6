package import Foundation

/// A real HTTP server on loopback for the webhook tests: `Tests/Fixtures/webhook-receiver.py`,
/// which checks Standard Webhooks signatures with Python's own hmac and hashlib and logs every
/// request it got (see the script for its routes).
package final class WebhookReceiver {
    /// One request as the receiver saw it.
    package struct Request: Decodable {
        package var path: String
        package var headers: [String: String]
        package var body: String
        package var signature_ok: Bool
        /// The status code the receiver answered, when it answered one.
        package var answer: Int?
        /// Whether a chat tool's message is within its published limits (`nil`: not a chat message).
        package var within_limits: Bool?
        /// DingTalk's and Feishu's own signatures, checked as their docs say (`nil`: none sent).
        package var dingtalk_sign_ok: Bool?
        package var feishu_sign_ok: Bool?
    }

    package static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/webhook-receiver.py").path

    package static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    package let port: Int
    package let folder: URL
    private let process: Process
    private let stdin: Pipe

    package var base: String { "http://127.0.0.1:\(port)" }

    /// Starts the receiver with `secret` (the text of a secret file) and waits for its port.
    package init(secret: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-webhook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let secretFile = folder.appendingPathComponent("secret")
        try Data(secret.utf8).write(to: secretFile)
        let log = folder.appendingPathComponent("requests.jsonl")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)

        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python ?? "/usr/bin/python3")
        process.arguments = [Self.script, secretFile.path, log.path]
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var line: [UInt8] = []
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    /// Every request received so far, in order.
    package func requests() throws -> [Request] {
        let text = try String(contentsOf: folder.appendingPathComponent("requests.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONDecoder().decode(Request.self, from: Data($0.utf8))
        }
    }

    /// Ends the receiver and waits for it, so its port is closed afterwards.
    package func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}
