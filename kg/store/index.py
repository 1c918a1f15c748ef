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
from typing import Iterable

from rdflib import Dataset, Literal, Namespace, URIRef

from kg.extract.crossdoc import Hints, Summary, facets
from kg.namespaces import graphs_base
from kg.rdf.emit import Minter
from kg.store import objects, statements, subjects

BUILD = Namespace("urn:kg:build#")      # entry: an article's record; fingerprint: a whole graph's
PACKAGE = Path(__file__).resolve().parents[1]      # kg/, whose extraction code the fingerprint covers
EXTRACTION_CODE = ("extract", "text", "rdf", "lexicons")


def index_graph_iri(base_iri: str) -> URIRef:
    return URIRef(graphs_base(base_iri) + "build/index")     # '/' never occurs in an article's graph name


def links_graph_iri(base_iri: str) -> URIRef:
    return URIRef(graphs_base(base_iri) + "build/links")


@lru_cache(maxsize=None)
def pipeline_fingerprint() -> str:
    """Changes when the code or data that extraction runs on changes: then every article is built again."""
    h = hashlib.sha256(Path(__file__).read_bytes())     # and when the index's own form changes
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
    """One statement holds the whole entry, so that reading the index of a large store is one quick scan;
    one more per facet (kg.extract.crossdoc.facets) finds the articles sharing it by a lookup."""
    record = {"id": entry.article_id, "hash": entry.content_hash,
              "pipeline": entry.pipeline, "summary": entry.summary.to_json(), "hints": entry.hints.to_json(),
              "source": entry.source}
    triples = [(article, BUILD.entry, Literal(json.dumps(record, ensure_ascii=False))),
               (article, BUILD.id, Literal(entry.article_id))]
    for facet, values in facets(entry.summary).items():
        triples += [(article, BUILD[facet], Literal(value)) for value in sorted(values)]
    return triples


def _entry(value: str) -> Entry | None:
    try:
        r = json.loads(value)
        return Entry(r["id"], r["hash"], r["pipeline"], Summary.from_json(r["summary"]),
                     Hints.from_json(r["hints"]), r.get("source", ""))
    except (KeyError, ValueError, TypeError):
        return None       # an entry that cannot be read: that article is built again


class StoredIndex:
    """The index of one store, read as needed: an article's entry by a lookup, all of them by one scan.
    It is what cross-document settling reads (kg.extract.crossdoc.Corpus)."""

    def __init__(self, ds: Dataset, base_iri: str):
        self.ds = ds
        self.graph = index_graph_iri(base_iri)
        self.mint = Minter(base_iri)
        self._by_iri: dict[str, Entry | None] = {}     # article IRI → entry (None: looked up, absent)
        self._ids: dict[str, str | None] = {}           # article IRI → its id, read without its entry
        self._complete = False

    def get(self, article_id: str) -> Entry | None:
        return self._lookup(str(self.mint.article(article_id)))

    def _lookup(self, iri: str) -> Entry | None:
        if iri not in self._by_iri and not self._complete:
            values = objects(self.ds, self.graph, URIRef(iri), BUILD.entry)
            self._by_iri[iri] = _entry(values[0]) if values else None
        return self._by_iri.get(iri)

    def entries(self, ids: Iterable[str] | None = None) -> dict[str, Entry]:
        if ids is None:
            if not self._complete:
                self._by_iri = {iri: _entry(value) for iri, value in statements(self.ds, self.graph, BUILD.entry)}
                self._complete = True
            return {e.article_id: e for e in self._by_iri.values() if e is not None}
        return {aid: e for aid in ids if (e := self.get(aid)) is not None}

    def put(self, article: URIRef, entry: Entry) -> None:
        self._by_iri[str(article)] = entry
        self._ids[str(article)] = entry.article_id

    def drop(self, article: URIRef) -> None:
        self._by_iri[str(article)] = None
        self._ids[str(article)] = None

    def _id(self, iri: str) -> str | None:
        """An article's id from its own statement: settling asks for thousands, and reading each one's
        whole entry to learn it cost most of adding one article to a large store."""
        if iri not in self._ids:
            if iri in self._by_iri or self._complete:
                entry = self._by_iri.get(iri)
                self._ids[iri] = entry.article_id if entry else None
            else:
                values = objects(self.ds, self.graph, URIRef(iri), BUILD.id)
                self._ids[iri] = values[0] if values else None
        return self._ids[iri]

    # -- as a crossdoc.Corpus ---------------------------------------------------------------------------

    def summaries(self, ids=None) -> dict[str, Summary]:
        return {aid: e.summary for aid, e in self.entries(ids).items()}

    def hints(self, ids=None) -> dict[str, Hints]:
        return {aid: e.hints for aid, e in self.entries(ids).items()}

    def sharing(self, facet: str, values: Iterable[str]) -> set[str]:
        iris = {iri for value in values for iri in subjects(self.ds, self.graph, BUILD[facet], Literal(value))}
        return {aid for iri in iris if (aid := self._id(iri)) is not None}

    def facet_values(self, facet: str, ids: Iterable[str]) -> dict[str, set[str]]:
        return {aid: set(objects(self.ds, self.graph, self.mint.article(aid), BUILD[facet])) for aid in ids}
