"""Fault injection (issue 16): kills at chosen points, a dying worker, signals, closed and full streams,
FIFOs and devices. Each runs the installed command in a subprocess with a timeout and a memory cap, so
that a regression fails (a hang times out, an endless read hits the cap) instead of taking the machine.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import SEEDS, as_before_quiet_o, without_tail

BIN = Path(sys.executable).parent / "berita-extract"
TIMEOUT = 120



def _cap_memory():
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def cli(*argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, shell_redirect: str = "", timeout=TIMEOUT):
    """Run berita-extract; `shell_redirect` (">&-", "<&-") closes a standard stream first."""
    argv = as_before_quiet_o([str(a) for a in argv])
    args = [str(BIN), *argv]
    if shell_redirect:
        args = ["sh", "-c", f'exec "$0" "$@" {shell_redirect}', *args]
    env = {**os.environ, "BERITA_STRICT": ""}
    proc = subprocess.run(args, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, timeout=timeout,
                          preexec_fn=_cap_memory, env=env)
    return proc.returncode, (proc.stdout or b"").decode(), without_tail(proc.stderr.decode(), argv)


def patched(code: str, *argv, timeout=TIMEOUT):
    """Run main(argv) in a fresh interpreter after `code` (which patches the batch to inject a fault)."""
    prog = textwrap.dedent(code) + "\nimport sys\nfrom berita_extract.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    env = {**os.environ, "BERITA_STRICT": ""}
    argv = as_before_quiet_o([str(a) for a in argv])
    proc = subprocess.run([sys.executable, "-c", prog, *argv], capture_output=True, timeout=timeout,
                          preexec_fn=_cap_memory, env=env)
    return proc.returncode, proc.stdout.decode(), without_tail(proc.stderr.decode(), argv)


def no_traceback(err: str) -> None:
    assert "Traceback" not in err and "Error:" not in err.replace("extraction failed", ""), err


def inputs(tmp_path, n=5) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for i in range(n):
        shutil.copy(SEEDS[i % len(SEEDS)], d / f"a{i:02d}.txt")
    return d


def files(out_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out_dir.iterdir())}


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    """The reference: 5 articles extracted with nothing going wrong."""
    tmp = tmp_path_factory.mktemp("clean")
    d = inputs(tmp)
    code, out, err = cli(d, "-o", tmp / "out")
    assert code == 0, err
    return d, out, files(tmp / "out")


# ---------------------------------------------------------------- kills at chosen points
KILL_AT = """
import os, signal
from berita_extract import batch
calls = {"n": 0}
real = getattr(batch.os, "%(name)s")
def hook(*a, **kw):
    calls["n"] += 1
    if calls["n"] == %(at)d and %(before)s:
        os.kill(os.getpid(), signal.SIGKILL)
    out = real(*a, **kw)
    if calls["n"] == %(at)d and not %(before)s:
        os.kill(os.getpid(), signal.SIGKILL)
    return out
setattr(batch.os, "%(name)s", hook)
"""


@pytest.mark.parametrize("name,at,before", [("replace", 3, True), ("replace", 2, False), ("fsync", 5, True)],
                         ids=["before-rename", "after-rename", "before-fsync"])
def test_kill_then_resume_ends_identical_to_a_clean_run(tmp_path, clean_run, name, at, before):
    d, ref_out, ref_files = clean_run
    out_dir = tmp_path / "out"
    code, _, err = patched(KILL_AT % {"name": name, "at": at, "before": before}, d, "-o", out_dir)
    assert code == -signal.SIGKILL
    left = sorted(p.name for p in out_dir.iterdir())
    if name == "replace" and before:
        assert any(n.endswith(".tmp") for n in left), left  # the kill left a temporary file behind
    code, out, err = cli(d, "-o", out_dir, "--resume")
    assert code == 0, err
    no_traceback(err)
    assert files(out_dir) == ref_files  # temporary files removed, nothing lost, nothing different
    if name == "replace" and before:
        assert "resume: removed a temporary file left by an interrupted run" in err


# ---------------------------------------------------------------- a dying worker
DIE = """
import os, signal
from berita_extract import batch
real = batch.process
def process(item, options=None):
    if item.id == "a02":
        os.kill(os.getpid(), signal.SIGKILL)  # what the OOM killer does
    return real(item, options)
batch.process = process
"""


def test_a_dying_worker_costs_only_its_article(tmp_path, clean_run):
    d, ref_out, ref_files = clean_run
    out_dir = tmp_path / "out"
    code, out, err = patched(DIE, d, "-o", out_dir, "--jobs", "2", timeout=180)
    assert code == 1
    no_traceback(err)
    assert err.splitlines() == [f"{d / 'a02.txt'}: extraction failed: the worker process died "
                                "(out of memory, or a crash) on this article"]
    assert files(out_dir) == {k: v for k, v in ref_files.items() if k != "a02.json"}
    assert out.splitlines() == [ln for ln in ref_out.splitlines() if '"id":"a02"' not in ln]


# ---------------------------------------------------------------- signals
@pytest.mark.parametrize("jobs", [1, 2])
def test_sigterm_to_the_parent_stops_cleanly(tmp_path, jobs):
    d = inputs(tmp_path, 300)  # enough that the run is still going when the signal comes (no race with its end)
    out_dir = tmp_path / "out"
    env = {**os.environ, "BERITA_STRICT": ""}
    proc = subprocess.Popen([str(BIN), str(d), "-o", str(out_dir), "--jobs", str(jobs)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env, preexec_fn=_cap_memory)
    deadline = time.monotonic() + TIMEOUT
    while not (out_dir.is_dir() and any(p.suffix == ".json" for p in out_dir.iterdir())):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    err = err.decode()
    assert proc.returncode == 143, err
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    for p in out_dir.iterdir():  # only complete records, no temporary file
        assert p.suffix == ".json" and not p.name.startswith(".")
        json.loads(p.read_text(encoding="utf-8"))
    code, _, err = cli(d, "-o", out_dir, "--resume", "--jobs", jobs)
    assert code == 0, err
    assert len(list(out_dir.iterdir())) == 300


# ---------------------------------------------------------------- streams
def test_stdout_to_a_full_disk_still_writes_every_file(tmp_path, clean_run):
    d, _, ref_files = clean_run
    with open("/dev/full", "wb") as full:
        code, _, err = cli(d, "-o", tmp_path / "out", stdout=full)
    assert code == 1
    no_traceback(err)
    assert err.splitlines() == ["stdout: No space left on device; nothing more is written there"]
    assert files(tmp_path / "out") == ref_files


def test_closed_stdout(tmp_path, clean_run):
    d, _, ref_files = clean_run
    code, _, err = cli(d, "-o", tmp_path / "out", shell_redirect=">&-")
    assert code == 1
    no_traceback(err)
    assert err.splitlines() == ["stdout: closed (Bad file descriptor); nothing more is written there"]
    assert files(tmp_path / "out") == ref_files


def test_closed_stdin():
    code, out, err = cli("-", shell_redirect="<&-")
    assert code == 1 and out == ""
    no_traceback(err)
    assert err.splitlines() == ["-: standard input is closed"]


def test_endless_stdin_is_read_up_to_the_cap():
    with open("/dev/zero", "rb") as zero:  # cat /dev/zero | berita-extract -
        code, out, err = cli("-", "--max-mb", "2", stdin=zero)
    assert code == 1 and out == ""
    assert err.splitlines() == ["-: too large: more than 2 MB (raise the limit with --max-mb)"]


# ---------------------------------------------------------------- what is not a regular file
@pytest.mark.parametrize("jobs", [1, 2])
def test_fifo_and_device_named_txt_are_reported_and_skipped(tmp_path, clean_run, jobs):
    d, ref_out, ref_files = clean_run
    d2 = tmp_path / "in"
    shutil.copytree(d, d2)
    os.mkfifo(d2 / "b_fifo.txt")
    (d2 / "c_zero.txt").symlink_to("/dev/zero")
    code, out, err = cli(d2, "-o", tmp_path / "out", "--jobs", jobs)
    assert code == 1
    no_traceback(err)
    assert err.splitlines() == [
        f"{d2 / 'b_fifo.txt'}: not a regular file (a FIFO): skipped",
        f"{d2 / 'c_zero.txt'}: not a regular file (a character device): skipped",
    ]
    assert sorted(files(tmp_path / "out")) == sorted(ref_files)
    assert len(out.splitlines()) == len(ref_out.splitlines())
