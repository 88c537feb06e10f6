import Foundation
package import TicklerCore
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The rows of one worksheet of an `.xlsx` file (Office Open XML, as Excel, LibreOffice,
/// WPS and the CRMs write it), as text cells.
///
/// The zip is read with weichsel/ZIPFoundation; the XML parts with Foundation's `XMLParser`
/// (libxml2), streaming, which is what CoreOffice/XMLCoder would use underneath too. Written by
/// hand: which parts to read and what the cells mean (SpreadsheetML, ECMA-376 part 1 §18):
/// shared strings (with rich-text runs, without phonetic guides), inline strings, cached
/// formula results, booleans, and numbers whose style is a date or time format (built-in ids
/// 14-22, 27-36, 45-47, 50-58, or a custom format with y, m, d or h outside quotes), which
/// become `YYYY-MM-DD[THH:MM:SS]` text (Excel serials, 1900 or 1904 date system).
package enum XLSXSheet {
    /// The rows of the sheet named `sheetName` (the first sheet when `nil`) of the file at `path`.
    package static func rows(path: String, sheetName: String?) throws(SheetError) -> [SheetRow] {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw SheetError("\(path): not an .xlsx file (it is not a zip archive); save it from the spreadsheet as .xlsx or .csv")
        }
        func part(_ name: String) throws(SheetError) -> Data? {
            guard let entry = archive[name] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw SheetError("\(path): the part \(name) cannot be unpacked (\(error)); the file is damaged")
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw SheetError("\(path): no xl/workbook.xml inside; this zip is not an Excel workbook")
        }
        let book = XMLElements.parse(workbook)
        let sheets = book.filter { $0.name == "sheet" }
        let date1904 = book.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"] ?? "") }
        let chosen: XMLElements.Element?
        if let sheetName {
            chosen = sheets.first { $0.attributes["name"] == sheetName }
            if chosen == nil {
                let names = sheets.compactMap { $0.attributes["name"] }
                throw SheetError("\(path): no sheet named '\(sheetName)'; the sheets are: \(names.joined(separator: ", "))")
            }
        } else {
            chosen = sheets.first
        }
        guard let chosen else { throw SheetError("\(path): the workbook has no sheets") }
        var target = "worksheets/sheet1.xml"
        if let rid = chosen.attributes["r:id"] ?? chosen.attributes.first(where: { $0.key.hasSuffix(":id") })?.value,
            let rels = try part("xl/_rels/workbook.xml.rels"),
            let rel = XMLElements.parse(rels).first(where: { $0.name == "Relationship" && $0.attributes["Id"] == rid }),
            let t = rel.attributes["Target"]
        {
            target = t
        }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheet = try part(sheetPath) else { throw SheetError("\(path): the sheet's part \(sheetPath) is missing") }
        let strings = try part("xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
        let styles = try part("xl/styles.xml").map(CellStyles.parse) ?? CellStyles(kinds: [])
        return SheetCells.parse(sheet, strings: strings, styles: styles, date1904: date1904)
    }
}
