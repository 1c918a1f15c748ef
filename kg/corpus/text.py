"""Plain-text articles: the whole file is the article, its stem the id."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from kg.corpus.article import Article, make_article
from kg.corpus.decode import decode


def read(path: Path, encoding: str | None = None) -> Iterator[Article]:
    yield make_article(path.stem, decode(path.read_bytes(), str(path), encoding), str(path))
