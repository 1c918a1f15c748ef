"""Helpers for tests that build invented articles together and one at a time: the graph must end the same."""
from __future__ import annotations

import json

from rdflib.compare import isomorphic, to_isomorphic
from rdflib.graph import Graph

from kg.build import build_articles
from kg.export import union_graph
from kg.store import open_dataset


def write_articles(folder, articles: dict[str, tuple[str, str]]) -> None:
    """Each article (id → (text, publication date)) as a JSON record of the corpus format."""
    folder.mkdir(exist_ok=True)
    for name, (text, published) in articles.items():
        (folder / f"{name}.json").write_text(json.dumps({"id": name, "date": published, "text": text},
                                                        ensure_ascii=False), encoding="utf-8")


def union(ds) -> Graph:
    g = Graph()
    for t in union_graph(ds):
        g.add(t)
    return g


def clean_build(folder) -> Graph:
    """The union of every article of `folder` built together into a fresh memory store."""
    clean = open_dataset("memory")
    assert not build_articles(clean, [folder], jobs=1).failed
    return union(clean)


def build_one_at_a_time(ds, folder, order) -> None:
    for name in order:
        assert not build_articles(ds, [folder / f"{name}.json"], jobs=1).failed


def assert_same(ds, expected: Graph) -> None:
    got = union(ds)
    assert isomorphic(got, expected), sorted(set(to_isomorphic(got)) ^ set(to_isomorphic(expected)))
