"""Article records: `.jsonl` (one JSON object per line) and `.json` (one object, or a list of them), with
fields id, title, date, url, publisher, text. A bad line costs that record only."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from kg.corpus.article import Article, make_article
from kg.corpus.decode import decode
from kg.errors import KgError

FIELDS = ("id", "title", "date", "url", "publisher", "text")


def from_record(record, source: str, fallback_id: str) -> Article:
    if not isinstance(record, dict):
        raise KgError(f"{source}: a record must be a JSON object with {', '.join(FIELDS)}")
    if "text" not in record:
        raise KgError(f"{source}: the record has no 'text'")
    return make_article(record.get("id") or fallback_id, record["text"], source, record.get("date"),
                        record.get("publisher"), record.get("title"), record.get("url"))


def read_jsonl(path: Path, encoding: str | None = None) -> Iterator[Article | KgError]:
    with path.open("rb") as f:       # line by line: a file of any size in little memory
        for number, raw in enumerate(f, start=1):
            source = f"{path}:{number}"
            try:
                line = decode(raw, source, encoding).strip()
                if not line:
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    raise KgError(f"{source}: not valid JSON ({e.msg} at column {e.colno}); fix or drop this "
                                  "line") from None
                yield from_record(record, source, f"{path.stem}-{number}")
            except KgError as e:
                yield e


def read_json(path: Path, encoding: str | None = None) -> Iterator[Article | KgError]:
    try:
        data = json.loads(decode(path.read_bytes(), str(path), encoding))
    except json.JSONDecodeError as e:
        raise KgError(f"{path}: not valid JSON ({e.msg} at line {e.lineno}); fix the file") from None
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        source = f"{path}[{number}]" if isinstance(data, list) else str(path)
        try:
            yield from_record(record, source, f"{path.stem}-{number}" if isinstance(data, list) else path.stem)
        except KgError as e:
            yield e
