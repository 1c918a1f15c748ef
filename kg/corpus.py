"""Reading articles: `.txt` files, or folders of them. The article id is the file stem."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError

SUFFIXES = {".txt"}


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    path: Path


def article_paths(sources: list[str | Path]) -> list[Path]:
    paths: list[Path] = []
    for src in map(Path, sources):
        if src.is_dir():
            paths.extend(sorted(p for p in src.rglob("*") if p.suffix in SUFFIXES and p.is_file()))
        elif src.is_file():
            paths.append(src)
        else:
            raise KgError(f"{src}: no such file or folder")
    return paths


def read_article(path: Path) -> Article:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise KgError(f"{path}: cannot read ({e.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise KgError(f"{path}: not UTF-8 text; convert it to UTF-8 and build again") from None
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise KgError(f"{path}: empty article")
    return Article(path.stem, text, path)
