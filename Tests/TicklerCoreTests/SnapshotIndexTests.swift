import Foundation
import Testing
import TicklerCore

/// The snapshot groups contacts by interned customer index (flat arrays, no per-customer
/// dictionary entry); its answers must be those of the plain dictionary index it replaced.
@Suite struct SnapshotIndexTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("contacts(of:), contactIndices(of:) and lastContact(of:) match a dictionary index, with duplicate customer ids, contacts of unknown customers and equal times", arguments: 1...40)
    func matchesDictionaryIndex(seed: UInt64) {
        var g = Generator(state: seed)
        let ids = (0..<Int.random(in: 0...12, using: &g)).map { "c\($0)" }
        // Customers may repeat an id (the later wins); contacts may name ids of no customer.
        let customers = (0..<Int.random(in: 0...15, using: &g)).compactMap { _ in
            ids.randomElement(using: &g).map { Customer(id: $0, name: "n", rep: "r", class: "A") }
        }
        let contacts = (0..<Int.random(in: 0...60, using: &g)).map { _ in
            Contact(
                customer: "c\(Int.random(in: 0...14, using: &g))", rep: "r",
                at: Date(timeIntervalSince1970: Double(Int.random(in: 0...5, using: &g)) * 86_400))
        }
        let snapshot = Snapshot(customers: customers, contacts: contacts)
        // The index as it was: a dictionary of store-order lists, the later of equal times last.
        var byCustomer: [String: [Int]] = [:]
        var last: [String: Int] = [:]
        for (i, contact) in contacts.enumerated() {
            byCustomer[contact.customer, default: []].append(i)
            if let j = last[contact.customer], contacts[j].at > contact.at { continue }
            last[contact.customer] = i
        }
        for id in (0...15).map({ "c\($0)" }) {
            #expect(snapshot.contactIndices(of: id) == (byCustomer[id] ?? []), "\(id)")
            #expect(snapshot.contacts(of: id) == (byCustomer[id] ?? []).map { contacts[$0] })
            #expect(snapshot.lastContact(of: id) == last[id].map { contacts[$0] }, "\(id)")
        }
    }
}
