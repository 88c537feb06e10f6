extension DiagnosticText {
    /// The Hungarian texts; a key missing here prints in English. The values come after a
    /// colon or inside parentheses, so that no suffix has to agree with a name.
    static let hungarian: [Key: String] = [
        .tabIndent: "itt tabulátor adja a behúzást; a YAML nem enged tabulátort: húzza be a sort szóközökkel",
        .fullWidthSpaceIndent: "itt teljes szélességű szóköz ('\u{3000}') adja a behúzást; húzza be a sort ASCII szóközökkel",
        .fullWidthCharacter: "{0} ('{1}') áll itt; a YAML az ASCII '{2}' karaktert várja (állítsa a beviteli módot félszélességűre)",
        .fullWidthQuote:
            "{0} ('{1}') áll itt; a YAML az ASCII '{2}' karaktert várja (állítsa a beviteli módot félszélességűre), vagy tegye az egész értéket ASCII idézőjelek közé, hogy szöveg maradjon",
        .missingSpaceAfterColon: "hiányzik a szóköz a kettőspont után: '{0}:'; írja így: '{0}: ', utána az értéket",
        .listItemIndent:
            "ez a listaelem {0} szóközzel van behúzva, nincs egy vonalban a listájával; egy lista minden elemének '-' jele ugyanabban az oszlopban álljon",
        .listItemIndentBeside:
            "ez a listaelem {0} szóközzel van behúzva, nincs egy vonalban a listájával (az előző elem '-' jele: {1}. oszlop); egy lista minden elemének '-' jele ugyanabban az oszlopban álljon",
        .unknownKeyNear: "ismeretlen kulcs: '{0}' (itt: {1}); erre gondolt: '{2}'?",
        .unknownKeyList: "ismeretlen kulcs: '{0}' (itt: {1}); a lehetséges kulcsok: {2}",
        .unknownClassNear: "ismeretlen kategória: '{0}'; erre gondolt: '{1}'?",
        .unknownClassList: "ismeretlen kategória: '{0}'; a lehetséges kategóriák: {1}",
        .missingKey: "hiányzik a '{1}' kulcs (itt: {0}); írja be például így: '{1}: {2}'",
        .keyNeedsValue: "a '{0}' kulcsnak nincs értéke (itt: {1}); adjon meg egyet, például: '{0}: {2}'",
        .notMapping: "{0}: 'kulcs: érték' sorokból álló leképezés kell, nem {1}",
        .notList: "{0}: lista kell, például [a, b] vagy '- ' jellel kezdődő sorok, nem {1}",
        .mustBe: "{0}: {1} kell, nem {2}",
        .notText: "{0}: szöveg kell, nem {1}",
        .emptyValue: "{0}: nincs megadva érték, üres",
        .notWholeNumber: "{0}: egész szám kell, például 10, nem '{1}'",
        .notNumber: "{0}: szám kell, például 10 vagy 12.50, nem '{1}'",
        .atLeast: "{0}: legalább {1} kell, nem {2}",
        .atMost: "{0}: legfeljebb {1} lehet, nem {2}",
        .notTrueFalse: "{0}: true vagy false kell, nem '{1}'",
        .notDuration: "{0}: időtartam kell, egész szám és mértékegység: {1}; nem '{2}'",
        .notTimeOfDay: "{0}: időpont kell ÓÓ:PP alakban 00:00 és 23:59 között, például \"08:30\"; nem '{1}'",
        .notDate: "{0}: létező dátum kell ÉÉÉÉ-HH-NN alakban, például 2026-10-01; nem '{1}'",
        .timezoneUnknownNear: "ismeretlen időzóna: '{0}'; erre gondolt: '{1}'?",
        .timezoneNotUTC: "ez az időzóna nem elfogadott: '{0}'; erre gondolt: 'UTC'?",
        .timezoneUnknown:
            "ismeretlen időzóna: '{0}'; az iroda helyének IANA-nevét írja be, például Asia/Shanghai vagy Europe/Budapest, vagy UTC",
        .repNamedNear: "'{0}': '{1}' azonosítójú értékesítő nincs az adattár értékesítői között; erre gondolt: '{2}'?",
        .repNamedUnknown:
            "'{0}': '{1}' azonosítójú értékesítő nincs az adattár értékesítői között, így senki sem kapja meg, amit neki küldenek; vegye fel az értékesítőt az adattárba, vagy javítsa az azonosítót",
        .repGoalNear: "'goals': cél van megadva egy '{0}' azonosítójú értékesítőnek, aki nincs az adattár értékesítői között; erre gondolt: '{1}'?",
        .repGoalUnknown:
            "'goals': cél van megadva egy '{0}' azonosítójú értékesítőnek, aki nincs az adattár értékesítői között, így ezt a célt soha semmivel nem veti össze; vegye fel az értékesítőt az adattárba, vagy javítsa az azonosítót",
    ]

    /// The Hungarian phrases.
    static let hungarianPhrases: [Phrase: String] = [
        .aMapping: "leképezés", .aList: "lista", .nothing: "üres érték",
        .aWholeNumber: "egész szám", .aNumber: "szám", .trueOrFalse: "true vagy false", .aName: "név",
        .aDuration: "időtartam, például 30m vagy 7d", .aTimeOfDay: "időpont ÓÓ:PP alakban", .aDate: "dátum ÉÉÉÉ-HH-NN alakban",
        .hours: "idősáv, például \"08:30-18:00\"",
        .fullWidthColon: "teljes szélességű kettőspont", .fullWidthComma: "teljes szélességű vessző",
        .ideographicComma: "ideografikus vessző", .curlyQuote: "tipográfiai idézőjel", .fullWidthQuote: "teljes szélességű idézőjel",
        .fullWidthBracket: "teljes szélességű szögletes zárójel", .fullWidthBrace: "teljes szélességű kapcsos zárójel",
        .fullWidthHyphen: "teljes szélességű kötőjel",
        .theRulesFile: "a szabályfájl", .anAlert: "riasztás", .aPenalty: "büntetőszabály", .aReport: "jelentés",
        .aQuota: "előírás", .aLatenessTier: "késési sáv", .aLadderStep: "'ladder' fokozat", .anOverdueStep: "'overdue' fokozat",
        .aContactMethod: "kapcsolatfelvételi mód", .aLeadSource: "ügyfélforrás", .aTestCase: "teszteset",
        .theTestFile: "a tesztfájl", .theInlineStore: "a tesztfájl adattára",
    ]
}
