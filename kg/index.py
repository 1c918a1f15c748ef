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

BUILD = Namespace("urn:kg:build#")
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
    graph: URIRef
    content_hash: str
    pipeline: str
    summary: Summary
    hints: Hints
    source: str = ""


def entry_triples(article: URIRef, entry: Entry) -> list[tuple]:
    return [(article, BUILD.articleId, Literal(entry.article_id)),
            (article, BUILD.graph, entry.graph),
            (article, BUILD.contentHash, Literal(entry.content_hash)),
            (article, BUILD.pipeline, Literal(entry.pipeline)),
            (article, BUILD.summary, Literal(json.dumps(entry.summary.to_json(), ensure_ascii=False))),
            (article, BUILD.hints, Literal(json.dumps(entry.hints.to_json(), ensure_ascii=False))),
            (article, BUILD.source, Literal(entry.source))]


def read_index(ds: Dataset, base_iri: str) -> dict[URIRef, Entry]:
    """article IRI → its entry. An entry cut short (never, with transactions; but a store is a store)
    is dropped, and the article is built again."""
    fields: dict[URIRef, dict] = {}
    for s, p, o in ds.graph(index_graph_iri(base_iri)).triples((None, None, None)):
        fields.setdefault(s, {})[str(p)[len(str(BUILD)):]] = o
    index = {}
    for article, f in fields.items():
        try:
            index[article] = Entry(str(f["articleId"]), URIRef(f["graph"]), str(f["contentHash"]),
                                   str(f["pipeline"]), Summary.from_json(json.loads(str(f["summary"]))),
                                   Hints.from_json(json.loads(str(f["hints"]))), str(f.get("source", "")))
        except (KeyError, ValueError, TypeError):
            continue
    return index
