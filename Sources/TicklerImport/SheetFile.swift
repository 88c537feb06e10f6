import Foundation
package import TicklerCore

/// A sheet file read for import: `.xlsx`, or CSV/TSV text in any of ``SheetEncoding``'s
/// encodings with `,`, `;` or tab between fields.
package struct SheetFile: Sendable {
    package var rows: [SheetRow]
    /// The text encoding read (CSV only).
    package var encoding: SheetEncoding?
    /// The separator used (CSV only).
    package var separator: Character?
    /// A CSV cell whose opening quote is never closed (the reader took the rest of the file
    /// into it, so the rows from there on are not in ``rows``).
    package var unclosedQuote: CSVQuoteCheck.Place?

    /// Files larger than this are refused before reading (a sheet of 10^6 rows is ~100 MB).
    package static let maxBytes = 512 * 1024 * 1024

    /// Reads the file at `path`. `encoding` (a name, see ``SheetEncoding/named(_:bytes:)``) and
    /// `separator` override detection; `sheet` names an XLSX worksheet.
    package static func read(path: String, encoding: String?, separator: Character?, sheet: String?) throws(SheetError)
        -> SheetFile
    {
        var info = stat()
        guard stat(path, &info) == 0 else { throw SheetError("\(path): cannot read the file: \(String(cString: strerror(errno)))") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw SheetError("\(path): not a regular file") }
        guard Int(info.st_size) <= maxBytes else {
            throw SheetError("\(path): larger than \(maxBytes / 1024 / 1024) MB; split the sheet")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SheetError("\(path): cannot read the file; check its permissions")
        }
        let bytes = [UInt8](data)
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return SheetFile(rows: try XLSXSheet.rows(path: path, sheetName: sheet), encoding: nil, separator: nil, unclosedQuote: nil)
        }
        if lower.hasSuffix(".xls") || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw SheetError("\(path): an old Excel 97-2003 .xls file; save it as .xlsx (File > Save As) or as CSV")
        }
        let chosen: SheetEncoding
        if let encoding {
            guard let named = SheetEncoding.named(encoding, bytes: bytes) else {
                throw SheetError("unknown encoding '\(encoding)'; use one of \(SheetEncoding.allCases.map(\.rawValue).joined(separator: ", ")) (gbk and utf-16 are accepted too)")
            }
            chosen = named
        } else {
            chosen = SheetEncoding.detect(bytes)
        }
        let text: String
        do {
            text = try chosen.decode(bytes)
        } catch {
            let line = bytes.prefix(error.offset).filter { $0 == 0x0A }.count + 1
            throw SheetError("\(path):\(line): this byte is not \(chosen.rawValue) text (byte \(error.offset)); name the file's encoding with --encoding (utf-8, gb18030, utf-16, windows-1250, windows-1252)")
        }
        let sep = separator ?? (lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") ? "\t" : nil) ?? CSVSheet.guessSeparator(text)
        return SheetFile(
            rows: try CSVSheet.rows(text, separator: sep), encoding: chosen, separator: sep,
            unclosedQuote: CSVQuoteCheck.unclosed(text, separator: sep))
    }
}
