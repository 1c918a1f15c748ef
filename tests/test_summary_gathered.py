"""A build from an empty store computes the summary from the statements it wrote (kg.store.summary.Keeper.gather)
instead of reading them back from the store: the rows must be those the store gives, and the predicates gathered
all those the summary's queries read."""
from __future__ import annotations

import re
import zlib

import pytest

import kg.store.summary as summary
from kg.build import build_articles
from kg.export import plain
from kg.namespaces import DEFAULT_BASE_IRI
from kg.rdf.emit import evidence_subjects
from kg.store import open_dataset
from kg.store.index import index_graph_iri
from kg.store.summary import READS, facts_of, person_rows, pledge_rows, summary_graph_iri
from kg.store.writer import ArticleWriter

from .conftest import SEEDS

PREFIXED = re.compile(r"\b(schema|dk):([a-z]\w*)")     # a lower-case local name: a predicate, not a class
NAMESPACES = {"schema": "https://schema.org/", "dk": "https://w3id.org/diplomacy-kg/ontology#"}


def queries() -> list[str]:
    return [v for k, v in vars(summary).items() if isinstance(v, str) and "SELECT" in v and k.startswith("_")]


def test_the_gathered_predicates_are_all_the_summary_queries_read():
    read = {f"<{NAMESPACES[p]}{local}>" for text in queries() for p, local in PREFIXED.findall(text)}
    if any(re.search(r"\sa\s", text) for text in queries()):
        read.add("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>")
    assert len(queries()) >= 5 and read and read <= READS, sorted(read - READS)


BASE = "https://ex.org/kg/"
FACTS = [
    ('<https://ex.org/kg/person/ana> <https://schema.org/name> "Ana Soto"@vi .', True),
    ('<https://ex.org/kg/event/e1> <https://schema.org/attendee> <https://ex.org/kg/person/ana> .', True),
    ('<https://ex.org/kg/event/e1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Event> .', True),
    ('<https://ex.org/kg/event/e1> <https://schema.org/location> <https://ex.org/kg/place/lima> .', False),
    ('<https://ex.org/kg/mention/m1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://ex.org/x/Mention> .', False),
    ('<https://ex.org/kg/person/ana> <https://schema.org/nameX> "Ana" .', False),
]


@pytest.mark.parametrize("line,kept", FACTS)
def test_facts_of_keeps_the_lines_the_summary_reads_and_no_evidence(line, kept):
    assert (zlib.decompress(facts_of(line + "\n", evidence_subjects(BASE))) == (line + "\n").encode("utf-8")) is kept


def rows(ds) -> set:
    return {(s, p, plain(o)) for rows in (person_rows(ds), pledge_rows(ds)) for t in rows.values() for s, p, o in t}


def kept(ds) -> set:
    return {(s, p, plain(o)) for s, p, o in ds.graph(summary_graph_iri(DEFAULT_BASE_IRI)).triples((None, None, None))}


@pytest.mark.parametrize("start,gathers", [("empty", True), ("built", False)])
def test_a_build_from_an_empty_store_gives_the_rows_the_store_gives(tmp_path, monkeypatch, start, gathers):
    ds = open_dataset(str(tmp_path / "store"))
    if start == "built":
        build_articles(ds, [SEEDS])
        # a summary of an older form: the next build recomputes it whole, from the store (no graph passes)
        ArticleWriter(ds, index_graph_iri(DEFAULT_BASE_IRI)).set_mark(summary_graph_iri(DEFAULT_BASE_IRI), None)
    used = []
    gathered = summary.Keeper._gathered
    monkeypatch.setattr(summary.Keeper, "_gathered", lambda self: used.append(1) or gathered(self))
    build_articles(ds, [SEEDS])
    assert bool(used) is gathers
    assert len(kept(ds)) > 50 and kept(ds) == rows(ds)
