"""Reading a corpus: `.txt`, `.html`/`.htm`, `.jsonl` and `.json` files, or folders of them.

Every reader yields `Article`s or `KgError`s (one per bad file or record), so one bad input never hides
the others. Metadata, when a format carries it, gives the article id, date and publisher; a `.txt`
or `.html` article's id is its file stem."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from kg.corpus.article import Article
from kg.errors import KgError

__all__ = ["Article", "SUFFIXES", "article_paths", "read_corpus", "read_file"]


def _readers():
    from kg.corpus import html, records, text
    return {".txt": text.read, ".html": html.read, ".htm": html.read, ".jsonl": records.read_jsonl,
            ".json": records.read_json}


SUFFIXES = frozenset({".txt", ".html", ".htm", ".jsonl", ".json"})


def article_paths(sources: Iterable[str | Path]) -> list[Path]:
    """The files to read: each file given, and every file of a known kind under each folder given."""
    paths: list[Path] = []
    for src in map(Path, sources):
        if src.is_dir():
            paths.extend(sorted(p for p in src.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()))
        elif src.is_file():
            paths.append(src)
        else:
            raise KgError(f"{src}: no such file or folder")
    return paths


def read_file(path: Path, encoding: str | None = None) -> Iterator[Article | KgError]:
    reader = _readers().get(path.suffix.lower())
    if reader is None:
        yield KgError(f"{path}: unknown kind of file; give .txt, .html, .jsonl or .json")
        return
    try:
        yield from reader(path, encoding)
    except KgError as e:
        yield e
    except OSError as e:
        yield KgError(f"{path}: cannot read ({e.strerror or e})")


def read_corpus(sources: Iterable[str | Path], encoding: str | None = None) -> tuple[list[Article], list[str]]:
    """All good articles of `sources`, and one line per file or record that could not be read.
    Two articles with one id: the first is kept, the second is reported."""
    articles: list[Article] = []
    errors: list[str] = []
    seen: dict[str, str] = {}
    for path in article_paths(sources):
        for item in read_file(path, encoding):
            if isinstance(item, KgError):
                errors.append(str(item))
            elif item.slug in seen:
                errors.append(f"{item.source}: article id '{item.id}' is already used by {seen[item.slug]}; "
                              "give it another id (file name or 'id' field)")
            else:
                seen[item.slug] = item.source
                articles.append(item)
    return articles, errors
