"""Web pages: the main text by trafilatura (menus, footers, related links and comments dropped), and its
title, date and site name as the article's metadata."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

from kg.corpus.article import Article, make_article, parse_date
from kg.corpus.decode import decode
from kg.errors import KgError

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)   # it logs malformed pages; we report them
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def read(path: Path, encoding: str | None = None) -> Iterator[Article]:
    page = decode(path.read_bytes(), str(path), encoding)
    yield from_html(page, path.stem, str(path))


def from_html(page: str, article_id: str, source: str) -> Article:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception:   # noqa: BLE001 — a parser failing on one page must not stop the build
        doc = None
    fields = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = fields.get("text") or ""
    if not text.strip():
        raise KgError(f"{source}: no article text found in this page; check it is a news article's HTML")
    try:
        published = parse_date(fields.get("date"), source)
    except KgError:       # a date trafilatura could not read cleanly is dropped, the text is kept
        published = None
    return make_article(article_id, text, source, published, fields.get("sitename"), fields.get("title"),
                        fields.get("url"))
