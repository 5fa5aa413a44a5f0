"""Load the rules kept as data in patterns/*.toml and compile them once.

A pattern file holds word lists and regex fragments, plus the
``[[examples]]`` and ``[[counter_examples]]`` that tests/test_patterns.py runs.
A regex string may name a fragment or a word list of the same file as
``{name}``; a word list becomes an alternation sorted longest first.

Where the files are: ``$BERITA_PATTERNS`` if set; else the package data
``berita_extract.rules`` (pyproject.toml maps the checkout's patterns/ to it, so
an installed wheel carries them), read with importlib.resources; else, in an
editable checkout whose import system does not map it, the checkout's patterns/.
Neither found is a broken installation: ``PatternsMissing``, which the batch
reports for every input (exit status 1), never a silently empty record.
"""
from __future__ import annotations

import functools
import importlib.resources
import os
import tomllib
from pathlib import Path

import regex

# Every regex that reads article text runs with this bound (seconds).
TIMEOUT = 2.0

_HERE = Path(__file__).resolve().parent


class PatternsMissing(FileNotFoundError):
    """The rule files are not where this installation should have them."""


def _package_data() -> Path | None:
    try:
        root = importlib.resources.files("berita_extract.rules")
    except (ModuleNotFoundError, TypeError):
        return None
    probe = root.joinpath("dates.toml")  # (a folder without __init__.py: a namespace, joinpath finds the file)
    if not probe.is_file():
        return None
    return Path(str(probe)).parent  # a wheel is installed unpacked: a real directory


@functools.lru_cache(maxsize=None)
def _patterns_dir() -> Path:
    env = os.environ.get("BERITA_PATTERNS")
    if env:
        return Path(env)
    found = _package_data()
    if found is not None:
        return found
    checkout = _HERE.parent.parent / "patterns"
    if (checkout / "dates.toml").is_file():
        return checkout
    raise PatternsMissing(
        "the rule files (package data berita_extract.rules, patterns/*.toml) are not installed: "
        "reinstall berita-extract from a wheel or a checkout"
    )


@functools.lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed patterns/<name>.toml."""
    with open(_patterns_dir() / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


def files() -> list[Path]:
    return sorted(_patterns_dir().glob("*.toml"))


def alternation(words) -> str:
    """A non-capturing alternation of literal words, longest first (so 'miliar' beats 'mil')."""
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w) for w in uniq) + ")"


# {name} refers to a fragment; \p{Lu}, \P{L} and \N{...} are regex syntax, left alone
_REF = regex.compile(r"(?<!\\[pPN])\{([A-Za-z_][A-Za-z0-9_]*)\}")


def expand(name: str, source: str, _depth: int = 0) -> str:
    """Replace {fragment} references by the file's [fragments] or word lists [words]."""
    data = load(name)
    frags = data.get("fragments", {})
    words = data.get("words", {})

    def sub(m):
        key = m.group(1)
        if key in frags:
            if _depth > 20:
                raise ValueError(f"patterns/{name}.toml: fragment loop at {key}")
            return "(?:" + expand(name, frags[key], _depth + 1) + ")"
        if key in words:
            return alternation(words[key])
        raise KeyError(f"patterns/{name}.toml: unknown fragment {{{key}}}")

    return _REF.sub(sub, source)


@functools.lru_cache(maxsize=None)
def compiled(name: str, key: str, flags: int = regex.IGNORECASE | regex.VERSION1) -> regex.Pattern:
    """Compile the regex `key` of [regexes] (or a fragment) in patterns/<name>.toml, once per process."""
    data = load(name)
    src = data.get("regexes", {}).get(key) or data.get("fragments", {}).get(key)
    if src is None:
        raise KeyError(f"patterns/{name}.toml: no regex {key!r}")
    return regex.compile(expand(name, src), flags)


@functools.lru_cache(maxsize=None)
def words(name: str, key: str) -> tuple[str, ...]:
    return tuple(load(name).get("words", {}).get(key, ()))


def finditer(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    """finditer under the module-wide timeout: a pathological input stops, it does not hang.

    On a text that folds simply (nearly every article), the rule's simple-case-folding twin runs:
    it finds exactly the same matches, faster."""
    if endpos is None:
        endpos = len(text)
    if folds_simply(text):
        pattern = simple_twin(pattern)
    return pattern.finditer(text, pos, endpos, timeout=TIMEOUT)


# A case-insensitive VERSION1 regex folds case in full: "ß" matches "ss", "ﬁ" matches "fi". That costs up to
# four times the time of simple folding, and it makes a difference only where a character folds into more
# than one ("ß" -> "ss", "İ" -> "i̇", ligatures): with no such character in the text nor in the rule, the two
# foldings match the same characters, so the same matches. tests/test_folding.py checks every rule the
# pipeline runs on every example text both ways.
def _folds_into_several(chars) -> bool:
    return any(len(c.casefold()) > 1 for c in chars if not c.isascii())


_LAST_TEXT: list = [None, False]


def folds_simply(text: str) -> bool:
    """No character of `text` folds into several (found once per text: the last one is remembered)."""
    if _LAST_TEXT[0] is not text:
        _LAST_TEXT[:] = [text, text.isascii() or not _folds_into_several(set(text))]
    return _LAST_TEXT[1]


_TWINS: dict = {}


def simple_twin(pattern: regex.Pattern) -> regex.Pattern:
    """`pattern` with simple case folding (itself when it does not fold in full, or names a character
    that folds into several)."""
    twin = _TWINS.get(pattern)
    if twin is None:
        twin = pattern
        if pattern.flags & regex.IGNORECASE and pattern.flags & regex.FULLCASE and \
                isinstance(pattern.pattern, str) and not _folds_into_several(pattern.pattern):
            try:
                twin = regex.compile("(?-f)" + pattern.pattern, pattern.flags & ~regex.FULLCASE)
            except regex.error:
                twin = pattern
        if len(_TWINS) > 4096:  # patterns made at run time (names found in an article) must not pile up
            _TWINS.clear()
        _TWINS[pattern] = twin
    return twin
