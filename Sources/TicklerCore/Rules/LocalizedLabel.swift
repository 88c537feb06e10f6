/// A name the office gives something (a contact method, a festival), per notice language:
/// `{ en: Internet, es: Internet, hu: Internet, zh-Hans: 网络, zh-Hant: 網路 }` or one text
/// for every language.
package struct LocalizedLabel: Sendable, Hashable {
    /// The text per language, as written.
    package var texts: [NoticeLocale: String]
    /// The text written first, used for a language the office gave no text for.
    package var fallback: String

    package init(texts: [NoticeLocale: String], fallback: String) {
        self.texts = texts
        self.fallback = fallback
    }

    /// One text for every language.
    package init(_ text: String) {
        self.init(texts: [:], fallback: text)
    }

    /// The label in `locale`; else in English; else the first one written.
    package func text(_ locale: NoticeLocale) -> String {
        texts[locale] ?? texts[.en] ?? fallback
    }
}
