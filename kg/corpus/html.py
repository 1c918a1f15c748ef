"""Web pages: the main text by trafilatura (menus, footers, related links and comments dropped), and its
title, date and site name as the article's metadata."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

from kg.corpus.article import Article, make_article, parse_date
from kg.corpus.decode import decode
from kg.errors import KgError

MIN_WORDS = 12     # fewer words than one sentence of news: what a page without an article leaves

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)   # it logs malformed pages; we report them
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def read(path: Path, encoding: str | None = None) -> Iterator[Article]:
    page = decode(path.read_bytes(), str(path), encoding)
    yield from_html(page, path.stem, str(path))


def from_html(page: str, article_id: str, source: str) -> Article:
    try:
        import trafilatura
    except ImportError as e:      # an optional dependency broken or missing: these pages cannot be read
        raise KgError(f"{source}: cannot read web pages here (trafilatura: {e}); pip install trafilatura, "
                      "or give the article as .txt") from None
    try:
        doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception:   # noqa: BLE001 — a parser failing on one page must not stop the build
        doc = None
    fields = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = fields.get("text") or ""
    if len(text.split()) < MIN_WORDS:     # a menu, a login or error page: nothing to build
        raise KgError(f"{source}: no article text found in this page; check it is a news article's HTML")
    try:
        published = parse_date(fields.get("date"), source)
    except KgError:       # a date trafilatura could not read cleanly is dropped, the text is kept
        published = None
    return make_article(article_id, text, source, published, fields.get("sitename"), fields.get("title"),
                        fields.get("url"))
