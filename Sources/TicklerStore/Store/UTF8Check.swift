/// A strict UTF-8 validator (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
package enum UTF8Check {
    /// True when `bytes` are well-formed UTF-8.
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let extra: Int
            var scalar: UInt32
            let minimum: UInt32
            switch lead {
            case 0xC0...0xDF: (extra, scalar, minimum) = (1, UInt32(lead & 0x1F), 0x80)
            case 0xE0...0xEF: (extra, scalar, minimum) = (2, UInt32(lead & 0x0F), 0x800)
            case 0xF0...0xF7: (extra, scalar, minimum) = (3, UInt32(lead & 0x07), 0x10000)
            default: return false
            }
            guard i + extra < n else { return false }
            for k in 1...extra {
                let next = bytes[i + k]
                guard next & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return false }
            i += extra + 1
        }
        return true
    }
}
