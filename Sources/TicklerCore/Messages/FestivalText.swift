/// The greeting texts of the festivals beyond Spring Festival and Mid-Autumn: the Dragon
/// Boat Festival (端午节) and an office's own days (`care: festivals:`, issue 17 item 7), in
/// the five notice languages. Dates are written as the other care texts write them
/// (``DateWords``), with the terms of docs/glossary.md.
package enum FestivalText {
    /// The festival's name in `locale`: the office's label, or the built-in name.
    package static func name(_ festival: String, label: LocalizedLabel?, _ locale: NoticeLocale) -> String {
        if let label { return label.text(locale) }
        switch festival {
        case "dragon_boat":
            return NoticeLocale.pick(locale, "the Dragon Boat Festival", "la Fiesta del Barco del Dragón", "a sárkányhajó-ünnep", "端午节", "端午節")
        default:
            return festival
        }
    }

    /// "The Dragon Boat Festival is on 9 June: prepare greetings for your 3 key customers."
    static func greeting(
        _ festival: String, label: LocalizedLabel?, date: LocalDate, keyCustomers count: Int, _ d: DateWords
    ) -> String {
        let on = d.on(date)
        let n = name(festival, label: label, d.locale)
        let en = count == 1 ? "your key customer" : "your \(count) key customers"
        let es = count == 1 ? "su cliente clave" : "sus \(count) clientes clave"
        let hu = count == 1 ? "kiemelt ügyfele" : "\(count) kiemelt ügyfele"
        if label == nil, festival == "dragon_boat" {
            return NoticeLocale.pick(
                d.locale, "The Dragon Boat Festival is \(on): prepare greetings for \(en).",
                "La Fiesta del Barco del Dragón es \(on): prepare felicitaciones para \(es).",
                "A sárkányhajó-ünnep \(on) lesz: készítsen köszöntőt \(hu) számára.",
                "端午节是\(on)，请为您的 \(count) 位重点客户准备节日问候。",
                "端午節是\(on)，請為您的 \(count) 位重點客戶準備節日問候。")
        }
        return NoticeLocale.pick(
            d.locale, "\(n) is \(on): prepare greetings for \(en).",
            "\(n), \(on): prepare felicitaciones para \(es).",
            "\(n) \(on) lesz: készítsen köszöntőt \(hu) számára.",
            "\(n)是\(on)，请为您的 \(count) 位重点客户准备问候。",
            "\(n)是\(on)，請為您的 \(count) 位重點客戶準備問候。")
    }
}
