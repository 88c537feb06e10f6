import Foundation
import TicklerCore
import TicklerDelivery
import Testing
import TicklerTestSupport

/// The webhook transport against a real HTTP server on loopback (a Python receiver that
/// verifies the signatures on its own).
@Suite(
    "Webhook transport", .serialized,
    .enabled(if: WebhookReceiver.python != nil, "needs python3 for the loopback webhook receiver"))
struct WebhookTransportTests {
    static let secretText = "whsec_" + Data("tickler-test-secret-0123456789abcdef".utf8).base64EncodedString()

    /// A transport that lets reps' URLs reach the receiver on loopback: the address and its
    /// port must be listed explicitly.
    static func transport(timeout: Duration = .seconds(10), port: Int) throws -> WebhookTransport {
        WebhookTransport(
            configuration: .init(
                timeout: timeout, secret: try WebhookSecret(parsing: secretText), trustedURLs: [],
                allowHosts: ["127.0.0.1:\(port)"]))
    }

    static func message(_ url: String, format: WebhookFormat = .generic) throws -> OutboundMessage {
        try WebhookPayloadTests.payload.message(to: url, format: format)
    }

    /// Runs `body` with a receiver and a transport, and stops both afterwards.
    static func withReceiver(
        timeout: Duration = .seconds(10), _ body: (WebhookReceiver, WebhookTransport) async throws -> Void
    ) async throws {
        let receiver = try WebhookReceiver(secret: secretText)
        defer { receiver.stop() }
        let transport = try transport(timeout: timeout, port: receiver.port)
        do {
            try await body(receiver, transport)
        } catch {
            try await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }

    @Test("a 2xx answer is delivered, signed, with the JSON body, content type and user agent")
    func delivered() async throws {
        try await Self.withReceiver { receiver, transport in
            let message = try Self.message(receiver.base + "/status/204")
            #expect(await transport.deliver(message) == .delivered)
            let requests = try receiver.requests()
            #expect(requests.count == 1)
            let request = try #require(requests.first)
            #expect(request.signature_ok)
            #expect(request.headers["webhook-id"] == message.id)
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.headers["user-agent"] == "tickler")
            #expect(Array(request.body.utf8) == message.body)
            #expect(request.body.contains("苏州瑞丰电子"))
        }
    }

    @Test("a 500 is retried and the retry carries the same webhook-id")
    func retryThenDelivered() async throws {
        try await Self.withReceiver { receiver, transport in
            let message = try Self.message(receiver.base + "/sequence/500,200")
            let first = await transport.deliver(message)
            guard case .retry(let after, let reason) = first else {
                Issue.record("expected a retry, got \(first)")
                return
            }
            #expect(after == nil)
            #expect(reason.contains("500"))
            #expect(await transport.deliver(message) == .delivered)
            let requests = try receiver.requests()
            #expect(requests.count == 2)
            #expect(requests.allSatisfy { $0.signature_ok })
            #expect(Set(requests.map { $0.headers["webhook-id"] }) == [message.id])
            #expect(Set(requests.map(\.body)).count == 1)
        }
    }

    @Test("429 with Retry-After: 7 is a retry after 7 seconds")
    func tooManyRequests() async throws {
        try await Self.withReceiver { receiver, transport in
            let outcome = await transport.deliver(try Self.message(receiver.base + "/status/429?retry_after=7"))
            guard case .retry(let after, _) = outcome else {
                Issue.record("expected a retry, got \(outcome)")
                return
            }
            #expect(after == .seconds(7))
        }
    }

    @Test("408 and 503 are retried", arguments: [408, 503])
    func transientStatus(status: Int) async throws {
        try await Self.withReceiver { receiver, transport in
            let outcome = await transport.deliver(try Self.message(receiver.base + "/status/\(status)"))
            guard case .retry = outcome else {
                Issue.record("expected a retry, got \(outcome)")
                return
            }
        }
    }

    @Test("a 404 is a dead letter with the status and the receiver's words")
    func notFound() async throws {
        try await Self.withReceiver { receiver, transport in
            let outcome = await transport.deliver(try Self.message(receiver.base + "/status/404"))
            guard case .deadLetter(let reason) = outcome else {
                Issue.record("expected a dead letter, got \(outcome)")
                return
            }
            #expect(reason.contains("404"))
            #expect(reason.contains("status 404"))
            #expect(!reason.contains("/status/404"), "the URL's path stays out of reasons")
        }
    }

    @Test("a receiver that does not answer in time is retried")
    func timeout() async throws {
        try await Self.withReceiver(timeout: .seconds(1)) { receiver, transport in
            let outcome = await transport.deliver(try Self.message(receiver.base + "/hang"))
            guard case .retry(_, let reason) = outcome else {
                Issue.record("expected a retry, got \(outcome)")
                return
            }
            #expect(reason.contains("timed out"))
            #expect(try receiver.requests().count == 1)
        }
    }

    @Test(
        "a receiver dribbling its answer one byte a second is cut at the deadline and retried",
        arguments: ["/dribble/head", "/dribble/body"])
    func dribblingReceiver(route: String) async throws {
        try await Self.withReceiver(timeout: .seconds(2)) { receiver, transport in
            let started = ContinuousClock.now
            let outcome = await transport.deliver(try Self.message(receiver.base + route))
            let took = ContinuousClock.now - started
            guard case .retry(_, let reason) = outcome else {
                Issue.record("expected a retry, got \(outcome)")
                return
            }
            #expect(reason.contains("timed out"), "\(reason)")
            // The answer would take 10 minutes; the whole exchange is cut at the 2 s deadline
            // (a generous bound for a loaded machine, not a timing assertion).
            #expect(took < .seconds(30), "the exchange took \(took)")
            #expect(try receiver.requests().count == 1)
        }
    }

    @Test("a refused connection is retried")
    func connectionRefused() async throws {
        let closed = try WebhookReceiver(secret: Self.secretText)
        closed.stop()
        let transport = try Self.transport(port: closed.port)
        let outcome = await transport.deliver(try Self.message(closed.base + "/status/200"))
        try await transport.shutdown()
        guard case .retry(nil, let reason) = outcome else {
            Issue.record("expected a retry, got \(outcome)")
            return
        }
        #expect(reason.contains("http://127.0.0.1:\(closed.port)"))
    }

    @Test("a connection reset before the answer is retried")
    func connectionReset() async throws {
        try await Self.withReceiver { receiver, transport in
            let outcome = await transport.deliver(try Self.message(receiver.base + "/reset"))
            guard case .retry(nil, _) = outcome else {
                Issue.record("expected a retry, got \(outcome)")
                return
            }
            #expect(try receiver.requests().count == 1)
        }
    }

    @Test("URLs that are not http(s), or whose host is not allowed, are dead letters without a request")
    func refusedTargets() async throws {
        try await Self.withReceiver { receiver, transport in
            for url in ["ftp://127.0.0.1:\(receiver.port)/x", "http://localhost:\(receiver.port)/status/200"] {
                let outcome = await transport.deliver(try Self.message(url))
                guard case .deadLetter = outcome else {
                    Issue.record("expected a dead letter for \(url), got \(outcome)")
                    continue
                }
            }
            #expect(try receiver.requests().isEmpty)
        }
    }

    @Test("the office-wide URL is trusted without allow_hosts")
    func trustedURL() async throws {
        let receiver = try WebhookReceiver(secret: Self.secretText)
        defer { receiver.stop() }
        let url = receiver.base + "/status/200"
        let configuration = WebhookTransport.Configuration(
            secret: try WebhookSecret(parsing: Self.secretText), trustedURLs: [url])
        let outcome = try await WebhookTransport.withTransport(configuration: configuration) { transport in
            await transport.deliver(try Self.message(url))
        }
        #expect(outcome == .delivered)
        #expect(try receiver.requests().map(\.signature_ok) == [true])
    }

    @Test("a chat tool's 200 with an error code is not taken as delivered")
    func chatRefusal() async throws {
        try await Self.withReceiver { receiver, transport in
            let refused = #"{"errcode":310000,"errmsg":"keywords not in content"}"#
            let path = "/reply/200/" + (refused.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let outcome = await transport.deliver(try Self.message(receiver.base + path, format: .dingtalk))
            guard case .deadLetter(let reason) = outcome else {
                Issue.record("expected a dead letter, got \(outcome)")
                return
            }
            #expect(reason.contains("310000"))
            let ok = #"{"errcode":0,"errmsg":"ok"}"#
            let okPath = "/reply/200/" + (ok.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            #expect(await transport.deliver(try Self.message(receiver.base + okPath, format: .dingtalk)) == .delivered)
        }
    }

    @Test("every chat format arrives signed, with the Chinese text intact", arguments: WebhookFormat.allCases)
    func chatFormats(format: WebhookFormat) async throws {
        try await Self.withReceiver { receiver, transport in
            let message = try Self.message(receiver.base + "/status/200", format: format)
            #expect(await transport.deliver(message) == .delivered)
            let request = try #require(try receiver.requests().first)
            #expect(request.signature_ok)
            #expect(request.body.contains("王伟 的提醒：2 条"))
            #expect(request.body.contains("迟到 12 分钟"))
        }
    }

    @Test("the secret never appears in outcomes")
    func secretNotInOutcomes() async throws {
        try await Self.withReceiver(timeout: .seconds(1)) { receiver, transport in
            var reasons: [String] = []
            for path in ["/status/404", "/status/500", "/hang"] {
                switch await transport.deliver(try Self.message(receiver.base + path)) {
                case .delivered: break
                case .retry(_, let reason), .deadLetter(let reason): reasons.append(reason)
                }
            }
            #expect(reasons.count == 3)
            let raw = "tickler-test-secret"
            #expect(reasons.allSatisfy { !$0.contains(raw) && !$0.contains(Self.secretText.dropFirst(6).prefix(16)) })
            #expect(!"\(transport.configuration)".contains(raw))
        }
    }
}
