"""A lean Indonesian tokenizer: spaCy's `id` rules without the 16,000-entry start-up cost.

``spacy.blank("id")`` spends about 1.5 s building ~16,000 tokenizer special
cases, almost all of them hyphenated words ("anak-anak", "sebaik-baiknya",
"bolak-balik") kept whole, each in five spellings. Here the same words are kept
whole by a rule (``keeps_whole``: a reduplication test, plus a lookup in
spaCy's own list for the few hyphenated words that are not reduplications,
such as "asal-usul"), passed to spaCy as ``token_match``: it is tried at exactly
the points where spaCy tries its special cases, so a word the list keeps whole
is kept whole here, in the same spellings. Everything else is spaCy's
Indonesian data as shipped: prefixes, suffixes, infixes, URL matching, and the
~350 special cases without a hyphen ("Dr.", "dkk.", "S.E.", "Jan.", emoticons).

The one difference from the stock pipeline, by design: a reduplication that is
missing from spaCy's list ("pekerja-pekerja", "pemda-pemda") is one token here
and three tokens ("pekerja", "-", "pekerja") there. tests/test_nlp.py checks
that, apart from such words, the two tokenise every pattern example and every
seed identically.

``make_docs(text, spans)`` is what sentences.py calls: one Doc per body zone
of an article, never one of the whole text (the removed parts are never
tokenised, and only one zone's Doc is alive at a time, so a long article's
memory does not grow with its tokens); ``make_doc(text)`` tokenises one text.
``vocab()`` is the Vocab of the Docs they make now. Every Doc adds its new
strings (each number, each name) to the Vocab's string store and the
tokenizer's cache, which never shrink; so that memory stays flat over a corpus
of any size, a fresh tokenizer and Vocab replace them every ``RENEW_AFTER``
articles (a ``make_docs`` call or a ``make_doc`` call each count once; about
0.1 s each time). A Matcher keyed on strings (their hashes do not depend on the
Vocab) keeps working; code that holds Lexemes or a Vocab should fetch
``vocab()`` anew.
"""
from __future__ import annotations

import functools
from typing import Iterable, Iterator

import regex

# hyphen-like characters that join the parts of a reduplication ("anak-anak")
_JOINERS = "-"


def _is_reduplication(left: str, right: str) -> bool:
    """True when `right` repeats `left` wholly or in part (Indonesian reduplication).

    Covers full ("anak-anak"), affixed ("anak-anaknya", "sebaik-baiknya",
    "berkali-kali", "kemerah-merahan"), nasalised ("tolong-menolong",
    "tarik-menarik") and rhyming or vowel-changing forms ("sayur-mayur",
    "lauk-pauk", "bolak-balik", "gerak-gerik", "warna-warni").
    """
    a, b = left.lower(), right.lower()
    if len(a) < 2 or len(b) < 2:
        return False
    if b.startswith(a) or a.endswith(b) or b.endswith(a):
        return True
    # a shared stem: the end of the left part starts the right part
    for k in range(min(len(a), len(b)), 2, -1):
        if a[-k:] == b[:k]:
            return True
    if len(a) >= 3 and b.endswith(a[1:]):  # nasal alternation: tolong-menolong
        return True
    if len(a) == len(b) and (a[1:] == b[1:] or a[:-1] == b[:-1] or (a[0] == b[0] and a[-1] == b[-1])):
        return True
    return False


@functools.lru_cache(maxsize=1)
def _listed() -> dict[str, frozenset[str]]:
    """spaCy's Indonesian hyphenated words that are not reduplications, by lower case -> accepted spellings."""
    from spacy.lang.id._tokenizer_exceptions_list import ID_BASE_EXCEPTIONS

    out: dict[str, set[str]] = {}
    for orth in ID_BASE_EXCEPTIONS:
        if "-" not in orth:
            continue
        # the spellings spacy/lang/id/tokenizer_exceptions.py generates for each entry
        forms = {
            orth,
            orth.title(),
            orth.upper(),
            orth.lower(),
            orth[0].upper() + orth[1:],
            "-".join(p.title() for p in orth.split("-")),
            "-".join(p.upper() for p in orth.split("-")),
        }
        out.setdefault(orth.lower(), set()).update(forms)
    return {k: frozenset(v) for k, v in out.items()}


def keeps_whole(string: str) -> bool:
    """The token_match rule: a hyphenated word kept as one token."""
    if "-" not in string:
        return False
    parts = string.split("-")
    if len(parts) == 2 and parts[0].isalpha() and parts[1].isalpha() and _is_reduplication(*parts):
        return True
    forms = _listed().get(string.lower())
    return forms is not None and string in forms


@functools.lru_cache(maxsize=1)
def tokenizer():
    """The lean Indonesian tokenizer, built once per process."""
    from spacy.lang.id import IndonesianDefaults
    from spacy.lang.id.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
    from spacy.lang.tokenizer_exceptions import URL_MATCH
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
    from spacy.vocab import create_vocab

    vocab = create_vocab("id", IndonesianDefaults)
    rules = {orth: toks for orth, toks in TOKENIZER_EXCEPTIONS.items() if not keeps_whole(orth)}
    return Tokenizer(
        vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(IndonesianDefaults.prefixes).search,
        suffix_search=compile_suffix_regex(IndonesianDefaults.suffixes).search,
        infix_finditer=compile_infix_regex(IndonesianDefaults.infixes).finditer,
        token_match=keeps_whole,
        url_match=URL_MATCH,
    )


RENEW_AFTER = 2000
RENEW_CHARS = 1_000_000  # ... and within one article, every so many characters tokenised
_made = 0
_chars = 0


def vocab():
    """The Vocab shared by every Doc of this process (for Matcher / PhraseMatcher)."""
    return tokenizer().vocab


def _counted_tokenizer():
    """The tokenizer for one more article: renewed every RENEW_AFTER articles."""
    global _made, _chars
    _made += 1
    if _made > RENEW_AFTER:  # bound the string store and the tokenizer cache
        _made = 1
        _chars = 0
        tokenizer.cache_clear()
    return tokenizer()


def make_doc(text: str):
    """Tokenise `text` into a spaCy Doc."""
    return _tokenise(_counted_tokenizer(), text)


def make_docs(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int, object]]:
    """(start, end, Doc of text[start:end]) for each span, lazily: one article's zones, counted as one article.

    A Doc's token offsets (``Token.idx``) are relative to its span's start. Zones begin and end at white
    space, where spaCy's tokenizer always cuts, so a zone's tokens are those a Doc of the whole text has
    between the same offsets."""
    global _chars
    tok = _counted_tokenizer()
    for start, end in spans:
        _chars += end - start
        if _chars > RENEW_CHARS:  # one very long article: its new strings alone would grow the store
            _chars = end - start
            tokenizer.cache_clear()
            tok = tokenizer()
        yield start, end, _tokenise(tok, text[start:end])


def _tokenise(tok, text: str):
    if len(text) <= PIECE and not _LONG_RUN.search(text):
        return tok(text)  # every news article: the tokenizer as is
    return _pretokenised(tok, text)


# spaCy's tokenizer is quadratic in the length of a stretch without whitespace (it strips one prefix or
# suffix character at a time and searches the rest again: 10 KB of "-" took 82 s), and one call cannot be
# interrupted. No word of an article comes near LONG characters (the longest in seeds/ and the corpus is
# under 60), so such a stretch is junk: it is cut here, in linear time, into its runs of word characters
# and its symbols one by one. A long text is tokenised in pieces of about PIECE characters cut after a line
# break, so that a time budget (limits.py) can stop it between two pieces.
LONG = 100
PIECE = 50_000
_LONG_RUN = regex.compile(r"\S{%d,}" % (LONG + 1))
_WORDISH = regex.compile(r"\w+|[^\w\s]")


def _pretokenised(tok, text: str):
    from spacy.tokens import Doc

    docs = []
    pos = 0
    for m in _LONG_RUN.finditer(text):
        docs.extend(_plain(tok, text, pos, m.start()))
        words = _WORDISH.findall(m.group())
        docs.append(Doc(tok.vocab, words=words, spaces=[False] * len(words)))
        pos = m.end()
    docs.extend(_plain(tok, text, pos, len(text)))
    docs = [d for d in docs if len(d)]
    if not docs:
        return tok(text)
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text
    return doc


def _plain(tok, text: str, start: int, end: int):
    """Docs of text[start:end] in pieces, each cut after a line break (so no word is split)."""
    while end - start > PIECE:
        cut = text.find("\n", start + PIECE, end)
        while 0 <= cut < end - 1 and text[cut + 1].isspace():
            cut += 1
        if cut < 0 or cut >= end - 1:
            break
        yield tok(text[start:cut + 1])
        start = cut + 1
    if end > start:
        yield tok(text[start:end])
