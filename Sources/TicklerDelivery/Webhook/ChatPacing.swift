import Synchronization

/// How fast a chat tool's robot takes messages, per webhook URL, and the record of what was
/// sent to each URL: the delivery task asks before each attempt (``admit(_:windows:at:)``)
/// and leaves a message waiting, not attempted, while its URL has no room. Times are on the
/// monotonic clock the caller passes (the daemon's injected clock), never read here.
///
/// A URL that answered "too fast" (or gave a `Retry-After`) is closed for that long
/// (``block(_:for:at:)``): DingTalk blocks a robot for 10 minutes after its limit, and every
/// message sent meanwhile would be refused too.
package final class ChatPacing: Sendable {
    /// At most `count` messages within any `span`.
    package struct Window: Sendable, Hashable {
        package var count: Int
        package var span: Duration

        package init(count: Int, span: Duration) {
            self.count = count
            self.span = span
        }
    }

    /// The published rates, with each tool's own page:
    /// - DingTalk custom robot: 20 messages a minute per robot, then blocked for 10 minutes
    ///   (https://open.dingtalk.com/document/orgapp/custom-robot-access, "消息发送频率限制");
    /// - WeCom group robot: 20 messages a minute per robot
    ///   (https://developer.work.weixin.qq.com/document/path/91770, "消息发送频率限制");
    /// - Feishu / Lark custom bot: 100 a minute and 5 a second per bot
    ///   (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot, "频率控制");
    /// - Slack incoming webhook: 1 a second, short bursts allowed
    ///   (https://docs.slack.dev/apis/web-api/rate-limits, "Incoming webhooks");
    /// - Microsoft Teams incoming webhook: 4 requests a second
    ///   (https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook).
    package static func windows(_ format: WebhookFormat) -> [Window] {
        switch format {
        case .dingtalk, .wecom: [Window(count: 20, span: .seconds(60))]
        case .feishu: [Window(count: 100, span: .seconds(60)), Window(count: 5, span: .seconds(1))]
        case .slack: [Window(count: 1, span: .seconds(1))]
        case .teams: [Window(count: 4, span: .seconds(1))]
        case .generic: []
        }
    }

    private struct Target {
        var sent: [Duration] = []
        var closedUntil: Duration?
    }

    private let targets = Mutex<[String: Target]>([:])
    private let refusals = Mutex(0)

    package init() {}

    /// How many messages ``admit(_:windows:at:)`` refused since the last call.
    package func takeRefusals() -> Int {
        refusals.withLock { count in
            defer { count = 0 }
            return count
        }
    }

    /// Whether a message to `url` may go at `now` under `windows` (and the URL is not
    /// closed); when it may, the send is counted.
    package func admit(_ url: String, windows: [Window], at now: Duration) -> Bool {
        let admitted: Bool = targets.withLock { targets in
            var target = targets[url] ?? Target()
            if let until = target.closedUntil, until > now { return false }
            guard !windows.isEmpty else { return true }
            let longest = windows.map(\.span).max() ?? .zero
            target.sent.removeAll { $0 <= now - longest }
            for window in windows where target.sent.filter({ $0 > now - window.span }).count >= window.count {
                targets[url] = target
                return false
            }
            target.sent.append(now)
            targets[url] = target
            return true
        }
        if !admitted { refusals.withLock { $0 += 1 } }
        return admitted
    }

    /// Closes `url` for `wait` from `now` (a "too fast" answer, a `Retry-After`).
    package func block(_ url: String, for wait: Duration, at now: Duration) {
        targets.withLock { targets in
            var target = targets[url] ?? Target()
            target.closedUntil = max(now + wait, target.closedUntil ?? now + wait)
            targets[url] = target
        }
    }
}
