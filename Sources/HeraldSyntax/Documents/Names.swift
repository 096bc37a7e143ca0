import HeraldDiagnostics
import HeraldSource

/// The rules for names that become folder names, SQL identifiers and template variables.
public enum Names {
    /// Letters, digits and `_`, starting with a letter, at most 63 characters.
    public static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, s.utf8.count <= 63,
              (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") else { return false }
        return s.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
    }

    /// An identifier that may also contain `-` (campaign names and experiment ids).
    public static func isSlug(_ s: String) -> Bool {
        isIdentifier(s.replacingOccurrences(of: "-", with: "_")) && !s.hasSuffix("-")
    }

    /// Reports `name` if it is not a valid identifier (or slug); returns whether it is valid.
    @discardableResult
    public static func check(_ name: Located<String>, what: String, allowDash: Bool = false, diagnostics: inout DiagnosticBag) -> Bool {
        let ok = allowDash ? isSlug(name.value) : isIdentifier(name.value)
        if !ok {
            var d = Diagnostic(.invalidName, "`\(name.value)` is not a valid \(what) name.", at: name.span)
                .help(allowDash
                      ? "Start with a letter; use only ASCII letters, digits, `_` and `-`; at most 63 characters."
                      : "Start with a letter; use only ASCII letters, digits and `_`; at most 63 characters.")
            if let ascii = Confusables.asciiVersion(of: name.value) {
                d = d.note("It contains characters that look like ASCII; did you mean `\(ascii)`?")
            } else if !allowDash, name.value.contains("-"), isIdentifier(name.value.replacingOccurrences(of: "-", with: "_")) {
                let fixed = name.value.replacingOccurrences(of: "-", with: "_")
                d = d.fixIt("Replace with `\(fixed)`.", replacing: name.span, with: fixed)
            }
            diagnostics.emit(d)
        }
        return ok
    }
}

import Foundation
