"""berita-extract: structured, auditable facts from Indonesian news on workers' social security."""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract", "extract_file", "extract_many", "to_frame", "Article", "__version__"]


def __getattr__(name):  # lazy: `berita-extract schema` need not import the extractors
    if name in ("extract", "extract_file"):
        from . import pipeline

        return getattr(pipeline, name)
    if name in ("extract_many", "to_frame"):
        from . import api

        return getattr(api, name)
    if name == "Article":
        from .model import Article

        return Article
    raise AttributeError(name)
