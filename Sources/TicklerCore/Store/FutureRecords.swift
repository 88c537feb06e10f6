package import Foundation

/// Records dated after a time: what `tickler check --store` warns about (relative to the
/// current time), since evaluation ignores them until their time comes (``Snapshot/asOf(_:zone:)``).
///
/// A warning, not an error: a visit planned for tomorrow typed in as a contact, or a clock
/// set wrong on the CRM's machine, is worth a look, but the store is still valid.
package enum FutureRecords {
    /// One warning per record dated after `now`, at its `FILE:LINE`, in store order by file.
    /// `path` turns a record's origin into the file name to print (the store folder joined
    /// with the collection file).
    package static func warnings(
        in snapshot: Snapshot, after now: Date, zone: Zone, path: (String) -> String = { $0 }
    ) -> [Diagnostic] {
        guard !snapshot.horizon.isPast(now, zone: zone) else { return [] }
        let wall = RecordDating.wallMinute(now, zone: zone)
        var found: [(RecordOrigin, String)] = []
        for c in snapshot.contacts where c.at > now {
            found.append((c.origin, "contact dated \(stamp(c.at, zone)), after now"))
        }
        for e in snapshot.events where e.at > now {
            found.append((e.origin, "event '\(e.event)' dated \(stamp(e.at, zone)), after now"))
        }
        for a in snapshot.attendance where RecordDating.wallMinute(of: a) > wall {
            found.append((a.origin, "attendance record for \(a.date)\(a.checkIn.map { " \($0)" } ?? ""), after now"))
        }
        for c in snapshot.customers {
            if let registered = c.registeredAt, registered > now {
                found.append((c.origin, "customer \(c.id) registered_at \(stamp(registered, zone)), after now"))
            }
        }
        for r in snapshot.reports {
            let filed = RecordDating.filed(r)
            if filed.instant.map({ $0 > now }) ?? (filed.wallMinute > wall) {
                found.append((r.origin, "\(r.kind.rawValue) of \(r.date) filed \(r.filedAt.map { stamp($0, zone) } ?? "on a later day"), after now"))
            } else if let approved = r.approvedAt, approved > now {
                found.append((r.origin, "\(r.kind.rawValue) of \(r.date) approved_at \(stamp(approved, zone)), after now"))
            }
        }
        return found.sorted { ($0.0.file, $0.0.line) < ($1.0.file, $1.0.line) }.map { origin, what in
            Diagnostic(
                SourceLocation(file: path(origin.file), line: origin.line),
                "\(what) (\(stamp(now, zone))): evaluation ignores it until then; if the date is a typo, correct it",
                severity: .warning)
        }
    }

    private static func stamp(_ instant: Date, _ zone: Zone) -> String {
        "\(zone.localDate(instant)) \(zone.timeOfDay(instant))"
    }
}
