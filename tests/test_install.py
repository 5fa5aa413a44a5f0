"""An installed wheel behaves exactly like the checkout: its records on seeds/ equal golden/.

The wheel is built from this checkout (pip wheel, the build backend of
pyproject.toml) and installed with pip into a fresh virtual environment in a
temporary folder, away from the checkout (no src/ or patterns/ on its path).
Its dependencies are not downloaded again: the fresh environment sees this
environment's site-packages through a .pth line, which processes no .pth file
there, so the checkout's editable install stays invisible to it.  A rule file
missing from the installation is a broken install: every input is an error,
exit status 1.
"""
from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import GOLDEN, ROOT, SEEDS


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BERITA_", "PYTHON"))}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(*cmd, cwd=None, check=True) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=_env(), capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        pytest.fail(f"{' '.join(map(str, cmd))} exited {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python, berita-extract, package folder) of a fresh venv holding only the built wheel."""
    tmp = tmp_path_factory.mktemp("install")
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp / "dist", ROOT)
    wheels = sorted((tmp / "dist").glob("berita_extract-*.whl"))
    assert len(wheels) == 1, wheels
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    py = venv / "bin" / "python"
    fresh_site = Path(_run(py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    (fresh_site / "_berita_test_deps.pth").write_text("".join(f"{p}\n" for p in sorted(deps)))
    _run(sys.executable, "-m", "pip", "--python", py, "install", "-q", "--no-deps", wheels[0])
    where = _run(py, "-c", "import berita_extract, os; print(os.path.dirname(berita_extract.__file__))", cwd=tmp)
    pkg = Path(where.stdout.strip())
    assert pkg.is_relative_to(fresh_site), f"berita_extract imported from {pkg}, not from the fresh venv"
    return py, venv / "bin" / "berita-extract", pkg


def test_wheel_carries_the_rules(installed):
    _py, _exe, pkg = installed
    shipped = sorted(p.name for p in (pkg / "rules").glob("*.toml"))
    assert shipped == sorted(p.name for p in (ROOT / "patterns").glob("*.toml"))


def test_installed_wheel_extracts_seeds_as_golden(installed, tmp_path):
    _py, exe, _pkg = installed
    out = tmp_path / "out"
    proc = _run(exe, *[f"seeds/{p.name}" for p in SEEDS], "-o", out, "--format", "jsonl", cwd=ROOT)  # as golden/
    assert proc.stderr == f"{len(SEEDS)} articles written to {out}, 0 failed\n"
    for p in SEEDS:
        got = (out / f"{p.stem}.json").read_text(encoding="utf-8")
        assert got == (GOLDEN / f"{p.stem}.json").read_text(encoding="utf-8"), f"{p.stem}: installed record differs"
    assert len(proc.stdout.splitlines()) == len(SEEDS)
    assert json.loads(proc.stdout.splitlines()[0])["id"] == SEEDS[0].stem


def test_broken_install_is_an_error_for_every_input(installed, tmp_path):
    py, exe, pkg = installed
    rules = pkg / "rules" / "layout.toml"
    saved = rules.read_bytes()
    rules.unlink()
    try:
        proc = _run(exe, *SEEDS[:2], "-o", tmp_path / "out", cwd=tmp_path, check=False)
    finally:
        rules.write_bytes(saved)
    assert proc.returncode == 1
    *lines, tail = proc.stderr.splitlines()
    assert len(lines) == 2 and all("broken installation" in ln for ln in lines), proc.stderr
    assert tail == f"0 articles written to {tmp_path / 'out'}, 2 failed"
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
