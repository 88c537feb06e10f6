/// The language of notice texts: `en`, `es`, `hu`, `zh-Hans`, `zh-Hant`.
package enum NoticeLocale: String, Sendable, Hashable, CaseIterable, Codable {
    case en
    case es
    case hu
    case zhHans = "zh-Hans"
    case zhHant = "zh-Hant"
}
