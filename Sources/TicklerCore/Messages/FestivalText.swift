/// The greeting texts of the festivals beyond Spring Festival and Mid-Autumn: the Dragon
/// Boat Festival (端午节) and an office's own days (`care: festivals:`, issue 17 item 7), in
/// the five notice languages. Dates are written as the other care texts write them.
package enum FestivalText {
    /// The festival's name in `locale`: the office's label, or the built-in name.
    package static func name(_ festival: String, label: LocalizedLabel?, _ locale: NoticeLocale) -> String {
        if let label { return label.text(locale) }
        switch festival {
        case "dragon_boat":
            return pick(locale, "the Dragon Boat Festival", "el Festival del Barco Dragón", "a sárkányhajó-ünnep", "端午节", "端午節")
        default:
            return festival
        }
    }

    /// "The Dragon Boat Festival is on 2027-06-09: prepare greetings for your 3 key customers."
    package static func greeting(
        _ festival: String, label: LocalizedLabel?, date: LocalDate, keyCustomers count: Int, _ l: NoticeLocale
    ) -> String {
        let d = date.description
        let n = name(festival, label: label, l)
        let customersEn = count == 1 ? "your key customer" : "your \(count) key customers"
        let customersEs = count == 1 ? "su cliente clave" : "sus \(count) clientes clave"
        if label == nil, festival == "dragon_boat" {
            return pick(
                l, "The Dragon Boat Festival is on \(d): prepare greetings for \(customersEn).",
                "El Festival del Barco Dragón es el \(d): prepare felicitaciones para \(customersEs).",
                "A sárkányhajó-ünnep \(d): készítsen köszöntést \(count) kulcsügyfelének.",
                "端午节是 \(d)，请为您的 \(count) 位重点客户准备节日问候。",
                "端午節是 \(d)，請為您的 \(count) 位重點客戶準備節日問候。")
        }
        return pick(
            l, "\(n): \(d). Prepare greetings for \(customersEn).",
            "\(n): \(d). Prepare felicitaciones para \(customersEs).",
            "\(n): \(d). Készítsen köszöntést \(count) kulcsügyfelének.",
            "\(n)是 \(d)，请为您的 \(count) 位重点客户准备问候。",
            "\(n)是 \(d)，請為您的 \(count) 位重點客戶準備問候。")
    }

    private static func pick(_ l: NoticeLocale, _ en: String, _ es: String, _ hu: String, _ hans: String, _ hant: String)
        -> String
    {
        switch l {
        case .en: en
        case .es: es
        case .hu: hu
        case .zhHans: hans
        case .zhHant: hant
        }
    }
}
