"""One JSON Lines line as an article: its text (or web page) and its metadata.

Read from each line (an object):
- the text: ``text`` (or the field ``--text-field NAME`` names), else a web
  page under ``html`` (read by html_input.py); neither is a malformed line;
- ``id``: any non-empty string or integer (ids.py derives a safe file name);
  missing or null: the ``url``, else ``<file stem>-<line>``;
- ``url`` (else ``source``, as trafilatura's own ``--json`` output calls it,
  when it is a web address), ``title`` (the headline, put before the text when
  the text does not start with it), ``published`` (else ``date``): the
  publication date, ISO or a stamp in any form (published.py).

trafilatura's ``--json`` output is read as it is (``"id": null``, ``source``,
``date``, ``text``); its other fields are ignored.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from .ids import valid_id

MALFORMED = "malformed JSON Lines line"


def _url(rec: dict) -> Optional[str]:
    for key in ("url", "source"):
        v = rec.get(key)
        if isinstance(v, str) and v.strip().lower().startswith(("http://", "https://")):
            return v.strip()
    v = rec.get("url")
    return v.strip() if isinstance(v, str) and v.strip() else None


def fields(rec: dict, path: str, lineno: int, text_field: Optional[str] = None) -> dict:
    """The Item fields of one parsed line, or {"error": reason}."""
    name = text_field or "text"
    text, html = rec.get(name), None
    if not isinstance(text, str):
        if isinstance(rec.get("html"), str):
            text, html = None, rec["html"]
        elif text_field is not None:
            return {"error": f'{MALFORMED}: no "{name}" string (--text-field {name})'}
        else:
            return {"error": f'{MALFORMED}: no "text" (or "html") string'}
    url = _url(rec)
    raw_id = rec.get("id")
    if raw_id is None:
        id = url or f"{Path(path).stem}-{lineno}"
    else:
        id = valid_id(raw_id)
        if id is None:
            return {"error": f"{MALFORMED}: unusable id {raw_id!r}"}
    meta: dict = {"url": url}
    title = rec.get("title")
    if isinstance(title, str) and title.strip():
        meta["title"] = " ".join(title.split())
    for key in ("published", "date"):
        if rec.get(key) not in (None, ""):
            meta["published"] = (rec[key], key)
            break
    return {"id": id, "text": text, "html": html, "meta": meta}


def with_title(text: str, title: Optional[str]) -> str:
    """The text, headed by its title unless its first line already is the title."""
    if not title:
        return text
    first = text.lstrip().split("\n", 1)[0]
    if " ".join(first.split()).lower() == title.lower():
        return text
    return f"{title}\n\n{text}"
