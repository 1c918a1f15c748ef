"""Article records: `.jsonl` (one JSON object per line) and `.json` (one object, or a list of them), with
fields id, title, date, url, publisher, text. A bad line costs that record only."""
from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO, Iterator

from kg.corpus.article import MAX_ARTICLE_CHARS, Article, make_article
from kg.corpus.decode import decode
from kg.errors import KgError

FIELDS = ("id", "title", "date", "url", "publisher", "text")
MAX_RECORD_BYTES = 8 * MAX_ARTICLE_CHARS    # a record's line, room for an article written with \u escapes


def from_record(record, source: str, fallback_id: str) -> Article:
    if not isinstance(record, dict):
        raise KgError(f"{source}: a record must be a JSON object with {', '.join(FIELDS)}")
    if "text" not in record:
        raise KgError(f"{source}: the record has no 'text'")
    return make_article(record.get("id") or fallback_id, record["text"], source, record.get("date"),
                        record.get("publisher"), record.get("title"), record.get("url"))


def read_jsonl(path: Path, encoding: str | None = None) -> Iterator[Article | KgError]:
    with path.open("rb") as f:       # line by line: a file of any size in little memory
        for number, raw in enumerate(_lines(f, MAX_RECORD_BYTES), start=1):
            source = f"{path}:{number}"
            try:
                if raw is None:
                    raise KgError(f"{source}: a record over {MAX_RECORD_BYTES:,} bytes is not one news article; "
                                  "split it into articles")
                line = decode(raw, source, encoding).strip()
                if not line:
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    raise KgError(f"{source}: not valid JSON ({e.msg} at column {e.colno}); fix or drop this "
                                  "line") from None
                except RecursionError:
                    raise KgError(f"{source}: JSON nested too deep to be an article record; fix or drop this "
                                  "line") from None
                yield from_record(record, source, f"{path.stem}-{number}")
            except KgError as e:
                yield e


def _lines(f: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Each line of `f`, or None for one longer than `limit`, which is skipped without being held whole."""
    while True:
        raw = f.readline(limit + 1)
        if not raw:
            return
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield raw
            continue
        while raw and not raw.endswith(b"\n"):
            raw = f.readline(1 << 20)
        yield None


def read_json(path: Path, encoding: str | None = None) -> Iterator[Article | KgError]:
    try:
        data = json.loads(decode(path.read_bytes(), str(path), encoding))
    except json.JSONDecodeError as e:
        raise KgError(f"{path}: not valid JSON ({e.msg} at line {e.lineno}); fix the file") from None
    except RecursionError:
        raise KgError(f"{path}: JSON nested too deep to hold article records; fix the file") from None
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        source = f"{path}[{number}]" if isinstance(data, list) else str(path)
        try:
            yield from_record(record, source, f"{path.stem}-{number}" if isinstance(data, list) else path.stem)
        except KgError as e:
            yield e
