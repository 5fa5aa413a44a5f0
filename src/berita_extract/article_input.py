"""What an input gives the pipeline besides its text: a web page read to its text, and the metadata.

``prepare`` turns one batch Item's decoded content into the text to extract
and the keywords ``extract`` takes (``url``, ``published``):
- a web page (an .html/.htm file, a JSON line's ``html``, a page on standard
  input) is read by html_input.py: its main text, URL, date and title; the
  JSON line's own ``url``, ``title`` and ``published``/``date`` take
  precedence over the page's;
- a JSON line's text is headed by its ``title`` (jsonl_input.py);
- an HTML document inside a .txt file stays text, with a warning (the file
  says it is text);
- a publication date becomes ``Article.published`` with where it came from.
"""
from __future__ import annotations

from typing import Optional

from .html_input import SUFFIXES, NoArticle, read_page  # noqa: F401 - NoArticle is raised to the batch


def is_page(item, text: Optional[str]) -> bool:
    """A web page to read through trafilatura."""
    if item.html is not None:
        return True
    if item.path is not None:
        return item.path.lower().endswith(SUFFIXES)
    from .batch import _looks_like_html

    return item.data is not None and text is not None and _looks_like_html(text)


def prepare(item, text: str, data: Optional[bytes], warnings: list[str]) -> tuple[str, Optional[bytes], dict]:
    """(text to extract, input bytes, keywords for extract); NoArticle for a page without article text."""
    from .batch import _looks_like_html
    from .jsonl_input import with_title
    from .published import from_value

    meta = dict(item.meta or {})
    published = None
    if is_page(item, text):
        page = read_page(text, url=meta.get("url"))
        text = with_title(page.text, meta.get("title")) if meta.get("title") else page.text
        meta["url"] = meta.get("url") or page.url
        if data is None:
            data = text.encode("utf-8") if item.html is None else item.html.encode("utf-8")
        if not meta.get("published") and page.date:
            published = from_value(page.date, "html_meta", None, warnings)
    elif _looks_like_html(text):
        warnings.append("looks like HTML, not plain text: extracted as text, tags and all")
    elif meta.get("title"):
        text = with_title(text, meta["title"])
    if meta.get("published"):
        raw, field = meta["published"]
        published = from_value(raw, "json_field", field, warnings)
    return text, data, {"url": meta.get("url"), "published": published}
