/// H04xx: email bodies, layouts and slots, HTML and AMP validation.
extension DiagnosticKind {
    public static let htmlSyntax = DiagnosticKind("H0401", "html-syntax", .error,
        summary: "An HTML body or layout is not well-formed.",
        explanation: """
        Herald parses every HTML part with libxml2's HTML parser and reports what it had to repair:
        unclosed or misnested tags, stray end tags, invalid entities. Mail clients repair such
        markup in different ways, so the same email renders differently in Gmail and Outlook.
        The diagnostic points at the line of the campaign or layout file where the problem is.
        """)

    public static let unknownLayout = DiagnosticKind("H0402", "unknown-layout", .error,
        summary: "A message names a layout file that does not exist.",
        explanation: """
        `message.layout` is a path relative to the project folder, such as `layouts/base.html`.
        The fix-it offers the closest existing layout.
        """)

    public static let unknownSlot = DiagnosticKind("H0403", "unknown-slot", .error,
        summary: "A block fills a slot the layout does not have.",
        explanation: """
        Layouts mark their slots with `{{ blocks.NAME }}`. A block whose name is not one of the
        layout's slots would never be shown. Rename the block, or add the slot to the layout.
        """)

    public static let unfilledSlot = DiagnosticKind("H0404", "unfilled-slot", .warning,
        summary: "A layout slot is filled by no block of the message.",
        explanation: """
        The slot renders empty for every recipient. Fill it with a block, or remove it from the
        layout if no campaign uses it.
        """)

    public static let misplacedBody = DiagnosticKind("H0405", "misplaced-body", .error,
        summary: "A message mixes an inline `html` body with a layout, or blocks without a layout.",
        explanation: """
        A message either writes its whole body inline under `html:`, or names a `layout:` whose
        slots its `blocks:` fill. Blocks without a layout have nowhere to go, and an inline body
        would replace the layout.
        """)

    public static let forbiddenElement = DiagnosticKind("H0406", "forbidden-element", .error,
        summary: "An email contains an element mail clients remove: script, frames, forms or plugins.",
        explanation: """
        `<script>`, `<iframe>`, `<frame>`, `<form>`, `<object>`, `<embed>`, `<applet>` and `<base>`
        are removed by Gmail, Outlook and Apple Mail, and their presence raises spam scores. Anything
        interactive belongs on a web page the email links to (or in an AMP part).
        """)

    public static let eventHandlerAttribute = DiagnosticKind("H0407", "event-handler-attribute", .error,
        summary: "An element has a script handler attribute such as `onclick`.",
        explanation: """
        No mail client runs script, and filters treat `on*` attributes as an attack. Remove the
        attribute; link to a web page for anything interactive.
        """)

    public static let insecureURL = DiagnosticKind("H0408", "insecure-url", .error,
        summary: "A link or image URL is not an absolute `https` URL.",
        explanation: """
        Links must be `https://`, `mailto:`, `tel:` or a `#fragment`; images and backgrounds must be
        `https://`. Plain `http` links are flagged by mailbox providers and images over `http` are
        blocked as mixed content; relative URLs never resolve in a mailbox, and other schemes
        (`javascript:`, `data:`, `file:`) are unsafe or stripped. Herald checks every rendered
        version of the message, with sample values in the template outputs.
        """)

    public static let imageWithoutAlt = DiagnosticKind("H0409", "image-without-alt", .error,
        summary: "An image has no `alt` text.",
        explanation: """
        Many clients block images until the reader allows them, and screen readers read `alt`
        aloud. Describe the image, or write `alt=""` when it is purely decorative.
        """)

    public static let imageWithoutWidth = DiagnosticKind("H0410", "image-without-width", .warning,
        summary: "An image has no `width` attribute.",
        explanation: """
        Outlook for Windows renders with Word, which ignores CSS widths on images and shows them at
        their natural size: a 1200-pixel retina image breaks a 600-pixel layout. Give every image a
        `width` attribute in pixels.
        """)

    public static let flexGridLayout = DiagnosticKind("H0411", "flex-grid-layout", .warning,
        summary: "The email lays out content with CSS flexbox or grid.",
        explanation: """
        `display: flex` and `display: grid` are not supported by Outlook for Windows and some
        webmail clients (caniemail.com), so columns collapse into one. Tables with
        `role="presentation"` are the portable way to lay out columns.
        """)

    public static let missingPreheader = DiagnosticKind("H0412", "missing-preheader", .warning,
        summary: "The message has no preheader.",
        explanation: """
        Inboxes show a line of preview text after the subject. Without a preheader they show the
        first text of the body, often "View in browser" or an image's alt text. Add `preheader:` to
        the message; Herald inserts it as hidden text right after `<body>`.
        """)

    public static let nearClippingSize = DiagnosticKind("H0413", "near-clipping-size", .warning,
        summary: "A rendered version of the email is over 90 KB, close to Gmail's 102 KB clipping point.",
        explanation: """
        Gmail clips HTML over 102 KB behind a "View entire message" link. Herald renders every
        version a recipient can receive with realistic sample values (loops filled to their limit)
        and warns from 90 KB, leaving room for longer real values.
        """)

    public static let clippedSize = DiagnosticKind("H0414", "clipped-size", .error,
        summary: "A rendered version of the email is over Gmail's 102 KB clipping point.",
        explanation: """
        Gmail hides everything after the first 102 KB of HTML, which usually includes the
        unsubscribe link and the postal address. Remove unused CSS and comments, or shorten the
        content.
        """)

    public static let ampInvalid = DiagnosticKind("H0415", "amp-invalid", .error,
        summary: "The AMP part breaks a rule of AMP for Email, so mail clients show the HTML part instead.",
        explanation: """
        Gmail, Yahoo and Mail.ru render an AMP part only if it passes the AMP validator's AMP4EMAIL
        rules: the required markup (`<html ⚡4email>`, `<meta charset="utf-8">`, the boilerplate
        style, the runtime script), only the allowed elements and components (with their extension
        scripts at pinned versions), no custom JavaScript or script handlers, absolute `https`
        image and data URLs, complete `<amp-img>` layouts, no nested data fetches, and bindings
        only on the attributes email allows. Herald checks the AMP part it generates and, with
        `herald validate`, AMP documents written elsewhere.
        """)

    public static let ampCSS = DiagnosticKind("H0416", "amp-css", .error,
        summary: "The CSS of an AMP part breaks AMP for Email's limits.",
        explanation: """
        AMP for Email allows one `<style amp-custom>` of at most 75,000 bytes, inline `style`
        attributes of at most 1,000 bytes each and 75,000 bytes of CSS in all (enforced with
        `data-css-strict`), no `!important`, no at-rule but `@media`, and `url()` only with `https`.
        """)

    public static let ampSize = DiagnosticKind("H0417", "amp-size", .error,
        summary: "The AMP part is over 200,000 bytes.",
        explanation: """
        The AMP validator rejects AMP email documents over 200,000 bytes, and mail clients then show
        the HTML part. Shorten the content or move CSS into fewer rules.
        """)

    public static let ampAdvisory = DiagnosticKind("H0418", "amp-advisory", .warning,
        summary: "The AMP part uses something the AMP validator warns about.",
        explanation: """
        The validator warns when `<html>` lacks `data-css-strict` (which may become required), when
        the CSS is over 75,000 bytes without strict CSS, and about deprecated components
        (`amp-lightbox`, `amp-image-lightbox`, `amp-mustache` 0.1) and `<title>`.
        """)

    public static let emailKinds: [DiagnosticKind] = [
        htmlSyntax, unknownLayout, unknownSlot, unfilledSlot, misplacedBody, forbiddenElement, eventHandlerAttribute,
        insecureURL, imageWithoutAlt, imageWithoutWidth, flexGridLayout, missingPreheader, nearClippingSize, clippedSize,
        ampInvalid, ampCSS, ampSize, ampAdvisory,
    ]
}
