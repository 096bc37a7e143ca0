/// How an output is escaped, decided at compile time from where it stands in the HTML.
public enum EscapeMode: String, Sendable, Hashable {
    /// Plain-text parts (subject, preheader, text body): no escaping.
    case none
    /// HTML text or a quoted attribute value: `& < > " '` become character references.
    case html
    /// The start of a URL attribute (`href`, `src`, …): the value must begin with `http:`,
    /// `https:`, `mailto:` or `tel:`; anything else (`javascript:`, `data:`) is replaced by
    /// `about:invalid#herald`. Then escaped as `html`.
    case url
}
