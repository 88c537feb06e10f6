package import TicklerCore

/// The daemon's configuration (`tickler.yaml`, SPEC section 5): where the rules, the store
/// and the state live, how often to tick, and which channels deliver.
///
/// Built by ``DaemonConfigParser``; every path is absolute (relative ones in the file are
/// resolved against the config file's folder). A channel that is absent is off.
package struct DaemonConfig: Sendable, Hashable {
    /// The config file itself.
    package var file: String
    package var rules: String
    package var store: String
    package var state: String
    /// Tick period in seconds (default 5 minutes).
    package var interval: Int
    /// When one tick has more new notices than this for a channel, each recipient gets one
    /// summary instead (a first run over a backlog must not flood).
    package var summaryAbove: Int
    package var journal: JournalConfig?
    package var mail: MailConfig?
    package var webhook: WebhookConfig?
    /// Where each channel (`mail`, `webhook`, ...) is written in the file, for messages about
    /// setting it up (``ChannelSetupCheck``).
    package var channelLocations: [String: SourceLocation] = [:]

    package init(
        file: String, rules: String, store: String, state: String, interval: Int = 300, summaryAbove: Int = 50,
        journal: JournalConfig? = JournalConfig(), mail: MailConfig? = nil, webhook: WebhookConfig? = nil
    ) {
        self.file = file
        self.rules = rules
        self.store = store
        self.state = state
        self.interval = interval
        self.summaryAbove = summaryAbove
        self.journal = journal
        self.mail = mail
        self.webhook = webhook
    }

    /// `channels.journal`.
    package struct JournalConfig: Sendable, Hashable {
        /// `SYSLOG_IDENTIFIER` of the entries (default `tickler`).
        package var identifier: String

        package init(identifier: String = "tickler") {
            self.identifier = identifier
        }
    }

    /// `channels.mail`: exactly one of `spool`, `maildir`, `sendmail`.
    package struct MailConfig: Sendable, Hashable {
        package enum Target: Sendable, Hashable {
            case spool(String)
            case maildir(String)
            case sendmail(String)
        }

        package var target: Target
        package var from: String
        /// Mail domains a rep's `email` may use with `sendmail:` (`HostAllowList` names and
        /// `*.domain` patterns); empty: only local mailboxes.
        package var allowDomains: [String]
        /// `domain:` of the `To:` address of a local mailbox (spool, Maildir); `nil`: the
        /// host's name (``MailDomain/hostDefault()``).
        package var domain: String?

        package init(target: Target, from: String, allowDomains: [String] = [], domain: String? = nil) {
            self.target = target
            self.from = from
            self.allowDomains = allowDomains
            self.domain = domain
        }
    }

    /// `channels.webhook`.
    package struct WebhookConfig: Sendable, Hashable {
        package enum Secret: Sendable, Hashable {
            /// A systemd credential name (`LoadCredential=`), read from `$CREDENTIALS_DIRECTORY`.
            case credential(String)
            case file(String)
        }

        package var url: String
        package var format: String
        package var secret: Secret?
        /// Seconds the whole exchange of one attempt may take (connect, send, the answer's head
        /// and body); default 10.
        package var timeout: Int
        /// Hosts a rep's own `webhook` URL may point to (`name` or `*.domain`); empty: none.
        package var allowHosts: [String]

        package init(
            url: String, format: String = "generic", secret: Secret? = nil, timeout: Int = 10, allowHosts: [String] = []
        ) {
            self.url = url
            self.format = format
            self.secret = secret
            self.timeout = timeout
            self.allowHosts = allowHosts
        }
    }
}
