"""Web pages in: the article's main text and metadata, read by trafilatura.

An .html/.htm file, a page in a JSON line's ``html`` field, or a page on
standard input.  trafilatura keeps the main text and drops what is not the
article: navigation, menus, related-article links, scripts, styles, forms and
reader comments (``include_comments=False``), so none of it reaches the
extractors.  The record's source text is then the page's title and its
paragraphs, one per line with a blank line between them: spans index that
text, exactly as for a .txt article.  Metadata kept: the URL (the page's
canonical or og:url, else the one given), the publication date (htmldate, on
the page's metadata only: no guessing from the free text; it becomes
``Article.published`` with source ``html_meta``) and the title (the headline:
of "<headline> | <outlet>" in <title>, the longer half).  A page with
no main text is ``PATH: no article text found``.  No network: the page is
parsed as given.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

SUFFIXES = (".html", ".htm")
NO_TEXT = "no article text found"
# trafilatura falls back to a small page's whole body ("Beranda" of a menu): fewer words than a
# sentence of news, outside the title, is no article text
MIN_WORDS = 8


class NoArticle(ValueError):
    """The page holds no article text."""


@dataclass
class Page:
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    date: Optional[str] = None  # YYYY-MM-DD as htmldate read it from the page's metadata
    author: Optional[str] = None
    sitename: Optional[str] = None


def _key(s: str) -> str:
    return " ".join(s.split()).lower()


def _headline(html, title: Optional[str]) -> Optional[str]:
    """trafilatura's title, except where it took the outlet's half of "<headline> | <outlet>" in the
    page's <title> (it passes over a half holding a full stop, as "1.150" does): the longer half."""
    from trafilatura.metadata import examine_title_element
    from trafilatura.utils import load_html

    title = " ".join(title.split()) if title and title.strip() else None
    tree = load_html(html)
    if title and tree is not None:
        _full, first, second = examine_title_element(tree)
        if first and second and title in (" ".join(first.split()), " ".join(second.split())):
            title = " ".join(max(first, second, key=len).split())
    return title


def read_page(html: Union[str, bytes], url: Optional[str] = None) -> Page:
    """The main text and metadata of one web page; NoArticle when there is none."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"},
    )
    if doc is None:
        raise NoArticle(NO_TEXT)
    lines = [" ".join(ln.split()) for ln in (doc.text or "").splitlines()]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise NoArticle(NO_TEXT)
    title = _headline(html, doc.title)
    if title and _key(lines[0]) == _key(title):
        lines = lines[1:]
    if sum(len(ln.split()) for ln in lines) < MIN_WORDS:
        raise NoArticle(NO_TEXT)
    text = "\n\n".join(([title] if title else []) + lines) + "\n"
    return Page(text=text, title=title, url=doc.url or url, date=doc.date, author=doc.author, sitename=doc.sitename)
