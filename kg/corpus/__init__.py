"""Reading a corpus: `.txt`, `.html`/`.htm`, `.jsonl` and `.json` files, or folders of them.

Every reader yields `Article`s or `KgError`s (one per bad file or record), so one bad input never hides
the others. Metadata, when a format carries it, gives the article id, date and publisher; a `.txt`
or `.html` article's id is its file stem."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from kg.corpus.article import MAX_ARTICLE_CHARS, Article, shown
from kg.errors import KgError

__all__ = ["Article", "SUFFIXES", "article_paths", "read_corpus", "read_file"]


def _readers():
    from kg.corpus import html, records, text
    return {".txt": text.read, ".html": html.read, ".htm": html.read, ".jsonl": records.read_jsonl,
            ".json": records.read_json}


SUFFIXES = frozenset({".txt", ".html", ".htm", ".jsonl", ".json"})
# bytes a file may have before it is read whole (a .jsonl file is read a record at a time): reading and
# decoding costs many times a file's size in memory, so a dump is refused by its size, unread
MAX_FILE_BYTES = {".txt": 4 * MAX_ARTICLE_CHARS, ".html": 16 * MAX_ARTICLE_CHARS, ".htm": 16 * MAX_ARTICLE_CHARS,
                  ".json": 32 * MAX_ARTICLE_CHARS}


def article_paths(sources: Iterable[str | Path], errors: list[str] | None = None) -> list[Path]:
    """The files to read: each file given, and every file of a known kind under each folder given. A
    folder that cannot be listed is one line in `errors` (when given), never skipped silently."""
    paths: list[Path] = []
    for src in map(Path, sources):
        if src.is_dir():
            def unreadable(e: OSError) -> None:
                line = f"{shown(e.filename or src)}: cannot read this folder ({e.strerror or e}); its files were not built"
                if errors is None:
                    raise KgError(line)
                errors.append(line)

            found = []
            try:
                os.scandir(src).close()     # os.walk says nothing when the folder given cannot be listed
            except OSError as e:
                unreadable(e)
            for folder, dirs, files in os.walk(src, onerror=unreadable):
                dirs.sort()
                found += [Path(folder) / f for f in files if Path(f).suffix.lower() in SUFFIXES]
            paths.extend(sorted(p for p in found if p.is_file()))
        elif src.is_file():
            paths.append(src)
        else:
            raise KgError(f"{shown(src)}: no such file or folder")
    return paths


def read_file(path: Path, encoding: str | None = None) -> Iterator[Article | KgError]:
    name = shown(path)
    reader = _readers().get(path.suffix.lower())
    if reader is None:
        yield KgError(f"{name}: unknown kind of file; give .txt, .html, .jsonl or .json")
        return
    if name != str(path):
        yield KgError(f"{name}: the file name is not UTF-8 text; rename the file (e.g. with convmv)")
        return
    try:
        limit = MAX_FILE_BYTES.get(path.suffix.lower())
        if limit is not None and (size := path.stat().st_size) > limit:
            yield KgError(f"{name}: {size:,} bytes is not one news article; split it into articles (one per "
                          "file, or one JSONL record each)")
            return
        yield from reader(path, encoding)
    except KgError as e:
        yield e
    except OSError as e:
        yield KgError(f"{name}: cannot read ({e.strerror or e})")


def read_corpus(sources: Iterable[str | Path], encoding: str | None = None) -> tuple[list[Article], list[str]]:
    """All good articles of `sources`, and one line per file, record or folder that could not be read.
    Two articles with one id: the first is kept, the second is reported."""
    articles: list[Article] = []
    errors: list[str] = []
    seen: dict[str, str] = {}
    for path in article_paths(sources, errors):
        for item in read_file(path, encoding):
            if isinstance(item, KgError):
                errors.append(shown(item))
            elif item.slug in seen:
                errors.append(f"{item.source}: article id '{item.id}' is already used by {seen[item.slug]}; "
                              "give it another id (file name or 'id' field)")
            else:
                seen[item.slug] = item.source
                articles.append(item)
    return articles, errors
