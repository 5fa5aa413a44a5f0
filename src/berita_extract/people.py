"""People named in the article, with their roles as written and their mentions.

A person comes from a role followed by a name ("Walikota Blitar Santoso", "Kepala Cabang …
Blitar, Hendra Elvian"), a name followed by a role ("Hendra Elvian, Kepala Cabang …"), a name
after a speech cue that closes a quotation ("…," kata Budi Santoso), or the byline. Later
mentions by part of the name ("Heri", "Aziz") join the fullest form. Rules: patterns/roles.toml.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Optional

from . import credits, names, organizations, patterns
from .lexicon import lexicon
from .model import Mention, Person

_CS = names._CS


@dataclass
class _Cand:
    s: int
    e: int
    name: str
    role: Optional[str] = None
    role_span: Optional[tuple[int, int]] = None
    weak: bool = False  # joins a known person only (a short name with a role after it)
    byline: bool = False


@dataclass
class _Person:
    name: str
    toks: tuple[str, ...]
    roles: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    spans: set = field(default_factory=set)
    first: int = 0


# The tokens of every zone are read twice (candidates, then mentions). An article up to this length keeps
# them; a longer one (a dump of many pages) makes them again for the second reading, as a token costs
# about 250 bytes: 200 MB held for a 6 MB text.
KEEP_TOKENS_MAX = 500_000


class _ZoneTokens:
    """The tokens of each zone, in order, made anew each time they are iterated."""

    def __init__(self, ctx, lex) -> None:
        self.ctx, self.lex = ctx, lex

    def __iter__(self):
        for zs, ze, _ in self.ctx.iter_zones():
            yield names.tokenize(self.ctx.norm, zs, ze, self.lex)


def extract(ctx) -> list[Person]:
    lex = lexicon()
    ents = names.Entities(ctx)
    cands: list[_Cand] = []
    zone_toks = _ZoneTokens(ctx, lex)
    if len(ctx.norm) <= KEEP_TOKENS_MAX:
        zone_toks = list(zone_toks)  # read twice: kept for an article of any usual length
    title = _title_case_headline(ctx)
    for toks in zone_toks:
        found = _role_candidates(ctx, toks, ents, lex) + _cue_candidates(ctx, toks, ents, lex) + _age_candidates(ctx, toks, ents, lex)
        if title is not None and toks and title[0] <= toks[0].s < title[1]:
            for c in found:  # every word of a title-case headline is capitalised: a name there must be the body's
                c.weak = True
        cands += found
    cands += [_Cand(s, e, name, role, None, byline=True) for s, e, name, role in credits.byline_people(ctx, lex)]
    _office_area_first(ctx, cands)
    people = _merge(cands)
    _find_mentions(people, zone_toks, ents, lex)
    people = _nicknames(ctx, people)
    return _records(ctx, people, ents, lex)


def _title_case_headline(ctx) -> Optional[tuple[int, int]]:
    """The headline's span when it is written in title case ("Gubernur Jatim Minta Daerah …")."""
    title = ctx.article.title
    if title is None:
        return None
    words = [w for w in title.text.split() if w[:1].isalpha()]
    share = patterns.load("people").get("title_case_share", 0.6)
    if words and sum(w[0].isupper() for w in words) >= share * len(words):
        return tuple(title.span)
    return None


# -- candidates -----------------------------------------------------------------
def _role_candidates(ctx, toks, ents, lex) -> list[_Cand]:
    out = []
    i = 0
    n = len(toks)
    starts = lex.role_starts
    while i < n:
        tok = toks[i]
        # a token whose word starts no head or descriptor phrase and is no glued head reads nothing
        if (tok.low not in starts and not lex.is_glued_head(tok.t)) or ctx.is_claimed(tok.s, tok.e):
            i += 1
            continue
        read = names.read_role(toks, i, ents, lex) if names.starts_role(toks, i, lex) else names.read_descriptor(toks, i, ents, lex)
        if read is None:
            i += 1
            continue
        rs, re_ = toks[i].s, toks[read.title_end - 1].e
        role = ctx.source[rs:re_]
        if read.name_a is not None:
            a, b = toks[read.name_a], toks[read.name_b - 1]
            out.append(_Cand(a.s, b.e, ctx.source[a.s : b.e], role, (rs, re_)))
        else:
            cand = _name_before_role(ctx, toks, i, ents, lex)
            if cand is not None:
                cand.role, cand.role_span = role, (rs, re_)
                out.append(cand)
        i = max(read.next, i + 1)
    return out


def _office_area_first(ctx, cands: list[_Cand]) -> None:
    """'Kepala Kantor Cabang Surabaya Rungkut Hadi Santoso … kata Hadi': when a name read right after an
    office's place has three words or more and the article later calls the person by its second word (and
    never by its first), the first word is the office's area ("Surabaya Rungkut"), not the person's."""
    offices = {w.lower() for w in patterns.words("roles", "office_area_after")}
    called_by_next = set(patterns.words("roles", "called_by_next"))
    cued = {c.name for c in cands if c.role is None and not c.byline and " " not in c.name}
    for c in cands:
        words = c.name.split()
        if c.role is None or c.role_span is None or len(words) < 3 or words[1] not in cued or words[0] in cued \
                or words[0] in called_by_next:
            continue
        if ctx.norm[c.role_span[1] : c.s].strip():  # a comma between: the name is read as written
            continue
        role_words = c.role.split()
        k = max((i for i, w in enumerate(role_words) if w.lower() in offices), default=-1)
        if k < 0 or not 1 <= len(role_words) - k - 1 <= 3:
            continue
        cut = c.s + len(words[0])
        start = cut
        while start < c.e and ctx.norm[start].isspace():
            start += 1
        c.role_span = (c.role_span[0], cut)
        c.role = ctx.source[c.role_span[0] : cut]
        c.s, c.name = start, ctx.source[start : c.e]


def _name_before_role(ctx, toks, i, ents, lex) -> Optional[_Cand]:
    """'Aziz yang juga Kepala …' (joins a known person) or 'Hendra Elvian, Kepala …'."""
    k = i
    while k > 0 and toks[k - 1].t in lex.also:
        k -= 1
    if k < i and "yang" in {t.t for t in toks[k:i]} or (k < i and toks[k].t in ("selaku", "sebagai")):
        a, b = names.name_before(toks, k, lex, ents)
        if a is not None:
            return _Cand(toks[a].s, toks[b - 1].e, ctx.source[toks[a].s : toks[b - 1].e], weak=True)
        return None
    if i >= 2 and toks[i - 1].t in ",(":  # 'Hendra Elvian, Kepala …', 'Komang Surya (Penata Madya …)'
        a, b = names.name_before(toks, i - 1, lex, ents)
        if a is None:
            return None
        before = toks[a - 1] if a > 0 else None
        if before is not None and before.t not in '".:' and lex.is_cap(before):
            return None
        return _Cand(toks[a].s, toks[b - 1].e, ctx.source[toks[a].s : toks[b - 1].e], weak=(b - a) < 2)
    return None


def _age_candidates(ctx, toks, ents, lex) -> list[_Cand]:
    """'Mbah Karto Suwito (72) baru pulang …': a name with the person's age in parentheses after it."""
    age = patterns.compiled("roles", "age_in_parens", _CS)
    out = []
    for i in range(1, len(toks) - 2):
        if toks[i].t != "(" or toks[i + 2].t != ")" or not age.match(toks[i + 1].t):
            continue
        a, b = names.name_before(toks, i, lex, ents)
        if a is None or ents.covers(toks[a].s, toks[b - 1].e):
            continue
        titled = a > 0 and toks[a - 1].t in lex.honorifics
        if b - a >= 2 or titled:
            out.append(_Cand(toks[a].s, toks[b - 1].e, ctx.source[toks[a].s : toks[b - 1].e]))
    return out


@functools.lru_cache(maxsize=1)
def _cue_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs that close a quotation, one-word verbs that open one), lower case: built once, not per paragraph."""
    verbs = frozenset(v.lower() for v in patterns.words("speech", "post_verbs"))
    pre = frozenset(v.lower() for v in patterns.words("speech", "pre_verbs") if " " not in v)
    return verbs, pre


def _cue_candidates(ctx, toks, ents, lex) -> list[_Cand]:
    """'"…," kata Budi Santoso' (or '…, ujar Budi') and 'Budi Santoso mengatakan, "…"': a name next to a speech cue."""
    verbs, pre = _cue_verbs()
    out = []
    for i, tok in enumerate(toks):
        if tok.low in pre and i > 0:
            j = i + 1 if i + 1 < len(toks) and toks[i + 1].t in ",:" else i
            if j + 1 < len(toks) and toks[j + 1].t == '"':
                a, b = names.name_before(toks, i, lex, ents)
                if a is not None and (a == 0 or not lex.is_cap(toks[a - 1]) or toks[a - 1].t in '".,'):
                    out.append(_Cand(toks[a].s, toks[b - 1].e, ctx.source[toks[a].s : toks[b - 1].e], weak=(b - a) < 2))
        if tok.t not in '",\'':  # '…," kata Budi', "…,' tutur Sarmini" and, with the closing mark lost, '…, ujar Budi.'
            continue
        j = i + 1
        if j < len(toks) and toks[j].t in ',"\'':
            j += 1
        # a closing cue is written in lower case ('," kata Budi'); '"Kata Pak Budi …' opens a quotation
        if j + 1 < len(toks) and toks[j].t.islower() and toks[j].t in verbs and not names.head_at(toks, j + 1, lex):
            a, b = names.read_name(toks, j + 1, ents, lex)
            if a is not None:
                out.append(_Cand(toks[a].s, toks[b - 1].e, ctx.source[toks[a].s : toks[b - 1].e]))
    return out


# -- people -----------------------------------------------------------------------
def _toks(name: str) -> tuple[str, ...]:
    return tuple(name.replace(",", " ").split())


def _merge(cands: list[_Cand]) -> list[_Person]:
    people: list[_Person] = []
    by_tok: dict[str, set[int]] = {}  # token -> people (by index) whose name has had it: no scan of everyone
    index: dict[int, int] = {}  # id(person) -> its index in people
    untoked: list[int] = []  # people with no token are a subset of every name
    ordered = sorted(cands, key=lambda c: (c.weak, c.s))
    for c in ordered:
        toks = _toks(c.name)
        if toks:  # a hit shares a token with the name (or has none): only those are tested
            near = set(untoked)
            for t in toks:
                near.update(by_tok.get(t, ()))
            pool = [people[k] for k in sorted(near)]
        else:
            pool = people
        hits = [p for p in pool if set(toks) <= set(p.toks) or set(p.toks) <= set(toks)]
        if len(hits) > 1:
            exact = [p for p in hits if p.toks == toks]
            hits = exact or ([] if c.weak else hits[:1])
        if hits:
            p = hits[0]
            if len(toks) > len(p.toks):
                p.name, p.toks = c.name, toks
                for t in toks:  # stale tokens stay indexed: the test above still decides
                    by_tok.setdefault(t, set()).add(index[id(p)])
        elif c.weak and not c.byline:
            continue
        else:
            p = _Person(c.name, toks, first=c.s)
            index[id(p)] = len(people)
            for t in toks:
                by_tok.setdefault(t, set()).add(len(people))
            if not toks:
                untoked.append(len(people))
            people.append(p)
        p.spans.add((c.s, c.e))
        p.first = min(p.first, c.s)
        if c.role:
            _add_role(p, c.role, c.role_span)
    return people


def _add_role(p: _Person, role: str, span) -> None:
    for i, (r, _) in enumerate(p.roles):
        if r == role or r.startswith(role + " "):
            return
        if role.startswith(r + " "):
            p.roles[i] = (role, span)
            return
    p.roles.append((role, span))


def _find_mentions(people: list[_Person], zone_toks, ents, lex) -> None:
    """Every occurrence of a full name, or of one of its words that no other person shares."""
    owner: dict[str, Optional[_Person]] = {}
    for p in people:
        for t in p.toks:
            if len(t) >= 3 and t.lower() not in lex.stop and lex.name_word.match(t):
                owner[t] = p if owner.get(t, p) is p else None
    by_first: dict[str, list[_Person]] = {}
    for p in sorted(people, key=lambda p: -len(p.toks)):
        by_first.setdefault(p.toks[0], []).append(p)
    for toks in zone_toks:
        i = 0
        n_toks = len(toks)
        while i < n_toks:
            if toks[i].t not in by_first and toks[i].t not in owner:  # most words: no one's
                i += 1
                continue
            hit = None
            for p in by_first.get(toks[i].t, ()):
                n = len(p.toks)
                if tuple(t.t for t in toks[i : i + n]) == p.toks:
                    hit = (p, n)
                    break
            if hit is None:
                p = owner.get(toks[i].t)
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                if p is not None and not (nxt is not None and lex.is_name_word(nxt) and nxt.t not in p.toks):
                    hit = (p, 1)
            if hit is None or ents.covers(toks[i].s, toks[i + hit[1] - 1].e):
                i += 1
                continue
            p, n = hit
            p.spans.add((toks[i].s, toks[i + n - 1].e))
            i += n


def _nicknames(ctx, people: list[_Person]) -> list[_Person]:
    """'…," kata Danny, sapaan akrabnya': a name followed by a nickname cue is what the person the
    text is about is called; its mentions join that person (the latest other one named before it)."""
    cue = patterns.compiled("people", "nickname_after")
    named = patterns.compiled("people", "nickname_named", names._CS)
    gone: set[int] = set()
    for k, p in enumerate(people):  # 'Moh Ramdhan Pomanto, yang akrab disapa Danny': Danny is p
        for s, e in sorted(p.spans):
            m = named.match(ctx.norm, e, timeout=patterns.TIMEOUT)
            if m is None:
                continue
            for j, q in enumerate(people):
                if j != k and j not in gone and not q.roles and q.toks == (m.group("nick"),):
                    p.spans |= q.spans
                    gone.add(j)
            p.spans.add(m.span("nick"))
    for k, p in enumerate(people):
        if p.roles or k in gone:
            continue
        for s, e in sorted(p.spans):
            if cue.match(ctx.norm, e, timeout=patterns.TIMEOUT) is None:
                continue
            before = [
                (max(x for x, _ in q.spans if x < s), j)
                for j, q in enumerate(people)
                if j != k and j not in gone and not _is_byline(q) and any(x < s for x, _ in q.spans)
            ]
            if before:
                q = people[max(before)[1]]
                q.spans |= p.spans
                q.first = min(q.first, p.first)
                gone.add(k)
            break
    return [p for k, p in enumerate(people) if k not in gone]


def _is_byline(p: _Person) -> bool:
    return bool(p.roles) and all(r in ("Reporter", "Editor", "Foto") for r, _ in p.roles)


def _organization(ctx, p: _Person, ents, lex) -> Optional[str]:
    """The organisation of the first role (in the article's order) that names one: an organisation
    mention inside it, the government a regional head's role names ("Pj Wali Kota Kediri" ->
    "Pemerintah Kota Kediri"), or a body of the roles.toml table."""
    table = patterns.load("roles").get("organizations", {})
    for role, span in sorted(p.roles, key=lambda r: r[1] or (float("inf"), 0)):
        if span is not None:
            orgs = [x for x in ents.inside(*span) if x[2] == "org"]
            if orgs:
                return orgs[0][3]
            gov = _government(ctx, span, lex)
            if gov is not None:
                return gov
        low = f" {role.lower()} "
        for canon, aliases in table.items():
            if any(f" {a.lower()} " in low for a in aliases):
                return canon
    return _office_body(ctx, p, lex)


def _office_body(ctx, p: _Person, lex) -> Optional[str]:
    """'Kepala Kantor Cabang Surabaya Rungkut' names no body: the article's one body with offices, if one."""
    heads = sorted(patterns.words("roles", "office_head_roles"), key=len, reverse=True)
    other = set(patterns.words("roles", "office_other_bodies"))
    if not any(_office_role(r, heads, other, lex) for r, _ in p.roles):
        return None
    with_offices = {b["name"] for b in patterns.load("organizations").get("bodies", []) if b.get("offices")}
    found = [o.name for o in getattr(ctx.article, "organizations", []) or [] if o.name in with_offices]
    return found[0] if len(found) == 1 else None


def _office_role(role: str, heads: list[str], other: set[str], lex) -> bool:
    for h in heads:
        if role == h or role.startswith(h + " "):
            tail = role[len(h):].split()
            return len(tail) <= 4 and all(
                w[:1].isupper() and w not in other and not lex.title_shape.match(w) for w in tail)
    return False


def _government(ctx, span, lex) -> Optional[str]:
    """'[Pj|Plt|Penjabat Sementara …] Wali Kota/Bupati/Gubernur/Sekda [level word] <place>' -> its government."""
    rs, re_ = span
    toks = names.tokenize(ctx.norm, rs, re_, lex)
    i = 0
    while i < len(toks):
        n = lex.phrase_len(lex.acting, toks, i)
        if not n:
            break
        i += n
    n = lex.phrase_len(lex.gov_heads, toks, i) if i < len(toks) else 0
    if not n:
        return None
    level = lex.gov_level[" ".join(t.low for t in toks[i : i + n])]
    return organizations.government_name(ctx.norm, toks[i + n - 1].e, re_, level)


def _records(ctx, people: list[_Person], ents, lex) -> list[Person]:
    out = []
    for p in people:
        spans = sorted(p.spans)
        out.append(
            Person(
                name=p.name,
                roles=[r for r, _ in p.roles],
                organization=_organization(ctx, p, ents, lex),
                mentions=[Mention(text=ctx.source[s:e], span=(s, e)) for s, e in spans],
            )
        )
    out.sort(key=lambda r: r.mentions[0].span[0] if r.mentions else 0)
    return out
