import Testing
import TicklerCore

/// The texts of issue 17's practices as a native reader writes them (docs/glossary.md): an
/// incomplete registration lacks a full name *or* a phone; an office's own festival reads
/// like the built-in ones.
@Suite struct PracticeTextTests {
    static func completeWins() -> NoticeFacts {
        let later = NoticeFacts.Conflict.Earlier(id: "C2", name: "Nagy Péter", repName: "Tóth Gábor", registered: Build.date("2026-11-05"))
        var conflict = NoticeFacts.Conflict(customerName: "Nagy úr", repName: "Kovács Anna", field: "phone", winner: "C2", earlier: later)
        conflict.completeWins = true
        return .conflict(conflict)
    }

    @Test(
        "a complete registration wins over one without a full name or a phone",
        arguments: [
            (NoticeLocale.en, "Nagy úr, registered by Kovács Anna without a full name or a phone, clashes with a later registration (C2 Nagy Péter, registered by Tóth Gábor on 5 November); the registration with the full name and phone wins."),
            (.es, "El cliente Nagy úr, registrado por Kovács Anna sin nombre completo o sin teléfono, coincide con un registro posterior (C2 Nagy Péter, registrado por Tóth Gábor el 5 de noviembre); prevalece el registro con nombre completo y teléfono."),
            (.hu, "Nagy úr ügyfelet Kovács Anna teljes név vagy telefonszám nélkül rögzítette, és ütközik egy későbbi rögzítéssel (C2 Nagy Péter, rögzítette: Tóth Gábor, november 5-én); a teljes névvel és telefonszámmal történt rögzítés érvényes."),
        ])
    func registration(_ locale: NoticeLocale, _ expected: String) {
        #expect(NoticeText.render(.conflict, Self.completeWins(), locale: locale) == expected)
    }

    @Test(
        "an office's own day reads like the built-in festivals",
        arguments: [
            (NoticeLocale.es, "Día de la empresa, el 18 de junio: prepare felicitaciones para sus 2 clientes clave."),
            (.hu, "Cégnap június 18-án lesz: készítsen köszöntőt 2 kiemelt ügyfele számára."),
        ])
    func ownFestival(_ locale: NoticeLocale, _ expected: String) {
        var care = NoticeFacts.Care(occasion: .festival(name: "company_day", date: Build.date("2026-06-18"), inDays: 3, keyCustomers: 2))
        care.festivalLabel = LocalizedLabel(texts: [.es: "Día de la empresa", .hu: "Cégnap"], fallback: "Company day")
        #expect(NoticeText.render(.care, .care(care), locale: locale) == expected)
    }
}
