"""(e) the cost of the input readers issue 12 added, for `make bench`.

dateparser (dateparsing.py): the first call in a fresh process (import, the one
parser built, the Indonesian locale loaded) and then per candidate string;
trafilatura (html_input.py): the import in a fresh process and per page of
tests/pages/.  Both are imported only when an input needs them, so a batch of
.txt articles without counted relative dates pays for neither.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_FRESH = r"""
import json, time
t = time.perf_counter()
from berita_extract.dateparsing import relative_offset, stamp_date
relative_offset("dua", "hari", False)
dp_first = time.perf_counter() - t
t = time.perf_counter()
import trafilatura
tf_import = time.perf_counter() - t
print(json.dumps({"dp_first": dp_first, "tf_import": tf_import}))
"""


def inputs_cost(repeat: int = 200) -> dict:
    fresh = [json.loads(subprocess.run([sys.executable, "-c", _FRESH], capture_output=True, text=True,
                                       check=True).stdout) for _ in range(3)]
    from berita_extract.dateparsing import relative_offset, stamp_date
    from berita_extract.html_input import read_page

    forms = [("dua", "hari", False), (None, "pekan", False), ("3", "bulan", False), ("2", "hari", True)]
    stamps = ["Selasa, 28 Mei 2024 10:00 WIB", "13-09-2024 19:44 WIB", "28/05/2024 - 10:00"]
    t = time.perf_counter()
    for i in range(repeat):
        relative_offset(*forms[i % len(forms)])
        stamp_date(stamps[i % len(stamps)])
    per_call = (time.perf_counter() - t) / (2 * repeat)
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "pages").glob("*.html"))]
    read_page(pages[0])
    t = time.perf_counter()
    for _ in range(20):
        for html in pages:
            read_page(html)
    per_page = (time.perf_counter() - t) / (20 * len(pages))
    first = sorted(f["dp_first"] for f in fresh)[1]
    tf = sorted(f["tf_import"] for f in fresh)[1]
    return {"dateparser_first_call_ms": round(first * 1000, 1), "dateparser_per_call_ms": round(per_call * 1000, 3),
            "trafilatura_import_ms": round(tf * 1000, 1), "trafilatura_per_page_ms": round(per_page * 1000, 2),
            "pages": len(pages)}
