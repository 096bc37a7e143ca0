/// H03xx: templates (Herald's typed Liquid subset) and contextual escaping.
extension DiagnosticKind {
    public static let templateSyntax = DiagnosticKind("H0301", "template-syntax", .error,
        summary: "A template is not well-formed Liquid.",
        explanation: """
        Subjects, preheaders, HTML bodies, blocks and layouts are templates in a typed subset of
        Shopify Liquid: outputs `{{ value | filter: argument }}` and the tags `if`/`elsif`/`else`,
        `unless`, `case`/`when`, `for … in … limit: N offset: N` with `else`, `assign`, `raw` and
        `comment`. The message says what is unclosed, unmatched or unsupported.

        ```liquid
        {% if customer.vip %}Hi VIP{% endfor %}     <!-- `endfor` does not close `if` -->
        ```
        """)

    public static let unknownFilter = DiagnosticKind("H0302", "unknown-filter", .error,
        summary: "A filter name is not one Herald templates support.",
        explanation: """
        Templates support the filters `default`, `upcase`, `downcase`, `capitalize`, `strip`,
        `truncate`, `truncatewords`, `replace`, `append`, `prepend`, `date`, `round`, `plus`,
        `minus`, `times`, `divided_by`, `money`, `size`, `first`, `last`, `join`, `url_encode` and
        `escape`, with Shopify Liquid's behaviour. The fix-it offers the closest name.
        """)

    public static let filterArguments = DiagnosticKind("H0303", "filter-arguments", .error,
        summary: "A filter is given the wrong number or type of arguments, or a value it cannot take.",
        explanation: """
        Each filter has a fixed signature: `truncate: 20` takes a whole number, `replace: "a", "b"`
        two strings, `plus: 1` a number; `money` applies to numbers, `date` to times.

        ```liquid
        {{ customer.first_name | truncate: "20" }}   <!-- the length must be a number -->
        ```
        """)

    public static let nullableOutput = DiagnosticKind("H0304", "nullable-output", .error,
        summary: "A template prints a value that may be empty without a fallback.",
        explanation: """
        A nullable field printed as is would send "Hi ," to every customer without a first name.
        Give a fallback with `default`, or print it only when it is present:

        ```liquid
        Hi {{ customer.first_name | default: "there" }},
        {% if customer.first_name %}Hi {{ customer.first_name }},{% else %}Hello,{% endif %}
        ```
        """)

    public static let loopSource = DiagnosticKind("H0305", "loop-source", .error,
        summary: "A loop runs over something that is not a relation or a list.",
        explanation: """
        `{% for x in … %}` and a block's `for:` iterate over a relation declared in the schema
        (`customer.recommendations`), a list field, or a range such as `(1..3)`.
        """)

    public static let unsafeOutputContext = DiagnosticKind("H0306", "unsafe-output-context", .error,
        summary: "An output stands where no escaping can make it safe.",
        explanation: """
        Herald escapes every output by where it stands: HTML text and quoted attribute values are
        HTML-escaped, and the start of a URL attribute must be `http:`, `https:`, `mailto:` or
        `tel:`. Inside `<script>` or `<style>`, in a `style` or `on…` attribute, in an unquoted
        attribute value or in a tag name, no escaping is safe, so the template is rejected.

        ```html
        <a href={{ rec.url }}>       <!-- unquoted: write href="{{ rec.url }}" -->
        <p style="color: {{ customer.color }}">   <!-- CSS context -->
        ```
        """)

    public static let inconsistentHTMLContext = DiagnosticKind("H0307", "inconsistent-html-context", .error,
        summary: "The branches of a tag leave the HTML in different states.",
        explanation: """
        Escaping is decided at compile time from the HTML around each output, so every branch of
        an `if`/`case` (and every loop iteration) must end in the state it began: a tag or a quote
        opened inside a branch must be closed inside it.

        ```liquid
        {% if customer.vip %}<a href="https://acme.example/vip">{% endif %}   <!-- tag left open -->
        ```
        """)

    public static let templateKinds: [DiagnosticKind] = [templateSyntax, unknownFilter, filterArguments, nullableOutput, loopSource,
                                                         unsafeOutputContext, inconsistentHTMLContext]
}
