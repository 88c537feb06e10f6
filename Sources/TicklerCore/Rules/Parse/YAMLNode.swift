/// One node of a YAML document, detached from Yams, with the place it starts in its file.
///
/// Built by ``YAMLDocument/load(_:file:limits:)``; read with ``NodeReader``. The tree holds no
/// aliases (they are refused), so its size is the size of the text.
package struct YAMLNode: Sendable {
    /// How a scalar was written; a quoted `"10"` and a plain `10` are both numbers to
    /// ``NodeReader``, but only a plain empty value or `~`/`null` is null.
    package enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    package enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    package var content: Content
    /// Where the node starts: the first character of a plain scalar, the opening quote, the
    /// `-` of a block sequence, the first key of a block mapping, or the `[` / `{` of a flow one.
    package var location: SourceLocation

    package init(_ content: Content, location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// True for a plain empty value, `~` or `null` (a key written with nothing after it).
    package var isNull: Bool {
        guard case .scalar(let text, .plain) = content else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// "a mapping", "a list", "text '...'" for messages about a wrong type.
    package var kindDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let text, _): isNull ? "nothing" : "'\(NodeReader.clip(text))'"
        }
    }

    /// ``kindDescription`` as a value of a translated message ("a list" is a phrase, the
    /// user's text stays as written).
    package var kindValue: DiagnosticText.Value {
        switch content {
        case .mapping: .phrase(.aMapping)
        case .sequence: .phrase(.aList)
        case .scalar: isNull ? .phrase(.nothing) : .text(kindDescription)
        }
    }
}

/// One `key: value` entry of a YAML mapping.
package struct YAMLPair: Sendable {
    package var key: YAMLNode
    package var value: YAMLNode

    package init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A mapping whose keys were checked against an allowed set by ``NodeReader/mapping(_:in:allowed:)``.
///
/// Holds only the entries with known keys, in file order.
package struct YAMLMapping: Sendable {
    package struct Entry: Sendable {
        package var key: String
        package var keyLocation: SourceLocation
        package var value: YAMLNode
    }

    package var entries: [Entry]
    /// Where the mapping starts (for "missing key" messages).
    package var location: SourceLocation
    /// What the mapping is, as the manager would name it in a message ("followup", "a lateness tier").
    package var context: String

    package init(entries: [Entry], location: SourceLocation, context: String) {
        self.entries = entries
        self.location = location
        self.context = context
    }

    /// The value of `key`, or `nil` when the key is absent.
    package subscript(key: String) -> YAMLNode? {
        entries.first { $0.key == key }?.value
    }

    /// The value of `key` unless it is absent or null (`key:` with nothing after it).
    package func value(_ key: String) -> YAMLNode? {
        guard let node = self[key], !node.isNull else { return nil }
        return node
    }

    package func has(_ key: String) -> Bool { value(key) != nil }
}
