import Foundation
import Testing
import TicklerCore

@Suite struct AttendanceTests {
    func notices(_ records: [AttendanceRecord], at: String = "2026-11-24 20:00", since: String? = nil) -> [Notice] {
        Evaluator(rules: Build.rules()).evaluate(
            Snapshot(reps: Build.reps, attendance: records), at: Build.at(at), since: since.map { Build.at($0) }
        ).notices
    }

    @Test(
        "seed 003's lateness tiers: fine and points by minutes late",
        arguments: [
            ("08:30", nil as NoticeKind?, nil as Int?, nil as Int?),
            ("08:20", nil, nil, nil),
            ("08:31", .late, 10, 5),
            ("08:40", .late, 10, 5),  // exactly 10 minutes: first tier
            ("08:41", .late, 20, 10),
            ("08:50", .late, 20, 10),
            ("08:55", .late, 30, 15),
            ("09:00", .late, 30, 15),
            ("09:01", .absent, 50, 20),  // over 30 minutes counts as absent
            ("11:00", .absent, 50, 20),
        ])
    func tiers(checkIn: String, kind: NoticeKind?, fine: Int?, points: Int?) {
        let record = AttendanceRecord(rep: "R1", date: Build.date("2026-11-24"), checkIn: TimeOfDay(parsing: checkIn))
        let result = notices([record])
        #expect(result.first?.kind == kind)
        #expect(result.first?.fine == fine.map { Decimal($0) })
        #expect(result.first?.points == points)
        if kind != nil {
            #expect(result.first?.to == ["R1", "M1"])
            #expect(result.first?.key == "\(kind!.rawValue)/R1/2026-11-24")
        }
    }

    @Test("an absence is fined; an excused absence or lateness is not")
    func absentAndExcused() {
        let day = Build.date("2026-11-24")
        let absent = notices([AttendanceRecord(rep: "R1", date: day, absent: true)])
        #expect(absent.map(\.kind) == [.absent])
        #expect(absent.first?.fine == 50 && absent.first?.points == 20)
        #expect(notices([AttendanceRecord(rep: "R1", date: day, absent: true, excused: true)]).isEmpty)
        #expect(notices([AttendanceRecord(rep: "R1", date: day, checkIn: TimeOfDay(parsing: "09:45"), excused: true)]).isEmpty)
    }

    @Test("only records in [since, at] give notices; since defaults to the start of the local day")
    func window() {
        let yesterday = AttendanceRecord(rep: "R1", date: Build.date("2026-11-23"), checkIn: TimeOfDay(parsing: "08:45"))
        let today = AttendanceRecord(rep: "R2", date: Build.date("2026-11-24"), checkIn: TimeOfDay(parsing: "08:45"))
        #expect(notices([yesterday, today]).map(\.rep) == ["R2"])
        #expect(notices([yesterday, today], since: "2026-11-23 00:00").map(\.rep) == ["R1", "R2"])
        // A check-in later than --at has not happened yet.
        #expect(notices([today], at: "2026-11-24 08:40").isEmpty)
    }

    @Test("a rep without a manager still gets the notice; the manager target is dropped")
    func noManager() {
        let record = AttendanceRecord(rep: "R2", date: Build.date("2026-11-24"), checkIn: TimeOfDay(parsing: "08:45"))
        #expect(notices([record]).first?.to == ["R2"])
    }
}

@Suite struct PenaltyTests {
    func evaluate(_ events: [EventRecord], at: String, since: String? = nil) -> Evaluation {
        Evaluator(rules: Build.rules()).evaluate(
            Snapshot(reps: Build.reps, events: events), at: Build.at(at), since: since.map { Build.at($0) })
    }

    func event(_ name: String, _ at: String, rep: String = "R1", line: Int = 1) -> EventRecord {
        EventRecord(rep: rep, at: Build.at(at), event: name, origin: RecordOrigin(file: "events.jsonl", line: line))
    }

    @Test("each late greeting is fined and recorded in the ledger with its source record")
    func perEvent() {
        let result = evaluate(
            [event("late_greeting", "2026-11-24 09:12", line: 4), event("late_greeting", "2026-11-24 15:00", line: 9)],
            at: "2026-11-24 20:00")
        #expect(result.notices.count == 2)
        #expect(result.notices.allSatisfy { $0.kind == .penalty && $0.fine == 10 && $0.points == 5 })
        #expect(result.notices.first?.key == "penalty/late_greeting/R1/20261124T011200Z")
        #expect(result.ledger.map(\.source) == ["events.jsonl:4", "events.jsonl:9"])
    }

    @Test("a floor quarrel goes to the manager only")
    func quarrel() {
        let result = evaluate([event("floor_quarrel", "2026-11-24 11:00")], at: "2026-11-24 20:00")
        #expect(result.notices.first?.to == ["M1"])
        #expect(result.notices.first?.fine == 50)
    }

    @Test("three reception no-shows within a week are fined once, with the seed's note; the fourth is not")
    func repeatWithinWeek() {
        let events = [
            event("reception_no_show", "2026-11-18 10:00"), event("reception_no_show", "2026-11-20 10:00"),
            event("reception_no_show", "2026-11-24 10:00"), event("reception_no_show", "2026-11-24 16:00"),
        ]
        let result = evaluate(events, at: "2026-11-24 20:00")
        #expect(result.notices.map(\.key) == ["penalty/reception_no_show/R1/repeat/20261124T020000Z"])
        #expect(result.notices.first?.message.contains("no reception duty for one week") == true)
        #expect(result.ledger.first?.fine == 20 && result.ledger.first?.points == 10)
    }

    @Test("three no-shows spread over more than a week are not fined")
    func spreadOut() {
        let events = [
            event("reception_no_show", "2026-11-10 10:00"), event("reception_no_show", "2026-11-17 10:00"),
            event("reception_no_show", "2026-11-24 10:00"),
        ]
        #expect(evaluate(events, at: "2026-11-24 20:00").notices.isEmpty)
    }

    @Test("events after --at and events of other reps do not count")
    func boundaries() {
        let events = [
            event("reception_no_show", "2026-11-22 10:00"), event("reception_no_show", "2026-11-23 10:00", rep: "R2"),
            event("reception_no_show", "2026-11-24 10:00"), event("reception_no_show", "2026-11-24 21:00"),
        ]
        #expect(evaluate(events, at: "2026-11-24 20:00").notices.isEmpty)
        #expect(evaluate(events, at: "2026-11-24 22:00").notices.count == 1)
    }

    @Test("events with no rule are ignored")
    func unknownEvent() {
        #expect(evaluate([event("coffee_break", "2026-11-24 10:00")], at: "2026-11-24 20:00").notices.isEmpty)
    }
}

@Suite struct NoticeTextTests {
    @Test("every locale renders an overdue text with the customer's name, days and fine", arguments: NoticeLocale.allCases)
    func overdue(locale: NoticeLocale) {
        let facts = NoticeFacts.followup(
            .init(
                customerName: "Kovács Kft.", customerClass: "A", due: Build.date("2026-11-14"), daysOverdue: 9,
                penalty: Penalty(fine: 10, points: 5)))
        let text = NoticeText.render(.overdue, facts, locale: locale)
        let due = LocalDateText.date(Build.date("2026-11-14"), locale)
        #expect(text.contains("Kovács Kft.") && text.contains("9") && text.contains(due) && text.contains("10"), "\(text)")
        #expect(!text.contains("2026-11-14"), "a date as the reader writes it, not ISO")
        let english = NoticeText.render(.overdue, facts, locale: .en)
        #expect(locale == .en || text != english)
    }
}

@Suite struct NoticeLanguageTests {
    @Test("a notice renders again in a recipient's language, and its JSON carries no facts")
    func rerender() throws {
        let snapshot = Snapshot(
            reps: Build.reps, attendance: [AttendanceRecord(rep: "R1", date: Build.date("2026-11-24"), checkIn: TimeOfDay(parsing: "08:45"))])
        let notice = try #require(Evaluator(rules: Build.rules(locale: .zhHans)).evaluate(snapshot, at: Build.at("2026-11-24 20:00")).notices.first)
        #expect(notice.message.contains("迟到 15 分钟"))
        #expect(notice.message(in: .hu) == "Wang Fang november 24-én 15 percet késett. Bírság: 20, levonás: 10 pont.")
        #expect(notice.message(in: .zhHans) == notice.message)
        let json = String(decoding: try JSONEncoder().encode(notice), as: UTF8.self)
        #expect(!json.contains("facts") && json.contains("\"minutes\":15"))
    }
}
