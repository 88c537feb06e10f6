import Foundation

/// DingTalk, WeCom and Feishu answer a refused message with HTTP 200 and an error code in
/// the JSON body (`{"errcode": 310000, "errmsg": "..."}`, `{"code": 19021, "msg": "..."}`);
/// taking that 200 as delivered would lose the digest without a trace. Only applied when the
/// request was one of their messages (`msgtype` or `msg_type` at the top), so a generic
/// receiver's own answer is never second-guessed.
enum ChatReply {
    /// Codes these tools answer when too many messages were sent, worth a retry later, with
    /// the least wait before it: DingTalk 130101 ("send too fast", after which the robot is
    /// blocked for 10 minutes) and 90030 ("webhook over limit"), WeCom 45009 (API frequency
    /// limit, per minute) and -1 (system busy), Feishu 9499 ("Too Many Request") and 11232
    /// (frequency limited). Any other non-zero code (a missing keyword, a bad sign, a bad
    /// token) needs an admin: a dead letter.
    static let retryCodes: [Int: Duration?] = [
        130101: .seconds(600), 90030: .seconds(600), 45009: .seconds(60), -1: nil, 9499: .seconds(60),
        11232: .seconds(60),
    ]

    /// `nil` when the answer is not a chat tool's refusal (delivered).
    static func outcome(requestBody: [UInt8], responseBody: [UInt8], target: String) -> DeliveryOutcome? {
        guard let request = try? JSONSerialization.jsonObject(with: Data(requestBody)) as? [String: Any],
            request["msgtype"] != nil || request["msg_type"] != nil,
            let reply = try? JSONSerialization.jsonObject(with: Data(responseBody)) as? [String: Any]
        else { return nil }
        guard let code = integer(reply["errcode"] ?? reply["code"] ?? reply["StatusCode"]), code != 0 else {
            return nil
        }
        let text = (reply["errmsg"] ?? reply["msg"] ?? reply["StatusMessage"]).map { "\($0)" } ?? ""
        let reason = "\(target) refused the message: code \(code)"
            + (text.isEmpty ? "" : ", " + WebhookTransport.oneLine(text, max: 160))
        guard let wait = retryCodes[code] else { return .deadLetter(reason: reason) }
        return .retry(after: wait, reason: reason)
    }

    private static func integer(_ value: Any?) -> Int? {
        if let value = value as? Int { return value }
        if let value = value as? NSNumber { return value.intValue }
        return nil
    }
}
