"""The BPJS Ketenagakerjaan programs an article mentions (rules: patterns/programs.toml).

JKK, JKM, JHT, JP and JKP, by full name in any case ("jaminan kematian") or by
code in capitals ("JKM"). A list after one "Jaminan" shares it ("jaminan
kecelakaan kerja dan kematian"). A code that is also an everyday abbreviation
("JP") counts only beside another program mention in its sentence or after a
context word ("program JP").
"""
from __future__ import annotations

import functools

import regex

from . import patterns
from .model import Program
from .regions import zones

_NAME = "programs"
_B = r"(?<![\p{L}\p{N}])"
_E = r"(?![\p{L}\p{N}])"


def _words_rx(text: str) -> str:
    return r"\s{1,3}".join(regex.escape(w) for w in text.split())


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@functools.lru_cache(maxsize=None)
def _tables():
    data = patterns.load(_NAME)
    progs = data["programs"]
    heads = patterns.words(_NAME, "head")
    by_name = {_key(p["name"]): p for p in progs}
    by_code = {p["code"]: p for p in progs}
    tails = {}
    for p in progs:
        for h in heads:
            if p["name"].startswith(h + " "):
                tails[_key(p["name"][len(h) + 1:])] = p
    names = sorted(by_name, key=len, reverse=True)
    codes = sorted(by_code, key=len, reverse=True)
    f = regex.VERSION1
    rx = {
        "name": regex.compile(_B + "(?i:" + "|".join(_words_rx(n) for n in names) + ")" + _E, f),
        "code": regex.compile(_B + "(?-i:" + "|".join(regex.escape(c) for c in codes) + ")" + _E, f),
        "tail": regex.compile("(?i:" + "|".join(_words_rx(t) for t in sorted(tails, key=len, reverse=True)) + ")" + _E, f),
        "sep": patterns.compiled(_NAME, "list_sep"),
        "context": regex.compile(
            _B + "(?i:" + "|".join(regex.escape(w) for w in patterns.words(_NAME, "context_words")) + r")\s{1,3}\Z", f
        ),
    }
    return by_name, by_code, tails, set(patterns.words(_NAME, "codes_in_context")), rx


def extract(ctx) -> list[Program]:
    by_name, by_code, tails, in_context, rx = _tables()
    text = ctx.norm
    hits: list[tuple[int, int, str]] = []  # (start, end, code)
    pending: list[tuple[int, int, str]] = []  # codes that need a context
    for zs, ze in zones(ctx):
        for m in patterns.finditer(rx["name"], text, zs, ze):
            hits.append((m.start(), m.end(), by_name[_key(m.group(0))]["code"]))
            end = m.end()
            while True:  # "jaminan kecelakaan kerja dan kematian"
                j = rx["sep"].match(text, end, ze)
                t = rx["tail"].match(text, j.end(), ze) if j else None
                if t is None:
                    break
                hits.append((t.start(), t.end(), tails[_key(t.group(0))]["code"]))
                end = t.end()
        for m in patterns.finditer(rx["code"], text, zs, ze):
            item = (m.start(), m.end(), m.group(0))
            (pending if m.group(0) in in_context else hits).append(item)
    for s, e, code in pending:
        sent = ctx.sentence_of(s) or ctx.zone_of(s) or (s, e)
        near = any(sent[0] <= hs < sent[1] for hs, _, _ in hits)
        before = rx["context"].search(text[max(sent[0], s - 20):s])
        if near or before is not None:
            hits.append((s, e, code))
    programs: dict[str, Program] = {}
    for s, e, code in sorted(set(hits)):
        prog = programs.setdefault(code, Program(code=code, name=by_code[code]["name"], mentions=[]))
        prog.mentions.append(ctx.mention(s, e))
    return list(programs.values())
