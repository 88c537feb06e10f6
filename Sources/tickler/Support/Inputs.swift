import ArgumentParser
import Foundation
import TicklerCore
import TicklerStore

/// Loading what the commands need, with errors printed the way users read them.
enum Inputs {
    /// Prints a line to standard error.
    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The rules at `path`, or an exit: 1 when invalid (each problem printed, then a summary,
    /// in `locale`, or in the language `language` chooses for the file's own `locale:`),
    /// 2 when unreadable.
    static func rules(_ path: String, locale: NoticeLocale = .en, language: LocaleOptions? = nil) throws -> Rules {
        do {
            return try RulesFile.load(path)
        } catch .invalid(let error) {
            let locale = language?.chosen(rules: error.declaredLocale) ?? locale
            for diagnostic in error.diagnostics { warn(diagnostic.description(in: locale)) }
            warn(CommandText.text(.rulesProblems, locale, path, "\(error.diagnostics.count)"))
            throw ExitCode(1)
        } catch {
            warn(error.description)
            throw ExitCode(2)
        }
    }

    /// The store snapshot; bad records are printed as `FILE:LINE: message` (in `locale` where
    /// translated) and skipped.
    /// Returns the number of bad records too. Exits 2 when the folder cannot be read.
    static func store(_ directory: String, rules: Rules, ioExit: Int32 = 2, locale: NoticeLocale = .en) throws -> (Snapshot, Int) {
        let load: StoreLoad
        do {
            load = try StoreLoader(
                directory: directory, zone: rules.zone, classes: rules.classes,
                contactMethods: rules.knownContactMethods.map(\.rawValue)).load()
        } catch {
            warn("\(error)")
            throw ExitCode(ioExit)
        }
        for diagnostic in load.diagnostics { warn(diagnostic.description(in: locale)) }
        return (load.snapshot, load.diagnostics.filter { $0.severity == .error }.count)
    }

    /// Parses a `--at`/`--since` value in the rules' zone.
    static func time(_ text: String, option: String, zone: Zone) throws -> Date {
        guard let date = InstantText.parse(text, zone: zone) else {
            throw ValidationError(
                "--\(option) '\(text)' is not a time: write 2026-11-24T09:00 (local to \(zone.identifier)) or RFC 3339 such as 2026-11-24T09:00:00+08:00"
            )
        }
        return date
    }
}
