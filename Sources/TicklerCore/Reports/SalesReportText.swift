/// The texts of the sales table (`show: [sales]`, issue 17 item 2) in the five report
/// languages.
package enum SalesReportText {
    package enum Label: String, Sendable, CaseIterable {
        case title, sold, goal, attainment, yearEarlier, change, note
    }

    package static func text(_ label: Label, _ locale: NoticeLocale) -> String {
        let t: (String, String, String, String, String) =
            switch label {
            case .title: ("Sales against goals", "Ventas frente a objetivos", "Értékesítés a célokhoz mérten", "销售业绩与目标", "銷售業績與目標")
            case .sold: ("Sales", "Ventas", "Értékesítés", "销售额", "銷售額")
            case .goal: ("Goal", "Objetivo", "Cél", "目标", "目標")
            case .attainment: ("Attainment", "Cumplimiento", "Teljesítés", "完成率", "完成率")
            case .yearEarlier: ("Same period last year", "Mismo periodo del año anterior", "Előző év azonos időszaka", "去年同期", "去年同期")
            case .change: ("Change", "Variación", "Változás", "同比变化", "同比變化")
            case .note:
                (
                    "Sales are the amounts of the period's contacts; a sale shared with another rep counts half for each.",
                    "Las ventas son los importes de los contactos del periodo; una venta compartida con otro vendedor cuenta la mitad para cada uno.",
                    "Az értékesítés az időszak kapcsolatfelvételeinél rögzített összegek összege; a megosztott eladás fele-fele arányban számít a két értékesítőnél.",
                    "销售额为本期联系记录中的成交金额；与其他业务员分成的业绩各计一半。",
                    "銷售額為本期聯繫記錄中的成交金額；與其他業務員分成的業績各計一半。"
                )
            }
        return NoticeLocale.pick(locale, t)
    }
}
