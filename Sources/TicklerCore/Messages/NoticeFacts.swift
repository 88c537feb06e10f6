/// What a notice text is made from: one payload per kind of notice, so that a notice carries
/// its own facts and nothing else (a churn-risk notice has no due date; an attendance notice
/// no customer). The JSON fields `due`, `days` and `minutes` of a notice are read from here
/// (``due``, ``days``, ``minutes``) and are absent where the kind has no such fact.
package enum NoticeFacts: Sendable, Hashable {
    /// `due_soon`, `scheduled` and `overdue`.
    case followup(Followup)
    /// `late` and `absent`.
    case attendance(Attendance)
    /// `penalty`: a recorded violation, or a repeat of them within a window.
    case violation(Violation)
    /// `score_low`.
    case score(Score)
    /// `quota_short`.
    case quota(Quota)
    /// `conflict`: a registration clashing with an earlier one.
    case conflict(Conflict)
    /// `report`: a scheduled report is ready.
    case report(ReportReady)
    /// `compliance`: a daily form not filed, or a plan not approved, in time.
    case compliance(Compliance)
    /// `forecast`: a passed close date or a stale probability.
    case forecast(Forecast)
    /// `reclaim`: a customer due back in the shared pool.
    case reclaim(Reclaim)
    /// `care`: an occasion to greet a key customer, or a customer drifting away.
    case care(Care)
    /// `reward`: points and a bonus earned (``RewardNoticeText``).
    case reward(Reward)

    package struct Followup: Sendable, Hashable {
        package var customerName: String
        package var customerClass: String
        /// The last day to make contact.
        package var due: LocalDate
        /// Whole days past `due` (overdue only).
        package var daysOverdue: Int?
        package var penalty: Penalty?

        package init(customerName: String, customerClass: String, due: LocalDate, daysOverdue: Int? = nil, penalty: Penalty? = nil) {
            self.customerName = customerName
            self.customerClass = customerClass
            self.due = due
            self.daysOverdue = daysOverdue
            self.penalty = penalty
        }
    }

    package struct Attendance: Sendable, Hashable {
        package var repName: String
        package var date: LocalDate
        /// Minutes after the start time of the check-in (`nil`: recorded absent).
        package var minutesLate: Int?
        package var penalty: Penalty?

        package init(repName: String, date: LocalDate, minutesLate: Int? = nil, penalty: Penalty? = nil) {
            self.repName = repName
            self.date = date
            self.minutesLate = minutesLate
            self.penalty = penalty
        }
    }

    package struct Violation: Sendable, Hashable {
        package var repName: String
        package var event: String
        /// The day of the (last) event.
        package var date: LocalDate
        /// 1 for a single event; the repeat count for a repeat penalty.
        package var count: Int
        package var penalty: Penalty
        package var note: String?

        package init(repName: String, event: String, date: LocalDate, count: Int = 1, penalty: Penalty, note: String? = nil) {
            self.repName = repName
            self.event = event
            self.date = date
            self.count = count
            self.penalty = penalty
            self.note = note
        }
    }

    package struct Score: Sendable, Hashable {
        package var repName: String
        package var period: String
        package var points: Int
        package var warnBelow: Int

        package init(repName: String, period: String, points: Int, warnBelow: Int) {
            self.repName = repName
            self.period = period
            self.points = points
            self.warnBelow = warnBelow
        }
    }

    package struct Quota: Sendable, Hashable {
        package var repName: String
        package var period: String
        package var made: Int
        package var required: Int
        /// The period is still open (a heads-up on its last working day).
        package var open: Bool
        /// The contact methods that count (empty: every method), so that a visit quota says
        /// "visits" (拜访), not "contacts" (跟进).
        package var methods: [ContactMethod]

        package init(repName: String, period: String, made: Int, required: Int, open: Bool, methods: [ContactMethod] = []) {
            self.repName = repName
            self.period = period
            self.made = made
            self.required = required
            self.open = open
            self.methods = methods
        }
    }

    package struct Conflict: Sendable, Hashable {
        package var customerName: String
        package var repName: String
        /// `phone`, `name` or `household`.
        package var field: String
        /// The earlier registration that wins ("C1 Acme, Wang Fang").
        package var winner: String
        /// The same, in parts, so each language can write it (its date, its punctuation).
        package var earlier: Earlier?
        /// The winner is a later registration with a full name and phone (`complete_wins`).
        package var completeWins = false

        /// The earlier registration: customer id and name, the rep's name, when.
        package struct Earlier: Sendable, Hashable {
            package var id: String
            package var name: String
            package var repName: String
            package var registered: LocalDate?

            package init(id: String, name: String, repName: String, registered: LocalDate?) {
                self.id = id
                self.name = name
                self.repName = repName
                self.registered = registered
            }
        }

        package init(customerName: String, repName: String, field: String, winner: String, earlier: Earlier? = nil) {
            self.customerName = customerName
            self.repName = repName
            self.field = field
            self.winner = winner
            self.earlier = earlier
        }
    }

    package struct ReportReady: Sendable, Hashable {
        package var title: String
        package var contacts: Int
        package var newCustomers: Int

        package init(title: String, contacts: Int, newCustomers: Int) {
            self.title = title
            self.contacts = contacts
            self.newCustomers = newCustomers
        }
    }

    package struct Compliance: Sendable, Hashable {
        package enum Form: String, Sendable, Hashable {
            case plan, daily, approval
        }

        package var form: Form
        /// The rep whose form it is.
        package var repName: String
        /// Who must approve (approval only; `nil`: nobody known).
        package var approverName: String?
        package var date: LocalDate
        /// Minutes past the deadline (for approval: past the allowed working time).
        package var minutesLate: Int
        package var penalty: Penalty?

        package init(
            form: Form, repName: String, approverName: String? = nil, date: LocalDate, minutesLate: Int,
            penalty: Penalty? = nil
        ) {
            self.form = form
            self.repName = repName
            self.approverName = approverName
            self.date = date
            self.minutesLate = minutesLate
            self.penalty = penalty
        }
    }

    package struct Forecast: Sendable, Hashable {
        package enum Problem: Sendable, Hashable {
            /// The close date passed `daysPast` days ago with no contact since.
            case close(date: LocalDate, daysPast: Int)
            /// The probability has not changed since `since`, `days` days ago.
            case stale(since: LocalDate, days: Int)
        }

        package var customerName: String
        package var problem: Problem

        package init(customerName: String, problem: Problem) {
            self.customerName = customerName
            self.problem = problem
        }
    }

    package struct Reclaim: Sendable, Hashable {
        package var customerName: String
        package var customerClass: String
        /// The first day the customer is back in the pool.
        package var reclaimDate: LocalDate
        /// Days until then, for a warning ahead of the reclaim; `nil` once the customer is
        /// reclaimed (there are no days left, and a negative count would be a false fact).
        package var daysLeft: Int?

        /// `daysLeft` of 0 or less makes the reclaim notice itself.
        package init(customerName: String, customerClass: String, reclaimDate: LocalDate, daysLeft: Int) {
            self.customerName = customerName
            self.customerClass = customerClass
            self.reclaimDate = reclaimDate
            self.daysLeft = daysLeft > 0 ? daysLeft : nil
        }

        /// The customer is back in the pool (not a warning ahead of it).
        package var reclaimed: Bool { daysLeft == nil }
    }

    package struct Care: Sendable, Hashable {
        package enum Occasion: Sendable, Hashable {
            case birthday(date: LocalDate, inDays: Int)
            case anniversary(date: LocalDate, inDays: Int, years: Int)
            /// Usually a contact every `usual` days, the last one `gap` days ago (on `last`).
            case churn(last: LocalDate, gap: Int, usual: Int)
            /// `festival` is `spring_festival`, `mid_autumn`, `dragon_boat` or the office's own; `keyCustomers` the rep's.
            case festival(name: String, date: LocalDate, inDays: Int, keyCustomers: Int)
        }

        /// The customer's name (empty for a festival, which is about all of a rep's).
        package var customerName: String
        package var occasion: Occasion
        /// The office's label of a festival of its own (`care: festivals:`); `nil` otherwise.
        package var festivalLabel: LocalizedLabel?

        package init(customerName: String = "", occasion: Occasion) {
            self.customerName = customerName
            self.occasion = occasion
        }

        /// `birthday`, `anniversary`, `churn` or the festival's name (rule names and keys).
        package var name: String {
            switch occasion {
            case .birthday: "birthday"
            case .anniversary: "anniversary"
            case .churn: "churn"
            case .festival(let name, _, _, _): name
            }
        }
    }
}
