package import Foundation

/// When each kind of store record comes into existence, the one definition that evaluation
/// *as of* a time (``Snapshot/asOf(_:zone:)``) and `tickler check`'s warning about records
/// dated in the future both use.
///
/// - a contact or an event exists from its `at`;
/// - an attendance record from its check-in on its date (an absence or a record without a
///   check-in from the start of its date);
/// - a filed plan or report from its `filed_at` (without one, from the start of its date), and
///   its approval from `approved_at`;
/// - a customer from its `registered_at` (a customer without one has always existed).
///
/// Attendance and undated filings are local wall times, compared to the minute.
package enum RecordDating {
    /// Minutes since 1970-01-01T00:00 local wall time: the unit attendance is dated in.
    package static func wallMinute(_ date: LocalDate, _ time: TimeOfDay?) -> Int {
        date.dayNumber * 1440 + (time?.minutes ?? 0)
    }

    /// The local wall minute of `now` in `zone`.
    package static func wallMinute(_ now: Date, zone: Zone) -> Int {
        wallMinute(zone.localDate(now), zone.timeOfDay(now))
    }

    package static func wallMinute(of record: AttendanceRecord) -> Int { wallMinute(record.date, record.checkIn) }

    /// The filing's instant when it has one; otherwise its date's wall minute (`nil` instant).
    package static func filed(_ filing: ReportFiling) -> (instant: Date?, wallMinute: Int) {
        (filing.filedAt, wallMinute(filing.date, nil))
    }
}

/// The latest date of each kind of record in a snapshot, kept so that evaluating as of a
/// time after all of them costs nothing (the daemon's usual tick).
package struct RecordHorizon: Sendable, Hashable {
    /// Latest `at`, `registered_at`, `filed_at` or `approved_at` of any record.
    package var latestInstant: Date?
    /// Latest local wall minute of an attendance record or an undated filing.
    package var latestWallMinute: Int?

    package init(
        customers: [Customer], contacts: [Contact], attendance: [AttendanceRecord], events: [EventRecord],
        reports: [ReportFiling]
    ) {
        var instant: Date?
        func see(_ date: Date?) {
            guard let date else { return }
            if instant.map({ date > $0 }) ?? true { instant = date }
        }
        var wall: Int?
        func see(_ minute: Int) {
            if wall.map({ minute > $0 }) ?? true { wall = minute }
        }
        for c in contacts { see(c.at) }
        for e in events { see(e.at) }
        for c in customers { see(c.registeredAt) }
        for r in reports {
            see(r.filedAt)
            see(r.approvedAt)
            if r.filedAt == nil { see(RecordDating.wallMinute(r.date, nil)) }
        }
        for a in attendance { see(RecordDating.wallMinute(of: a)) }
        latestInstant = instant
        latestWallMinute = wall
    }

    /// True when no record is dated after `now`.
    package func isPast(_ now: Date, zone: Zone) -> Bool {
        (latestInstant.map { $0 <= now } ?? true)
            && (latestWallMinute.map { $0 <= RecordDating.wallMinute(now, zone: zone) } ?? true)
    }
}
