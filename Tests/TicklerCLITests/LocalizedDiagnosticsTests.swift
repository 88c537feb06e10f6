import Foundation
import Testing
import TicklerTestSupport

/// Issue 17 item 8: the rules file's `FILE:LINE:COLUMN:` diagnostics in the manager's
/// language (`--locale`, else the file's own `locale:`), English for logs (`LANG=C`); the
/// position is the same in every language.
@Suite("Rules diagnostics in the manager's language")
struct LocalizedDiagnosticsTests {
    static let head = "version: 1\ntimezone: Asia/Shanghai\n"

    /// One family of mistakes: a rules file with it, the position, and the message per language.
    struct Family: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var position: String
        var english: String
        var es: String
        var hu: String
        var zhHans: String
        var testDescription: String { name }
    }

    static let families: [Family] = [
        Family(
            name: "tab", yaml: head + "followup:\n\tcadence: { A: 7d }\n", position: "4:1",
            english: "a tab is used for indentation here; tabs are not allowed in YAML: indent with spaces",
            es: "aquí se sangra con un tabulador; YAML no admite tabuladores: sangre con espacios",
            hu: "itt tabulátor adja a behúzást; a YAML nem enged tabulátort: húzza be a sort szóközökkel",
            zhHans: "此处用制表符缩进；YAML 不允许制表符：请用空格缩进"),
        Family(
            name: "full-width colon", yaml: head + "followup：\n  cadence: { A: 7d, B: 14d, C: 30d }\n", position: "3:9",
            english: "full-width colon '：' here; YAML needs the ASCII ':' (switch the input method to half-width)",
            es: "dos puntos de ancho completo '：' en este punto; YAML necesita el carácter ASCII ':' (cambie el método de entrada a ancho medio)",
            hu: "teljes szélességű kettőspont ('：') áll itt; a YAML az ASCII ':' karaktert várja (állítsa a beviteli módot félszélességűre)",
            zhHans: "此处有全角冒号 '：'；YAML 需要半角的 ':'（请把输入法切换到半角）"),
        Family(
            name: "key:value", yaml: "version: 1\ntimezone:Asia/Shanghai\n", position: "2:10",
            english: "missing space after the colon of 'timezone:'; write 'timezone: ' followed by the value",
            es: "falta un espacio después de los dos puntos de 'timezone:'; escriba 'timezone: ' seguido del valor",
            hu: "hiányzik a szóköz a kettőspont után: 'timezone:'; írja így: 'timezone: ', utána az értéket",
            zhHans: "'timezone:' 的冒号后缺少空格；请写成 'timezone: '，后面接值"),
        Family(
            name: "unknown key", yaml: head + "followup:\n  cadance: { A: 7d }\n", position: "4:3",
            english: "unknown key 'cadance' in 'followup'; did you mean 'cadence'?",
            es: "clave desconocida 'cadance' en 'followup'; ¿quiso decir 'cadence'?",
            hu: "ismeretlen kulcs: 'cadance' (itt: 'followup'); erre gondolt: 'cadence'?",
            zhHans: "'followup' 中有未知的键 'cadance'；是不是想写 'cadence'？"),
        Family(
            name: "missing key", yaml: "version: 1\n", position: "1:1",
            english: "the rules file is missing 'timezone'; add e.g. 'timezone: Asia/Shanghai'",
            es: "falta 'timezone' en el archivo de reglas; añada, por ejemplo, 'timezone: Asia/Shanghai'",
            hu: "hiányzik a 'timezone' kulcs (itt: a szabályfájl); írja be például így: 'timezone: Asia/Shanghai'",
            zhHans: "规则文件缺少 'timezone'；请添加，例如 'timezone: Asia/Shanghai'"),
        Family(
            name: "negative fine", yaml: head + "attendance:\n  start: \"09:00\"\n  absent: { fine: -5 }\n", position: "5:19",
            english: "'fine' must be at least 0, not -5", es: "'fine' debe ser como mínimo 0, no -5",
            hu: "'fine': legalább 0 kell, nem -5", zhHans: "'fine' 至少为 0，不能是 -5"),
        Family(
            name: "wrong type", yaml: head + "attendance:\n  start: [9, 30]\n", position: "4:10",
            english: "'start' must be a time of day HH:MM, not a list", es: "'start' debe ser una hora HH:MM, no una lista",
            hu: "'start': időpont ÓÓ:PP alakban kell, nem lista", zhHans: "'start' 必须是时间 HH:MM，而不是列表"),
        Family(
            name: "timezone", yaml: "version: 1\ntimezone: Asia/Shangai\n", position: "2:11",
            english: "unknown timezone 'Asia/Shangai'; did you mean 'Asia/Shanghai'?",
            es: "zona horaria desconocida 'Asia/Shangai'; ¿quiso decir 'Asia/Shanghai'?",
            hu: "ismeretlen időzóna: 'Asia/Shangai'; erre gondolt: 'Asia/Shanghai'?",
            zhHans: "未知的时区 'Asia/Shangai'；是不是想写 'Asia/Shanghai'？"),
    ]

    @Test("each family: es, hu and zh-Hans with --locale, English with LC_ALL=C, the same position", arguments: families)
    func family(_ family: Family) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("rules.yaml", family.yaml)
        let english = try TicklerBinary.run(["check", path])
        #expect(english.status == 1)
        #expect(english.stderrLines.first == "\(path):\(family.position): \(family.english)", "\(english.stderr)")
        for (locale, message) in [("es", family.es), ("hu", family.hu), ("zh-Hans", family.zhHans)] {
            let run = try TicklerBinary.run(["check", path, "--locale", locale])
            #expect(run.status == 1)
            #expect(run.stderrLines.first == "\(path):\(family.position): \(message)", "\(locale): \(run.stderr)")
        }
    }

    @Test("without --locale: the file's own locale: for a manager, even though it does not parse; English for LANG=C")
    func ownLocale() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("rules.yaml", Self.head + "locale: es\nfollowup:\n  cadance: { A: 7d }\n")
        let manager = try TicklerBinary.run(["check", path], environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "hu_HU.UTF-8"])
        #expect(manager.stderrLines.first == "\(path):5:3: clave desconocida 'cadance' en 'followup'; ¿quiso decir 'cadence'?", "\(manager.stderr)")
        let logs = try TicklerBinary.run(["check", path], environment: ["LC_ALL": "", "LANG": "C"])
        #expect(logs.stderrLines.first == "\(path):5:3: unknown key 'cadance' in 'followup'; did you mean 'cadence'?", "\(logs.stderr)")
    }
}
