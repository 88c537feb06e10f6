import Foundation
import Testing
import TicklerCore

/// Issue 17 item 3: rewards as well as fines — points and a bonus for a quota met or a
/// per-period alert, in the ledger and the score, once per period.
@Suite struct RewardTests {
    static let zone = Zone(identifier: "Europe/Budapest")!

    static func rules(_ extra: String = "", warnBelow: Int = 80) throws(DiagnosticsError) -> Rules {
        try RulesParser.parse(
            """
            version: 1
            timezone: Europe/Budapest
            locale: hu
            scoring: { start: 100, period: month, warn_below: \(warnBelow), notify: [manager] }
            quotas:
              - { name: heti-hivasok, at_least: 3, per: week, notify: [manager], reward: { points: 5, bonus: 50 } }
            """ + extra, file: "r.yaml")
    }

    /// K1 makes 3 calls in each of weeks 45-47 of 2026; K2 makes 2 a week.
    static func snapshot() -> Snapshot {
        var contacts: [Contact] = []
        for monday in ["2026-11-02", "2026-11-09", "2026-11-16"] {
            let day = Build.date(monday)
            for offset in 0..<3 {
                contacts.append(Contact(customer: "U1", rep: "K1", at: Build.at("\(day.adding(days: offset)) 10:00", zone), method: .phone))
            }
            for offset in 0..<2 {
                contacts.append(Contact(customer: "U2", rep: "K2", at: Build.at("\(day.adding(days: offset)) 10:00", zone), method: .phone))
            }
        }
        let reps = [Rep(id: "V1", name: "Nagy Péter"), Rep(id: "K1", name: "Kovács Anna", manager: "V1"), Rep(id: "K2", name: "Tóth Gábor", manager: "V1")]
        let customers = [Customer(id: "U1", name: "Szabó Kft.", rep: "K1", class: "A"), Customer(id: "U2", name: "Horváth Bt.", rep: "K2", class: "A")]
        let events = [EventRecord(rep: "K1", at: Build.at("2026-11-03 12:00", zone), event: "keses")]
        return Snapshot(reps: reps, customers: customers, contacts: contacts, events: events)
    }

    @Test("a quota met in the week that closed gives points and a bonus, in the notice and the ledger")
    func quotaReward() throws {
        let evaluation = Evaluator(rules: try Self.rules()).evaluate(Self.snapshot(), at: Build.at("2026-11-23 09:00", Self.zone))
        let rewards = evaluation.notices.filter { $0.kind == .reward }
        #expect(rewards.map(\.key) == ["reward/quota/heti-hivasok/K1/2026-W47"])
        let reward = try #require(rewards.first)
        #expect(reward.points == 5 && reward.bonus == 50)
        // The quota's notify ([manager]), not a fixed rep-and-manager.
        #expect(reward.to == ["V1"])
        #expect(reward.message.contains("Kovács Anna") && reward.message.contains("+5 pont"))
        let entry = try #require(evaluation.ledger.first { $0.key == reward.key })
        // Dated the day it is given, the Monday after the week it rewards.
        #expect(entry.points == -5 && entry.bonus == 50 && entry.date == Build.date("2026-11-23"))
        #expect(evaluation.notices.contains { $0.kind == .quotaShort && $0.rep == "K2" })
    }

    @Test("the score counts every reward of the scoring period, without the daemon's ledger")
    func score() throws {
        let rules = try Self.rules("\npenalties:\n  - { event: keses, points: 12 }\n", warnBelow: 100)
        let evaluation = Evaluator(rules: rules).evaluate(Self.snapshot(), at: Build.at("2026-11-23 09:00", Self.zone))
        // K1: 100 - 12 (a penalty on 11-03) + 3 x 5 (weeks 45, 46, 47) = 103; with the reward of
        // week 47 alone it would be 93, below 100.
        #expect(!evaluation.notices.contains { $0.kind == .scoreLow })
        let ledger = LedgerReport(
            entries: evaluation.ledger + RewardEvaluator(rules: rules).notices(
                datedIn: CalendarPeriod(.month, containing: Build.date("2026-11-23")), Self.snapshot(),
                at: Build.at("2026-11-23 09:00", Self.zone), resolver: RecipientResolver(snapshot: Self.snapshot())
            ).compactMap(Evaluator.ledgerEntry),
            period: CalendarPeriod(.month, containing: Build.date("2026-11-23")), scoring: rules.scoring)
        let k1 = try #require(ledger.reps.first { $0.rep == "K1" })
        #expect(k1.points == -15 && k1.score == 115)
        #expect(ledger.text.contains("K1: fines 0, points +15, score 115"))
        #expect(ledger.text.contains("quotas.heti-hivasok  fine 0  +5 pts  bonus 50"))
    }

    @Test("explain --rep writes a score that rewards lifted above the start as 'start + change', not '- -'")
    func explainScoreAboveStart() throws {
        let rules = try Self.rules("\npenalties:\n  - { event: keses, points: 12 }\n", warnBelow: 100)
        let lines = try #require(
            Explainer(rules: rules, snapshot: Self.snapshot(), now: Build.at("2026-11-23 09:00", Self.zone)).rep("K1"))
        // 100 - 12 + 3 x 5 = 103 (Hungarian, the rules' language).
        let score = try #require(lines.first { $0.hasPrefix("Pontszám") }, "\(lines)")
        #expect(score.contains("100 + 3 = 103"), "\(score)")
        #expect(!lines.contains { $0.contains("- -") }, "\(lines)")
    }

    @Test("a per-period rep alert with a reward gives it once per rep and period")
    func alertReward() throws {
        let rules = try Self.rules(
            "\nalerts:\n  - { name: szorgalmas, for: reps, every: month, when: 'period_contacts() >= 9', notify: [rep, manager],\n"
                + "      reward: { points: 10, bonus: 20000 } }\n")
        let notices = Evaluator(rules: rules).evaluate(Self.snapshot(), at: Build.at("2026-11-23 09:00", Self.zone)).notices
        let reward = try #require(notices.first { $0.key == "reward/alert/szorgalmas/K1/2026-11" })
        #expect(reward.points == 10 && reward.bonus == 20000)
        #expect(reward.date == Build.date("2026-11-01"))
        #expect(!notices.contains { $0.kind == .reward && $0.rep == "K2" && $0.rule == "szorgalmas" })
    }

    @Test("a reward goes to the notify of the quota or alert that earned it")
    func recipients() throws {
        let rules = try RulesParser.parse(
            """
            version: 1
            timezone: Europe/Budapest
            quotas:
              - { name: heti, at_least: 3, per: week, notify: [rep], reward: { points: 5 } }
            alerts:
              - { name: szorgalmas, for: reps, every: month, when: 'period_contacts() >= 9', notify: [manager],
                  reward: { points: 10 } }
            """, file: "r.yaml")
        let notices = Evaluator(rules: rules).evaluate(Self.snapshot(), at: Build.at("2026-11-23 09:00", Self.zone)).notices
        #expect(notices.first { $0.key == "reward/quota/heti/K1/2026-W47" }?.to == ["K1"])
        #expect(notices.first { $0.key == "reward/alert/szorgalmas/K1/2026-11" }?.to == ["V1"])
    }

    @Test("a score without the daemon's ledger counts the rewards of earlier per-period alerts as the daemon does")
    func alertRewardsInScore() throws {
        let rules = try Self.rules(
            "\npenalties:\n  - { event: keses, points: 30 }\n"
                + "alerts:\n  - { name: heti-3, for: reps, every: week, closed: true, when: 'period_contacts() >= 3',\n"
                + "      notify: [rep], reward: { points: 4 } }\n", warnBelow: 95)
        let scoring = try #require(rules.scoring)
        let evaluator = Evaluator(rules: rules)
        let snapshot = Self.snapshot()
        // The daemon: a tick every day at 09:00 from 1 November, each recording its ledger.
        var daemonLedger: [LedgerEntry] = []
        var tick = Build.at("2026-11-01 09:00", Self.zone)
        var since = Build.at("2026-11-01 00:00", Self.zone)
        let now = Build.at("2026-11-23 09:00", Self.zone)
        while tick <= now {
            daemonLedger += evaluator.evaluate(snapshot, at: tick, since: since, ledger: daemonLedger).ledger
            since = tick.addingTimeInterval(1)
            tick = tick.addingTimeInterval(86_400)
        }
        let today = Build.date("2026-11-23")
        let daemon = ScoreEvaluator(rule: scoring, locale: .hu).scores(
            ledger: daemonLedger, reps: QuotaEvaluator.reps(in: snapshot), today: today)
        // A bare `tickler eval` at the same time: no ledger.
        let cut = snapshot.asOf(now, zone: Self.zone)
        let bare = ScoreEvaluator(rule: scoring, locale: .hu).scores(
            ledger: evaluator.periodCharges(
                scoring, cut, since: Self.zone.startOfDay(now), now: now, resolver: RecipientResolver(snapshot: cut),
                fresh: evaluator.evaluate(snapshot, at: now).ledger),
            reps: QuotaEvaluator.reps(in: snapshot), today: today)
        #expect(bare.map(\.points) == daemon.map(\.points))
        // K1: 100 - 30 + 3 x 5 (quota, weeks 45-47) + 3 x 4 (alert, weeks 45-47) = 97, above 95;
        // with the alert's reward of week 47 alone it would be 89.
        #expect(bare.first { $0.rep == "K1" }?.points == 97)
        #expect(!evaluator.evaluate(snapshot, at: now).notices.contains { $0.kind == .scoreLow && $0.rep == "K1" })
    }

    @Test("a reward must give something, and an alert's reward needs every")
    func mistakes() {
        func messages(_ extra: String) -> [String] {
            do {
                _ = try Self.rules(extra)
                return []
            } catch {
                return error.diagnostics.map(\.message)
            }
        }
        #expect(messages("\nalerts:\n  - { name: a, for: reps, when: 'true', reward: { points: 5 } }\n").contains {
            $0.hasPrefix("a reward is given once per rep and period, so the alert needs 'for: reps' and 'every: month'")
        })
        #expect(messages("\nalerts:\n  - { name: a, for: reps, every: month, when: 'true', reward: { pionts: 5 } }\n").contains {
            $0.contains("did you mean 'points'?")
        })
        #expect(messages("\nalerts:\n  - { name: a, for: reps, every: month, when: 'true', reward: {} }\n").contains {
            $0.hasPrefix("'reward' gives nothing")
        })
    }

    @Test("a reward notice has a real text in every language", arguments: NoticeLocale.allCases)
    func texts(_ locale: NoticeLocale) {
        let facts = NoticeFacts.Reward(
            repName: "Anna", reason: .quota(name: "q", made: 5, required: 3), period: "2026-W47", points: 5, bonus: 50)
        let text = NoticeText.render(.reward, .reward(facts), locale: locale)
        #expect(text.contains("Anna") && text.contains("5") && text.contains("50"))
        #expect(!text.hasPrefix("reward:"))
    }
}
