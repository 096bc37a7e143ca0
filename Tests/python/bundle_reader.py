"""An independent reader of Herald bundles, written from docs/bundle-format.md and docs/email.md
only: the tests use it to prove the bundle is a contract, not an accident of the Swift code.

Usage: bundle_reader.py render < JOB.json
  JOB: {"bundle": DIR, "renders": [{"campaign", "arm", "blocks": {slot: i}, "profile": {...}}]}
  prints [{"subject", "preheader", "html", "amp", "text"}] as JSON.
Usage: bundle_reader.py audience BUNDLE CAMPAIGN SQLITE_FILE AS_OF
  runs the campaign's SQLite audience query with `as_of` bound; prints the rows as JSON.
"""
import hashlib
import html.parser
import json
import math
import os
import sqlite3
import sys
from decimal import Decimal, ROUND_HALF_UP

FORMAT = 1
UNSUBSCRIBE = "https://unsubscribe.example/preview"


def load(bundle, campaign):
    manifest = json.load(open(os.path.join(bundle, "manifest.json"), encoding="utf-8"))
    if manifest["format"] != FORMAT:
        raise SystemExit(f"unknown bundle format {manifest['format']}")
    check_bundle_hash(manifest)
    entry = next(c for c in manifest["campaigns"] if c["name"] == campaign)
    folder = os.path.join(bundle, entry["path"])
    for name, digest in entry["files"].items():
        data = open(os.path.join(folder, name), "rb").read()
        if hashlib.sha256(data).hexdigest() != digest:
            raise SystemExit(f"{campaign}/{name} does not match its hash")
    message = json.load(open(os.path.join(folder, "message.json"), encoding="utf-8"))
    meta = json.load(open(os.path.join(folder, "campaign.json"), encoding="utf-8"))
    return message, meta, folder


def check_bundle_hash(manifest):
    """The bundle's hash is SHA-256 over `sha256sum`'s listing of every file the manifest lists."""
    digests = {f"{c['path']}/{name}": d for c in manifest["campaigns"] for name, d in c["files"].items()}
    digests.update({a["path"]: a["sha256"] for a in manifest["audiences"].values()})
    listing = "".join(f"{digests[path]}  {path}\n" for path in sorted(digests))
    if hashlib.sha256(listing.encode("utf-8")).hexdigest() != manifest["hash"]:
        raise SystemExit("the manifest's hash does not match the hashes of its files")


# Values -----------------------------------------------------------------------------------------

class Record(dict):
    """A relation row."""


def text_of(v):
    if v is None:
        return ""
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, float):
        if math.isfinite(v) and v == int(v) and abs(v) < 1e16:
            return f"{int(v)}.0"
        return repr(v)
    if isinstance(v, list):
        return "".join(text_of(x) for x in v)
    if isinstance(v, dict):
        return ""
    return str(v)


def number(v):
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v.strip())
        except ValueError:
            return None
    return None


def truthy(v):
    return v is not None and v is not False


def empty(v):
    return (isinstance(v, (str, list, dict)) and len(v) == 0)


def blank(v):
    if v is None or v is False:
        return True
    if isinstance(v, str):
        return v.strip() == "" or all(c.isspace() for c in v)
    if isinstance(v, (list, dict)):
        return len(v) == 0
    return False


def literal(x):
    if isinstance(x, dict):
        if "decimal" in x:
            return float(x["decimal"])
        if "timestamp" in x:
            return x["timestamp"]
        if "date" in x:
            return x["date"]
        if "seconds" in x:
            return x["seconds"]
    return x


def equal(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return a == b
    return False


def compare(op, a, b, rhs_empty, rhs_blank):
    if rhs_blank:
        return blank(a) if op == "==" else (not blank(a) if op == "!=" else False)
    if rhs_empty:
        return empty(a) if op == "==" else (not empty(a) if op == "!=" else False)
    if op == "==":
        return equal(a, b)
    if op == "!=":
        return not equal(a, b)
    if op == "contains":
        if isinstance(a, str):
            return b is not None and text_of(b) in a
        if isinstance(a, list):
            return any(equal(x, b) for x in a)
        return False
    if isinstance(a, str) and isinstance(b, str):
        order = (a > b) - (a < b)
    elif isinstance(a, str) or isinstance(b, str):
        return False
    else:
        x, y = number(a), number(b)
        if x is None or y is None:
            return False
        order = (x > y) - (x < y)
    return {"<": order < 0, "<=": order <= 0, ">": order > 0, ">=": order >= 0}.get(op, False)


# Filters: Liquid's standard filters with Shopify's semantics --------------------------------------

def round_half_away(x):
    return math.floor(x + 0.5) if x >= 0 else -math.floor(-x + 0.5)


def decimal_op(op, x, y):
    dx, dy = Decimal(repr(x)), Decimal(repr(y))
    if op == "plus":
        r = dx + dy
    elif op == "minus":
        r = dx - dy
    elif op == "times":
        r = dx * dy
    else:
        if y == 0:
            return None
        r = dx / dy
    return float(r)


def arithmetic(op, a, b):
    ai = a if isinstance(a, int) and not isinstance(a, bool) else (int(a) if isinstance(a, str) and a.lstrip("-").isdigit() else None)
    bi = b if isinstance(b, int) and not isinstance(b, bool) else (int(b) if isinstance(b, str) and b.lstrip("-").isdigit() else None)
    if ai is not None and bi is not None:
        if op == "plus":
            return ai + bi
        if op == "minus":
            return ai - bi
        if op == "times":
            return ai * bi
        return None if bi == 0 else ai // bi
    x, y = number(a), number(b)
    if x is None or y is None:
        return None
    return decimal_op(op, x, y)


def money(x):
    cents = int(round_half_away(abs(x) * 100))
    units = f"{cents // 100:,}"
    sign = "-" if x < 0 and cents > 0 else ""
    return f"{sign}{units}.{cents % 100:02d}"


def url_encode(s):
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c.isascii() and (c.isalnum() or c in "*-._~"):
            out.append(c)
        elif c == " ":
            out.append("+")
        else:
            out.append(f"%{b:02X}")
    return "".join(out)


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")


def apply_filter(name, v, args):
    s = text_of(v)
    if name == "default":
        fallback = args[0] if args else None
        return fallback if (v is None or v is False or empty(v)) else v
    if name == "upcase":
        return s.upper()
    if name == "downcase":
        return s.lower()
    if name == "capitalize":
        return s[:1].upper() + s[1:].lower()
    if name == "strip":
        return s.strip()
    if name == "append":
        return s + text_of(args[0] if args else "")
    if name == "prepend":
        return text_of(args[0] if args else "") + s
    if name == "replace":
        return s.replace(text_of(args[0]), text_of(args[1]) if len(args) > 1 else "")
    if name == "truncate":
        n = int(number(args[0]) if args else 50)
        ellipsis = text_of(args[1]) if len(args) > 1 else "..."
        if len(s) <= n:
            return s
        return s[:max(0, n - len(ellipsis))] + ellipsis
    if name == "truncatewords":
        n = max(1, int(number(args[0]) if args else 15))
        ellipsis = text_of(args[1]) if len(args) > 1 else "..."
        words = s.split()
        return s if len(words) <= n else " ".join(words[:n]) + ellipsis
    if name == "size":
        if isinstance(v, list):
            return len(v)
        return 0 if v is None else len(s)
    if name in ("first", "last"):
        return (v[0] if name == "first" else v[-1]) if isinstance(v, list) and v else None
    if name == "join":
        return text_of(args[0] if args else " ").join(text_of(x) for x in v) if isinstance(v, list) else v
    if name == "url_encode":
        return url_encode(s)
    if name == "escape":
        return escape(s)
    if name in ("plus", "minus", "times", "divided_by"):
        return arithmetic(name, v, args[0] if args else None)
    if name == "round":
        if isinstance(v, int) and not isinstance(v, bool):
            return v
        x = number(v)
        if x is None:
            return v
        places = int(number(args[0]) if args else 0)
        if places <= 0:
            return int(round_half_away(x))
        f = 10 ** places
        return round_half_away(x * f) / f
    if name == "money":
        x = number(v)
        return s if x is None else text_of(args[0] if args else "") + money(x)
    raise SystemExit(f"filter {name} is not implemented by the reader")


def safe_url(s):
    trimmed = s.lstrip("".join(chr(c) for c in range(0x21)) + " \u00a0\u2028\u2029")
    lower = trimmed.lower()
    return trimmed if lower.startswith(("https:", "http:", "mailto:", "tel:")) else "about:invalid#herald"


# Rendering --------------------------------------------------------------------------------------

class Renderer:
    def __init__(self, row, relations, builtins, slot):
        self.row, self.relations, self.builtins, self.slot = row, relations, builtins, slot
        self.locals, self.forloops, self.out = {}, [], []

    def value(self, v):
        if "literal" in v:
            return literal(v["literal"])
        if "special" in v:
            return ""
        if "field" in v:
            return self.row.get(v["field"])
        if "row" in v:
            r = self.locals.get(v["row"]["variable"])
            return r.get(v["row"]["field"]) if isinstance(r, dict) else None
        if "local" in v:
            return self.locals.get(v["local"])
        if "forloop" in v:
            return self.forloops[-1].get(v["forloop"]) if self.forloops else None
        if "builtin" in v:
            return self.builtins.get(v["builtin"])
        if "range" in v:
            a, b = number(self.value(v["range"][0])), number(self.value(v["range"][1]))
            if a is None or b is None or b < a or b - a >= 10000:
                return []
            return list(range(int(a), int(b) + 1))
        if "compare" in v:
            c = v["compare"]
            return compare(c["operator"], self.value(c["left"]), self.value(c["right"]),
                           c["right"] == {"special": "empty"}, c["right"] == {"special": "blank"})
        if "and" in v:
            return truthy(self.value(v["and"][0])) and truthy(self.value(v["and"][1]))
        if "or" in v:
            return truthy(self.value(v["or"][0])) or truthy(self.value(v["or"][1]))
        raise SystemExit(f"unknown value {v}")

    def evaluate(self, o):
        v = self.value(o["value"])
        for f in o["filters"]:
            v = apply_filter(f["name"], v, [self.value(a) for a in f["arguments"]])
        return v

    def output(self, o):
        text = text_of(self.evaluate(o))
        pre = bool(o["filters"]) and o["filters"][-1]["name"] == "escape"
        if o["escape"] == "html":
            return text if pre else escape(text)
        if o["escape"] == "url":
            return escape(safe_url(text))
        return text

    def run(self, nodes):
        for n in nodes:
            if "text" in n:
                self.out.append(n["text"])
            elif "output" in n:
                self.out.append(self.output(n["output"]))
            elif "assign" in n:
                self.locals[n["assign"]["name"]] = self.evaluate(n["assign"]["value"])
            elif "slot" in n:
                content = self.slot(n["slot"])
                if content is not None:
                    self.run(content)
            elif "if" in n:
                for b in n["if"]["branches"]:
                    if truthy(self.value(b["condition"])) != b["negated"]:
                        self.run(b["body"])
                        break
                else:
                    self.run(n["if"].get("else", []))
            elif "case" in n:
                subject = self.value(n["case"]["subject"])
                taken = False
                for w in n["case"]["whens"]:
                    if any(equal(subject, self.value(x)) for x in w["values"]):
                        self.run(w["body"])
                        taken = True
                if not taken:
                    self.run(n["case"].get("else", []))
            elif "for" in n:
                self.loop(n["for"])
            else:
                raise SystemExit(f"unknown node {n}")

    def loop(self, l):
        if "relation" in l:
            items = [Record(r) for r in self.relations.get(l["relation"], [])]
        elif "collection" in l:
            c = self.value(l["collection"])
            items = c if isinstance(c, list) else []
        else:
            items = []
        offset = number(self.value(l["offset"])) if "offset" in l else None
        items = items[max(0, int(offset)) if offset is not None else 0:]
        limit = number(self.value(l["limit"])) if "limit" in l else None
        if limit is not None:
            items = items[:max(0, int(limit))]
        if l["reversed"]:
            items.reverse()
        if not items:
            self.run(l.get("else", []))
            return
        saved = self.locals.get(l["variable"])
        n = len(items)
        for i, item in enumerate(items):
            self.locals[l["variable"]] = item
            self.forloops.append({"index": i + 1, "index0": i, "rindex": n - i, "rindex0": n - i - 1,
                                  "first": i == 0, "last": i == n - 1, "length": n})
            self.run(l["body"])
            self.forloops.pop()
        self.locals[l["variable"]] = saved


def content(slot, choice):
    if slot is None:
        return None
    if "loop" in slot:
        return [slot["loop"]]
    if "column" not in slot:
        return slot["alternatives"][0] if slot["alternatives"] else None
    if choice is None or not (0 <= choice < len(slot["alternatives"])):
        return None
    return slot["alternatives"][choice]


# The plain-text part, derived from HTML (docs/email.md) --------------------------------------------

PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table", "hr", "pre", "address"}
BLOCKS = PARAGRAPHS | {"div", "tr", "li", "section", "article", "header", "footer", "main", "nav", "aside", "center",
                       "figure", "figcaption", "dl", "dt", "dd"}
SKIPPED = {"head", "style", "script", "title", "template", "noscript"}
VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source", "track", "embed", "param"}


class Tree(html.parser.HTMLParser):
    """A minimal element tree: (name, attributes, children) with text as strings."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = ("#root", {}, [])
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        e = (tag, {k: (v or "") for k, v in attrs}, [])
        self.stack[-1][2].append(e)
        if tag not in VOID:
            self.stack.append(e)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1][2].append((tag, {k: (v or "") for k, v in attrs}, []))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1][2].append(data)


def element_text(e):
    return "".join(c if isinstance(c, str) else element_text(c) for c in e[2])


class TextWriter:
    def __init__(self):
        self.out, self.line, self.pending, self.links, self.lists = "", "", 0, [], []

    def text(self, s):
        collapsed, space = [], False
        for ch in s:
            if ch.isspace():
                space = True
                continue
            if space:
                collapsed.append(" ")
            space = False
            collapsed.append(ch)
        if space:
            collapsed.append(" ")
        c = "".join(collapsed)
        if c == " ":
            if self.line and not self.line.endswith(" "):
                self.line += " "
            return
        if not c:
            return
        self.flush()
        if (not self.line or self.line.endswith(" ")) and c.startswith(" "):
            c = c[1:]
        self.line += c

    def flush(self):
        if self.pending == 0:
            return
        self.end_line()
        if self.out:
            self.out += "\n" * self.pending
        self.pending = 0

    def end_line(self):
        t = self.line.strip(" ")
        if t:
            self.out += t
        self.line = ""

    def request(self, n):
        if self.out or self.line.strip(" "):
            self.pending = max(self.pending, n)

    def walk(self, e):
        name, attrs, children = e
        style = "".join(attrs.get("style", "").lower().split())
        if name in SKIPPED or "display:none" in style or "hidden" in attrs:
            return
        block = name in BLOCKS
        if block:
            self.request(2 if name in PARAGRAPHS else 1)
        if name == "br":
            self.flush()
            self.end_line()
            self.out += "\n"
            return
        if name == "hr":
            self.request(2)
            self.flush()
            self.line = "----------"
            self.request(2)
            return
        if name == "img":
            alt = attrs.get("alt", "")
            if alt.strip(" "):
                self.text(alt)
            return
        if name in ("ul", "ol"):
            self.lists.append([name == "ol", 1])
        elif name == "li":
            self.request(1)
            self.flush()
            if self.lists:
                self.line += f"{self.lists[-1][1]}. " if self.lists[-1][0] else "- "
                self.lists[-1][1] += 1
            else:
                self.line += "- "
        elif name in ("td", "th"):
            if self.line.strip(" "):
                self.text(" ")
        start = len(self.out) + len(self.line)
        for c in children:
            if isinstance(c, str):
                self.text(c)
            else:
                self.walk(c)
        if name in ("h1", "h2") and len(self.out) + len(self.line) > start:
            self.line = self.line.upper()
        if name == "a":
            href = attrs.get("href", "").strip(" ")
            if href and not href.startswith("#"):
                shown = element_text(e).strip()
                if shown != href and not (href.startswith("mailto:") and shown == href[7:]):
                    if href not in self.links:
                        self.links.append(href)
                    self.line += f" [{self.links.index(href) + 1}]"
        if name in ("ul", "ol"):
            self.lists.pop()
        if block:
            self.request(2 if name in PARAGRAPHS else 1)

    def finish(self):
        self.pending = 0
        self.end_line()
        if self.links:
            self.out += "\n\n" + "\n".join(f"[{i + 1}] {u}" for i, u in enumerate(self.links))
        return self.out + "\n" if self.out else ""


def derive_text(document):
    t = Tree()
    t.feed(document)
    t.close()
    w = TextWriter()
    for c in t.root[2]:
        if isinstance(c, str):
            w.text(c)
        else:
            w.walk(c)
    return w.finish()


# Commands ---------------------------------------------------------------------------------------

def render(job):
    results = []
    for r in job["renders"]:
        message, meta, _ = load(job["bundle"], r["campaign"])
        arm = next((v for v in message["variants"] if v["name"] == r.get("arm")), None)
        profile = r["profile"]
        row = dict(profile.get("customer", {}))
        relations = profile.get("relations", {})
        builtins = {"unsubscribe_url": UNSUBSCRIBE, "postal_address": message.get("postal_address") or "",
                    "campaign.name": r["campaign"], "campaign.variant": r.get("arm") or ""}
        blocks = r.get("blocks", {})

        def part(program, slots_key):
            def slot(name):
                if arm is not None and name in arm.get(slots_key) or {}:
                    return content(arm[slots_key][name], blocks.get(name, 0))
                return content((message.get(slots_key) or {}).get(name), blocks.get(name, 0))
            rr = Renderer(row, relations, builtins, slot)
            rr.run(program)
            return "".join(rr.out)

        parts = message["parts"]
        html_text = part(parts["html"], "slots")
        subject = part(arm["subject"] if arm and "subject" in arm else parts["subject"], "slots")
        pre_program = arm["preheader"] if arm and "preheader" in arm else parts.get("preheader")
        results.append({
            "from": arm["from"] if arm and "from" in arm else message["from"],
            "subject": subject,
            "preheader": part(pre_program, "slots") if pre_program is not None else None,
            "html": html_text,
            "amp": part(parts["amp"], "amp_slots") if "amp" in parts else None,
            "text": part(parts["text"], "slots") if message["text_source"] == "template" else derive_text(html_text),
        })
    return results


def audience(bundle, campaign, database, as_of):
    _, meta, folder = load(bundle, campaign)
    sql = open(os.path.join(folder, "audience.sqlite.sql"), encoding="utf-8").read()
    p = meta["parameters"]["sqlite"]["as_of"]
    value = as_of if p["format"] == "iso8601" else as_of.replace("T", " ").replace("Z", "")
    con = sqlite3.connect(database)
    con.create_function("md5", 1, lambda s: None if s is None else hashlib.md5(str(s).encode("utf-8")).hexdigest(), deterministic=True)
    params = {} if not p["used"] else ({p["placeholder"].lstrip(":@$"): value} if p["binding"] == "named" else [value])
    cur = con.execute(sql, params)
    return {"columns": [d[0] for d in cur.description], "rows": cur.fetchall()}


if __name__ == "__main__":
    if sys.argv[1] == "render":
        json.dump(render(json.load(sys.stdin)), sys.stdout, ensure_ascii=False)
    elif sys.argv[1] == "audience":
        json.dump(audience(*sys.argv[2:6]), sys.stdout, ensure_ascii=False)
