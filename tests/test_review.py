"""`berita-extract review`: the static pages, without a browser (structure, escaping, inputs, errors).

The live-DOM checks in headless Chromium are in test_review_browser.py.
"""
from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from berita_extract import extract, extract_file
from berita_extract.cli import main
from berita_extract.review_page import Mark, mark

from conftest import ROOT, SEEDS

HOSTILE = (
    '<b>Judul</b> "BPJS" & <script>window.__pwned = 1</script> Kota Kediri\n'
    "KOTA KEDIRI - Pj Wali Kota Kediri Zanariah mengatakan sebanyak <i>9.695 orang</i> pekerja rentan di Kota "
    "Kediri telah terdaftar sebagai peserta BPJS Ketenagakerjaan pada tahun 2024. "
    '<img src=x onerror="window.__pwned=2"> \U0001f477 Cakupan kepesertaan mencapai 41,7 persen.\r\n'
    '"Kami siap <script>window.__pwned=3</script> melindungi 68.078 pekerja & keluarga," ujarnya. '
    "</span></div><svg onload=\"window.__pwned=4\"></svg> &lt;escaped&gt; &amp;amp; ' \" `\n"
    "Baca juga: <a href=\"javascript:window.__pwned=5\">klik</a>\n"
)


class _Text(HTMLParser):
    """The text of #text as a parser sees it, each data-i's character ranges, and every tag inside."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 inside #text
        self.text: list[str] = []
        self.open: list[str | None] = []
        self.segs: dict[str, list[list[int]]] = {}
        self.tags: set[str] = set()
        self.pos = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.depth:
            self.tags.add(tag)
            self.depth += 1
            self.open.append(a.get("data-i"))
            if a.get("data-i"):
                self.segs.setdefault(a["data-i"], []).append([self.pos, self.pos])
        elif a.get("id") == "text":
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if self.depth:
                self.open.pop()

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            self.pos += len(data)
            for i in self.open:
                if i:
                    self.segs[i][-1][1] = self.pos


def parse(page: str) -> _Text:
    p = _Text()
    p.feed(page)
    p.close()
    return p


def merged(segs: list[list[int]]) -> tuple[int, int]:
    """The fragments of one mark must follow one another: their union as one (start, end)."""
    segs = sorted(segs)
    for (_, e), (s, _) in zip(segs, segs[1:]):
        assert e == s, f"fragments not contiguous: {segs}"
    return segs[0][0], segs[-1][1]


def test_crossing_marks_are_split_and_nested():
    text = "abcdefghij"
    marks = [Mark(0, 6, "quote", "A"), Mark(3, 9, "sentence", "B"), Mark(3, 6, "quantity", "C", "v"),
             Mark(5, 5, "date", "empty"), Mark(8, 12, "date", "out of range")]
    html = mark(text, marks)
    p = parse(f'<div id="text">{html}</div>')
    assert "".join(p.text) == text
    assert merged(p.segs["A"]) == (0, 6) and merged(p.segs["B"]) == (3, 9) and merged(p.segs["C"]) == (3, 6)
    assert len(p.segs["B"]) == 2  # B crosses A's end: two fragments
    assert "empty" not in p.segs and "out of range" not in p.segs
    assert html.count("<span") == html.count("</span>") == 4
    assert html.count('tabindex="0"') == 1  # one stop per item, on its first fragment


def test_text_is_escaped_and_exact(tmp_path):
    a = extract(HOSTILE, id="hostile")
    from berita_extract.review import summary
    from berita_extract.review_page import render

    page = render(a, HOSTILE, summary(a), [])
    p = parse(page)
    assert "".join(p.text) == HOSTILE  # CR, quotes, ampersands and tags all come back as text
    assert p.tags == {"span"}
    assert page.count("<script") == 1  # the page's own script only
    q = a.quantities[a.facts[0].quantity]
    assert merged(p.segs[f"quantity-{a.facts[0].quantity}"]) == tuple(q.span)


def run(capsys, *argv):
    code = main([str(x) for x in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_review_of_records_equals_review_of_texts(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for p in SEEDS[:2]:
        shutil.copy(p, src / p.name)
    assert run(capsys, "review", src, "-o", tmp_path / "a")[0] == 0
    assert run(capsys, src, "-o", tmp_path / "rec")[0] == 0
    with open(tmp_path / "corpus.jsonl", "w", encoding="utf-8") as fh:
        fh.write(run(capsys, src)[1])
    code, _, err = run(capsys, "review", tmp_path / "rec", tmp_path / "corpus.jsonl", "-o", tmp_path / "b")
    assert code == 0, err
    assert "seen before" in err  # the same ids twice: the second pages get their own names
    for p in SEEDS[:2]:
        page = (tmp_path / "a" / f"{p.stem}.html").read_text(encoding="utf-8")
        assert (tmp_path / "b" / f"{p.stem}.html").read_text(encoding="utf-8") == page
        assert (tmp_path / "b" / f"{p.stem}~2.html").read_text(encoding="utf-8") == page
    index = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr data-failed=") == 4 and f'href="{SEEDS[0].stem}~2.html"' in index


def test_record_without_its_source_is_rebuilt(tmp_path, capsys):
    a = extract_file(SEEDS[0])
    rec = json.loads(a.model_dump_json())
    rec["source"]["path"] = str(tmp_path / "gone.txt")
    (tmp_path / "r.json").write_text(json.dumps(rec), encoding="utf-8")
    code, _, err = run(capsys, "review", tmp_path / "r.json", "-o", tmp_path / "site")
    assert code == 0, err
    page = (tmp_path / "site" / f"{a.id}.html").read_text(encoding="utf-8")
    assert "rebuilt from the record" in page
    p = parse(page)
    text = "".join(p.text)
    assert len(text) == a.source.chars
    for i, q in enumerate(a.quantities):
        assert merged(p.segs[f"quantity-{i}"]) == tuple(q.span) and text[slice(*q.span)] == q.text


def test_bad_inputs_are_reported_and_the_rest_written(tmp_path, capsys):
    good = tmp_path / "good.txt"
    shutil.copy(SEEDS[1], good)
    bad_jsonl = tmp_path / "bad.jsonl"
    rec = extract_file(SEEDS[0]).model_dump_json()
    bad_jsonl.write_text(rec + "\n{not json\n" + json.dumps({"id": "x", "source": {}}) + "\n", encoding="utf-8")
    not_rec = tmp_path / "list.json"
    not_rec.write_text('{"hello": 1}', encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, "review", good, bad_jsonl, not_rec, empty, binary, tmp_path / "missing.txt",
                         "-o", tmp_path / "site")
    assert code == 1
    assert "Traceback" not in err and out == ""
    assert f"{bad_jsonl}:2: malformed JSON Lines line" in err
    assert f"{bad_jsonl}:3: not an Article record: source.sha256" in err
    assert f"{not_rec}: not an Article record" in err
    assert f"{empty}: no *.txt articles nor *.json records" in err
    assert f"{binary}: binary file" in err
    assert f"{tmp_path / 'missing.txt'}: No such file or directory" in err
    assert (tmp_path / "site" / "good.html").is_file() and (tmp_path / "site" / f"{SEEDS[0].stem}.html").is_file()
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr data-failed=") == 2 and "Not reviewed" in index


def test_review_needs_an_output_directory(capsys):
    code, _, err = run(capsys, "review", SEEDS[0])
    assert code == 2 and "-o/--out" in err


def test_an_article_named_index_does_not_replace_the_index(tmp_path, capsys):
    p = tmp_path / "index.txt"
    shutil.copy(SEEDS[0], p)
    assert run(capsys, "review", p, "-o", tmp_path / "site")[0] == 0
    assert 'href="index-article.html"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "id=\"text\"" in (tmp_path / "site" / "index-article.html").read_text(encoding="utf-8")
