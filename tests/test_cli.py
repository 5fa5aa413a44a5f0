"""The berita-extract command: inputs, outputs, formats, exit status, determinism across --jobs."""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from berita_extract import batch, extract_file
from berita_extract.cli import main

from _records import check_record
from conftest import ROOT, SEEDS

BIN = Path(sys.executable).parent / "berita-extract"


def run(capsysbinary, *argv):
    code = main([str(a) for a in argv])
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


def lines(out: str) -> list[dict]:
    return [json.loads(ln) for ln in out.splitlines()]


@pytest.fixture
def seeds_dir(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for p in SEEDS[:3]:
        shutil.copy(p, d / p.name)
    (d / "notes.md").write_text("not an article", encoding="utf-8")
    return d


def test_one_file_gives_one_json_line(capsysbinary):
    code, out, err = run(capsysbinary, SEEDS[0])
    assert code == 0, err
    (rec,) = lines(out)
    assert rec["id"] == SEEDS[0].stem
    assert rec["source"]["path"] == str(SEEDS[0])
    check_record(SEEDS[0].read_text(encoding="utf-8-sig"), rec)


def test_directory_gives_its_txt_files_sorted(capsysbinary, seeds_dir):
    code, out, err = run(capsysbinary, seeds_dir)
    assert code == 0, err
    assert [r["id"] for r in lines(out)] == sorted(p.stem for p in SEEDS[:3])


def test_stdin(capsysbinary, monkeypatch):
    data = SEEDS[1].read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = run(capsysbinary, "-")
    assert code == 0, err
    (rec,) = lines(out)
    assert rec["id"] == "stdin" and rec["source"]["path"] == "-"
    assert rec["source"]["sha256"] == extract_file(SEEDS[1]).source.sha256


def test_stdin_through_the_installed_command():
    assert BIN.exists(), "the console script is installed with the package"
    proc = subprocess.run([str(BIN), "-"], input=SEEDS[2].read_bytes(), capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["id"] == "stdin"


def test_out_dir_gets_one_file_per_article_as_golden(capsysbinary, seeds_dir, tmp_path):
    out_dir = tmp_path / "out"
    code, out, err = run(capsysbinary, seeds_dir, "-o", out_dir, "--format", "jsonl")
    assert code == 0, err
    files = sorted(p.name for p in out_dir.iterdir())
    assert files == sorted(f"{p.stem}.json" for p in SEEDS[:3])  # and no temporary file left behind
    for p in SEEDS[:3]:
        expected = extract_file(seeds_dir / p.name).model_dump_json(indent=2) + "\n"
        assert (out_dir / f"{p.stem}.json").read_text(encoding="utf-8") == expected
    assert len(lines(out)) == 3  # stdout gets the records when --format asks for them


def test_out_dir_without_format_keeps_stdout_quiet_and_counts_on_stderr(capsysbinary, seeds_dir, tmp_path):
    out_dir = tmp_path / "out"
    code, out, err = run(capsysbinary, tmp_path / "gone.txt", seeds_dir, "-o", out_dir)
    assert code == 1 and out == ""
    assert err.splitlines() == [f"{tmp_path / 'gone.txt'}: No such file or directory",
                                f"3 articles written to {out_dir}, 1 failed"]
    assert len(list(out_dir.glob("*.json"))) == 3


def test_format_json_is_one_array_of_the_same_records(capsysbinary, seeds_dir):
    _, out_jsonl, _ = run(capsysbinary, seeds_dir)
    code, out, err = run(capsysbinary, seeds_dir, "--format", "json")
    assert code == 0, err
    assert json.loads(out) == lines(out_jsonl)
    code, out, _ = run(capsysbinary, seeds_dir / "none.txt", "--format", "json")
    assert code == 1 and json.loads(out) == []


def test_format_csv(capsysbinary, seeds_dir):
    try:
        from berita_extract import tables  # written by another engineer

        ready = hasattr(tables, "csv_header") and hasattr(tables, "csv_rows")
    except ImportError:
        ready = False
    code, out, err = run(capsysbinary, seeds_dir, "--format", "csv")
    if not ready:
        assert code == 2 and "tables" in err
        return
    assert code == 0, err
    import csv

    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == list(tables.csv_header())


def test_missing_input_is_reported_and_the_others_still_done(capsysbinary, seeds_dir, tmp_path):
    out_dir = tmp_path / "out"
    missing = tmp_path / "gone.txt"
    code, out, err = run(capsysbinary, missing, seeds_dir, "-o", out_dir, "--format", "jsonl")
    assert code == 1
    assert f"{missing}: No such file or directory" in err.splitlines()
    assert len(lines(out)) == 3 and len(list(out_dir.glob("*.json"))) == 3
    assert "Traceback" not in err


def test_empty_directory_is_reported(capsysbinary, tmp_path):
    code, out, err = run(capsysbinary, tmp_path)
    assert code == 1 and err.startswith(f"{tmp_path}: ")


@pytest.mark.parametrize(
    "argv",
    [[], ["--format", "xml", "x.txt"], ["--jobs", "-1", "x.txt"], ["--resume", "x.txt"], ["--bogus", "x.txt"]],
)
def test_usage_errors_exit_2(capsysbinary, argv):
    code, out, err = run(capsysbinary, *argv)
    assert code == 2 and "usage:" in err and out == ""


def test_help_explains_itself_with_examples(capsysbinary):
    code, out, _ = run(capsysbinary, "--help")
    assert code == 0
    for want in ("--out", "--format", "--jobs", "--resume", "--summary", "schema", "examples:", "exit status"):
        assert want in out


def test_schema_is_a_json_schema_the_records_validate_against(capsysbinary):
    import jsonschema

    code, out, err = run(capsysbinary, "schema")
    assert code == 0, err
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"] == "Article" and {"id", "source", "quantities", "facts"} <= set(schema["properties"])
    _, recs, _ = run(capsysbinary, SEEDS[0], SEEDS[3])
    for rec in lines(recs):
        jsonschema.validate(rec, schema)


@pytest.mark.parametrize("argv", [["schema"], ["--help"]])
def test_schema_and_help_do_not_import_spacy(argv):
    code = (
        "import sys\nfrom berita_extract.cli import main\n"
        f"rc = main({argv!r})\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'dateparser'))\n"
        "assert rc == 0 and not heavy, heavy\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_jobs_2_is_byte_identical_to_jobs_1(capsysbinary, seeds_dir, tmp_path):
    inputs = [seeds_dir, tmp_path / "missing.txt", *SEEDS[3:], SEEDS[0]]
    outs = {}
    out_dir = tmp_path / "out"
    for jobs in (1, 2):
        shutil.rmtree(out_dir, ignore_errors=True)
        code, out, err = run(capsysbinary, *inputs, "-o", out_dir, "--jobs", jobs, "--summary", "--format", "jsonl")
        assert code == 1  # the missing file
        outs[jobs] = (out, err, {p.name: p.read_bytes() for p in sorted(out_dir.iterdir())})
    assert outs[1][0] == outs[2][0]  # stdout
    assert outs[1][1].splitlines() == outs[2][1].splitlines()  # stderr: messages and summaries
    assert outs[1][2] == outs[2][2]  # the files
    # SEEDS[0] is given twice: the later one is an error (issue 16), reported the same under both --jobs
    assert len(lines(outs[1][0])) == 3 + len(SEEDS[3:])
    assert f"{SEEDS[0]}: id '{SEEDS[0].stem}' already used by {seeds_dir / SEEDS[0].name}" in outs[1][1]


def test_summary_goes_to_stderr(capsysbinary, seeds_dir):
    code, out, err = run(capsysbinary, seeds_dir, "--summary")
    assert code == 0
    summary = err.splitlines()
    assert len(summary) == 4 and summary[-1].startswith("3 articles extracted, 0 failed")
    for p, line in zip(sorted(SEEDS[:3]), summary):
        assert line.startswith(f"{p.stem}: ") and "paragraphs" in line and "failed checks" in line


def test_jsonl_corpus_streamed_with_a_malformed_line(capsysbinary, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    texts = [p.read_text(encoding="utf-8-sig") for p in SEEDS[:2]]
    corpus.write_text(
        json.dumps({"id": "a1", "text": texts[0]}) + "\n"
        + '{"id": "broken", "text": "unterminated\n'
        + "\n"
        + json.dumps({"id": 7, "text": texts[1]}) + "\n"
        + json.dumps({"id": "", "text": "x"}) + "\n"  # (any other string is an id: tests/test_inputs.py)
        + json.dumps(["not", "an", "object"]) + "\n",
        encoding="utf-8",
    )
    out_dir = tmp_path / "out"
    code, out, err = run(capsysbinary, corpus, "-o", out_dir, "--format", "jsonl")
    assert code == 1
    assert [r["id"] for r in lines(out)] == ["a1", "7"]
    errs = err.splitlines()
    assert errs[0].startswith(f"{corpus}:2: malformed JSON Lines line")
    assert errs[1].startswith(f"{corpus}:5: ") and errs[2].startswith(f"{corpus}:6: ")
    assert sorted(p.name for p in out_dir.iterdir()) == ["7.json", "a1.json"]


def test_resume_skips_ids_already_written(capsysbinary, seeds_dir, tmp_path, monkeypatch):
    out_dir = tmp_path / "out"
    run(capsysbinary, seeds_dir / SEEDS[0].name, "-o", out_dir)
    before = (out_dir / f"{SEEDS[0].stem}.json").stat().st_mtime_ns
    seen = []
    real = batch.process
    monkeypatch.setattr(batch, "process", lambda item, options=None: seen.append(item.id) or real(item, options))
    code, out, err = run(capsysbinary, seeds_dir, "-o", out_dir, "--resume", "--summary")
    assert code == 0, err
    assert seen == sorted(p.stem for p in SEEDS[1:3])
    assert "1 skipped" in err.splitlines()[-1]
    assert (out_dir / f"{SEEDS[0].stem}.json").stat().st_mtime_ns == before
    assert len(list(out_dir.glob("*.json"))) == 3


def test_keyboard_interrupt_exits_130_quietly(capsysbinary, seeds_dir, monkeypatch):
    def interrupt(item, options=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "process", interrupt)
    code, out, err = run(capsysbinary, seeds_dir)
    assert code == 130 and "Traceback" not in err


def test_make_run_target_uses_the_summary():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "berita-extract seeds/ -o out --summary" in makefile


def test_installed_command_on_the_seeds(tmp_path):
    env = dict(os.environ)
    proc = subprocess.run([str(BIN), str(ROOT / "seeds")], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(ln)["id"] for ln in proc.stdout.splitlines()] == [p.stem for p in SEEDS]
