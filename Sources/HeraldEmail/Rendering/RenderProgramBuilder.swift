import HeraldChecker
import HeraldDiagnostics
import HeraldSchema
import HeraldSource
import HeraldSyntax

/// Compiles a checked template into a render program, deciding each output's escaping from its
/// HTML context and reporting outputs that stand where no escaping makes them safe.
struct RenderProgramBuilder {
    /// Whether the template is HTML (body, layout, blocks) or plain text (subject, preheader, text).
    let html: Bool
    var diagnostics = DiagnosticBag()
    var scanner = HTMLContextScanner()

    init(html: Bool, startingIn scanner: HTMLContextScanner = HTMLContextScanner()) {
        self.html = html
        self.scanner = scanner
    }

    mutating func build(_ t: CheckedTemplate) -> [RenderNode] { nodes(t.nodes) }

    mutating func nodes(_ list: [CheckedNode]) -> [RenderNode] {
        var out: [RenderNode] = []
        for n in list {
            switch n {
            case .text(let s, let span):
                if html { scanner.feed(s) }
                out.append(.text(s, span))
            case .output(let o):
                out.append(.output(output(o)))
            case .assign(let name, let o, _):
                out.append(.assign(name, RenderOutput(value: value(o.value), filters: filters(o.filters), escape: .none)))
            case .slot(let name, let span):
                if html && scanner.state != .data {
                    diagnostics.emit(Diagnostic(.unsafeOutputContext, "The slot `\(name)` stands inside a tag or an attribute.", at: span)
                        .help("Put `{{ blocks.\(name) }}` between tags, where HTML text goes."))
                }
                out.append(.slot(name))
            case .conditional(let c):
                let start = scanner
                var ends: [HTMLContextScanner] = []
                var branches: [RenderBranch] = []
                for (i, b) in c.branches.enumerated() {
                    scanner = start
                    let body = nodes(b.body)
                    ends.append(scanner)
                    branches.append(RenderBranch(condition: value(b.condition), negated: c.negated && i == 0, body: body))
                }
                scanner = start
                let elseBody = c.elseBody.map { nodes($0) }
                ends.append(scanner)
                checkSameEnd(ends, c.span)
                out.append(.conditional(branches: branches, elseBody: elseBody))
            case .caseOf(let c):
                let start = scanner
                var ends: [HTMLContextScanner] = []
                var whens: [RenderWhen] = []
                for w in c.whens {
                    scanner = start
                    whens.append(RenderWhen(values: w.values.map(value), body: nodes(w.body)))
                    ends.append(scanner)
                }
                scanner = start
                let elseBody = c.elseBody.map { nodes($0) }
                ends.append(scanner)
                checkSameEnd(ends, c.span)
                out.append(.caseOf(subject: value(c.subject), whens: whens, elseBody: elseBody))
            case .loop(let l):
                let start = scanner
                let body = nodes(l.body)
                checkSameEnd([start, scanner], l.span)
                scanner = start
                let elseBody = l.elseBody.map { nodes($0) }
                checkSameEnd([start, scanner], l.span)
                var relation: String?
                var collection: RenderValue?
                switch l.source {
                case .relation(let r): relation = r.name
                case .list(let v, _), .range(let v): collection = value(v)
                }
                out.append(.loop(RenderLoop(variable: l.variable, relation: relation, collection: collection, limit: l.limit.map(value),
                                            offset: l.offset.map(value), reversed: l.reversed, body: body, elseBody: elseBody)))
            }
        }
        return out
    }

    private mutating func checkSameEnd(_ ends: [HTMLContextScanner], _ span: Span) {
        guard html, let first = ends.first, !ends.allSatisfy({ $0 == first }) else { return }
        diagnostics.emit(Diagnostic(.inconsistentHTMLContext, "The branches of this tag leave the HTML in different states.", at: span)
            .help("Open and close tags and quotes inside each branch, so that every branch ends where it began."))
    }

    private mutating func output(_ o: CheckedOutput) -> RenderOutput {
        guard html else { return RenderOutput(value: value(o.value), filters: filters(o.filters), escape: .none) }
        var escape = EscapeMode.html
        switch scanner.output() {
        case .text: escape = .html
        case .unsafe(let reason):
            diagnostics.emit(Diagnostic(.unsafeOutputContext, "This output stands \(reason).", at: o.span)
                .help("Outputs may stand in HTML text and in quoted attribute values."))
        case .attribute(let name, _, let soFar):
            if HTMLContextScanner.urlAttributes.contains(name) {
                if soFar.isEmpty { escape = .url }
                if let field = piiField(o.value) {
                    diagnostics.emit(Diagnostic(.piiInURL, "The field `\(field)` is marked `pii` and is put into the URL of `\(name)`.", at: o.span)
                        .help("URLs end up in logs and analytics; use an opaque identifier such as the customer key."))
                }
            }
        }
        return RenderOutput(value: value(o.value), filters: filters(o.filters), escape: escape)
    }

    private func piiField(_ v: TemplateValue) -> String? {
        switch v {
        case .variable(.customerField(let f), _) where f.pii: return f.name
        case .variable(.relationField(_, _, let f), _) where f.pii: return f.name
        default: return nil
        }
    }

    private func filters(_ fs: [CheckedFilter]) -> [RenderFilter] {
        fs.map { RenderFilter(name: $0.filter.rawValue, arguments: $0.arguments.map(value)) }
    }

    func value(_ v: TemplateValue) -> RenderValue {
        switch v {
        case .literal(let x): return .literal(x)
        case .empty: return .empty
        case .blank: return .blank
        case .variable(let variable, _):
            switch variable {
            case .customerField(let f): return .field(f.name)
            case .relationField(let variable, _, let f): return .rowField(variable: variable, field: f.name)
            case .local(let n): return .local(n)
            case .forloop(let p): return .forloop(p)
            case .builtin(let b): return .builtin(b.rawValue)
            }
        case .range(let a, let b): return .range(value(a), value(b))
        case .comparison(let op, let a, let b): return .comparison(op.rawValue, value(a), value(b))
        case .logical(let isAnd, let a, let b): return .logical(isAnd: isAnd, value(a), value(b))
        }
    }
}
