/// The rest of a file's problems when its YAML has keyboard mistakes (full-width punctuation,
/// a missing space after a colon): the file is read again with those put right, so that one
/// run names them all. Shared by the rules file, rule test files and the daemon config.
package enum YAMLTypoRecovery {
    /// The document of `text` (``YAMLDocument/load(_:file:)``). When that fails, throws its
    /// problems together with the others that `parse` finds in the repaired text (``problems``),
    /// so a file with a keyboard mistake gets all its errors in one run.
    package static func load(
        _ text: String, file: String, reparse parse: (String) throws(DiagnosticsError) -> Void
    ) throws(DiagnosticsError) -> YAMLNode? {
        do {
            return try YAMLDocument.load(text, file: file)
        } catch {
            throw DiagnosticsError(error.diagnostics + problems(in: text, file: file, typos: error.diagnostics, parse))
        }
    }

    /// The problems `parse` finds in `text` with its mistakes put right, except those on the
    /// lines of the mistakes (the mistake is named there). Empty when a mistake cannot be put
    /// right without a guess (a tab in the indentation) or the repaired text still is not
    /// valid YAML. `typos` are the mistakes already reported.
    static func problems(
        in text: String, file: String, typos: [Diagnostic], _ parse: (String) throws(DiagnosticsError) -> Void
    ) -> [Diagnostic] {
        // The scan names one mistake a line; a line with two (`plan_by：“09:00”`) takes two rounds.
        var repaired = YAMLDocument.withoutBOM(text)
        var typoLines = Set(typos.map(\.location.line))
        var rounds = 0
        while let next = YAMLTypos.repaired(repaired), rounds < 8 {
            repaired = next
            typoLines.formUnion(YAMLTypos.check(repaired, file: file).map(\.location.line))
            rounds += 1
        }
        guard rounds > 0, (try? YAMLDocument.load(repaired, file: file)) != nil else { return [] }
        do {
            try parse(repaired)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error && !typoLines.contains($0.location.line) }
        }
    }
}
