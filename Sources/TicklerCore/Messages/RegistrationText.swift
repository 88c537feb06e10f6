/// The conflict text when a later, complete registration (full name and a phone) wins over
/// an earlier incomplete one (seed 003: 只认可全名登记并电话正确的记录为准; issue 17 item 6),
/// in the five notice languages.
package enum RegistrationText {
    static func completeWins(_ f: NoticeFacts.Conflict, _ d: DateWords) -> String {
        let name = f.customerName
        let rep = f.repName
        let winner = f.earlier.map { NoticeText.earlier($0, d) } ?? f.winner
        switch d.locale {
        case .en:
            return "\(name), registered by \(rep) without a full name or a phone, clashes with a later registration (\(winner)); the registration with the full name and phone wins."
        case .es:
            return "El cliente \(name), registrado por \(rep) sin nombre completo o sin teléfono, coincide con un registro posterior (\(winner)); prevalece el registro con nombre completo y teléfono."
        case .hu:
            return "\(name) ügyfelet \(rep) teljes név vagy telefonszám nélkül rögzítette, és ütközik egy későbbi rögzítéssel (\(winner)); a teljes névvel és telefonszámmal történt rögzítés érvényes."
        case .zhHans:
            return "\(rep) 登记的客户 \(name) 姓名不完整或电话缺失，与 \(winner) 冲突；以全名登记并电话正确的记录为准。"
        case .zhHant:
            return "\(rep) 登記的客戶 \(name) 姓名不完整或電話缺失，與 \(winner) 衝突；以全名登記並電話正確的記錄為準。"
        }
    }
}
