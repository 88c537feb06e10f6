import TicklerCore

extension StoreFollower {
    /// Records in ``seenFile`` what the snapshot just read came from, when that changed. At a
    /// start (`starting`), first compares it with what the last run recorded: a collection
    /// that held records then and has none now holds the start (throws ``StoreError`` with
    /// ``StoreError/Code/goneSinceLastRun``, the time it was first found so kept in the file)
    /// until it is back or has stayed so for ``missingGrace``; one that has, counts as removed
    /// and gets a warning. A state file that cannot be read or written is a warning, never a
    /// failed tick: the daemon then runs as it did without the file.
    mutating func recordSeen(in file: StoreSeenFile, starting: Bool) throws(StoreError) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        var previous = seenWritten
        if starting {
            do {
                previous = try file.read()
            } catch {
                notes.append(Self.note(file, "cannot be read (\(error)); it is written again"))
            }
        }
        if starting, let seen = previous, seen.store == directory {
            let check = StoreStartCheck(seen: seen, now: recordCounts, at: nowNanoseconds(), quiet: graceNanoseconds)
            if let hold = check.holdError(directory: directory, seenPath: file.path) {
                if check.heldSeen != seen { try? file.write(check.heldSeen) }
                throw hold
            }
            notes += check.acceptedNotes(directory: directory)
        }
        var entries: [String: StoreSeen.Entry] = [:]
        for (name, count) in recordCounts where count.records > 0 {
            entries[name] = StoreSeen.Entry(file: count.file ?? name, records: count.records)
        }
        let current = StoreSeen(store: directory, collections: entries)
        guard current != previous else {
            seenWritten = current
            return notes
        }
        do {
            try file.write(current)
            seenWritten = current
        } catch {
            notes.append(
                Self.note(file, "cannot be written (\(error)); a restart while a collection is missing would read it as empty"))
        }
        return notes
    }

    private static func note(_ file: StoreSeenFile, _ text: String) -> Diagnostic {
        Diagnostic(SourceLocation(file: file.path, line: 1), text, severity: .warning)
    }
}
