"""Extraction on Dask: extract_bag and `--dask ADDRESS` on a LocalCluster of two worker processes give,
byte for byte, what `--jobs 1` writes (seeds/ and the corpus); a bad input is a `PATH: reason`."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

from berita_extract import batch, extract  # noqa: E402
from berita_extract.api import ExtractionError  # noqa: E402
from berita_extract.cli import main  # noqa: E402
from berita_extract.dask import extract_bag  # noqa: E402

from conftest import ROOT  # noqa: E402

SEEDS_DIR, CORPUS_DIR = ROOT / "seeds", ROOT / "tests" / "corpus"
FILES = batch._listing(str(SEEDS_DIR)) + batch._listing(str(CORPUS_DIR))


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as c:
        with Client(c, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=60)
            yield c, client


@pytest.fixture(scope="module")
def jobs1(tmp_path_factory):
    """What `berita-extract seeds/ tests/corpus -o DIR --jobs 1` writes: {file name: bytes}."""
    out = tmp_path_factory.mktemp("jobs1")
    assert main([str(SEEDS_DIR), str(CORPUS_DIR), "-o", str(out), "--jobs", "1"]) == 0
    files = {p.name: p.read_bytes() for p in out.glob("*.json")}
    assert len(files) == len(FILES) > 70
    return files


def test_extract_bag_is_byte_identical_to_jobs_1(cluster, jobs1):
    _, client = cluster
    # the seeds as one directory element (expanded on a worker), the corpus file by file
    bag = db.from_sequence([str(SEEDS_DIR)] + [str(p) for p in FILES[5:]], npartitions=8)
    texts = extract_bag(bag, output="json").compute(scheduler=client)
    names = [batch.output_path(ROOT, json.loads(t)["id"]).name for t in texts]
    assert names == [batch.output_path(ROOT, p.stem).name for p in FILES]  # the bag's order
    for name, text in zip(names, texts):
        assert text.encode("utf-8") == jobs1[name], name
    records = extract_bag(db.from_sequence([str(p) for p in FILES[:3]], npartitions=2)).compute(scheduler=client)
    assert records == [json.loads(jobs1[f"{p.stem}.json"]) for p in FILES[:3]]


def test_extract_bag_of_dicts_and_bad_elements(cluster):
    _, client = cluster
    text = FILES[0].read_text(encoding="utf-8-sig")
    bag = db.from_sequence([{"id": "a", "text": text}, {"text": "no id"}, 42, str(ROOT / "missing.txt")],
                           npartitions=2)
    got = extract_bag(bag).compute(scheduler=client)
    assert got[0] == json.loads(extract(text, id="a", path="a").model_dump_json())  # source.path: the id
    assert [g.get("error") for g in got[1:]] == [
        "bag item: an article dict needs an id (or a url)",
        "bag item: not a path or an {id, text} dict: int",
        f"{ROOT / 'missing.txt'}: No such file or directory",
    ]
    assert extract_bag(bag, errors="skip").compute(scheduler=client) == got[:1]
    with pytest.raises(ExtractionError, match="^bag item: (an article dict needs an id|not a path)"):
        extract_bag(bag, errors="raise").compute(scheduler=client)


def test_cli_dask_is_byte_identical_to_jobs_1(cluster, jobs1, tmp_path, capsys):
    c, _ = cluster
    out = tmp_path / "dask"
    assert main([str(SEEDS_DIR), str(CORPUS_DIR), "-o", str(out), "--dask", c.scheduler_address]) == 0
    assert {p.name: p.read_bytes() for p in out.glob("*.json")} == jobs1
    assert capsys.readouterr().err.strip().endswith(f"{len(FILES)} articles written to {out}, 0 failed")


def test_cli_dask_reports_a_bad_input_and_extracts_the_rest(cluster, tmp_path, capsysbinary):
    c, _ = cluster
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    code = main([str(FILES[0]), str(bad), str(missing), "--dask", c.scheduler_address, "--format", "jsonl"])
    out, err = (s.decode("utf-8") for s in capsysbinary.readouterr())
    assert code == 1
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == [FILES[0].stem]
    assert f"{missing}: No such file or directory" in err
    assert f"{bad}: binary file" in err and "Traceback" not in err


def test_cli_dask_unreachable_scheduler_is_a_message(capsys, monkeypatch):
    from berita_extract import dask as bdask

    monkeypatch.setattr(bdask, "TIMEOUT_S", 1)  # nothing listens on port 1: give up after a second
    code = main([str(FILES[0]), "--dask", "tcp://127.0.0.1:1"])
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in err and "Traceback" not in err


def test_cli_dask_with_jobs_is_a_usage_error(capsys):
    assert main([str(FILES[0]), "--dask", "tcp://127.0.0.1:1", "--jobs", "2"]) == 2
    assert "--dask and --jobs" in capsys.readouterr().err
