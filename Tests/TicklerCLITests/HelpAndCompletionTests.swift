import Foundation
import Testing
import TicklerTestSupport

/// What the shell and the manual show of the CLI: bash completion of files and folders
/// (the script `tickler --generate-completion-script bash` makes, as packaged), `--help`
/// of every command at 80 columns, and the man page's input without hidden commands.
@Suite("tickler --help, bash completion and the man page's commands")
struct HelpAndCompletionTests {
    /// What a `bash` run printed and how it ended.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `bash -c SCRIPT ARGS` with `environment` added; files, not pipes, for the output.
    static func bash(_ script: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let folder = NSTemporaryDirectory() + "tickler-bash-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = FileManager.default.createFile(atPath: folder + "/out", contents: nil)
        _ = FileManager.default.createFile(atPath: folder + "/err", contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, "bash"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/err"))
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: try String(contentsOfFile: folder + "/out", encoding: .utf8),
            stderr: try String(contentsOfFile: folder + "/err", encoding: .utf8))
    }

    /// Every visible command path (`[]`, `["check"]`, `["outbox", "retry"]`, ...) with the
    /// long names of its visible options and flags, from the parser's own description.
    static func commands() throws -> [(path: [String], options: [String])] {
        let dump = try TicklerBinary.run(["--experimental-dump-help"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var result: [(path: [String], options: [String])] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            let arguments = (command["arguments"] as? [[String: Any]] ?? []).filter { $0["shouldDisplay"] as? Bool ?? true }
            let options = arguments.flatMap { ($0["names"] as? [[String: Any]] ?? []) }
                .filter { $0["kind"] as? String == "long" }.compactMap { $0["name"] as? String }
                .filter { $0 != "help" && $0 != "version" }
            result.append((path, options))
            for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["shouldDisplay"] as? Bool ?? true {
                if let name = sub["commandName"] as? String, name != "help" { walk(sub, path + [name]) }
            }
        }
        walk(try #require(json["command"] as? [String: Any]), [])
        return result
    }

    @Test("--help of every command fits 80 columns at COLUMNS=80, and its usage names every option")
    func helpAt80Columns() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 12, "\(commands.map(\.path))")
        for (path, options) in commands {
            let result = try Self.bash("exec \"$@\" --help", [TicklerBinary.path] + path, environment: ["COLUMNS": "80"])
            #expect(result.status == 0, "\(path): \(result.stderr)")
            #expect(result.stdout.contains("USAGE: tickler"), "\(path)")
            for line in result.stdout.split(separator: "\n") where line.count > 80 {
                Issue.record("tickler \(path.joined(separator: " ")) --help: \(line.count) columns: \(line)")
            }
            let usage = result.stdout.components(separatedBy: "USAGE:").dropFirst().first?.components(separatedBy: "\n\n").first ?? ""
            for option in options { #expect(usage.contains("--\(option)"), "tickler \(path) --help: the usage lacks --\(option)") }
        }
    }

    /// What bash completes for `words` (the last one being completed) in `directory`, with
    /// the completion script the package installs.
    static func complete(_ words: [String], in directory: String, script: String) throws -> Set<String> {
        let run = try Self.bash(
            """
            source "$1"
            cd "$2" || exit 1
            fn=$(sed -n 's/^complete -o filenames -F \\([^ ]*\\) tickler$/\\1/p' "$1")
            shift 2
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            COMPREPLY=()
            "$fn" tickler "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """, [script, directory] + words)
        #expect(run.status == 0, "\(run.stderr)")
        return Set(run.stdout.split(separator: "\n").map(String.init))
    }

    @Test("bash completes rules and config files (.yaml, .yml) and store folders")
    func bashCompletion() throws {
        let folder = NSTemporaryDirectory() + "tickler-complete-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for dir in ["office-store", "archive"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + dir, withIntermediateDirectories: true)
        }
        for file in ["office.yaml", "tickler.yml", "notes.txt"] {
            _ = FileManager.default.createFile(atPath: folder + "/" + file, contents: Data())
        }
        let generated = try TicklerBinary.run(["--generate-completion-script", "bash"])
        #expect(generated.status == 0)
        let script = folder + "/tickler.bash"
        // As packaging/build-deb.sh installs it: without the #! line.
        try generated.stdout.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("#!") }
            .joined(separator: "\n").write(toFile: script, atomically: true, encoding: .utf8)
        let yamlAndFolders: Set<String> = ["office.yaml", "tickler.yml", "office-store", "archive"]
        let folders: Set<String> = ["office-store", "archive"]
        let cases: [([String], Set<String>)] = [
            (["tickler", "eval", "--rules", ""], yamlAndFolders),
            (["tickler", "eval", "--rules", "office.yaml", "--store", ""], folders),
            (["tickler", "explain", "--store", "off"], ["office-store"]),
            (["tickler", "check", ""], yamlAndFolders),
            (["tickler", "check", "office.yaml", "--store", ""], folders),
            (["tickler", "serve", "--config", ""], yamlAndFolders),
            (["tickler", "ledger", "--config", "t"], ["tickler.yml"]),
            (["tickler", "outbox", "list", "--config", ""], yamlAndFolders),
            (["tickler", "report", "--rules", "o"], ["office.yaml", "office-store"]),
            (["tickler", "test", ""], yamlAndFolders),
        ]
        for (words, expected) in cases {
            #expect(try Self.complete(words, in: folder, script: script) == expected, "\(words.joined(separator: " "))")
        }
    }

    @Test("the man page's input leaves out bench-ticks (packaging/visible-help.py); --help lists it nowhere")
    func manPageCommands() throws {
        let dump = try TicklerBinary.run(["--experimental-dump-help"])
        #expect(dump.stdout.contains("\"bench-ticks\""), "the parser's dump still has it, marked hidden")
        let filtered = try Self.bash(
            "\"$1\" --experimental-dump-help | python3 \"$2\"", [TicklerBinary.path, TicklerBinary.packageRoot + "/packaging/visible-help.py"])
        #expect(filtered.status == 0, "\(filtered.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(filtered.stdout.utf8)) as? [String: Any])
        let command = try #require(json["command"] as? [String: Any])
        let names = (command["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
        #expect(!names.contains("bench-ticks"))
        #expect(Set(["check", "eval", "explain", "test", "ledger", "serve", "report", "pool", "outbox"]).isSubset(of: Set(names)))
        #expect(try !TicklerBinary.run(["--help"]).stdout.contains("bench-ticks"))
    }
}
