extension DiagnosticText {
    /// The Spanish texts; a key missing here prints in English.
    static let spanish: [Key: String] = [
        .tabIndent: "aquí se sangra con un tabulador; YAML no admite tabuladores: sangre con espacios",
        .fullWidthSpaceIndent: "aquí se sangra con un espacio de ancho completo '\u{3000}'; sangre con espacios ASCII",
        .fullWidthCharacter: "{0} '{1}' en este punto; YAML necesita el carácter ASCII '{2}' (cambie el método de entrada a ancho medio)",
        .fullWidthQuote:
            "{0} '{1}' en este punto; YAML necesita el carácter ASCII '{2}' (cambie el método de entrada a ancho medio), o ponga todo el valor entre comillas ASCII para que se lea como texto",
        .missingSpaceAfterColon: "falta un espacio después de los dos puntos de '{0}:'; escriba '{0}: ' seguido del valor",
        .listItemIndent:
            "este elemento de lista está sangrado {0} espacios, desalineado con la lista a la que pertenece; ponga el '-' de todos los elementos de una lista en la misma columna",
        .listItemIndentBeside:
            "este elemento de lista está sangrado {0} espacios, desalineado con la lista a la que pertenece (el elemento anterior tiene su '-' en la columna {1}); ponga el '-' de todos los elementos de una lista en la misma columna",
        .unknownKeyNear: "clave desconocida '{0}' en {1}; ¿quiso decir '{2}'?",
        .unknownKeyList: "clave desconocida '{0}' en {1}; use una de estas: {2}",
        .unknownClassNear: "clase desconocida '{0}'; ¿quiso decir '{1}'?",
        .unknownClassList: "clase desconocida '{0}'; use una de estas: {1}",
        .missingKey: "falta '{1}' en {0}; añada, por ejemplo, '{1}: {2}'",
        .keyNeedsValue: "'{0}' en {1} necesita un valor, por ejemplo '{0}: {2}'",
        .notMapping: "{0} debe ser un mapa de líneas 'clave: valor', no {1}",
        .notList: "{0} debe ser una lista, por ejemplo [a, b] o líneas que empiecen por '- ', no {1}",
        .mustBe: "{0} debe ser {1}, no {2}",
        .notText: "{0} debe ser un texto, no {1}",
        .emptyValue: "{0} necesita un valor; está vacío",
        .notWholeNumber: "{0} debe ser un número entero, por ejemplo 10, no '{1}'",
        .notNumber: "{0} debe ser un número, por ejemplo 10 o 12.50, no '{1}'",
        .atLeast: "{0} debe ser como mínimo {1}, no {2}",
        .atMost: "{0} debe ser como máximo {1}, no {2}",
        .notTrueFalse: "{0} debe ser true o false, no '{1}'",
        .notDuration: "{0} debe ser una duración: un número entero y una unidad, {1}; no '{2}'",
        .notTimeOfDay: "{0} debe ser una hora HH:MM entre 00:00 y 23:59, por ejemplo \"08:30\"; no '{1}'",
        .notDate: "{0} debe ser una fecha real escrita AAAA-MM-DD, por ejemplo 2026-10-01; no '{1}'",
        .timezoneUnknownNear: "zona horaria desconocida '{0}'; ¿quiso decir '{1}'?",
        .timezoneNotUTC: "no se admite la zona horaria '{0}'; ¿quiso decir 'UTC'?",
        .timezoneUnknown:
            "zona horaria desconocida '{0}'; escriba el nombre IANA del lugar de la oficina, como Asia/Shanghai o Europe/Madrid, o UTC",
        .repNamedNear: "'{0}' nombra al vendedor '{1}', que no está entre los vendedores del almacén; ¿quiso decir '{2}'?",
        .repNamedUnknown:
            "'{0}' nombra al vendedor '{1}', que no está entre los vendedores del almacén: nadie recibe lo que se le envía; añada el vendedor al almacén o corrija el id",
        .repGoalNear: "'goals' tiene un objetivo para el vendedor '{0}', que no está entre los vendedores del almacén; ¿quiso decir '{1}'?",
        .repGoalUnknown:
            "'goals' tiene un objetivo para el vendedor '{0}', que no está entre los vendedores del almacén: ese objetivo nunca se compara; añada el vendedor al almacén o corrija el id",
    ]

    /// The Spanish phrases.
    static let spanishPhrases: [Phrase: String] = [
        .aMapping: "un mapa", .aList: "una lista", .nothing: "un valor vacío",
        .aWholeNumber: "un número entero", .aNumber: "un número", .trueOrFalse: "true o false", .aName: "un nombre",
        .aDuration: "una duración como 30m o 7d", .aTimeOfDay: "una hora HH:MM", .aDate: "una fecha AAAA-MM-DD",
        .hours: "un horario como \"08:30-18:00\"",
        .fullWidthColon: "dos puntos de ancho completo", .fullWidthComma: "coma de ancho completo",
        .ideographicComma: "coma ideográfica", .curlyQuote: "comilla tipográfica", .fullWidthQuote: "comilla de ancho completo",
        .fullWidthBracket: "corchete de ancho completo", .fullWidthBrace: "llave de ancho completo",
        .fullWidthHyphen: "guion de ancho completo",
        .theRulesFile: "el archivo de reglas", .anAlert: "una alerta", .aPenalty: "una penalización", .aReport: "un informe",
        .aQuota: "una cuota", .aLatenessTier: "un tramo de retraso", .aLadderStep: "un nivel de 'ladder'",
        .anOverdueStep: "un nivel de 'overdue'", .aContactMethod: "un medio de contacto", .aLeadSource: "un origen del cliente",
        .aTestCase: "un caso de prueba", .theTestFile: "el archivo de prueba", .theInlineStore: "el almacén del archivo de prueba",
    ]
}
