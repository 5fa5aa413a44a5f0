"""Real inputs: saved web pages, JSON Lines with metadata, trafilatura's --json output, ids that are URLs.

tests/pages/ holds three pages written for these tests (a news portal with
navigation, related links, comments and scripts; a local government's site;
an AMP page), each beside the article text alone (<name>.txt).  A page gives
the same facts as its text alone, with `url` and `published` set from the
page, and none of the page's furniture reaches the extractors.
"""
from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from berita_extract import extract
from berita_extract.cli import main
from berita_extract.html_input import read_page
from berita_extract.ids import file_name

from _records import check_record, step_failures
from conftest import ROOT

PAGES = ROOT / "tests" / "pages"
# page -> (url, published, furniture that must not reach the extractors)
EXPECTED = {
    "portal": (
        "https://wartatapalkuda.example/daerah/2024/06/07/pemkab-lumajang-tanggung-iuran", "2024-06-07",
        ["Beranda", "Berita Terkait", "Komentar", "Sukodono", "pageViews", "Diskon", "widgets", "Terpopuler", "Oleh"],
    ),
    "government": (
        "https://disnaker.pekalongankota.example/berita/disnaker-daftarkan-pengemudi-ojek", "2024-03-13",
        ["Beranda", "PPID", "Visi dan Misi", "Bagikan", "Statistik", "Job Fair", "slick", "Hak Cipta"],
    ),
    "amp": (
        "https://kabarnusra.example/read/2024/10/sumbawa-targetkan-45-persen", "2024-10-16",
        ["Home", "Baca Juga", "Dompu", "gtag", "adsense", "Rapat koordinasi\n"],
    ),
}


_TAIL = re.compile(r"\d+ articles written to .*, \d+ failed(, \d+ skipped \(already in .*\))?\n\Z")


def run(capsysbinary, *argv):
    """Run the CLI; with -o the records also go to stdout as JSON Lines (as a user asks with --format jsonl),
    and the closing "N articles written to DIR, M failed" line is checked and taken off stderr."""
    argv = [str(a) for a in argv]
    if "-o" in argv and "--format" not in argv:
        argv += ["--format", "jsonl"]
    code = main(argv)
    out, err = capsysbinary.readouterr()
    out, err = out.decode("utf-8"), err.decode("utf-8")
    assert "Traceback" not in err
    if "-o" in argv:
        tail = _TAIL.search(err)
        assert tail, f"no closing count on stderr: {err!r}"
        err = err[:tail.start()]
    return code, out, err


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _facts(record: dict, spans: bool = True) -> list:
    keys = ("type", "value", "unit", "region", "segment", "period", "qualifier", "details", "sentence")
    return [{k: f[k] for k in keys + (("span", "quantity") if spans else ())} for f in record["facts"]]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_gives_the_facts_of_its_text_alone(capsysbinary, tmp_path, name):
    url, published, furniture = EXPECTED[name]
    code, out, err = run(capsysbinary, PAGES / f"{name}.html", "-o", tmp_path)
    assert code == 0 and err == ""
    (rec,) = records(out)
    assert rec["id"] == name and rec["url"] == url
    assert rec["published"]["value"] == published and rec["published"]["source"] == "html_meta"
    text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    assert rec["title"]["text"] == text.split("\n", 1)[0]
    page_text = read_page((PAGES / f"{name}.html").read_text(encoding="utf-8")).text
    assert page_text == text, "the page's text is its article text alone"
    check_record(page_text, rec)
    assert not step_failures(rec)
    body = "\n".join([rec["title"]["text"]] + [p["text"] for p in rec["paragraphs"]])
    for word in furniture:
        assert word not in body, f"{word!r} (navigation, comments, scripts) reached the extractors"
    alone = extract(text, id=name, published=published).model_dump(mode="json")
    assert rec["facts"] and _facts(rec) == _facts(alone)
    assert rec["dates"] == alone["dates"] and rec["event_date"] == alone["event_date"]
    assert json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8")) == rec


def test_weekday_kemarin_and_pekan_lalu_resolve_against_the_page_date(capsysbinary):
    code, out, _ = run(capsysbinary, PAGES / "portal.html", PAGES / "government.html", PAGES / "amp.html")
    portal, government, amp = records(out)
    assert portal["event_date"]["text"] == "Jumat" and portal["event_date"]["value"] == "2024-06-07"
    assert {d["text"]: d["value"] for d in portal["dates"]}["tahun ini"] == "2024"
    assert [(d["text"], d["value"]) for d in government["dates"]] == [("kemarin", "2024-03-12")]
    week = [d for d in amp["dates"] if d["text"] == "pekan lalu"]
    assert [(d["value"], d["end"]) for d in week] == [("2024-10-07", "2024-10-13")]


def test_jsonl_with_url_ids_title_and_date(capsysbinary, tmp_path):
    body = (PAGES / "portal.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    title = (PAGES / "portal.txt").read_text(encoding="utf-8").split("\n", 1)[0]
    corpus = tmp_path / "scraped.jsonl"
    lines = [
        {"id": "https://berita.example/a/1?x=1", "title": title, "text": body, "date": "Jumat, 7 Juni 2024 19:45 WIB"},
        {"id": "https://berita.example/a/1?x=2", "title": title, "text": body, "published": "2024-06-07T19:45:00+07:00"},
        {"url": "https://berita.example/b", "text": body},  # no id: the url is the id
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run(capsysbinary, corpus, "-o", out_dir)
    assert code == 0 and err == ""
    a, b, c = records(out)
    assert a["id"] == lines[0]["id"] and b["id"] == lines[1]["id"] and c["id"] == "https://berita.example/b"
    assert a["published"] == {"value": "2024-06-07", "source": "json_field", "field": "date",
                              "text": "Jumat, 7 Juni 2024 19:45 WIB", "span": None}
    assert b["published"]["field"] == "published" and c["published"] is None and c["url"] == c["id"]
    assert a["title"]["text"] == title and a["event_date"]["value"] == "2024-06-07"  # "Jumat" placed
    names = sorted(p.name for p in out_dir.iterdir())
    assert len(names) == 3 and all("/" not in n and "?" not in n and n.endswith(".json") for n in names)
    for rec in (a, b, c):
        saved = json.loads((out_dir / f"{file_name(rec['id'])}.json").read_text(encoding="utf-8"))
        assert saved["id"] == rec["id"]
    code, out, err = run(capsysbinary, corpus, "-o", out_dir, "--resume")  # resume finds them by the same names
    assert code == 0 and out == ""


def test_trafilatura_json_output_is_read_as_it_is(capsysbinary, tmp_path):
    import trafilatura

    html = (PAGES / "amp.html").read_text(encoding="utf-8")
    line = trafilatura.extract(html, output_format="json", with_metadata=True)
    assert json.loads(line)["id"] is None
    corpus = tmp_path / "traf.jsonl"
    corpus.write_text(line.replace("\n", " ") + "\n", encoding="utf-8")
    code, out, err = run(capsysbinary, corpus)
    assert code == 0, err
    (rec,) = records(out)
    assert rec["id"] == rec["url"] == EXPECTED["amp"][0]
    assert rec["published"]["value"] == "2024-10-16" and rec["published"]["field"] == "date"
    alone = extract((PAGES / "amp.txt").read_text(encoding="utf-8"), published="2024-10-16").model_dump(mode="json")
    assert _facts(rec, spans=False) == _facts(alone, spans=False)


def test_custom_text_field_and_html_field(capsysbinary, tmp_path):
    text = (PAGES / "government.txt").read_text(encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "g1", "body": text, "date": "2024-03-13"}) + "\n", encoding="utf-8")
    code, out, err = run(capsysbinary, corpus, "--text-field", "body")
    assert code == 0, err
    (rec,) = records(out)
    assert [d["value"] for d in rec["dates"]] == ["2024-03-12"]
    html = (PAGES / "government.html").read_text(encoding="utf-8")
    corpus.write_text(json.dumps({"id": "g2", "html": html}) + "\n", encoding="utf-8")
    code, out, err = run(capsysbinary, corpus)
    assert code == 0, err
    (rec,) = records(out)
    assert rec["url"] == EXPECTED["government"][0] and rec["published"]["source"] == "html_meta"
    assert _facts(rec) == _facts(extract(text, published="2024-03-13").model_dump(mode="json"))


def test_bad_forms_get_a_clear_reason_and_the_others_are_written(capsysbinary, tmp_path):
    good = (PAGES / "government.txt").read_text(encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "ok", "body": good}) + "\n"
        + json.dumps({"id": "no-body", "text": good}) + "\n"
        + json.dumps({"id": ["x"], "body": good}) + "\n",
        encoding="utf-8",
    )
    empty_page = tmp_path / "kosong.html"
    empty_page.write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Beranda</a></nav>"
                          "<script>var a = 1;</script></body></html>", encoding="utf-8")
    jl_page = tmp_path / "p.jsonl"
    jl_page.write_text(json.dumps({"id": "p", "html": "<html><body><nav>Beranda</nav></body></html>"}) + "\n")
    out_dir = tmp_path / "out"
    code, out, err = run(capsysbinary, corpus, empty_page, jl_page, "--text-field", "body", "-o", out_dir)
    assert code == 1
    assert [r["id"] for r in records(out)] == ["ok"]
    assert err.splitlines() == [
        f'{corpus}:2: malformed JSON Lines line: no "body" string (--text-field body)',
        f"{corpus}:3: malformed JSON Lines line: unusable id ['x']",
        f"{empty_page}: no article text found",
        f"{jl_page}:1: no article text found",
    ]
    assert sorted(p.name for p in out_dir.iterdir()) == ["ok.json"]


def test_html_on_stdin_is_a_web_page(capsysbinary, monkeypatch):
    data = (PAGES / "amp.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = run(capsysbinary, "-")
    assert code == 0, err
    (rec,) = records(out)
    assert rec["id"] == "stdin" and rec["url"] == EXPECTED["amp"][0] and "amp-ad" not in out


def test_reference_date_option(capsysbinary, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Pemkab menanggung iuran 2.000 pekerja rentan tahun ini, kata Bupati kemarin.\n", encoding="utf-8")
    code, out, err = run(capsysbinary, f, "--reference-date", "2023-02-01")
    assert code == 0, err
    assert [(d["text"], d["value"]) for d in records(out)[0]["dates"]] == [("tahun ini", "2023"), ("kemarin", "2023-01-31")]
    for bad in ("2023-02-30", "01-02-2023", "kemarin"):
        code, out, err = run(capsysbinary, f, "--reference-date", bad)
        assert code == 2 and "--reference-date" in err and out == ""


@pytest.mark.parametrize("id", ["h01", "000_b9e5ae7235c0760d", "a b", "7"])
def test_plain_ids_are_their_own_file_names(id):
    assert file_name(id) == id


def test_other_ids_get_safe_distinct_file_names():
    ids = ["https://x.example/a/1", "https://x.example/a_1", "https:__x.example_a_1", "../evil", "..", ".", "a~b",
           "x" * 500, "C:\\temp\\y", "a\x01b", " pad "]
    names = [file_name(i) for i in ids]
    assert len(set(names)) == len(names)
    for n in names:
        assert "/" not in n and "\\" not in n and not n.startswith(".") and len(n) <= 120 and "~" in n
        assert all(c.isalnum() or c in "._-~" for c in n)
