package import TicklerCore

/// The fixed 128-bit `MESSAGE_ID`s of Tickler's journal entries, one per notice kind and
/// one per operational event. They never change: administrators filter on them
/// (`journalctl MESSAGE_ID=...`) and `systemd/tickler.catalog` explains each one.
package enum JournalMessageID {
    /// The id of a notice of `kind`.
    package static func notice(_ kind: NoticeKind) -> String {
        switch kind {
        case .dueSoon: "50f14d7612fb49c78e1993cd21032b64"
        case .overdue: "78a287cca8d34ed7b54efe145b084f4f"
        case .scheduled: "849e9311e0384c51879e09ef6ec6f4b7"
        case .late: "234e274881a34cc0b41f76d07f31c0d3"
        case .absent: "137d1610bca140abbbbb604d725f195a"
        case .penalty: "0fc21ba3ea734a84b6157f4870f9f655"
        case .scoreLow: "e021bf6675ee4f7095150725e00a9f37"
        case .quotaShort: "43ff0e2e54a54a29b90d4a7c065f7c35"
        case .conflict: "9127a9a86c5d4e57868a37d14f66af31"
        case .alert: "4ab4bbfd496b4107a2a33b8306403a0b"
        case .report: "c13bc820df47460dacc04040f7dbe5a9"
        case .compliance: "ffd246a9b86548b99e505a5b98f90ed7"
        case .forecast: "29ac8ac7652f48059b945a0d3e0e83c9"
        case .reclaim: "0f178600c47043faae9b9337c405a611"
        case .care: "bffe20d9e64f48838ad02c7d1a0b2883"
        case .reward: "8d3f6b1e2a4c4f0e9b7d5c3a1e2f4b6d"
        }
    }

    /// One summary per recipient instead of a flood of notices (a first run over a backlog).
    package static let backlogSummary = "5b2ea4d62ca44714910618a0a679340c"
    /// The daemon loaded its config and rules and is ready.
    package static let started = "24409b58c058420cb9060e658f1406c0"
    /// A reload (SIGHUP) put new config and rules in force.
    package static let reloaded = "bdb2fe02a49043b0ae5c4b5b6f5ab844"
    /// A reload failed; the previous rules stay in force.
    package static let reloadFailed = "2dfaf74c4db145d09800f28b1d914e05"
    /// Store records were skipped because they break the schema.
    package static let storeProblems = "d0d744de4fff4cb9bf947d4c6e437e50"
    /// A tick could not complete (store unreadable, state not writable).
    package static let tickFailed = "5cb3e539c3fc45388e7ad96d11aec4a8"
    /// The daemon is stopping.
    package static let stopping = "989307ed0f27490c87bb50457d8146ed"
    /// A configured channel cannot deliver (not available in this build, or misconfigured).
    package static let channelUnavailable = "84891cd5f8ba449c95f409a698b94c1a"
    /// An outbox message (mail or webhook) was given up on; `tickler outbox` lists it.
    package static let deadLetter = "5d50256f7e5c452684654fb511386691"
    /// A mail or webhook delivery attempt failed and is retried later with backoff.
    package static let deliveryRetry = "5dd034ad55ab42a2b1b233ff787049f3"
    /// The wall clock jumped by more than a tick interval; the tick was held or corrected.
    package static let clockJump = "10e170f182f34badb524aa6358f317e3"
}
