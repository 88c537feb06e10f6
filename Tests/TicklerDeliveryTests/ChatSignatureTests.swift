import Foundation
import TicklerCore
import TicklerDelivery
import Testing
import TicklerTestSupport

/// DingTalk 加签 and Feishu 签名校验 against the Python receiver, which checks the signatures
/// the way the tools' docs specify and answers as their robots do.
@Suite("DingTalk and Feishu signing", .serialized, .enabled(if: WebhookReceiver.python != nil, "needs python3"))
struct ChatSignatureTests {
    /// A DingTalk robot secret has this shape: SEC and 64 hex digits.
    static let dingtalkSecret = "SEC" + String(repeating: "0123456789abcdef", count: 4)
    /// Feishu shows a shorter random string.
    static let feishuSecret = "qx7VtHzAPTXm2d9LlcjRkb"

    static func deliver(
        format: WebhookFormat, secret: String, receiverSecret: String, path: String
    ) async throws -> (DeliveryOutcome, WebhookReceiver.Request, String) {
        let receiver = try WebhookReceiver(secret: receiverSecret)
        defer { receiver.stop() }
        let url = receiver.base + path
        let configuration = WebhookTransport.Configuration(
            secret: try WebhookSecret(parsing: secret), trustedURLs: [url], officeFormat: format)
        let message = try WebhookPayloadTests.payload.message(to: url, format: format)
        let outcome = try await WebhookTransport.withTransport(configuration: configuration) { transport in
            await transport.deliver(message)
        }
        let request = try #require(try receiver.requests().first)
        return (outcome, request, String(decoding: message.body, as: UTF8.self))
    }

    @Test("DingTalk: timestamp and sign in the query, the access token kept, no Standard Webhooks signature")
    func dingtalk() async throws {
        let (outcome, request, _) = try await Self.deliver(
            format: .dingtalk, secret: Self.dingtalkSecret, receiverSecret: Self.dingtalkSecret,
            path: "/dingtalk?access_token=abc123")
        #expect(outcome == .delivered)
        #expect(request.dingtalk_sign_ok == true)
        #expect(request.headers["webhook-signature"] == nil)
        #expect(request.headers["webhook-id"] != nil)
    }

    @Test("DingTalk: a wrong secret is refused by the robot (errcode 310000), a dead letter")
    func dingtalkWrongSecret() async throws {
        let (outcome, request, _) = try await Self.deliver(
            format: .dingtalk, secret: Self.dingtalkSecret, receiverSecret: "SEC" + String(repeating: "f", count: 64),
            path: "/dingtalk?access_token=abc123")
        #expect(request.dingtalk_sign_ok == false)
        guard case .deadLetter(let reason) = outcome else {
            Issue.record("expected a dead letter, got \(outcome)")
            return
        }
        #expect(reason.contains("310000"))
    }

    @Test("Feishu: timestamp (seconds, a string) and sign in the body, the message otherwise the same")
    func feishu() async throws {
        let (outcome, request, unsigned) = try await Self.deliver(
            format: .feishu, secret: Self.feishuSecret, receiverSecret: Self.feishuSecret, path: "/feishu")
        #expect(outcome == .delivered)
        #expect(request.feishu_sign_ok == true)
        #expect(request.headers["webhook-signature"] == nil)
        let sent = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
        #expect(sent["timestamp"] is String)
        var original = try #require(try JSONSerialization.jsonObject(with: Data(unsigned.utf8)) as? [String: Any])
        original["timestamp"] = sent["timestamp"]
        original["sign"] = sent["sign"]
        #expect(NSDictionary(dictionary: sent).isEqual(to: original))
    }

    @Test("Feishu: a wrong secret is refused by the bot (code 19021), a dead letter")
    func feishuWrongSecret() async throws {
        let (outcome, request, _) = try await Self.deliver(
            format: .feishu, secret: Self.feishuSecret, receiverSecret: "another-secret-of-some-length", path: "/feishu")
        #expect(request.feishu_sign_ok == false)
        guard case .deadLetter(let reason) = outcome else {
            Issue.record("expected a dead letter, got \(outcome)")
            return
        }
        #expect(reason.contains("19021"))
    }

    @Test("other formats keep the Standard Webhooks signature")
    func standard() async throws {
        let secret = "whsec_" + Data("tickler-test-secret-0123456789abcdef".utf8).base64EncodedString()
        let (outcome, request, _) = try await Self.deliver(
            format: .slack, secret: secret, receiverSecret: secret, path: "/status/200")
        #expect(outcome == .delivered)
        #expect(request.signature_ok)
        #expect(request.dingtalk_sign_ok == nil && request.feishu_sign_ok == nil)
    }
}
