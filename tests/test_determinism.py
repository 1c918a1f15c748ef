"""The same input gives the same graph on every run (docs/data-model.md): whatever the string hash seed of
the process (a set's order changes with it) and however many processes extract."""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from kg.build import build_articles
from kg.extract.crossdoc import Summary, corpus_hints
from kg.store import open_dataset
from kg.views.model import view_graph

from .conftest import ROOT, SEEDS, shared_or_skip

# Invented articles naming one invented person three ways: unmarked, marked Kenyan, marked Norwegian under
# an initial. The unmarked spelling is alike to both others, which are too far apart to be one person:
# which of the two it joins must not depend on which pair a set offers first.
INVENTED = {
    "x1_reception": "Hà Nội, ngày 3/4/2031 – Chiều 3/4, Thủ tướng Chính phủ đã tiếp ông James Mwanqi, Chủ tịch "
                    "tập đoàn Savanna, đang thăm và làm việc tại Việt Nam.",
    "x2_kenya": "Nairobi, ngày 5/4/2031 – Ngày 5/4, Bộ trưởng Bộ Ngoại giao Kenya James Mwangi đã hội đàm với "
                "Đại sứ Việt Nam tại Kenya.",
    "x3_norway": "Oslo, ngày 7/4/2031 – Ngày 7/4, Bộ trưởng Bộ Thương mại Na Uy J. Mwanqi đã tiếp Đại sứ Việt Nam "
                 "tại Na Uy.",
}
DEV2_ARTICLES = ("e02_vn_id_jokowi_state_visit.txt", "e04_vn_eu_costa_official_visit.txt")
# (PYTHONHASHSEED, --jobs) of each run; seeds 1 and 3 order the sets of the invented case differently
RUNS = (("1", "1"), ("3", "2"))


def _build(sources: list[Path], out: Path, seed: str, jobs: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "kg", "build", *map(str, sources), "--store", "memory",
                           "--out", str(out), "--jobs", jobs], cwd=ROOT, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=600)
    assert done.returncode == 0, done.stderr


def _quads(path: Path) -> set[tuple]:
    ds = Dataset()
    ds.parse(str(path), format="trig")
    return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> list[Path]:
    corpus = tmp_path_factory.mktemp("corpus")
    for name in DEV2_ARTICLES:
        shutil.copy(shared_or_skip("dev2", "articles", name), corpus / name)
    for stem, text in INVENTED.items():
        (corpus / f"{stem}.txt").write_text(text + "\n", encoding="utf-8")
    outs = []
    for seed, jobs in RUNS:
        out = tmp_path_factory.mktemp(f"seed{seed}_jobs{jobs}")
        _build([SEEDS, corpus], out, seed, jobs)
        outs.append(out)
    return outs


def test_same_statements_whatever_the_hash_seed_and_jobs(builds):
    first, second = (_quads(out / "kg.trig") for out in builds)
    assert first, "the build wrote no statements"
    assert sorted(first - second)[:5] == [] and sorted(second - first)[:5] == []


def _contents(path: Path) -> dict[str, bytes]:
    """A file's bytes, or a folder's (the article pages) file by file."""
    if path.is_file():
        return {"": path.read_bytes()}
    return {str(f.relative_to(path)): f.read_bytes() for f in sorted(path.rglob("*")) if f.is_file()}


@pytest.mark.parametrize("fmt", ["jsonld", "trig", "ttl", "nq", "articles"])
def test_exports_of_a_store_are_the_same_bytes_whatever_the_hash_seed(tmp_path, fmt):
    store = tmp_path / "store"
    ds = open_dataset(str(store))
    try:
        build_articles(ds, [SEEDS], jobs=1)
    finally:
        ds.close()
    files = []
    for seed in ("1", "3"):
        files.append(tmp_path / f"{seed}.{fmt}")
        done = subprocess.run([sys.executable, "-m", "kg", "export", fmt, "--store", str(store), "-o", str(files[-1])],
                              cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
                              capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
        assert done.returncode == 0, done.stderr
    first, second = (_contents(f) for f in files)
    assert first and list(first) == list(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.parametrize("name", ["kg.trig", "kg.ttl", "kg.graphml", "kg.gexf", "centrality.csv", "timeline.html"])
def test_same_bytes_whatever_the_hash_seed_and_jobs(builds, name):
    first, second = ((out / name).read_bytes() for out in builds)
    assert first == second


def _summary(aid: str, roster=(), wanted=()) -> Summary:
    return Summary(aid, "2031-05-02", "2031-05-02", roster=[list(r) for r in roster], wanted=[list(w) for w in wanted])


# summaries as the store or a set of ids may hand them over: the hints must not depend on their order
HINT_CASES = {
    "one minister written two ways": [
        _summary("p1", roster=[("rosa quispe", "Rosa Quispe", "PE", ["minister"], True)]),
        _summary("p2", roster=[("rosa quispe", "ROSA QUISPE", "PE", ["minister"], True)]),
        _summary("p3", wanted=[("minister", "PE")]),
    ],
    "two articles wanting one ambassador": [
        _summary("m1", roster=[("karim alaoui", "Karim Alaoui", "MA", ["ambassador"], True)]),
        _summary("m2", wanted=[("ambassador", "MA")]),
        _summary("m3", roster=[("karim alaoui", "Karim  Alaoui", "MA", ["ambassador"], True)],
                 wanted=[("ambassador", "MA")]),
    ],
}


@pytest.mark.parametrize("case", sorted(HINT_CASES))
def test_corpus_hints_do_not_depend_on_the_order_of_summaries(case):
    summaries = HINT_CASES[case]
    expected = corpus_hints(summaries)
    assert any(h.names for h in expected.values()), "the case must give a name hint to compare"
    rng = random.Random(7)
    for _ in range(4):
        shuffled = summaries[:]
        rng.shuffle(shuffled)
        assert corpus_hints(shuffled) == expected


SCHEMA = Namespace("https://schema.org/")
EVENT = URIRef("https://example.org/id/event/visit-1")
# one node two articles tell differently: (predicate, the two values) → the attribute and value the view keeps
VIEW_CASES = [
    ((SCHEMA.name, (Literal("Chuyến thăm Peru", lang="vi"), Literal("Chuyến Thăm Peru", lang="vi"))),
     ("label", "Chuyến Thăm Peru")),
    ((SCHEMA.startDate, (Literal("2031-07-08", datatype=XSD.date), Literal("2031-07-05", datatype=XSD.date))),
     ("start", "2031-07-05")),
    ((SCHEMA.startDate, (Literal("--07-05", datatype=XSD.gMonthDay), Literal("2031-07-08", datatype=XSD.date))),
     ("start", "2031-07-08")),
    ((SCHEMA.endDate, (Literal("2031-07-08", datatype=XSD.date), Literal("2031-07-09", datatype=XSD.date))),
     ("end", "2031-07-09")),
]


def _view_of(statements: list[tuple]) -> dict:
    ds = Dataset(default_union=True)     # as the memory store (kg.store.open_dataset) reads it
    kind = URIRef("https://example.org/vocab/event-type/visit")
    for i, (p, o) in enumerate(statements):
        g = ds.graph(URIRef(f"https://example.org/id/graph/a{i}"))
        g.add((EVENT, RDF.type, SCHEMA.Event))
        g.add((EVENT, DCTERMS.type, kind))
        g.add((kind, SKOS.notation, Literal("visit")))
        g.add((EVENT, p, o))
    return view_graph(ds).nodes[str(EVENT)]


@pytest.mark.parametrize("told, kept", VIEW_CASES)
def test_view_keeps_one_value_whatever_the_row_order(told, kept):
    predicate, values = told
    attribute, value = kept
    for order in (values, values[::-1]):
        assert _view_of([(predicate, v) for v in order])[attribute] == value
