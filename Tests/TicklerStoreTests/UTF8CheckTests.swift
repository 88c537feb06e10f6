import Testing
import TicklerStore

@Suite struct UTF8CheckTests {
    @Test("well-formed UTF-8 is accepted", arguments: [
        [], Array("plain".utf8), Array("王伟 Kovács 🙂".utf8), [0xF4, 0x8F, 0xBF, 0xBF], [0xEF, 0xBF, 0xBD],
    ] as [[UInt8]])
    func valid(bytes: [UInt8]) {
        #expect(bytes.withUnsafeBufferPointer(UTF8Check.isValid))
    }

    @Test("malformed UTF-8 is rejected", arguments: [
        [0xC3, 0x28],  // bad continuation
        [0xC0, 0xAF],  // overlong '/'
        [0xE0, 0x80, 0xAF],  // overlong
        [0xED, 0xA0, 0x80],  // surrogate U+D800
        [0xF4, 0x90, 0x80, 0x80],  // past U+10FFFF
        [0xE4, 0xB8],  // truncated
        [0x80],  // lone continuation
        [0xFF],
    ] as [[UInt8]])
    func invalid(bytes: [UInt8]) {
        #expect(!bytes.withUnsafeBufferPointer(UTF8Check.isValid))
    }
}
