"""The store's record of what it holds: for each built article, the hash of what was extracted, the
pipeline that extracted it, and its cross-document summary and hints. It lives in a named graph of its
own, so it is written in the same transaction as the article and never disagrees with the store; it is
bookkeeping, left out of every export."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Literal, Namespace, URIRef

from kg.extract.crossdoc import Hints, Summary
from kg.namespaces import graphs_base

BUILD = Namespace("urn:kg:build#")      # entry: an article's record; fingerprint: a whole graph's
PACKAGE = Path(__file__).resolve().parent
EXTRACTION_CODE = ("extract", "text", "rdf", "lexicons")


def index_graph_iri(base_iri: str) -> URIRef:
    return URIRef(graphs_base(base_iri) + "build/index")     # '/' never occurs in an article's graph name


def links_graph_iri(base_iri: str) -> URIRef:
    return URIRef(graphs_base(base_iri) + "build/links")


@lru_cache(maxsize=None)
def pipeline_fingerprint() -> str:
    """Changes when the code or data that extraction runs on changes: then every article is built again."""
    h = hashlib.sha256()
    for folder in EXTRACTION_CODE:
        for path in sorted((PACKAGE / folder).rglob("*")):
            if path.suffix in {".py", ".json", ".jsonl"}:
                h.update(path.relative_to(PACKAGE).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


@dataclass
class Entry:
    article_id: str
    content_hash: str
    pipeline: str
    summary: Summary
    hints: Hints
    source: str = ""


def entry_triples(article: URIRef, entry: Entry) -> list[tuple]:
    """One statement per article, so that reading the index of a large store is one quick scan."""
    record = {"id": entry.article_id, "hash": entry.content_hash,
              "pipeline": entry.pipeline, "summary": entry.summary.to_json(), "hints": entry.hints.to_json(),
              "source": entry.source}
    return [(article, BUILD.entry, Literal(json.dumps(record, ensure_ascii=False)))]


def read_index(ds: Dataset, base_iri: str) -> dict[str, Entry]:
    """article id → its entry. An entry that cannot be read is dropped: that article is built again."""
    from kg.store import statements

    index = {}
    for _, value in statements(ds, index_graph_iri(base_iri), BUILD.entry):
        try:
            r = json.loads(value)
            index[r["id"]] = Entry(r["id"], r["hash"], r["pipeline"],
                                           Summary.from_json(r["summary"]), Hints.from_json(r["hints"]),
                                           r.get("source", ""))
        except (KeyError, ValueError, TypeError):
            continue
    return index
