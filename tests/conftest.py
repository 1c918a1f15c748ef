from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.build import build_articles
from kg.export import write_build_exports
from kg.store import open_dataset

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI runs with ../shared beside the clone")
        pytest.skip(f"{path} not present on this machine")
    return path


@pytest.fixture(scope="session")
def seeds_export(tmp_path_factory) -> Path:
    """The seeds built once into an in-memory store and exported."""
    out = tmp_path_factory.mktemp("exports")
    ds = open_dataset("memory")
    report = build_articles(ds, [SEEDS])
    assert not report.failed
    write_build_exports(ds, out)
    return out


@pytest.fixture(scope="session")
def seeds_dataset():
    ds = open_dataset("memory")
    build_articles(ds, [SEEDS])
    return ds


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Vietnamese as legacy Windows-1258 writes it: letters precomposed, tone marks combining."""
    import unicodedata
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + tones)
    return "".join(out).encode("cp1258")
