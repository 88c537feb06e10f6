import Foundation
package import TicklerCore
package import TicklerStore

/// A record of any collection, typed, as the store loader would read it.
package enum ImportRecord: Sendable, Hashable {
    case rep(Rep)
    case customer(Customer)
    case contact(Contact)
    case attendance(AttendanceRecord)
    case event(EventRecord)
    case report(ReportFiling)

    /// Decodes `members` as a record of `collection` with the store's own decoder, so an
    /// imported row passes exactly the checks a record in the store passes.
    package static func decode(
        _ members: [JSONMember], _ collection: StoreCollection, _ decoder: StoreRecordDecoder, origin: RecordOrigin
    ) throws(RecordProblem) -> ImportRecord {
        let f = decoder.fields(members, collection)
        switch collection {
        case .reps: return .rep(try decoder.rep(f, origin: origin))
        case .customers: return .customer(try decoder.customer(f, origin: origin))
        case .contacts: return .contact(try decoder.contact(f, origin: origin))
        case .attendance: return .attendance(try decoder.attendance(f, origin: origin))
        case .events: return .event(try decoder.event(f, origin: origin))
        case .reports: return .report(try decoder.reportFiling(f, origin: origin))
        }
    }

    /// The id a rep or customer is upserted by; `nil` for appended collections.
    package var id: String? {
        switch self {
        case .rep(let r): r.id
        case .customer(let c): c.id
        default: nil
        }
    }

    /// What makes an appended record the same record when a sheet is imported again: a
    /// contact's customer, rep, time and method; one attendance record per rep and day; an
    /// event's rep, time, kind and customer; a plan or report per rep, day and kind.
    package var naturalKey: String {
        switch self {
        case .rep(let r): "rep\u{0}\(r.id)"
        case .customer(let c): "customer\u{0}\(c.id)"
        case .contact(let c):
            "contact\u{0}\(c.customer)\u{0}\(c.rep)\u{0}\(c.at.timeIntervalSince1970)\u{0}\(c.method?.rawValue ?? "")"
        case .attendance(let a): "attendance\u{0}\(a.rep)\u{0}\(a.date)"
        case .event(let e): "event\u{0}\(e.rep)\u{0}\(e.at.timeIntervalSince1970)\u{0}\(e.event)\u{0}\(e.customer ?? "")"
        case .report(let r): "report\u{0}\(r.rep)\u{0}\(r.date)\u{0}\(r.kind.rawValue)"
        }
    }

    /// The record with its origin cleared, to compare content only.
    package var content: ImportRecord {
        let none = RecordOrigin(file: "", line: 0)
        switch self {
        case .rep(var r): r.origin = none; return .rep(r)
        case .customer(var c): c.origin = none; return .customer(c)
        case .contact(var c): c.origin = none; return .contact(c)
        case .attendance(var a): a.origin = none; return .attendance(a)
        case .event(var e): e.origin = none; return .event(e)
        case .report(var r): r.origin = none; return .report(r)
        }
    }

    /// The natural keys of the records of `collection` in `snapshot`.
    package static func keys(of collection: StoreCollection, in snapshot: Snapshot) -> Set<String> {
        switch collection {
        case .reps: Set(snapshot.reps.map { ImportRecord.rep($0).naturalKey })
        case .customers: Set(snapshot.customers.map { ImportRecord.customer($0).naturalKey })
        case .contacts: Set(snapshot.contacts.map { ImportRecord.contact($0).naturalKey })
        case .attendance: Set(snapshot.attendance.map { ImportRecord.attendance($0).naturalKey })
        case .events: Set(snapshot.events.map { ImportRecord.event($0).naturalKey })
        case .reports: Set(snapshot.reports.map { ImportRecord.report($0).naturalKey })
        }
    }
}
