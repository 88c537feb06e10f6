package import Foundation

/// Evaluates one compiled `alerts:` entry against a snapshot: a notice of kind `alert` for
/// every record of the subject whose condition is true at `now`.
///
/// Pure: no clock, no I/O. Records dated after `now` are left out, so `--at` in the past
/// sees the store as it was.
///
/// Notice keys (stable across runs; they change when the situation changes, so that a
/// new occurrence is notified again):
/// - customers: `alert/NAME/CUSTOMER/LAST` where LAST is the local date of the latest
///   contact at or before `now`, or `none`; a new contact re-arms the alert. When the
///   condition uses `days_until(birthday)`, `/NEXT` is added, the next birthday, so a
///   birthday alert fires again each year.
/// - contacts: `alert/NAME/REP/AT/CUSTOMER` (AT in UTC, `2026-11-24T01:30:00Z`).
/// - events: `alert/NAME/REP/AT/EVENT`.
/// - attendance: `alert/NAME/REP/DATE`.
/// - reps: `alert/NAME/REP` (once per rep for as long as the notification log remembers it);
///   with `every:`, `alert/NAME/REP/PERIOD` (`2026-11`, `2026-W47`): once per rep and period.
package struct AlertEvaluator {
    /// The notices of `alert` at `now`, in the order of the subject's records in the snapshot.
    package static func evaluate(
        _ alert: CompiledAlert, snapshot: Snapshot, at now: Date, zone: Zone, locale: NoticeLocale
    ) -> [Notice] {
        let env = ExpressionEnvironment(snapshot: snapshot, now: now, zone: zone, needs: environmentNeeds(of: [alert]))
        return evaluate(alert, in: env, locale: locale)
    }

    /// What an environment must index to evaluate all of `alerts`; build it once with these
    /// and pass it to ``evaluate(_:in:locale:)`` for each alert of a rules file.
    package static func environmentNeeds(of alerts: [CompiledAlert]) -> ExpressionNeeds {
        var needs: ExpressionNeeds = []
        for alert in alerts {
            needs.formUnion(alert.needs)
            if alert.rule.subject == .customers { needs.insert(.lastContact) }
        }
        return needs
    }

    /// The notices of `alert` in an environment built with (at least) ``environmentNeeds(of:)``.
    package static func evaluate(_ alert: CompiledAlert, in env: ExpressionEnvironment, locale: NoticeLocale)
        -> [Notice]
    {
        let snapshot = env.snapshot
        let zone = env.zone
        let now = env.now
        let needs = alert.needs
        let wantsRep = needs.contains(.rep)
        let wantsManager = needs.contains(.manager)
        let wantsCustomer = needs.contains(.customer)
        let name = alert.rule.name
        var notices: [Notice] = []

        // Keys and default texts are built only for records whose condition holds.
        func emit(
            _ scope: ExpressionScope, source: RecordOrigin, date: LocalDate?, key: () -> String, subject: () -> String
        ) {
            guard alert.condition.isTrue(scope, env) else { return }
            let text = alert.message?.render(scope, env) ?? AlertEvaluator.defaultMessage(name, subject(), locale)
            notices.append(
                Notice(
                    key: key(), kind: .alert, rule: name, rep: scope.repID, customer: scope.customerID,
                    to: RecipientResolver(snapshot: snapshot).resolve(alert.rule.notify, rep: scope.repID), message: text,
                    source: source.description, date: date))
        }
        func scope(rep repID: String, customerID: String?) -> ExpressionScope {
            let rep = wantsRep ? snapshot.rep(repID) : nil
            let manager = wantsManager ? rep?.manager.flatMap(snapshot.rep) : nil
            let customer = wantsCustomer ? customerID.flatMap(snapshot.customer) : nil
            return ExpressionScope(customer: customer, rep: rep, manager: manager, customerID: customerID, repID: repID)
        }

        switch alert.rule.subject {
        case .customers:
            for customer in snapshot.customers {
                var s = scope(rep: customer.rep, customerID: nil)
                s.customer = customer
                s.customerID = customer.id
                emit(s, source: customer.origin, date: nil) {
                    let last = env.lastContact(of: customer.id).map { zone.localDate($0).description } ?? "none"
                    var key = "alert/\(name)/\(customer.id)/\(last)"
                    if needs.contains(.anniversary) {
                        let next = customer.birthday.map { TypedExpression.nextAnniversary(of: $0, from: env.today) }
                        key += "/" + (next?.description ?? "none")
                    }
                    return key
                } subject: {
                    subjectText(customer, locale)
                }
            }
        case .contacts:
            for contact in snapshot.contacts where contact.at <= now {
                var s = scope(rep: contact.rep, customerID: contact.customer)
                s.contact = contact
                emit(s, source: contact.origin, date: zone.localDate(contact.at)) {
                    "alert/\(name)/\(contact.rep)/\(utc(contact.at))/\(contact.customer)"
                } subject: {
                    "\(contact.customer) @ \(ExpressionValue.time(contact.at).rendered(in: zone))"
                }
            }
        case .reps:
            // `every:` judges one period (the current one, or the one just ended) and keys the
            // notice by it, so the alert fires once per rep and period.
            let period = alert.rule.every.map { every in
                let current = CalendarPeriod(every, containing: env.today)
                return alert.rule.closed ? current.previous : current
            }
            for rep in snapshot.reps {
                var s = scope(rep: rep.id, customerID: nil)
                s.rep = rep
                s.period = period
                if wantsManager { s.manager = rep.manager.flatMap(snapshot.rep) }
                emit(s, source: rep.origin, date: period?.start) {
                    "alert/\(name)/\(rep.id)" + (period.map { "/\($0)" } ?? "")
                } subject: {
                    "\(rep.name) (\(rep.id))" + (period.map { ", \($0)" } ?? "")
                }
            }
        case .attendance:
            for record in snapshot.attendance where record.date <= env.today {
                var s = scope(rep: record.rep, customerID: nil)
                s.attendance = record
                emit(s, source: record.origin, date: record.date) {
                    "alert/\(name)/\(record.rep)/\(record.date)"
                } subject: {
                    "\(record.rep) \(record.date)"
                }
            }
        case .events:
            for event in snapshot.events where event.at <= now {
                var s = scope(rep: event.rep, customerID: event.customer)
                s.event = event
                emit(s, source: event.origin, date: zone.localDate(event.at)) {
                    "alert/\(name)/\(event.rep)/\(utc(event.at))/\(event.event)"
                } subject: {
                    "\(event.event), \(event.rep) @ \(ExpressionValue.time(event.at).rendered(in: zone))"
                }
            }
        }
        return notices
    }

    /// The text of an alert without `message:`, naming the alert and its subject.
    package static func defaultMessage(_ name: String, _ subject: String, _ locale: NoticeLocale) -> String {
        switch locale {
        case .en: "Alert \u{201C}\(name)\u{201D}: \(subject)"
        case .es: "Alerta \u{00AB}\(name)\u{00BB}: \(subject)"
        case .hu: "\u{201E}\(name)\u{201D} riasztás: \(subject)"
        case .zhHans: "提醒「\(name)」：\(subject)"
        case .zhHant: "提醒「\(name)」：\(subject)"
        }
    }

    private static func subjectText(_ customer: Customer, _ locale: NoticeLocale) -> String {
        let word =
            switch locale {
            case .en: "customer"
            case .es: "cliente"
            case .hu: "ügyfél"
            case .zhHans: "客户"
            case .zhHant: "客戶"
            }
        switch locale {
        case .zhHans, .zhHant: return "\(word) \(customer.name)（\(customer.id)）"
        default: return "\(word) \(customer.name) (\(customer.id))"
        }
    }

    /// An instant as `YYYY-MM-DDTHH:MM:SSZ`, independent of the rules' zone so keys survive
    /// a change of `timezone:`.
    private static func utc(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let rest = seconds - days * 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(LocalDate(dayNumber: days))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }
}
