"""The review page of one article: its text as read, every extracted span marked by kind.

The text is emitted character for character (escaped, a carriage return as a
character reference so that the HTML parser keeps it), so the page's text
container holds exactly the source and an offset in it is an offset in the
record. Spans of different kinds overlap (a quantity inside a quotation inside
a sentence); ``mark`` nests them, longest outermost, and splits a span that
crosses another's end into fragments that share its ``data-i``.
"""
from __future__ import annotations

import base64
import hashlib
import html
from dataclasses import dataclass
from importlib import resources
from typing import Optional

# Legend order; the label a reader sees. "sentence" (a fact's sentence) and "removed" are not toggled here.
KINDS = [
    ("quantity", "quantity"),
    ("date", "date"),
    ("region", "region"),
    ("org", "organisation"),
    ("person", "person"),
    ("quote", "quotation"),
    ("cue", "speaker cue"),
    ("legal", "regulation"),
    ("program", "programme"),
]
# At equal span, outer first: a removed part, then the sentence, the quotation, ... the number innermost.
_NEST = {k: i for i, k in enumerate(["removed", "title", "sentence", "quote", "legal", "org", "person", "cue",
                                     "region", "program", "date", "quantity"])}


@dataclass
class Mark:
    start: int
    end: int
    kind: str
    id: str  # data-i: the same for every fragment of one item
    value: Optional[str] = None  # what hover or focus shows
    reason: Optional[str] = None  # removed parts


def esc(s: str) -> str:
    """Text or attribute value as HTML that parses back to exactly `s` (CR and NUL included)."""
    return html.escape(s, quote=True).replace("\r", "&#13;").replace("\x00", "&#xFFFD;")


def num(v: float) -> str:
    """A value as plain digits: 9300, 41.7 (no thousands separator to misread)."""
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e18 else repr(float(v))


def _open(m: Mark, first: bool) -> str:
    attrs = [f'class="m k-{m.kind}"', f'data-k="{m.kind}"', f'data-i="{esc(m.id)}"']
    if m.value:
        attrs.append(f'data-v="{esc(m.value)}"')
        if first:
            attrs.append('tabindex="0"')
    if m.reason:
        attrs.append(f'data-reason="{esc(m.reason)}"')
    return "<span " + " ".join(attrs) + ">"


def mark(text: str, marks: list[Mark]) -> str:
    """`text` as escaped HTML with every mark a <span>, properly nested; crossing marks split."""
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    by_start: dict[int, list[Mark]] = {}
    points = {0, n}
    for m in marks:
        by_start.setdefault(m.start, []).append(m)
        points.update((m.start, m.end))
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()  # ids (by object) that have had a first fragment
    pos = 0
    for p in sorted(points):
        if p > pos:
            out.append(esc(text[pos:p]))
            pos = p
        reopen: list[Mark] = []
        ending = [i for i, m in enumerate(stack) if m.end <= p]
        if ending:
            for m in reversed(stack[ending[0]:]):
                out.append("</span>")
                if m.end > p:
                    reopen.append(m)
            del stack[ending[0]:]
        fresh = reopen + by_start.get(p, [])
        for m in sorted(fresh, key=lambda m: (-m.end, _NEST.get(m.kind, 99))):
            out.append(_open(m, id(m) not in opened))
            opened.add(id(m))
            stack.append(m)
    out.extend("</span>" for _ in stack)
    return "".join(out)


# ---------------------------------------------------------------- what is marked
def _quantity(q) -> str:
    val = num(q.value) + (f"-{num(q.upper)}" if q.upper is not None else "")
    parts = [f"quantity ({q.kind}): {val}" + (f" {q.unit}" if q.unit else "")]
    if q.qualifier:
        parts.append(q.qualifier.replace("_", " "))
    return "; ".join(parts)


def _date(d) -> str:
    s = f"date: {d.value}" + (f" to {d.end}" if d.end else "") + f" ({d.granularity}"
    return s + ("; year inferred)" if d.year_inferred else ")")


def _region(r) -> str:
    s = f"region: {r.name} ({r.level}" + (f", code {r.code}" if r.code else ", no code") + ")"
    return s + (f", {r.province}" if r.province and r.province != r.name else "")


def _person(p) -> str:
    s = f"person: {p.name}"
    if p.roles:
        s += " - " + "; ".join(p.roles)
    return s + (f" ({p.organization})" if p.organization else "")


def _org(o) -> str:
    s = f"organisation: {o.name}"
    if o.aliases:
        s += f" (also {', '.join(o.aliases)})"
    return s + (f"; offices: {', '.join(o.offices)}" if o.offices else "")


def _legal(r) -> str:
    s = f"regulation: {r.kind}"
    if r.number:
        s += f" No. {r.number}"
    if r.year:
        s += f" of {r.year}"
    if r.issuer:
        s += f", {r.issuer}"
    return s + (f": {r.subject}" if r.subject else "")


def marks_of(a, text: str) -> tuple[list[Mark], list[str]]:
    """Every span of the record as a Mark, and a note per span that does not match the text."""
    marks: list[Mark] = []
    notes: list[str] = []

    def add(span, item_text, kind, id, value=None, reason=None):
        s, e = span
        if item_text is not None and text[s:e] != item_text:
            notes.append(f"{id}: span [{s}, {e}) does not hold {item_text!r}; not marked")
            return
        marks.append(Mark(s, e, kind, id, value, reason))

    for i, r in enumerate(a.removed):
        dup = f" of [{r.duplicate_of[0]}, {r.duplicate_of[1]})" if r.duplicate_of else ""
        add(r.span, r.text, "removed", f"removed-{i}", f"removed: {r.reason.replace('_', ' ')}{dup}", r.reason)
    if a.title is not None:
        add(a.title.span, a.title.text, "title", "title")
    for s, e in sorted({tuple(f.span) for f in a.facts}):
        add((s, e), None, "sentence", f"sentence-{s}-{e}")
    for i, q in enumerate(a.quantities):
        add(q.span, q.text, "quantity", f"quantity-{i}", _quantity(q))
    for i, d in enumerate(a.dates):
        add(d.span, d.text, "date", f"date-{i}", _date(d))
    for kind, items, fmt in (("region", a.regions, _region), ("org", a.organizations, _org),
                             ("person", a.people, _person)):
        for i, it in enumerate(items):
            for j, m in enumerate(it.mentions):
                add(m.span, m.text, kind, f"{kind}-{i}-{j}", fmt(it))
    for i, q in enumerate(a.quotes):
        who = q.speaker or "speaker not found"
        add(q.span, q.text, "quote", f"quote-{i}", f"quotation, speaker: {who}")
        if q.cue is not None:
            add(q.cue.span, q.cue.text, "cue", f"cue-{i}", f"speaker cue: {who}")
    for i, r in enumerate(a.legal_refs):
        add(r.span, r.text, "legal", f"legal-{i}", _legal(r))
    for i, p in enumerate(a.programs):
        for j, m in enumerate(p.mentions):
            add(m.span, m.text, "program", f"program-{i}-{j}", f"programme: {p.code} ({p.name})")
    return marks, notes


# ---------------------------------------------------------------- the page
def asset(name: str) -> str:
    return resources.files("berita_extract").joinpath("review_assets", name).read_text(encoding="utf-8")


def _hash(s: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"


def document(title: str, body: str) -> str:
    """A whole page: the CSS and the script inlined; a policy that runs only that script and loads nothing."""
    css, js = asset("review.css"), asset("review.js")
    policy = f"default-src 'none'; script-src {_hash(js)}; style-src {_hash(css)}; img-src data:; base-uri 'none'; form-action 'none'"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(policy)}">\n'
        f"<title>{esc(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n"
        f'<div id="tip" role="tooltip" hidden></div>\n<script>{js}</script>\n</body>\n</html>\n'
    )


def _cell(v, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{esc('' if v is None else str(v))}</td>"


def _facts_table(a) -> str:
    if not a.facts:
        return "<p>No facts.</p>"
    rows = []
    for i, f in enumerate(a.facts):
        ids = f"quantity-{f.quantity} sentence-{f.span[0]}-{f.span[1]}"
        value = ({"more_than": "> ", "less_than": "< ", "at_least": ">= ", "at_most": "<= ", "approx": "~ "}
                 .get(f.qualifier or "", "") + num(f.value) + (f" {f.unit}" if f.unit else ""))
        label = f"Show fact {i + 1} in the text: {f.type} {value}"
        rows.append(
            f'<tr id="fact-{i}"><td><button type="button" class="pick" data-mark="{ids}" '
            f'aria-label="{esc(label)}">{i + 1}</button></td>'
            + _cell(f.type.replace("_", " ")) + _cell(value, "num") + _cell(f.region) + _cell(f.segment and f.segment.replace("_", " "))
            + _cell(f.period) + "</tr>"
        )
    head = "".join(f'<th scope="col">{h}</th>' for h in ("#", "type", "value", "region", "segment", "period"))
    return f'<div class="scroll"><table class="facts"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _checks_list(a) -> str:
    if not a.checks:
        return "<p>No checks.</p>"
    items = []
    for c in a.checks:
        ids = " ".join(f"quantity-{a.facts[i].quantity}" for i in c.facts if 0 <= i < len(a.facts))
        verdict = "ok" if c.ok else "FAILED"
        nums = f"stated {num(c.expected)}, computed {num(c.computed)}"
        pick = (f' <button type="button" class="pick" data-mark="{ids}">show</button>' if ids else "")
        items.append(
            f'<li class="check {"ok" if c.ok else "fail"}"><span class="verdict">{verdict}</span> '
            f'<span class="ck">{esc(c.kind)}</span> <span class="stmt">{esc(c.statement)}</span> '
            f'<span class="nums">{esc(nums)}</span>{pick}</li>'
        )
    return f'<ul class="checks">{"".join(items)}</ul>'


def render(a, text: str, info: dict, notes: list[str]) -> str:
    """The article page; `info` has the index row's title, outlet, date, region; `notes` what to tell the reader."""
    marks, bad = marks_of(a, text)
    counts = {k: len({m.id for m in marks if m.kind == k}) for k, _ in KINDS}
    legend = "".join(
        f'<button type="button" class="lg k-{k}" data-toggle="{k}" aria-pressed="true">'
        f'<span class="sw"></span>{label} <span class="n">{counts[k]}</span></button>'
        for k, label in KINDS
    )
    if a.removed:
        legend += (f'<button type="button" class="lg k-removed" data-fold="removed" aria-pressed="false">'
                   f'fold removed parts <span class="n">{len(a.removed)}</span></button>')
    failed = sum(1 for c in a.checks if not c.ok)
    meta = " · ".join(esc(x) for x in (a.id, info.get("outlet"), info.get("date"), info.get("region")) if x)
    meta += f" · {len(a.facts)} facts · {failed} failed checks" + (" · advertorial" if a.advertorial else "")
    alerts = "".join(f"<li>{esc(n)}</li>" for n in notes + bad + [f"warning: {w}" for w in a.warnings])
    body = (
        '<header class="top"><a href="index.html">All articles</a>'
        f'<h1>{esc(info["title"])}</h1><p class="meta">{meta}</p></header>\n'
        + (f'<ul class="notes">{alerts}</ul>\n' if alerts else "")
        + f'<nav class="legend" aria-label="Highlighted kinds (press to hide or show)">{legend}</nav>\n'
        '<main class="cols">\n<section class="textcol" aria-label="Article text as read">'
        f'<div id="text" class="text" lang="id">{mark(text, marks)}</div></section>\n'
        f'<aside class="side"><h2>Facts</h2>{_facts_table(a)}<h2>Checks</h2>{_checks_list(a)}</aside>\n</main>'
    )
    return document(f"{info['title']} - review", body)
