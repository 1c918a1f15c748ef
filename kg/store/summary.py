"""Summary statements: the facts every analyst asks for, kept by the build so that the query library reads
them instead of recomputing joins over the whole corpus (issue 18).

- per person name (most-connected): the events attended and the distinct persons met there;
- per pair of person names (who-met-whom): the events they shared and the days of those events;
- per target of a commitment (pledge-progress): the latest period reported for its measure by an
  observation whose parties include the commitment's, and the observations of that period.

They live in a named graph of their own (<base>graph/build/summary), outside the union Oxigraph keeps in its
default graph and outside every export: queries read them with GRAPH ?g { … }. Each fact is a row node
whose IRI is a digest of its key, so the same corpus gives the same statements however it was built.

The build tells a Keeper which article graphs it is about to change (`touch`, read before and after the
change) and asks it to `update` at the end: only the names and measures those graphs involve are
recomputed, from the union as it then is; a build that changes many articles recomputes everything."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Iterable

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from kg.namespaces import graphs_base
from kg.sparql.text import with_rows
from kg.store import native_store, native_term

SUM = Namespace("urn:kg:summary#")
ROW = "urn:kg:summary:"
VERSION = "1"            # the mark of a whole summary graph; a new form of the statements recomputes them
VALUES_CHUNK = 2000      # terms per VALUES block

PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX dk: <https://w3id.org/diplomacy-kg/ontology#>
"""
# what an article graph involves: the names of its persons and of every attendee of its events, and the
# measures of its targets and observations (read before the graph changes and after)
_TOUCHED_NAMES = PREFIXES + """SELECT DISTINCT ?n WHERE {
  { GRAPH ?g { ?x ?p ?o } } UNION { GRAPH ?g { ?s ?p ?o } ?s schema:attendee ?x }
  ?x a schema:Person ; schema:name ?n }"""
_TOUCHED_MEASURES = PREFIXES + """SELECT DISTINCT ?m WHERE {
  GRAPH ?g { ?s ?p ?o } { ?s dk:measure ?m } UNION { ?s dk:target ?q . ?q dk:measure ?m } }"""

_PERSONS_NAMED = PREFIXES + "SELECT ?x ?n WHERE { ?x a schema:Person ; schema:name ?n }"
_ATTENDED_BY = PREFIXES + "SELECT ?e ?x WHERE { ?e schema:attendee ?x }"
_EVENT_FACTS = PREFIXES + """SELECT ?e ?y ?yn ?event ?d WHERE {
  ?e schema:attendee ?y .
  OPTIONAL { ?y a schema:Person . BIND(true AS ?person) OPTIONAL { ?y schema:name ?yn } }
  OPTIONAL { ?e a schema:Event . BIND(true AS ?event) OPTIONAL { ?e schema:startDate ?d } }
  FILTER(BOUND(?person)) }"""
_TARGETS = PREFIXES + "SELECT ?k ?q ?m WHERE { ?k a dk:Commitment ; dk:target ?q . ?q dk:measure ?m }"
_OBSERVATIONS = PREFIXES + "SELECT ?o ?m ?p WHERE { ?o a dk:Observation ; dk:measure ?m ; dk:period ?p }"
_PARTIES = PREFIXES + "SELECT ?s ?x WHERE { ?s dk:party ?x }"


def summary_graph_iri(base_iri: str) -> URIRef:
    return URIRef(graphs_base(base_iri) + "build/summary")


def _row(kind: str, *key) -> URIRef:
    digest = hashlib.sha256("\x1f".join(t.n3() for t in key).encode("utf-8")).hexdigest()[:24]
    return URIRef(f"{ROW}{kind}/{digest}")


def _rdflib(term):
    """A pyoxigraph term as rdflib's."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


def select(ds: Dataset, text: str, var: str | None = None, values: Iterable | None = None) -> list[tuple]:
    """Rows of a SELECT as rdflib terms; natively on Oxigraph (oxrdflib's conversion costs seconds on tens of
    thousands of rows); with `values`, once per chunk of a VALUES block of ?var."""
    if values is not None:
        values = sorted(set(values))
        out = []
        for i in range(0, len(values), VALUES_CHUNK):
            out += select(ds, with_rows(text, (var,), [(v,) for v in values[i:i + VALUES_CHUNK]]))
        return out
    native = native_store(ds)
    if native is not None:
        return [tuple(_rdflib(t) for t in row) for row in native.query(text)]
    return [tuple(row) for row in ds.query(text)]


def _in_graph(text: str, graph: URIRef) -> str:
    return text.replace("GRAPH ?g", f"GRAPH {graph.n3()}")


def _names_of(ds: Dataset, names: set | None) -> tuple[dict, dict]:
    """(person node → its names, name → its person nodes), for `names` or every name."""
    rows = select(ds, _PERSONS_NAMED, "n", names) if names is not None else select(ds, _PERSONS_NAMED)
    by_node, by_name = defaultdict(set), defaultdict(set)
    for x, n in rows:
        by_node[x].add(n)
        by_name[n].add(x)
    return by_node, by_name


def person_rows(ds: Dataset, names: set | None = None) -> dict[URIRef, list[tuple]]:
    """Row node → statements, of the person rows and pair rows of `names` (every name when None)."""
    _, by_name = _names_of(ds, names)
    nodes = {x for xs in by_name.values() for x in xs}
    attended = defaultdict(set)          # node → events it attends
    for e, x in (select(ds, _ATTENDED_BY, "x", nodes) if names is not None else select(ds, _ATTENDED_BY)):
        if x in nodes:
            attended[x].add(e)
    events = {e for es in attended.values() for e in es}
    persons_at, names_at, is_event, days = defaultdict(set), defaultdict(set), set(), defaultdict(set)
    for e, y, yn, event, d in (select(ds, _EVENT_FACTS, "e", events) if names is not None else select(ds, _EVENT_FACTS)):
        persons_at[e].add(y)
        if yn is not None:
            names_at[e].add((y, yn))
        if event is not None:
            is_event.add(e)
            days[e].add(str(d) if d is not None else "undated")
    out: dict[URIRef, list[tuple]] = {}
    for name, xs in by_name.items():
        mine = {e for x in xs for e in attended.get(x, ())}
        if not mine:
            continue
        met = {y for e in mine for y in persons_at[e]}
        row = _row("person", name)
        out[row] = [(row, SUM.actor, name), (row, SUM.events, Literal(len(mine))),
                    (row, SUM.counterparts, Literal(len(met) - 1))]
    pairs: dict[tuple, set] = defaultdict(set)
    wanted = set(by_name)
    for e in events & is_event:
        here = names_at[e]
        for x, a in here:
            if a not in wanted:
                continue
            for y, b in here:
                if x != y and str(a) != str(b):
                    pairs[(a, b) if str(a) < str(b) else (b, a)].add(e)
    for (a, b), shared in pairs.items():
        row = _row("pair", a, b)
        dates = ", ".join(sorted({day for e in shared for day in days[e]}))
        out[row] = [(row, SUM.a, a), (row, SUM.b, b), (row, SUM.shared, Literal(len(shared))),
                    (row, SUM.dates, Literal(dates))]
    return out


def pledge_rows(ds: Dataset, measures: set | None = None) -> dict[URIRef, list[tuple]]:
    """Row node → statements, of the targets of `measures` (every measure when None): the greatest period of
    the observations of the same measure whose parties include the commitment's, and those observations."""
    targets = select(ds, _TARGETS, "m", measures) if measures is not None else select(ds, _TARGETS)
    observed = select(ds, _OBSERVATIONS, "m", measures) if measures is not None else select(ds, _OBSERVATIONS)
    holders = {k for k, _, _ in targets} | {o for o, _, _ in observed}
    parties = defaultdict(set)
    for s, x in select(ds, _PARTIES, "s", holders):
        parties[s].add(x)
    by_measure = defaultdict(list)
    for o, m, p in observed:
        by_measure[m].append((o, p))
    out: dict[URIRef, list[tuple]] = {}
    for k, q, m in set(targets):
        row = _row("pledge", k, q, m)
        triples = [(row, SUM.commitment, k), (row, SUM.target, q), (row, SUM.measure, m)]
        fitting = [(o, p) for o, p in by_measure[m] if parties[k] <= parties[o]]
        if fitting:
            latest = max((p for _, p in fitting), key=str)
            triples.append((row, SUM.period, latest))
            triples += [(row, SUM.observation, o) for o, p in sorted(set(fitting)) if p == latest]
        out[row] = triples
    return out


class Keeper:
    """The summary graph of one store, kept up to date by one build (kg.build.Builder)."""

    def __init__(self, ds: Dataset, base_iri: str, writer):
        self.ds = ds
        self.graph = summary_graph_iri(base_iri)
        self.writer = writer                 # kg.store.writer.ArticleWriter: marks and graph edits
        self.names: set = set()
        self.measures: set = set()
        self.touched: set = set()
        self.everything = True

    def follow(self, local: bool) -> None:
        """A build begins: around the articles it touches (`local`), or everything at its end."""
        self.everything = not local or not self.whole()

    def whole(self) -> bool:
        return self.writer.mark(self.graph) == VERSION

    def touch(self, graphs: Iterable[URIRef]) -> None:
        """Before article graphs change: note what they involve now."""
        if self.everything:
            return
        for graph in graphs:
            self.touched.add(graph)
            self._read(graph)

    def _read(self, graph: URIRef) -> None:
        self.names.update(n for n, in select(self.ds, _in_graph(_TOUCHED_NAMES, graph)))
        self.measures.update(m for m, in select(self.ds, _in_graph(_TOUCHED_MEASURES, graph)))

    def update(self, everything: bool = False) -> None:
        """After the change: the rows of what the touched graphs involved before or involve now, or all."""
        if everything or self.everything or not self.whole():
            self.write(None, {**person_rows(self.ds), **pledge_rows(self.ds)})
        elif self.touched:
            for graph in self.touched:
                self._read(graph)
            rows = {**person_rows(self.ds, self.names), **pledge_rows(self.ds, self.measures)}
            old = self._rows_of(self.names, self.measures)
            self.write(old, rows)
        self.names, self.measures, self.touched, self.everything = set(), set(), set(), True

    def _rows_of(self, names: set, measures: set) -> set:
        """The row nodes now in the summary graph about `names` or `measures`."""
        g = f"GRAPH {self.graph.n3()}"
        rows = set()
        for p in ("actor", "a", "b"):
            rows.update(r for r, in select(self.ds, f"SELECT ?r WHERE {{ {g} {{ ?r <{SUM[p]}> ?v }} }}", "v", names))
        rows.update(r for r, in select(self.ds, f"SELECT ?r WHERE {{ {g} {{ ?r <{SUM.measure}> ?v }} }}", "v", measures))
        return rows

    def write(self, old: set | None, rows: dict[URIRef, list[tuple]]) -> None:
        """Replace the rows `old` (every row when None) by `rows`; the mark goes out first, back last."""
        self.writer.set_mark(self.graph, None)
        triples = [t for key in sorted(rows) for t in rows[key]]
        native = native_store(self.ds)
        if native is None:
            g = self.ds.graph(self.graph)
            if old is None:
                self.ds.remove_graph(g)
                g = self.ds.graph(self.graph)
            else:
                for r in old:
                    g.remove((r, None, None))
            self.ds.addN((s, p, o, g) for s, p, o in triples)
        else:
            graph = native_term(self.graph)
            if old is None:
                native.clear_graph(graph)
            else:
                for r in old:
                    for q in list(native.quads_for_pattern(native_term(r), None, None, graph)):
                        native.remove(q)
            native.extend([ox.Quad(native_term(s), native_term(p), native_term(o), graph) for s, p, o in triples])
        self.writer.set_mark(self.graph, VERSION)


def rebuild(ds: Dataset, base_iri: str, writer) -> None:
    """The whole summary graph computed again (a store built before summaries existed)."""
    Keeper(ds, base_iri, writer).update(everything=True)
