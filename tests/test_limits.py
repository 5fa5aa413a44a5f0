"""Issue 16, in process: pathological text bounded, duplicate ids, --resume that checks what it skips, byte
caps, time budget, ids, BOMs, durable writes, the library's argument checks."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time

import pytest

from berita_extract import batch, extract, extract_file
from berita_extract.cli import main

from _records import check_record
from conftest import SEEDS, as_before_quiet_o, without_tail

GOOD = SEEDS[0]


@pytest.fixture(autouse=True)
def user_mode(monkeypatch):
    monkeypatch.delenv("BERITA_STRICT", raising=False)



def run(capsysbinary, *argv):
    argv = as_before_quiet_o([str(a) for a in argv])
    code = main(argv)
    out, err = capsysbinary.readouterr()
    out, err = out.decode("utf-8"), err.decode("utf-8")
    assert "Traceback" not in err
    return code, out, without_tail(err, argv)


def seed_text(i=0) -> str:
    return SEEDS[i].read_text(encoding="utf-8-sig")


# ---------------------------------------------------------------- pathological text, bounded by design
@pytest.mark.parametrize("run_of", ["-", '"'], ids=["dashes", "quotes"])
def test_10_kb_of_punctuation_is_quick(run_of):
    text = f"Kota Kediri - Cakupan 41,7 persen.\n{run_of * 10_000}\nRealisasinya 9.695 orang.\n"
    t0 = time.monotonic()
    article = extract(text, id="junk")
    assert time.monotonic() - t0 < 5  # was 82 s ("-") and 13 s ('"'): the tokenizer was quadratic
    check_record(text, json.loads(article.model_dump_json()))
    assert [q.value for q in article.quantities] == [41.7, 9695]


def test_20000_sums_in_one_sentence_are_linear():
    text = "Anggaran BPJS Ketenagakerjaan " + "Rp 1.000.000 " * 20_000 + "untuk pekerja rentan.\n"
    t0 = time.monotonic()
    article = extract(text, id="sums")
    assert time.monotonic() - t0 < 60  # was over 150 s: each number scanned its whole sentence for cues
    assert len(article.quantities) == 20_000


# ---------------------------------------------------------------- duplicate ids, whatever --jobs
def _corpus(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    rows = [("a", seed_text(0)), ("b", seed_text(1)), ("a", seed_text(2)), ("c", seed_text(3))]
    corpus.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf-8")
    return corpus


def test_a_duplicate_id_is_an_error_for_the_later_article_under_both_jobs(capsysbinary, tmp_path):
    corpus = _corpus(tmp_path)
    seen = {}
    for jobs in (1, 2):
        out_dir = tmp_path / f"out{jobs}"
        first = run(capsysbinary, corpus, "-o", out_dir, "--resume", "--jobs", jobs)
        again = run(capsysbinary, corpus, "-o", out_dir, "--resume", "--jobs", jobs)
        seen[jobs] = first, again, {p.name: p.read_bytes() for p in sorted(out_dir.iterdir())}
        code, out, err = first
        assert code == 1 and err.splitlines() == [f"{corpus}:3: id 'a' already used at line 1"]
        assert [json.loads(ln)["id"] for ln in out.splitlines()] == ["a", "b", "c"]
        assert json.loads((out_dir / "a.json").read_text())["source"]["sha256"] == extract(seed_text(0)).source.sha256
        assert again[0] == 1 and again[1] == "" and again[2] == err  # the second run skips a, b, c; line 3 still an error
    assert seen[1] == seen[2]


def test_a_file_id_used_twice_across_directories(capsysbinary, tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        shutil.copy(GOOD, tmp_path / sub / "same.txt")
    code, out, err = run(capsysbinary, tmp_path / "x", tmp_path / "y")
    assert code == 1 and len(out.splitlines()) == 1
    assert err.splitlines() == [f"{tmp_path / 'y' / 'same.txt'}: id 'same' already used by {tmp_path / 'x' / 'same.txt'}"]


# ---------------------------------------------------------------- --resume checks what it skips
def test_resume_redoes_empty_truncated_and_stale_records(capsysbinary, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(4):
        shutil.copy(SEEDS[i], d / f"{i}.txt")
    out_dir = tmp_path / "out"
    assert run(capsysbinary, d, "-o", out_dir)[0] == 0
    ref = {p.name: p.read_bytes() for p in out_dir.iterdir()}
    (out_dir / "0.json").write_bytes(b"")
    (out_dir / "1.json").write_bytes(ref["1.json"][:100])
    shutil.copy(SEEDS[4], d / "2.txt")  # the input changed since its record was written
    code, out, err = run(capsysbinary, d, "-o", out_dir, "--resume", "--summary")
    assert code == 0
    lines = [ln for ln in err.splitlines() if "resume:" in ln]
    assert lines == [
        f"{d / '0.txt'}: resume: extracted again: {out_dir / '0.json'} was there but it is not a complete record (JSONDecodeError)",
        f"{d / '1.txt'}: resume: extracted again: {out_dir / '1.json'} was there but it is not a complete record (JSONDecodeError)",
        f"{d / '2.txt'}: resume: extracted again: {out_dir / '2.json'} was there but it was made from other input (its source sha256 differs)",
    ]
    assert err.splitlines()[-1] == f"3 articles written to {out_dir}, 0 failed, 1 skipped (already in {out_dir}), " \
        f"3 extracted again (their record in {out_dir} was incomplete or stale)"
    assert (out_dir / "0.json").read_bytes() == ref["0.json"] and (out_dir / "1.json").read_bytes() == ref["1.json"]
    assert json.loads((out_dir / "2.json").read_text())["source"]["sha256"] == extract_file(SEEDS[4]).source.sha256


# ---------------------------------------------------------------- reading bounded, in bytes
def test_deep_json_line_is_reported_and_the_batch_goes_on(capsysbinary, tmp_path):
    corpus = tmp_path / "deep.jsonl"
    deep = '{"id": "deep", "text": ' + "[" * 1000 + "]" * 1000 + "}"
    corpus.write_text("\n".join([json.dumps({"id": "one", "text": seed_text()}), deep,
                                 json.dumps({"id": "two", "text": seed_text(1)})]) + "\n", encoding="utf-8")
    code, out, err = run(capsysbinary, corpus)
    assert code == 1 and err.splitlines() == [f"{corpus}:2: malformed JSON Lines line: nested too deeply"]
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == ["one", "two"]


def test_max_mb_counts_bytes_of_a_json_line(capsysbinary, tmp_path):
    corpus = tmp_path / "wide.jsonl"
    wide = json.dumps({"id": "wide", "text": "\u00e9" * 600_000}, ensure_ascii=False)  # 0.6 M chars, 1.2 MB
    corpus.write_text(wide + "\n" + json.dumps({"id": "ok", "text": seed_text()}) + "\n", encoding="utf-8")
    code, out, err = run(capsysbinary, corpus, "--max-mb", "1")
    assert code == 1 and err.splitlines() == [f"{corpus}:1: too large: more than 1 MB (raise the limit with --max-mb)"]
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == ["ok"]


def test_a_file_is_refused_by_its_size_before_it_is_read(capsysbinary, tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(30_000_000)  # sparse: 30 MB that cost nothing to make
    reads = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    code, out, err = run(capsysbinary, big)
    assert code == 1 and err.splitlines() == [f"{big}: too large: 30.0 MB, more than 8 MB (raise the limit with --max-mb)"]
    assert sum(reads) < 1_000_000


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "lots"])
def test_max_mb_must_be_a_finite_number(capsysbinary, value):
    code, out, err = run(capsysbinary, GOOD, "--max-mb", value)
    assert code == 2 and "--max-mb must be" in err and out == ""


# ---------------------------------------------------------------- the time budget
@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_over_its_time_budget_is_given_up(capsysbinary, tmp_path, monkeypatch, jobs):
    from berita_extract import pipeline

    real = pipeline.extract

    def slow(text, id="article", **kw):
        if id == "b":
            time.sleep(30)  # a step that never ends
        return real(text, id, **kw)

    monkeypatch.setattr(pipeline, "extract", slow)
    d = tmp_path / "in"
    d.mkdir()
    for name in "abc":
        shutil.copy(GOOD, d / f"{name}.txt")
    t0 = time.monotonic()
    code, out, err = run(capsysbinary, d, "--max-seconds", "1", "--jobs", jobs)
    assert time.monotonic() - t0 < 25
    assert code == 1 and err.splitlines() == [f"{d / 'b.txt'}: gave up after 1 s (raise the limit with --max-seconds)"]
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == ["a", "c"]


# ---------------------------------------------------------------- ids, BOMs, output directory
def test_two_leading_boms_drop_one(capsysbinary, tmp_path):
    p = tmp_path / "bom.txt"
    text = "\ufeff" + seed_text()  # what is read: the file's first BOM dropped, the second kept as text
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, out, err = run(capsysbinary, p)
    assert code == 0, err
    rec = json.loads(out)
    check_record(text, rec)
    assert rec["source"]["chars"] == len(text)


def test_control_characters_in_ids_never_reach_the_terminal(capsysbinary, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(GOOD, d / "a\x1b[31mred.txt")
    shutil.copy(GOOD, d / "good.txt")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x\x1b]0;pwned\x07", "text": "Judul\x1b[2J\n\nIsi 5 orang."}) + "\n"
                      + json.dumps({"id": "y", "text": "Judul\x1b[2J\n\nIsi 5 orang."}) + "\n", encoding="utf-8")
    code, out, err = run(capsysbinary, d, corpus, "--summary")
    assert code == 1 and "\x1b" not in err and "\x07" not in err
    assert f"{d}/a\\x1b[31mred.txt: unusable id 'a\\x1b[31mred': control or format characters" in err.splitlines()
    assert any(ln.startswith(f"{corpus}:1: ") and "unusable id" in ln for ln in err.splitlines())
    assert "y: " in err and "Judul\\x1b[2J" in err  # the headline of the summary, escaped
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == ["good", "y"]


def test_an_id_of_240_bytes_is_refused_up_front(capsysbinary, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    long_id = "\u00e9" * 120  # 120 characters, 240 bytes: its temporary file name would pass 255 bytes
    shutil.copy(GOOD, d / f"{long_id}.txt")
    shutil.copy(GOOD, d / "ok.txt")
    code, out, err = run(capsysbinary, d, "-o", tmp_path / "out")
    assert code == 1
    assert err.splitlines() == [f"{d / long_id}.txt: unusable id '{long_id[:80]}': longer than 200 bytes (240 bytes in UTF-8)"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ok.json"]


def test_an_unwritable_output_directory_is_found_up_front(capsysbinary, tmp_path, monkeypatch):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    real = tempfile.mkstemp

    def denied(*a, dir=None, **kw):  # what a read-only directory gives (root ignores chmod, so simulated)
        if dir is not None and os.path.samefile(dir, out_dir):
            raise PermissionError(13, "Permission denied")
        return real(*a, dir=dir, **kw)

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    code, out, err = run(capsysbinary, *SEEDS, "-o", out_dir)
    assert code == 2 and out == ""
    assert err.splitlines()[-1].endswith(f"cannot write to output directory {out_dir}: Permission denied")


def test_writes_are_durable(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: events.append(("fsync", os.path.isdir(f"/proc/self/fd/{fd}"))) or real_fsync(fd))
    monkeypatch.setattr(os, "replace", lambda a, b: events.append(("replace",)) or real_replace(a, b))
    batch.write_atomic(tmp_path / "x.json", "{}\n")
    assert events == [("fsync", False), ("replace",), ("fsync", True)]  # the file, the rename, its directory


# ---------------------------------------------------------------- the library's arguments
@pytest.mark.parametrize("call,error,names", [
    (lambda: extract(None), TypeError, "text"),
    (lambda: extract(b"Judul\n\nIsi."), TypeError, "text"),
    (lambda: extract("Isi \ud800 lone"), ValueError, "text"),
    (lambda: extract("Isi.", reference_date="garbage"), ValueError, "reference_date"),
    (lambda: extract("Isi.", id=None), TypeError, "id"),
    (lambda: extract_file(SEEDS[0].parent), ValueError, "path"),
    (lambda: extract_file(None), TypeError, "path"),
], ids=["none", "bytes", "surrogate", "reference_date", "id", "directory", "path-none"])
def test_library_arguments_are_checked(call, error, names):
    with pytest.raises(error, match=names):
        call()
