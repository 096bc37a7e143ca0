import Foundation
import HeraldSupport

/// An email document prepared for libxml2: the AMP format identifier and the amp-bind `[attr]`
/// attributes, which libxml2 2.9's HTML parser drops (error 68), rewritten to names it keeps.
/// `⚡4email` becomes `amp4email` (same length), `⚡️4email` becomes `amp4email` padded with spaces,
/// and `[name]=` becomes `data-amp-bind-name=` (the amp-bind runtime's own alias), so lines stay put.
struct AMPSource {
    /// The bytes to parse.
    var bytes: [UInt8]
    /// Type identifiers found on the `<html>` start tag (`amp4email` for any spelling, `data-css-strict`, …).
    var identifiers: Set<String>
    /// Where the rewritten text's offsets stop matching the original's: from each `rewritten`
    /// offset on, the original offset is `original` plus the distance.
    var shifts: [(rewritten: Int, original: Int)] = [(0, 0)]
    /// Whether the document declares itself AMP for Email.
    var isAMP: Bool { identifiers.contains("amp4email") }

    static let lightning: [UInt8] = [0xE2, 0x9A, 0xA1]
    static let variationSelector: [UInt8] = [0xEF, 0xB8, 0x8F]

    init(_ input: [UInt8]) {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + 64)
        var identifiers = Set<String>()
        var shifts: [(rewritten: Int, original: Int)] = [(0, 0)]
        // The input is copied only where an attribute name is rewritten, up to it in one piece:
        // nearly every byte of a document is copied as it is.
        var copied = 0
        func replace(_ range: Range<Int>, with replacement: [UInt8]) {
            out += input[copied..<range.lowerBound]
            out += replacement
            copied = range.upperBound
            if replacement.count != range.count { shifts.append((out.count, range.upperBound)) }
        }
        var i = 0
        var sawHTML = false
        while i < input.count {
            guard input[i] == 0x3C, i + 1 < input.count, AMPSource.isLetter(input[i + 1]) else {
                // Comments are passed whole: a `<` inside one starts no tag.
                if input[i] == 0x3C, input[i...].starts(with: AMPSource.commentOpen) {
                    i = input.firstIndex(of: "-->", from: i + 4).map { $0 + 3 } ?? input.count
                    continue
                }
                // Text runs to the next `<`.
                i = input.firstIndex(of: 0x3C, from: i + 1) ?? input.count
                continue
            }
            // A start tag: its name, then its attributes one by one.
            var j = i + 1
            while j < input.count, !AMPSource.isSpace(input[j]), input[j] != 0x3E, input[j] != 0x2F { j += 1 }
            let isHTML = !sawHTML && j - i == 5 && input[(i + 1)..<j].elementsEqual("html".utf8, by: { $0.asciiLowercased == $1 })
            if isHTML { sawHTML = true }
            while j < input.count, input[j] != 0x3E {
                if AMPSource.isSpace(input[j]) || input[j] == 0x2F { j += 1; continue }
                // An attribute name runs to `=`, space, `/` or `>`.
                var k = j
                while k < input.count, !AMPSource.isSpace(input[k]), input[k] != 0x3D, input[k] != 0x3E, !(input[k] == 0x2F && k > j) { k += 1 }
                let bracketed = k - j > 2 && input[j] == 0x5B && input[k - 1] == 0x5D
                if isHTML {
                    let attr = Array(input[j..<k])
                    if attr.starts(with: AMPSource.lightning) {
                        var rest = Array(attr.dropFirst(3))
                        var padding = 0
                        if rest.starts(with: AMPSource.variationSelector) { rest.removeFirst(3); padding = 3 }
                        if rest == Array("4email".utf8) {
                            identifiers.insert("amp4email")
                            replace(j..<k, with: Array("amp4email".utf8) + Array(repeating: 0x20, count: padding))
                        }
                    } else {
                        identifiers.insert(String(decoding: attr, as: UTF8.self).lowercased())
                    }
                } else if bracketed {
                    replace(j..<k, with: Array("data-amp-bind-".utf8) + input[(j + 1)..<(k - 1)])
                }
                j = k
                AMPSource.skipValue(input, &j)
            }
            i = j
        }
        out += input[copied...]
        bytes = out
        self.identifiers = identifiers
        self.shifts = shifts
    }

    /// Where an offset of the original text lands in the rewritten one (exact outside the
    /// rewritten attribute names, which is everywhere a slot can begin or end).
    func rewrittenOffset(_ original: Int) -> Int {
        var lo = 0, hi = shifts.count - 1, best = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if shifts[mid].original <= original { best = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return shifts[best].rewritten + (original - shifts[best].original)
    }

    /// Moves `j` past an attribute's `= value`, if it has one.
    static func skipValue(_ input: [UInt8], _ j: inout Int) {
        guard j < input.count, input[j] == 0x3D else { return }
        j += 1
        while j < input.count, isSpace(input[j]) { j += 1 }
        if j < input.count, input[j] == 0x22 || input[j] == 0x27 {
            j = input.firstIndex(of: input[j], from: j + 1).map { $0 + 1 } ?? input.count
        } else {
            while j < input.count, !isSpace(input[j]), input[j] != 0x3E { j += 1 }
        }
    }

    static let commentOpen = Array("<!--".utf8)

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
}
