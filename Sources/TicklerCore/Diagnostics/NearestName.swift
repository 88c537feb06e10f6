/// "Did you mean" suggestions: the known name closest to a misspelt one.
package enum NearestName {
    /// The candidate within a small edit distance of `name`, or `nil` when none is close.
    ///
    /// A name is allowed one edit. When both it and the candidate have 5 characters or more,
    /// two ("montly" for "month"), an adjacent swap counting as one ("lable" for "label"), and
    /// a third from 9 characters (`candidate.count / 3`). Short names stay at one plain edit:
    /// there a second edit or a swap too often turns one real word into another ("form" and
    /// "from", "rep" and "per").
    package static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        let length = lowered.count
        var best: (String, Int)?
        for candidate in candidates {
            let long = length >= 5 && candidate.count >= 5
            let distance = editDistance(lowered, candidate.lowercased(), swaps: long)
            if distance <= limit(length, candidate.count), best == nil || distance < best!.1 {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// The largest distance at which a candidate of `candidateLength` characters is offered
    /// for a name of `nameLength`.
    static func limit(_ nameLength: Int, _ candidateLength: Int) -> Int {
        let long = nameLength >= 5 && candidateLength >= 5 ? 2 : 1
        return max(long, min(3, candidateLength / 3))
    }

    /// Edit distance over Unicode scalars: insertions, deletions and substitutions, one each
    /// (Levenshtein); with `swaps`, a swap of two adjacent characters is one edit too
    /// (optimal string alignment).
    package static func editDistance(_ a: String, _ b: String, swaps: Bool = false) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if swaps, i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
