import Foundation

/// A field an expression can read: its name, type and how to get it from a record.
package struct ExpressionField: Sendable {
    package var name: String
    package var type: ExpressionType
    /// The only values the field takes (`status`, `method`), for checking literals it is compared with.
    package var allowedValues: [String]?
    /// A yearly date (`birthday`): `days_until` counts to its next anniversary.
    package var isAnniversary = false
    package var needs: ExpressionNeeds = []
    package var read: @Sendable (ExpressionScope, ExpressionEnvironment) -> ExpressionValue

    init(
        _ name: String, _ type: ExpressionType, allowed: [String]? = nil, anniversary: Bool = false,
        needs: ExpressionNeeds = [], read: @escaping @Sendable (ExpressionScope, ExpressionEnvironment) -> ExpressionValue
    ) {
        self.name = name
        self.type = type
        self.allowedValues = allowed
        self.isAnniversary = anniversary
        self.needs = needs
        self.read = read
    }
}

/// The fields of each alert subject, unqualified (`status`) and qualified (`rep.team`).
package enum ExpressionFields {
    /// Unqualified fields of a subject's records, in documentation order.
    package static func own(_ subject: AlertRule.Subject) -> [ExpressionField] {
        switch subject {
        case .customers: customer
        case .contacts: contact
        case .reps: repFields { $0.rep }
        case .attendance: attendance
        case .events: event
        }
    }

    /// Linked records reachable with `qualifier.field`, and their fields.
    package static func qualified(_ subject: AlertRule.Subject) -> [(qualifier: String, fields: [ExpressionField])] {
        let links: [(String, [ExpressionField])] = [("rep", linkedRep), ("manager", managerFields)]
        switch subject {
        case .customers, .contacts, .events: return [("customer", linkedCustomer)] + links
        case .reps, .attendance: return links
        }
    }

    private static func text(_ s: String?) -> ExpressionValue { s.map(ExpressionValue.text) ?? .null }
    private static func date(_ d: LocalDate?) -> ExpressionValue { d.map(ExpressionValue.date) ?? .null }
    private static func time(_ t: Date?) -> ExpressionValue { t.map(ExpressionValue.time) ?? .null }

    private static let customer: [ExpressionField] = [
        customerField("id", .text) { c, _ in .text(c.id) },
        customerField("name", .text) { c, _ in .text(c.name) },
        customerField("rep", .text) { c, _ in .text(c.rep) },
        customerField("class", .text) { c, _ in .text(c.class) },
        customerField("source", .text) { c, _ in text(c.source) },
        customerField("status", .text, allowed: CustomerStatus.allCases.map(\.rawValue)) { c, _ in
            text(c.status?.rawValue)
        },
        customerField("phone", .text) { c, _ in text(c.phone) },
        customerField("registered_at", .time) { c, _ in time(c.registeredAt) },
        customerField("next_contact", .date) { c, _ in date(c.nextContact) },
        customerField("birthday", .date, anniversary: true) { c, _ in date(c.birthday) },
        customerField("expected_amount", .number) { c, _ in
            c.expectedAmount.map { .number(NSDecimalNumber(decimal: $0).doubleValue) } ?? .null
        },
        customerField("close_date", .date) { c, _ in date(c.closeDate) },
        customerField("probability", .number) { c, _ in c.probability.map(ExpressionValue.number) ?? .null },
        customerField("last_contact", .time, needs: .lastContact) { c, env in time(env.lastContact(of: c.id)) },
        customerField("days_since_last_contact", .number, needs: .lastContact) { c, env in
            guard let last = env.lastContact(of: c.id) else { return .null }
            return .number(Double(env.zone.localDate(last).days(to: env.today)))
        },
        customerField("contacts_count", .number, needs: .contactsByCustomer) { c, env in
            .number(Double(env.contactCount(ofCustomer: c.id)))
        },
    ]

    private static let linkedCustomer: [ExpressionField] = customer.map { field in
        var linked = field
        linked.needs.insert(.customer)
        return linked
    }

    private static func customerField(
        _ name: String, _ type: ExpressionType, allowed: [String]? = nil, anniversary: Bool = false,
        needs: ExpressionNeeds = [], _ read: @escaping @Sendable (Customer, ExpressionEnvironment) -> ExpressionValue
    ) -> ExpressionField {
        ExpressionField(name, type, allowed: allowed, anniversary: anniversary, needs: needs) { scope, env in
            scope.customer.map { read($0, env) } ?? .null
        }
    }

    private static let linkedRep: [ExpressionField] = repFields { $0.rep }.map { field in
        var linked = field
        linked.needs.insert(.rep)
        return linked
    }

    private static let managerFields: [ExpressionField] = repFields { $0.manager }.map { field in
        var withManager = field
        withManager.needs.formUnion([.rep, .manager])
        return withManager
    }

    private static func repFields(_ pick: @escaping @Sendable (ExpressionScope) -> Rep?) -> [ExpressionField] {
        func field(_ name: String, _ read: @escaping @Sendable (Rep) -> String?) -> ExpressionField {
            ExpressionField(name, .text) { scope, _ in pick(scope).map { text(read($0)) } ?? .null }
        }
        return [
            field("id") { $0.id }, field("name") { $0.name }, field("manager") { $0.manager },
            field("team") { $0.team }, field("email") { $0.email },
        ]
    }

    private static let contact: [ExpressionField] = [
        ExpressionField("customer", .text) { s, _ in text(s.contact?.customer) },
        ExpressionField("rep", .text) { s, _ in text(s.contact?.rep) },
        ExpressionField("at", .time) { s, _ in time(s.contact?.at) },
        ExpressionField("method", .text, allowed: ContactMethod.allCases.map(\.rawValue)) { s, _ in
            text(s.contact?.method?.rawValue)
        },
        ExpressionField("progress", .number) { s, _ in s.contact?.progress.map { .number(Double($0)) } ?? .null },
        ExpressionField("outcome", .text) { s, _ in text(s.contact?.outcome) },
        ExpressionField("note", .text) { s, _ in text(s.contact?.note) },
    ]

    private static let attendance: [ExpressionField] = [
        ExpressionField("rep", .text) { s, _ in text(s.attendance?.rep) },
        ExpressionField("date", .date) { s, _ in date(s.attendance?.date) },
        ExpressionField("check_in", .clock) { s, _ in s.attendance?.checkIn.map(ExpressionValue.clock) ?? .null },
        ExpressionField("absent", .bool) { s, _ in s.attendance.map { .bool($0.absent) } ?? .null },
        ExpressionField("excused", .bool) { s, _ in s.attendance.map { .bool($0.excused) } ?? .null },
    ]

    private static let event: [ExpressionField] = [
        ExpressionField("rep", .text) { s, _ in text(s.event?.rep) },
        ExpressionField("at", .time) { s, _ in time(s.event?.at) },
        ExpressionField("event", .text) { s, _ in text(s.event?.event) },
        ExpressionField("customer", .text) { s, _ in text(s.event?.customer) },
        ExpressionField("note", .text) { s, _ in text(s.event?.note) },
    ]
}
