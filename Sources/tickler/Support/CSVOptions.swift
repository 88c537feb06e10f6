import ArgumentParser
import TicklerCore

/// `--no-bom`, shared by the commands that write CSV (`report`, `ledger`, `pool`).
///
/// CSV goes to a spreadsheet by default, so it starts with a UTF-8 byte order mark, the same
/// choice as the mail attachments: without it Excel reads UTF-8 as the system code page and
/// shows "LucÃ­a" and mojibake for Chinese names. A script that reads the CSV passes
/// `--no-bom`.
struct CSVOptions: ParsableArguments {
    @Flag(name: .customLong("no-bom"), help: "CSV without the UTF-8 byte order mark (for scripts; spreadsheets want it).")
    var noBOM = false

    /// `csv` as written to standard output.
    func output(_ csv: String) -> String {
        noBOM ? csv : ReportRendering.byteOrderMark + csv
    }
}
