package import AsyncHTTPClient
package import Foundation
import NIOCore
import NIOHTTP1

/// Delivers webhook ``OutboundMessage``s: one signed JSON POST per attempt, on one shared
/// `HTTPClient` that ``shutdown()`` closes (or that the caller owns and shuts down).
///
/// Each attempt sends `Content-Type: application/json`, `User-Agent: tickler` and the
/// Standard Webhooks headers, with the message's id as `webhook-id` on every attempt and a
/// fresh `webhook-timestamp`. Redirects are not followed (a redirect could lead around
/// `allow_hosts`). The answer becomes a ``DeliveryOutcome``:
/// - 2xx: delivered (unless a chat tool's reply says it refused the message);
/// - 408, 429, 5xx, a timeout, a refused or reset connection: retry, after `Retry-After`
///   when the receiver gave one;
/// - any other status, a non-http(s) URL, a host, port or resolved address not allowed
///   (``WebhookTarget``): dead letter, before any connection is made.
package final class WebhookTransport: DeliveryTransport {
    /// The channel name in the outbox and the notification log.
    package static let channel = "webhook"

    package struct Configuration: Sendable {
        /// The whole exchange (connect, send, the answer's head and body) must finish within
        /// this; a receiver still answering at the deadline is cut off and retried.
        package var timeout: Duration
        /// Signs each request when set: the Standard Webhooks way, or DingTalk's or Feishu's
        /// own way for a message to a trusted URL when ``officeFormat`` is theirs.
        package var secret: WebhookSecret?
        /// The office-wide URL(s) from `tickler.yaml`, trusted as they are.
        package var trustedURLs: Set<String>
        /// The format of the messages to the trusted URLs (`channels.webhook.format`).
        package var officeFormat: WebhookFormat
        /// Hosts a rep's own webhook URL may point to (`channels.webhook.allow_hosts`).
        package var allowHosts: [String]
        package var userAgent: String

        package init(
            timeout: Duration = .seconds(10), secret: WebhookSecret? = nil, trustedURLs: Set<String> = [],
            officeFormat: WebhookFormat = .generic, allowHosts: [String] = [], userAgent: String = "tickler"
        ) {
            self.timeout = timeout
            self.secret = secret
            self.trustedURLs = trustedURLs
            self.officeFormat = officeFormat
            self.allowHosts = allowHosts
            self.userAgent = userAgent
        }
    }

    package let configuration: Configuration
    private let client: HTTPClient
    private let ownsClient: Bool
    private let now: @Sendable () -> Date

    /// A transport with its own `HTTPClient`; call ``shutdown()`` when done.
    package convenience init(configuration: Configuration, now: @escaping @Sendable () -> Date = { Date() }) {
        self.init(
            configuration: configuration, client: Self.makeClient(timeout: configuration.timeout), ownsClient: true,
            now: now)
    }

    /// An `HTTPClient` set up for webhooks: no redirects (they could leave `allow_hosts`), no
    /// connection retries of its own (the outbox owns the retry schedule), `timeout` for
    /// connect, read and write. The daemon makes one for its lifetime and shuts it down.
    package static func makeClient(timeout: Duration = .seconds(10)) -> HTTPClient {
        let amount = TimeAmount.nanoseconds(nanoseconds(timeout))
        var httpConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: amount, read: amount, write: amount))
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
    }

    /// A transport on a client the caller owns (and shuts down itself).
    package convenience init(
        configuration: Configuration, client: HTTPClient, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.init(configuration: configuration, client: client, ownsClient: false, now: now)
    }

    private init(
        configuration: Configuration, client: HTTPClient, ownsClient: Bool, now: @escaping @Sendable () -> Date
    ) {
        self.configuration = configuration
        self.client = client
        self.ownsClient = ownsClient
        self.now = now
    }

    /// Closes the transport's own client after in-flight requests; a no-op for a client the
    /// caller owns. Call once, after the last ``deliver(_:)``.
    package func shutdown() async throws {
        if ownsClient { try await client.shutdown() }
    }

    /// Runs `body` with a new transport and shuts it down afterwards, also when `body` throws.
    package static func withTransport<Result>(
        configuration: Configuration, isolation: isolated (any Actor)? = #isolation,
        _ body: (WebhookTransport) async throws -> Result
    ) async throws -> Result {
        let transport = WebhookTransport(configuration: configuration)
        let result: Result
        do {
            result = try await body(transport)
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
        return result
    }

    package func deliver(_ message: OutboundMessage) async -> DeliveryOutcome {
        let shown = WebhookTarget.redacted(message.target)
        do {
            if configuration.trustedURLs.contains(message.target) {
                _ = try WebhookTarget.parse(message.target)
            } else {
                try WebhookTarget.validate(url: message.target, allowHosts: configuration.allowHosts)
            }
        } catch {
            return .deadLetter(reason: error.message)
        }
        if !configuration.trustedURLs.contains(message.target),
            let refused = await WebhookTarget.checkAddresses(of: message.target, allowHosts: configuration.allowHosts)
        {
            return refused
        }
        guard Self.isHeaderSafe(message.id) else {
            return .deadLetter(
                reason: "the message id cannot be a webhook-id header (printable ASCII, 1-255 characters)")
        }
        let (url, body, standardSecret) = signed(message, at: now())
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        for (name, value) in WebhookSignature.headers(id: message.id, body: body, secret: standardSecret, now: now()) {
            request.headers.add(name: name, value: value)
        }
        request.body = .bytes(ByteBuffer(bytes: body))
        let client = client
        let prepared = request
        let timeout = configuration.timeout
        let now = now
        do {
            return try await ExchangeDeadline.run(within: timeout) {
                let response = try await client.execute(prepared, timeout: .nanoseconds(Self.nanoseconds(timeout)))
                let answer = try await Self.prefix(of: response.body)
                return Self.classify(
                    status: Int(response.status.code), retryAfter: response.headers.first(name: "Retry-After"),
                    responseBody: answer, requestBody: body, target: shown, now: now())
            }
        } catch let error as ExchangeDeadline {
            return .retry(after: nil, reason: "\(shown) timed out (\(error))")
        } catch {
            let peer = (try? WebhookTarget.canonicalTarget(message.target)).map { target in
                (target.address.map { $0.description.contains(":") } == true ? "[\(target.host)]" : target.host)
                    + ":\(target.port)"
            }
            return Self.classify(error: error, target: shown, peer: peer)
        }
    }

    /// The URL and body of one attempt at `now`, signed DingTalk's or Feishu's way for a
    /// message to the office URL in their format, and the secret left for the Standard
    /// Webhooks headers (none when the tool's own signing was used).
    private func signed(_ message: OutboundMessage, at now: Date) -> (String, [UInt8], WebhookSecret?) {
        guard let secret = configuration.secret, configuration.trustedURLs.contains(message.target) else {
            return (message.target, message.body, configuration.secret)
        }
        switch configuration.officeFormat {
        case .dingtalk: return (ChatSignature.dingtalk(url: message.target, secret: secret, now: now), message.body, nil)
        case .feishu: return (message.target, ChatSignature.feishu(body: message.body, secret: secret, now: now), nil)
        default: return (message.target, message.body, secret)
        }
    }

    /// The pace of the chat tool `target` belongs to: the configured format for the office
    /// URL, the tool of a well-known host for a rep's own URL.
    package func pacing(for target: String) -> [ChatPacing.Window] {
        let format =
            configuration.trustedURLs.contains(target) ? configuration.officeFormat : WebhookFormat.inferred(from: target)
        return format.map(ChatPacing.windows) ?? []
    }

    /// The outcome of an answer with `status` (see the type's description).
    package static func classify(
        status: Int, retryAfter: String?, responseBody: [UInt8], requestBody: [UInt8] = [], target: String, now: Date
    ) -> DeliveryOutcome {
        let excerpt = oneLine(String(decoding: responseBody, as: UTF8.self), max: 200)
        let said = excerpt.isEmpty ? "" : ": \(excerpt)"
        switch status {
        case 200..<300:
            return ChatReply.outcome(requestBody: requestBody, responseBody: responseBody, target: target) ?? .delivered
        case 408, 429, 500..<600:
            return .retry(
                after: RetryAfter.parse(retryAfter, now: now), reason: "\(target) answered HTTP \(status)\(said)")
        default:
            return .deadLetter(reason: "\(target) answered HTTP \(status)\(said)")
        }
    }

    /// The outcome of a request that got no answer: a request the client refuses to build
    /// (a bad URL or header) is a dead letter, anything on the way (timeouts, refused or reset
    /// connections, TLS) is worth a retry. `peer` (`host:port`) names where a socket error
    /// came from when the error itself does not say.
    package static func classify(error: any Error, target: String, peer: String? = nil) -> DeliveryOutcome {
        if let error = error as? HTTPClientError {
            switch error {
            case .invalidURL, .emptyHost, .emptyScheme:
                return .deadLetter(reason: "cannot send to \(target): \(error.shortDescription)")
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout,
                .tlsHandshakeTimeout:
                return .retry(after: nil, reason: "\(target) timed out (\(error.shortDescription))")
            default:
                return .retry(after: nil, reason: "\(target): \(error.shortDescription)")
            }
        }
        let said = oneLine(ConnectionFailure.describe(error, peer: peer) ?? String(describing: error), max: 200)
        return .retry(after: nil, reason: "\(target) could not be reached: \(said)")
    }

    /// The first 4 KiB of an answer (the rest is read and dropped, up to 1 MiB).
    static func prefix(of body: HTTPClientResponse.Body) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        var total = 0
        for try await buffer in body {
            total += buffer.readableBytes
            if bytes.count < 4096 { bytes += buffer.readableBytesView.prefix(4096 - bytes.count) }
            if total > 1 << 20 { break }
        }
        return bytes
    }

    static func oneLine(_ text: String, max: Int) -> String {
        let flat = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
            .trimmingCharacters(in: .whitespaces)
        return flat.count > max ? String(flat.prefix(max)) + "…" : flat
    }

    /// Visible ASCII only: store text never becomes a header it could break.
    static func isHeaderSafe(_ value: String) -> Bool {
        (1...255).contains(value.utf8.count) && value.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
