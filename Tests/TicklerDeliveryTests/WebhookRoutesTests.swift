import Foundation
import TicklerCore
import TicklerDelivery
import Testing

@Suite("Webhook routes")
struct WebhookRoutesTests {
    static let routes = WebhookRoutes(
        officeURL: "https://hooks.office.example/tickler", officeFormat: .dingtalk,
        allowHosts: ["hooks.slack.com", "crm.example.com"])

    @Test("the office URL gets the configured format; a rep's allowed URL gets its tool's format")
    func both() throws {
        let (routed, refused) = try Self.routes.messages(
            for: WebhookPayloadTests.payload, repWebhook: "https://hooks.slack.com/services/T0/B0/x")
        #expect(refused.isEmpty)
        let messages = routed.map(\.message)
        #expect(messages.map(\.target) == ["https://hooks.office.example/tickler", "https://hooks.slack.com/services/T0/B0/x"])
        #expect(messages.allSatisfy { $0.channel == "webhook" && $0.recipient == "R02" })
        #expect(String(decoding: messages[0].body, as: UTF8.self).contains(#""msgtype":"markdown""#))
        #expect(String(decoding: messages[1].body, as: UTF8.self).contains(#""blocks":"#))
        #expect(messages[0].id != messages[1].id)
    }

    @Test("ids are stable across rebuilds and do not depend on the notices' order")
    func stableIDs() throws {
        var reordered = WebhookPayloadTests.payload
        reordered.notices.reverse()
        let first = try Self.routes.messages(for: WebhookPayloadTests.payload, repWebhook: "https://crm.example.com/h")
        let again = try Self.routes.messages(for: reordered, repWebhook: "https://crm.example.com/h")
        #expect(first.messages.map(\.message.id) == again.messages.map(\.message.id))
        let generic = try #require(first.messages.last?.message)
        let object = try WebhookPayloadTests.json(generic.body)
        #expect(object["id"] as? String == generic.id)
    }

    @Test("a rep URL outside allow_hosts is refused with its message apart; the office message still goes")
    func refused() throws {
        let (routed, refusals) = try Self.routes.messages(
            for: WebhookPayloadTests.payload, repWebhook: "http://169.254.169.254/latest/meta-data")
        let messages = routed.map(\.message)
        #expect(messages.map(\.target) == ["https://hooks.office.example/tickler"])
        let refused = try #require(refusals.first)
        #expect(refusals.count == 1)
        #expect(refused.error.code == .hostNotAllowed)
        #expect(refused.message.target == "http://169.254.169.254/latest/meta-data")
        #expect(refused.message.id != messages[0].id)
        #expect(Set(refused.keys) == Set(WebhookPayloadTests.payload.notices.map(\.key)))
    }

    @Test("no office URL and no rep URL: nothing to send; the same URL twice: one message")
    func edges() throws {
        let none = WebhookRoutes(officeURL: nil)
        #expect(try none.messages(for: WebhookPayloadTests.payload, repWebhook: nil).messages.isEmpty)
        let same = try Self.routes.messages(
            for: WebhookPayloadTests.payload, repWebhook: "https://hooks.office.example/tickler")
        #expect(same.messages.count == 1)
    }
}
