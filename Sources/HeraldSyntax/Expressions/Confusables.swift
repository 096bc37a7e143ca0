/// Characters that look like ASCII punctuation or letters but are not, as pasted from documents
/// and chat tools (curly quotes, dashes, Cyrillic letters). Used to name what the user meant.
public enum Confusables {
    static let table: [Character: String] = [
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{2018}": "'", "\u{2019}": "'", "\u{00B4}": "'",
        "\u{2013}": "-", "\u{2014}": "-", "\u{2212}": "-", "\u{FF1D}": "=", "\u{2264}": "<=", "\u{2265}": ">=",
        "\u{2260}": "!=", "\u{FF08}": "(", "\u{FF09}": ")", "\u{00A0}": " ", "\u{2009}": " ", "\u{200B}": "",
        "\u{0430}": "a", "\u{0435}": "e", "\u{043E}": "o", "\u{0440}": "p", "\u{0441}": "c", "\u{0443}": "y",
        "\u{0445}": "x", "\u{0456}": "i", "\u{0455}": "s", "\u{0410}": "A", "\u{0412}": "B", "\u{0415}": "E",
        "\u{041A}": "K", "\u{041C}": "M", "\u{041D}": "H", "\u{041E}": "O", "\u{0420}": "P", "\u{0421}": "C",
        "\u{0422}": "T", "\u{0425}": "X", "\u{03BF}": "o", "\u{03B1}": "a", "\u{0391}": "A", "\u{039F}": "O",
    ]

    /// The ASCII text a look-alike character stands for, if it is a known confusable.
    public static func lookalike(of c: Character) -> String? { table[c] }

    /// The ASCII text a look-alike character stands for, if it is a known confusable.
    public static func ascii(for text: String) -> String? {
        guard text.count == 1, let c = text.first else { return nil }
        return table[c]
    }

    /// Replaces every known confusable in `text`; returns nil when there is none.
    public static func asciiVersion(of text: String) -> String? {
        var changed = false
        var out = ""
        for c in text {
            if let r = table[c] { out += r; changed = true } else { out.append(c) }
        }
        return changed ? out : nil
    }
}
