import ArgumentParser
import Foundation
import TicklerCore

/// `tickler eval`: what is due at a time, delivering nothing and writing nothing.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Show the notices due at a time, without sending or writing anything.",
        // ArgumentParser does not wrap the usage line: wrapped here to stay within 80 columns
        // (HelpAndCompletionTests checks that it names every option).
        usage: "tickler eval --rules <RULES> --store <DIR> [--at <TIME>] [--since <TIME>]\n[--format <format>]",
        discussion: """
            Follow-up notices (due_soon, scheduled, overdue) describe the state at --at.
            Lateness, absences and penalties are those recorded between --since and --at.
            Bad store records are reported on standard error and skipped.

            Exit status: 0 evaluated, 1 invalid rules, 2 usage or unreadable file.

            Examples:
              tickler eval --rules rules/office.yaml --store rules/example-store --at 2026-11-24T10:00
              tickler eval --rules rules/office.yaml --store rules/example-store --format json | jq .key
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var input: RulesAndStoreOptions
    @OptionGroup var time: TimeOptions

    @Option(name: .long, help: "Output: text for people, json for one object per notice per line.")
    var format: Format = .text

    func run() throws {
        let rules = try Inputs.rules(input.rules)
        let now = try time.at.map { try Inputs.time($0, option: "at", zone: rules.zone) } ?? Date()
        let since = try time.since.map { try Inputs.time($0, option: "since", zone: rules.zone) }
        if let since, since > now {
            throw ValidationError("--since is after --at: nothing could be reported")
        }
        let (snapshot, _) = try Inputs.store(input.store, rules: rules)
        let evaluation = Evaluator(rules: rules).evaluate(snapshot, at: now, since: since)
        switch format {
        case .json:
            var out = OutputBuffer()
            for notice in evaluation.notices {
                NoticeJSONWriter.append(notice, to: &out.bytes)
                out.bytes.append(UInt8(ascii: "\n"))
                out.flushIfFull()
            }
            out.flush()
        case .text:
            print(NoticeTable(notices: evaluation.notices, snapshot: snapshot, rules: rules, at: now).text, terminator: "")
        }
    }
}
