/// The texts of the lead-source table (`show: [sources]`, issue 17 item 4) in the five
/// report languages; the other columns reuse ``ReportText``'s.
package enum SourceReportText {
    package enum Label: String, Sendable, CaseIterable {
        case title, source, newCustomers, noSource, note
    }

    package static func text(_ label: Label, _ locale: NoticeLocale) -> String {
        let t: (String, String, String, String, String) =
            switch label {
            case .title: ("Numbers by lead source", "Cifras por origen del cliente", "Számok ügyfélforrás szerint", "按客户来源统计", "按客戶來源統計")
            case .source: ("Lead source", "Origen", "Forrás", "客户来源", "客戶來源")
            case .newCustomers: ("New customers", "Clientes nuevos", "Új ügyfelek", "新客户", "新客戶")
            case .noSource: ("(no source)", "(sin origen)", "(nincs forrás)", "（未填来源）", "（未填來源）")
            case .note:
                (
                    "Each contact and each customer counts under the customer's source; a close is a customer with a contact whose outcome is won.",
                    "Cada contacto y cada cliente cuentan en el origen del cliente; una venta cerrada es un cliente con un contacto de resultado «won».",
                    "Minden kapcsolatfelvétel és ügyfél az ügyfél forrásánál számít; lezárt üzlet az az ügyfél, akinek van „won” eredményű kapcsolatfelvétele.",
                    "每次联系和每位客户都计入该客户的来源；成交指有一次联系结果为 won 的客户。",
                    "每次聯繫和每位客戶都計入該客戶的來源；成交指有一次聯繫結果為 won 的客戶。"
                )
            }
        return NoticeLocale.pick(locale, t)
    }
}
