import Foundation
import TicklerDelivery
import Testing

@Suite("Webhook URL policy and retry timing")
struct WebhookTargetTests {
    @Test("a rep's URL must have an allowed host", arguments: [
        ("https://hooks.example.com/rep/R02", true),
        ("https://HOOKS.example.com./x", true),
        ("https://chat.office.example/x", true),
        ("https://a.chat.office.example/x", true),
        ("https://office.example/x", false),
        ("https://hooks.example.com.evil.net/x", false),
        ("http://127.0.0.1:8080/x", false),
        ("http://169.254.169.254/latest/meta-data", false),
    ])
    func allowHosts(url: String, allowed: Bool) {
        let allow = ["hooks.example.com", "*.office.example"]
        let accepted = (try? WebhookTarget.validate(url: url, allowHosts: allow)) != nil
        #expect(accepted == allowed)
    }

    @Test("non-http(s) schemes, missing hosts and credentials in URLs are refused", arguments: [
        "file:///etc/passwd", "gopher://hooks.example.com/", "ftp://hooks.example.com/x", "https:///x",
        "https://user:pw@hooks.example.com/x", "not a url",
    ])
    func badURLs(url: String) {
        #expect(throws: WebhookError.self) { try WebhookTarget.validate(url: url, allowHosts: ["hooks.example.com"]) }
    }

    @Test("the refusal names the host and what to do, never the URL's token")
    func message() {
        do {
            try WebhookTarget.validate(url: "https://evil.example.net/hook?key=SECRET-TOKEN", allowHosts: ["hooks.example.com"])
            Issue.record("accepted")
        } catch {
            #expect(error.code == .hostNotAllowed)
            #expect(error.message.contains("evil.example.net"))
            #expect(error.message.contains("allow_hosts"))
            #expect(!error.message.contains("SECRET-TOKEN"))
        }
        #expect(WebhookTarget.redacted("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET") == "https://qyapi.weixin.qq.com/…")
        #expect(WebhookTarget.redacted("http://127.0.0.1:8080") == "http://127.0.0.1:8080")
    }

    @Test("backoff is full jitter under an exponential ceiling capped at an hour")
    func backoff() {
        let top = RetryPolicy(random: { 1 })
        #expect(top.delay(attempt: 1) == .seconds(30))
        #expect(top.delay(attempt: 2) == .seconds(60))
        #expect(top.delay(attempt: 4) == .seconds(240))
        #expect(top.delay(attempt: 8) == .seconds(3600))
        #expect(top.delay(attempt: 500) == .seconds(3600))
        #expect(RetryPolicy(random: { 0 }).delay(attempt: 6) == .zero)
        #expect(RetryPolicy(random: { 0.5 }).delay(attempt: 3) == .seconds(60))
    }

    @Test("Retry-After wins over backoff, up to the cap")
    func retryAfterWins() {
        let policy = RetryPolicy(random: { 1 })
        #expect(policy.delay(attempt: 1, retryAfter: .seconds(7)) == .seconds(7))
        #expect(policy.delay(attempt: 1, retryAfter: .seconds(86_400)) == .seconds(3600))
        #expect(policy.delay(attempt: 3, after: .retry(after: .seconds(7), reason: "429")) == .seconds(7))
        #expect(policy.delay(attempt: 3, after: .retry(after: nil, reason: "500")) == .seconds(120))
        #expect(policy.delay(attempt: 3, after: .delivered) == nil)
    }

    @Test("Retry-After is read as seconds or as an HTTP-date")
    func retryAfterParsing() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryAfter.parse("7", now: now) == .seconds(7))
        #expect(RetryAfter.parse(" 120 ", now: now) == .seconds(120))
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:30:00 GMT", now: now) == .seconds(120))
        #expect(RetryAfter.parse("Wednesday, 21-Oct-15 07:30:00 GMT", now: now) == .seconds(120))
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", now: now) == .zero)
        #expect(RetryAfter.parse("soon", now: now) == nil)
        #expect(RetryAfter.parse("-3", now: now) == nil)
        #expect(RetryAfter.parse(nil, now: now) == nil)
    }
}
