import Foundation

/// Every component has its extension script, from the AMP CDN, at a version email allows (never
/// `latest`), for a component email allows.
enum AMPExtensionRule {
    static let scriptURL = try! NSRegularExpression(pattern: #"^https://cdn\.ampproject\.org/v0/(amp-[a-z0-9-]+)-([0-9.]+|latest)\.js$"#)

    static let rule = AMPRule(kind: .ampInvalid, scope: .document) { doc in
        var out: [HTMLFinding] = []
        var loaded: Set<String> = []
        for e in doc.elements where e.name == "script" {
            guard let name = e.attribute("custom-element") ?? e.attribute("custom-template") else { continue }
            let src = e.attribute("src") ?? ""
            guard let m = scriptURL.firstMatch(in: src, range: NSRange(src.startIndex..., in: src)),
                  let fileName = Range(m.range(at: 1), in: src).map({ String(src[$0]) }),
                  let version = Range(m.range(at: 2), in: src).map({ String(src[$0]) }), fileName == name else {
                out.append(HTMLFinding(element: e, message: "The script of `\(name)` must load `https://cdn.ampproject.org/v0/\(name)-VERSION.js`."))
                continue
            }
            guard let versions = AMPCatalog.extensions[name] else {
                out.append(HTMLFinding(element: e, message: "AMP for Email does not allow the component `\(name)`."))
                continue
            }
            if !versions.contains(version) {
                out.append(HTMLFinding(element: e, message: "AMP for Email does not allow version `\(version)` of `\(name)`; use \(versions.filter { $0 != "latest" }.sorted().map { "`\($0)`" }.joined(separator: " or "))."))
            }
            if !e.has("async") { out.append(HTMLFinding(element: e, message: "The script of `\(name)` must have the `async` attribute.")) }
            loaded.insert(name)
        }
        var reported: Set<String> = []
        for e in doc.elements {
            guard let needed = AMPCatalog.extensionOf(e), AMPCatalog.extensions[needed] != nil, !loaded.contains(needed),
                  reported.insert(needed).inserted else { continue }
            out.append(HTMLFinding(element: e, message: "`<\(e.name)>` needs the `\(needed)` extension script in the head.",
                                   help: "Add `<script async custom-\(needed == "amp-mustache" ? "template" : "element")=\"\(needed)\" src=\"https://cdn.ampproject.org/v0/\(needed)-0.1.js\"></script>`."))
        }
        return out
    }
}
