"""Summary statements (kg.store.summary): kept by the build for the articles it touches, equal to those of a
clean build of the same articles, and read by the library queries with the rows their whole-corpus forms
gave (those forms are kept here as the reference)."""
from __future__ import annotations

import shutil

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from kg.build import build_articles, remove_articles
from kg.namespaces import DEFAULT_BASE_IRI, DK, SCHEMA
from kg.sparql.query import load_query, run
from kg.store import open_dataset
from kg.store.index import index_graph_iri
from kg.store.summary import SUM, Keeper, pledge_rows, person_rows, summary_graph_iri
from kg.store.writer import ArticleWriter

from .conftest import SEEDS, shared_or_skip

EX = Namespace("https://example.org/")


def summary_of(ds) -> Graph:
    g = Graph()
    for t in ds.graph(summary_graph_iri(DEFAULT_BASE_IRI)).triples((None, None, None)):
        g.add(t)
    return g


def store(kind: str, folder, name: str):
    return open_dataset("memory" if kind == "memory" else str(folder / name))


def corpus(tmp_path, drop: str | None = None, cut: str | None = None):
    """The seeds copied, without the article `drop`, with the article `cut` cut to its first half."""
    out = tmp_path / f"corpus-{drop}-{cut}"
    out.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        if path.stem == drop:
            continue
        shutil.copy(path, out / path.name)
        if path.stem == cut:
            lines = path.read_text(encoding="utf-8").splitlines()
            (out / path.name).write_text("\n".join(lines[:max(3, len(lines) // 2)]) + "\n", encoding="utf-8")
    return out


ARTICLE = "002_ec33e0e534115cdd"      # the seeds' article naming most persons and events


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
@pytest.mark.parametrize("change", ["add", "remove", "replace"])
def test_a_summary_kept_by_the_build_equals_a_clean_builds(tmp_path, kind, change):
    whole, without, cut = corpus(tmp_path), corpus(tmp_path, drop=ARTICLE), corpus(tmp_path, cut=ARTICLE)
    ds = store(kind, tmp_path, "kept")
    if change == "add":
        build_articles(ds, [without])
        build_articles(ds, [whole])
        final = whole
    elif change == "remove":
        build_articles(ds, [whole])
        remove_articles(ds, [ARTICLE])
        final = without
    else:
        build_articles(ds, [whole])
        build_articles(ds, [cut])
        final = cut
    clean = store(kind, tmp_path, "clean")
    build_articles(clean, [final])
    kept, expected = summary_of(ds), summary_of(clean)
    assert len(expected) > 50
    assert isomorphic(kept, expected), sorted(set(kept) ^ set(expected))[:5]


# the whole-corpus forms the summary replaced
REFERENCE = {
    "most-connected": """PREFIX schema: <https://schema.org/>
SELECT ?actor (COUNT(DISTINCT ?e) AS ?events) ((COUNT(DISTINCT ?other) - 1) AS ?counterparts)
WHERE { ?x a schema:Person ; schema:name ?actor . ?e schema:attendee ?x .
  OPTIONAL { ?e schema:attendee ?other . FILTER EXISTS { ?other a schema:Person } } }
GROUP BY ?actor ORDER BY DESC(?events) DESC(?counterparts) ?actor LIMIT 25""",
    "who-met-whom": """PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?a ?b (COUNT(DISTINCT ?e) AS ?events) (GROUP_CONCAT(DISTINCT ?day; separator=", ") AS ?dates)
WHERE { ?e a schema:Event ; schema:attendee ?x , ?y . ?x schema:name ?a . ?y schema:name ?b .
  FILTER(?x != ?y && STR(?a) < STR(?b)) FILTER EXISTS { ?x a schema:Person } FILTER EXISTS { ?y a schema:Person }
  OPTIONAL { ?e schema:startDate ?d } BIND(IF(BOUND(?d), STR(?d), "undated") AS ?day) }
GROUP BY ?a ?b ORDER BY DESC(?events) ?a ?b""",
    "pledge-progress": """PREFIX dk: <https://w3id.org/diplomacy-kg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?measure ?target ?targetMin ?targetMax ?unit ?targetYear ?figure ?period ?article ?statement
WHERE {
  { SELECT ?k ?q ?m (MAX(?p) AS ?period) WHERE {
      ?k a dk:Commitment ; dk:target ?q . ?q dk:measure ?m .
      OPTIONAL { ?o a dk:Observation ; dk:measure ?m ; dk:period ?p .
                 FILTER NOT EXISTS { ?k dk:party ?x . FILTER NOT EXISTS { ?o dk:party ?x } } }
    } GROUP BY ?k ?q ?m }
  ?m skos:notation ?measure .
  ?k dk:statement ?statement ; prov:wasDerivedFrom/schema:identifier ?article .
  ?q schema:unitText ?unit .
  OPTIONAL { ?q schema:value ?target }
  OPTIONAL { ?q schema:minValue ?targetMin ; schema:maxValue ?targetMax }
  OPTIONAL { ?q dk:targetYear ?targetYear }
  OPTIONAL { ?latest a dk:Observation ; dk:measure ?m ; dk:period ?period ; schema:value ?figure ; schema:unitText ?unit .
             FILTER NOT EXISTS { ?k dk:party ?y . FILTER NOT EXISTS { ?latest dk:party ?y } } }
}""",
}


def table(result) -> list[tuple]:
    """Rows as text; a list of dates as the set it is (GROUP_CONCAT's order is the engine's)."""
    names = [str(v) for v in result.vars]
    return sorted(tuple("|".join(sorted(str(v).split(", "))) if n == "dates" and v is not None
                        else (None if v is None else str(v)) for n, v in zip(names, row)) for row in result)


def built(kind, name, tmp_path_factory):
    folder = SEEDS if name == "seeds" else shared_or_skip(name, "articles")
    ds = open_dataset("memory" if kind == "memory" else str(tmp_path_factory.mktemp(name) / "store"))
    build_articles(ds, [folder])
    return ds


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
@pytest.mark.parametrize("name", ["seeds", "dev", "dev2"])
def test_queries_reading_the_summary_give_the_rows_of_their_whole_corpus_forms(tmp_path_factory, kind, name):
    ds = built(kind, name, tmp_path_factory)
    for query, reference in REFERENCE.items():
        got, expected = table(run(ds, load_query(query))), table(run(ds, reference))
        assert got == expected, query
        assert expected or query == "pledge-progress", query


# a hand-made graph about invented people: what each summary row says
P = {name: EX[f"person/{i}"] for i, name in enumerate(["Ana Soto", "Jomo Kariuki", "Ingrid Berg", "Aigerim Nurlan"])}
E1, E2, E3 = EX["event/1"], EX["event/2"], EX["event/3"]


def tiny() -> Dataset:
    ds = Dataset(default_union=True)
    g = ds.graph(EX["graph/a"])
    for name, node in P.items():
        g.add((node, RDF.type, SCHEMA.Person))
        g.add((node, SCHEMA.name, Literal(name, lang="vi")))
    for e, who, day in [(E1, ["Ana Soto", "Jomo Kariuki"], "2025-03-02"), (E2, ["Ana Soto", "Jomo Kariuki", "Ingrid Berg"], None),
                        (E3, ["Aigerim Nurlan"], "2024-11-20")]:
        g.add((e, RDF.type, SCHEMA.Event))
        if day:
            g.add((e, SCHEMA.startDate, Literal(day)))
        for name in who:
            g.add((e, SCHEMA.attendee, P[name]))
    cl, ke, no = EX["country/CL"], EX["country/KE"], EX["country/NO"]
    m = EX["measure/trade"]
    for k, q, parties in [(EX["k/1"], EX["q/1"], [cl, ke]), (EX["k/2"], EX["q/2"], [cl, no])]:
        g.add((k, RDF.type, DK.Commitment))
        g.add((k, DK.target, q))
        g.add((q, DK.measure, m))
        for x in parties:
            g.add((k, DK.party, x))
    for o, period, value, parties in [(EX["o/1"], "2023", 5, [cl, ke]), (EX["o/2"], "2024", 7, [cl, ke, no]),
                                      (EX["o/3"], "2025", 9, [cl])]:
        for t in [(o, RDF.type, DK.Observation), (o, DK.measure, m), (o, DK.period, Literal(period)),
                  (o, SCHEMA.value, Literal(value)), (o, SCHEMA.unitText, Literal("USD"))]:
            g.add(t)
        for x in parties:
            g.add((o, DK.party, x))
    return ds


def facts(rows: dict, predicate) -> dict:
    return {str(o): s for triples in rows.values() for s, p, o in triples if p == predicate}


@pytest.mark.parametrize("name,events,counterparts", [
    ("Ana Soto", 2, 2), ("Jomo Kariuki", 2, 2), ("Ingrid Berg", 1, 2), ("Aigerim Nurlan", 1, 0)])
def test_a_person_row_counts_events_and_the_persons_met_there(name, events, counterparts):
    rows = person_rows(tiny())
    row = rows[facts(rows, SUM.actor)[name]]
    assert {p: int(o) for _, p, o in row if p in (SUM.events, SUM.counterparts)} == {
        SUM.events: events, SUM.counterparts: counterparts}


@pytest.mark.parametrize("a,b,shared,dates", [
    ("Ana Soto", "Jomo Kariuki", 2, "2025-03-02, undated"), ("Ana Soto", "Ingrid Berg", 1, "undated"),
    ("Ingrid Berg", "Jomo Kariuki", 1, "undated")])
def test_a_pair_row_counts_shared_events_and_their_days(a, b, shared, dates):
    rows = person_rows(tiny())
    pairs = {(str(dict((p, o) for _, p, o in t)[SUM.a]), str(dict((p, o) for _, p, o in t)[SUM.b])): dict((p, o) for _, p, o in t)
             for t in rows.values() if any(p == SUM.a for _, p, _ in t)}
    assert len(pairs) == 3
    assert int(pairs[(a, b)][SUM.shared]) == shared and str(pairs[(a, b)][SUM.dates]) == dates


@pytest.mark.parametrize("commitment,period,figure", [
    ("k/1", "2024", 7),      # Chile and Kenya: 2024 names both (and Norway); 2025 names Chile alone
    ("k/2", "2024", 7)])     # Chile and Norway: only 2024 names both
def test_a_pledge_row_takes_the_latest_observation_naming_every_party(commitment, period, figure):
    rows = pledge_rows(tiny())
    row = next(t for t in rows.values() if (t[0][0], SUM.commitment, EX[commitment]) in t)
    group = {p: o for _, p, o in row}[SUM.group]
    said = {p: o for _, p, o in rows[group]}
    assert str(said[SUM.period]) == period
    readings = [n for s, p, n in rows[group] if p == SUM.reading]
    assert [int(o) for s, p, o in rows[group] if p == SUM.figure and s in readings] == [figure]


# changes a second article makes to the hand-made graph: the kept rows must equal rows computed afresh
K = {"cl": EX["country/CL"], "ke": EX["country/KE"], "no": EX["country/NO"]}
KOFI, E4 = EX["person/9"], EX["event/4"]
CHANGES = {
    "a new person at a new event with a known one": [
        (KOFI, RDF.type, SCHEMA.Person), (KOFI, SCHEMA.name, Literal("Kofi Boateng", lang="vi")),
        (E4, RDF.type, SCHEMA.Event), (E4, SCHEMA.startDate, Literal("2025-06-01")),
        (E4, SCHEMA.attendee, KOFI), (E4, SCHEMA.attendee, P["Ana Soto"])],
    "a second name for a person seen at events of other articles": [
        (P["Ana Soto"], SCHEMA.name, Literal("Ana María Soto", lang="vi"))],
    "a known person at a known event, with a day": [
        (E3, SCHEMA.attendee, P["Jomo Kariuki"]), (E3, SCHEMA.startDate, Literal("2024-11-21"))],
    "a later figure and a commitment of a new party set": [
        (EX["o/4"], RDF.type, DK.Observation), (EX["o/4"], DK.measure, EX["measure/trade"]),
        (EX["o/4"], DK.period, Literal("2026")), (EX["o/4"], SCHEMA.value, Literal(11)),
        (EX["o/4"], SCHEMA.unitText, Literal("USD")), (EX["o/4"], DK.party, K["cl"]), (EX["o/4"], DK.party, K["ke"]),
        (EX["k/3"], RDF.type, DK.Commitment), (EX["k/3"], DK.target, EX["q/3"]), (EX["q/3"], DK.measure, EX["measure/trade"]),
        (EX["k/3"], DK.party, K["ke"])],
}


@pytest.mark.parametrize("change", sorted(CHANGES))
@pytest.mark.parametrize("direction", ["add", "remove"])
def test_a_kept_summary_follows_an_article_that_comes_or_goes(change, direction):
    ds, other = tiny(), EX["graph/b"]
    if direction == "remove":
        ds.addN((s, p, o, ds.graph(other)) for s, p, o in CHANGES[change])
    keeper = Keeper(ds, DEFAULT_BASE_IRI, ArticleWriter(ds, index_graph_iri(DEFAULT_BASE_IRI)))
    keeper.update(everything=True)
    keeper.follow(True)
    if direction == "add":
        keeper.touch([(other, CHANGES[change])])
        ds.addN((s, p, o, ds.graph(other)) for s, p, o in CHANGES[change])
    else:
        keeper.touch([other])
        ds.remove_graph(ds.graph(other))
    keeper.update()
    afresh = {t for rows in (person_rows(ds), pledge_rows(ds)) for triples in rows.values() for t in triples}
    assert set(summary_of(ds)) == afresh


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_a_build_on_a_store_without_the_summary_makes_it_whole(tmp_path, kind):
    ds = store(kind, tmp_path, "older")
    build_articles(ds, [SEEDS])
    expected = summary_of(ds)
    ArticleWriter(ds, index_graph_iri(DEFAULT_BASE_IRI)).set_mark(summary_graph_iri(DEFAULT_BASE_IRI), None)
    ds.remove_graph(ds.graph(summary_graph_iri(DEFAULT_BASE_IRI)))    # as older code left it
    assert len(summary_of(ds)) == 0
    build_articles(ds, [SEEDS])          # nothing changed in the articles
    assert set(summary_of(ds)) == set(expected) and len(expected) > 50
