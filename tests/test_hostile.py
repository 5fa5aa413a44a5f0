"""Hostile input: each gives a record or `PATH: reason`, the batch finishes, no half-written file.

These run the real pipeline as a user does (BERITA_STRICT unset: a step that
raises becomes a warning and the article survives); `step_failures` then
reports any extractor that raised, which is a bug even though nothing crashed.
A step stopped by the regex timeout is tolerated (that is the timeout doing its
job) and shows up in the record's warnings.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from berita_extract import batch

import synth  # bench/synth.py (tests/conftest.py puts bench/ on the path)
from berita_extract.cli import main

from _records import check_record, step_failures
from conftest import SEEDS

GOOD = SEEDS[0]


@pytest.fixture(autouse=True)
def user_mode(monkeypatch):
    monkeypatch.delenv("BERITA_STRICT", raising=False)


def messages(err: str, out_dir) -> str:
    """stderr without its last line, which must count what was written to out_dir and what failed."""
    *msgs, tail = err.splitlines() or [""]
    written = len(list(Path(out_dir).glob("*.json")))
    assert re.fullmatch(rf"{written} articles written to {re.escape(str(out_dir))}, \d+ failed", tail), tail
    return "".join(m + "\n" for m in msgs)


def run_batch(capsysbinary, tmp_path, name: str, content: bytes | None, *extra, jobs: int = 1):
    """A directory holding a good seed and the hostile file, run with -o; returns (code, stdout, stderr, out_dir, path)."""
    d = tmp_path / "in"
    d.mkdir(exist_ok=True)
    shutil.copy(GOOD, d / "a_good.txt")
    path = d / name
    if content is not None:
        path.write_bytes(content)
    out_dir = tmp_path / "out"
    code = main([str(d), *map(str, extra), "-o", str(out_dir), "--jobs", str(jobs)])
    out, err = capsysbinary.readouterr()
    out, err = out.decode("utf-8"), err.decode("utf-8")
    assert "Traceback" not in err
    assert out == "", "with -o and no --format, stdout stays quiet"
    err = messages(err, out_dir)
    check_outputs(out_dir)
    assert (out_dir / "a_good.json").is_file(), "the good article of the batch is still extracted"
    return code, out, err, out_dir, path


def check_outputs(out_dir: Path) -> None:
    """Every file in the output directory is a complete record; no temporary file is left."""
    for p in out_dir.iterdir():
        assert p.suffix == ".json" and not p.name.startswith("."), f"stray file {p.name}"
        json.loads(p.read_text(encoding="utf-8"))


def record_of(out_dir: Path, id: str) -> dict:
    return json.loads((out_dir / f"{id}.json").read_text(encoding="utf-8"))


def assert_sound(source: str, data: dict, *, allow_timeouts: bool = False) -> None:
    check_record(source, data)
    failures = step_failures(data)
    if allow_timeouts:
        failures = [w for w in failures if "TimeoutError" not in w]
    assert not failures, f"an extractor raised: {failures}"


def test_empty_file_gives_an_empty_record(capsysbinary, tmp_path):
    code, out, err, out_dir, _ = run_batch(capsysbinary, tmp_path, "empty.txt", b"")
    assert code == 0, err
    data = record_of(out_dir, "empty")
    assert_sound("", data)
    assert data["paragraphs"] == [] and data["quantities"] == []


def test_whitespace_only_file(capsysbinary, tmp_path):
    code, out, err, out_dir, _ = run_batch(capsysbinary, tmp_path, "blank.txt", b" \n\r\n\t\n\xc2\xa0\n")
    assert code == 0, err
    assert_sound(" \n\r\n\t\n\u00a0\n", record_of(out_dir, "blank"))


def test_binary_file_is_refused_with_a_reason(capsysbinary, tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40
    code, out, err, out_dir, path = run_batch(capsysbinary, tmp_path, "image.txt", png)
    assert code == 1
    assert f"{path}: binary file" in err
    assert not (out_dir / "image.json").exists()


def test_cp1252_with_curly_quotes_is_decoded_with_a_warning(capsysbinary, tmp_path):
    text = (
        "Kota Kediri \u2013 Cakupan kepesertaan mencapai 41,7 persen.\n"
        "\u201cKami terus berupaya,\u201d ujar Kepala Cabang, Selasa (28/5). Caf\u00e9 \u2018ramah\u2019 pekerja.\n"
    )
    code, out, err, out_dir, path = run_batch(capsysbinary, tmp_path, "win.txt", text.encode("cp1252"))
    assert code == 0, err
    assert f"{path}: warning: " in err and "cp1252" in err
    data = record_of(out_dir, "win")
    assert any("cp1252" in w for w in data["warnings"])
    assert_sound(text, data)
    assert "\u201cKami terus berupaya,\u201d" in "".join(p["text"] for p in data["paragraphs"])


@pytest.mark.parametrize("eol", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_crlf_and_cr_line_endings_read_like_lf(capsysbinary, tmp_path, eol):
    lf = GOOD.read_text(encoding="utf-8-sig")
    text = lf.replace("\n", eol)
    code, out, err, out_dir, _ = run_batch(capsysbinary, tmp_path, "eol.txt", text.encode("utf-8"))
    assert code == 0, err
    got, ref = record_of(out_dir, "eol"), record_of(out_dir, "a_good")
    assert_sound(text, got)
    # the same article, whatever its line endings: same paragraphs, same values
    assert [p["text"] for p in got["paragraphs"]] == [p["text"] for p in ref["paragraphs"]]
    for field, key in (("quantities", "value"), ("dates", "value"), ("regions", "name"), ("people", "name")):
        assert [x[key] for x in got[field]] == [x[key] for x in ref[field]], field


def _big_article(megabytes: float) -> str:
    parts, size = [], 0
    for _, text in synth.articles(10**9, seed=20):
        parts.append(text)
        size += len(text)
        if size >= megabytes * 1_000_000:
            return "\n".join(parts)
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def huge_text():
    return _big_article(20)


def test_20_mb_article_is_refused_with_a_reason_by_default(capsysbinary, tmp_path, huge_text):
    code, out, err, out_dir, path = run_batch(capsysbinary, tmp_path, "huge.txt", huge_text.encode("utf-8"))
    assert code == 1
    (line,) = err.splitlines()
    assert line.startswith(f"{path}: too large: 20.") and line.endswith("more than 8 MB (raise the limit with --max-mb)")
    assert sorted(p.name for p in out_dir.iterdir()) == ["a_good.json"]


# Every step is near-linear now (about 8 us per character from 130 KB to 4 MB); a 20 MB article
# extracts in about 4.7 minutes with 2.3 GB peak memory, which is too slow and too big for every
# `make test`: this run is opt-in (BERITA_HUGE=1). By default the CLI refuses inputs over 8 MB with a
# reason (test above), and the 100 KB test below always runs.
@pytest.mark.skipif(not os.environ.get("BERITA_HUGE"), reason="slow (about 5 min, 2.3 GB): set BERITA_HUGE=1")
def test_20_mb_article_gives_a_record_when_allowed(capsysbinary, tmp_path, huge_text):
    code, out, err, out_dir, _ = run_batch(capsysbinary, tmp_path, "huge.txt", huge_text.encode("utf-8"), "--max-mb", 0)
    assert code == 0, err
    data = record_of(out_dir, "huge")
    assert_sound(huge_text, data, allow_timeouts=True)
    assert len(data["paragraphs"]) > 10_000


def test_100_kb_article_gives_a_record(capsysbinary, tmp_path):
    """75 synthetic articles glued together: a long article, which every step must survive."""
    text = _big_article(0.1)
    code, out, err, out_dir, _ = run_batch(capsysbinary, tmp_path, "long.txt", text.encode("utf-8"))
    assert code == 0, err
    data = record_of(out_dir, "long")
    assert_sound(text, data, allow_timeouts=True)
    assert len(data["paragraphs"]) > 300


def test_a_line_of_200000_digits_and_dots(capsysbinary, tmp_path):
    junk = "1." * 100_000
    text = f"Kota Kediri - Cakupan 41,7 persen.\n{junk}\nRealisasinya 9.695 orang.\n"
    code, out, err, out_dir, _ = run_batch(capsysbinary, tmp_path, "dots.txt", text.encode())
    assert code == 0, err
    assert_sound(text, record_of(out_dir, "dots"), allow_timeouts=True)


def test_thousands_of_unbalanced_quotation_marks(capsysbinary, tmp_path):
    text = "Judul Berita\n\n" + "".join(
        f'{q}Kami targetkan {i} persen, ujar Budi. ' for i, q in zip(range(3000), ['"', "\u201c", "\u201d", "\u2033", "'"] * 600)
    ) + '\n"' * 2000
    code, out, err, out_dir, _ = run_batch(capsysbinary, tmp_path, "quotes.txt", text.encode())
    assert code == 0, err
    assert_sound(text, record_of(out_dir, "quotes"), allow_timeouts=True)


def test_html_instead_of_text(capsysbinary, tmp_path):
    html = (
        "<!DOCTYPE html>\n<html><head><title>BPJS Ketenagakerjaan</title>"
        '<script>var x = "41,7 persen";</script></head>\n<body><div class="content">'
        "<p>KOTA KEDIRI - Cakupan kepesertaan mencapai <b>41,7 persen</b>, sebanyak 9.695 orang.</p>\n"
        "<p>&ldquo;Kami terus berupaya,&rdquo; ujarnya.</p></div></body></html>\n"
    )
    code, out, err, out_dir, path = run_batch(capsysbinary, tmp_path, "page.txt", html.encode())
    assert code == 0, err
    assert f"{path}: warning: looks like HTML" in err
    assert_sound(html, record_of(out_dir, "page"))


def test_file_deleted_between_listing_and_reading(capsysbinary, tmp_path, monkeypatch):
    d = tmp_path / "in"
    d.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(GOOD, d / name)
    real = batch.read_bytes

    def read_and_delete_next(path, *limit):  # another process removes b.txt while a.txt is being read
        if path.endswith("a.txt"):
            os.unlink(d / "b.txt")
        return real(path, *limit)

    monkeypatch.setattr(batch, "read_bytes", read_and_delete_next)
    code = main([str(d), "-o", str(tmp_path / "out")])
    out, err = capsysbinary.readouterr()
    assert code == 1
    assert messages(err.decode(), tmp_path / "out").splitlines() == [f"{d / 'b.txt'}: No such file or directory"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "c.json"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_dangling_link_and_directory_named_txt(capsysbinary, tmp_path, jobs):
    d = tmp_path / "in"
    d.mkdir()
    (d / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (d / "folder.txt").mkdir()
    code, out, err, out_dir, _ = run_batch(capsysbinary, tmp_path, "z.txt", GOOD.read_bytes(), jobs=jobs)
    assert code == 1
    assert err.splitlines() == [f"{d / 'folder.txt'}: Is a directory", f"{d / 'gone.txt'}: No such file or directory"]
    assert sorted(p.name for p in out_dir.iterdir()) == ["a_good.json", "z.json"]


def test_file_that_cannot_be_read(capsysbinary, tmp_path, monkeypatch):
    real = batch.read_bytes

    def denied(path, *limit):  # what chmod 000 gives a user who is not root
        if path.endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", path)
        return real(path, *limit)

    monkeypatch.setattr(batch, "read_bytes", denied)
    code, out, err, out_dir, path = run_batch(capsysbinary, tmp_path, "locked.txt", GOOD.read_bytes())
    assert code == 1 and err.splitlines() == [f"{path}: Permission denied"]
    assert not (out_dir / "locked.json").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_chmod_000(capsysbinary, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    p = d / "locked.txt"
    shutil.copy(GOOD, p)
    p.chmod(0)
    try:
        code, out, err, out_dir, _ = run_batch(capsysbinary, tmp_path, "b.txt", GOOD.read_bytes())
    finally:
        p.chmod(0o644)
    assert code == 1 and f"{p}: Permission denied" in err


def test_malformed_and_truncated_jsonl_lines(capsysbinary, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    good = GOOD.read_text(encoding="utf-8-sig")
    corpus.write_bytes(
        (json.dumps({"id": "one", "text": good}) + "\n").encode()
        + b'{"id": "two", "text": "\xff\xfe not utf-8"}\n'
        + b"{'id': 'three', 'text': 'single quotes'}\n"
        + (json.dumps({"id": "four", "text": good[:500]}) + "\n").encode()
        + b'{"id": "five", "te'  # the writer was interrupted
    )
    out_dir = tmp_path / "out"
    code = main([str(corpus), "-o", str(out_dir)])
    out, err = capsysbinary.readouterr()
    errs = messages(err.decode(), out_dir).splitlines()
    assert code == 1
    assert [e.split(": ", 1)[0] for e in errs] == [f"{corpus}:2", f"{corpus}:3", f"{corpus}:5"]
    assert all("malformed JSON Lines line" in e for e in errs)
    assert sorted(p.name for p in out_dir.iterdir()) == ["four.json", "one.json"]


def test_a_failed_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "x.json"
    target.write_text("old complete record\n", encoding="utf-8")

    class Boom(OSError):
        pass

    real_fdopen = os.fdopen

    def failing_fdopen(fd, *a, **kw):
        fh = real_fdopen(fd, *a, **kw)
        real_write = fh.write

        def write(s):
            real_write(s[: len(s) // 2])
            raise Boom(28, "No space left on device")

        fh.write = write
        return fh

    monkeypatch.setattr(batch.os, "fdopen", failing_fdopen)
    with pytest.raises(Boom):
        batch.write_atomic(target, '{"id": "x"}\n' * 1000)
    assert target.read_text(encoding="utf-8") == "old complete record\n"  # untouched
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]  # no temporary left


def test_an_output_that_cannot_be_written_is_reported(capsysbinary, tmp_path, monkeypatch):
    real = batch.write_atomic

    def full(path, *parts):
        if path.name == "z.json":
            raise OSError(28, "No space left on device")
        return real(path, *parts)

    monkeypatch.setattr(batch, "write_atomic", full)
    code, out, err, out_dir, _ = run_batch(capsysbinary, tmp_path, "z.txt", GOOD.read_bytes())
    assert code == 1 and err.splitlines() == [f"{out_dir / 'z.json'}: No space left on device"]
    assert sorted(p.name for p in out_dir.iterdir()) == ["a_good.json"]


def test_interrupted_batch_leaves_only_complete_files(capsysbinary, tmp_path, monkeypatch):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(4):
        shutil.copy(GOOD, d / f"{i}.txt")
    real = batch.process

    def interrupt_third(item, options=None):
        if item.id == "2":
            raise KeyboardInterrupt
        return real(item, options)

    monkeypatch.setattr(batch, "process", interrupt_third)
    out_dir = tmp_path / "out"
    assert main([str(d), "-o", str(out_dir)]) == 130
    check_outputs(out_dir)
    assert sorted(p.name for p in out_dir.iterdir()) == ["0.json", "1.json"]
    # and --resume carries on where it stopped
    monkeypatch.setattr(batch, "process", real)
    assert main([str(d), "-o", str(out_dir), "--resume"]) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["0.json", "1.json", "2.json", "3.json"]
