import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The elements of a small XML part (workbook, relationships), flat, with their attributes.
enum XMLElements {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    static func parse(_ data: Data) -> [Element] {
        let delegate = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.elements
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append(Element(name: localName(name), attributes: attributes))
        }
    }
}

/// `xl/sharedStrings.xml`: the text of each `<si>`, its `<t>` runs joined, phonetic guides
/// (`<rPh>`, furigana) left out.
enum SharedStrings {
    static func parse(_ data: Data) -> [String] {
        let delegate = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.strings
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch localName(name) {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch localName(name) {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }
    }
}

/// `xl/styles.xml`: for each cell style index (`s="3"`), whether its number format shows a
/// date, a time of day, or a number.
struct CellStyles {
    enum Kind { case number, date, time }
    var kinds: [Kind]

    func kind(_ index: Int?) -> Kind {
        guard let index, kinds.indices.contains(index) else { return .number }
        return kinds[index]
    }

    static func parse(_ data: Data) -> CellStyles {
        let elements = XMLElements.parse(data)
        var formats: [Int: String] = [:]
        for e in elements where e.name == "numFmt" {
            if let id = e.attributes["numFmtId"].flatMap(Int.init), let code = e.attributes["formatCode"] { formats[id] = code }
        }
        var kinds: [Kind] = []
        var inCellXfs = false
        // XMLElements is flat: the `xf`s after `cellXfs` and before `cellStyles` are the cell formats.
        for e in elements {
            if e.name == "cellXfs" { inCellXfs = true; continue }
            if e.name == "cellStyles" || e.name == "dxfs" { inCellXfs = false }
            guard inCellXfs, e.name == "xf" else { continue }
            let id = e.attributes["numFmtId"].flatMap(Int.init) ?? 0
            kinds.append(kind(id: id, code: formats[id]))
        }
        return CellStyles(kinds: kinds)
    }

    static func kind(id: Int, code: String?) -> Kind {
        switch id {
        case 14...17, 22, 27...31, 34...36, 50...58: return .date
        case 18...21, 32, 33, 45...47: return .time
        default: break
        }
        guard let code else { return .number }
        // Letters outside quotes, brackets and escapes decide: y or d is a date, h or s a time.
        var plain = ""
        var quoted = false
        var bracket = false
        var escape = false
        for c in code.lowercased() {
            if escape { escape = false; continue }
            switch c {
            case "\\": escape = true
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            default: if !quoted && !bracket { plain.append(c) }
            }
        }
        if plain.contains("y") || plain.contains("d") { return .date }
        if plain.contains("h") || plain.contains("s") && plain.contains("m") { return .time }
        return .number
    }
}

/// `x:row` → `row`: some writers put a prefix on SpreadsheetML's elements.
func localName(_ name: String) -> String {
    name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
}
