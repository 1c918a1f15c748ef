"""Summary statements: the facts every analyst asks for, kept by the build so that the query library reads
them instead of recomputing joins over the whole corpus (issue 18).

- per person name (most-connected): the events attended and the distinct persons met there;
- per pair of person names (who-met-whom): the events they shared and the days of those events;
- per target of a commitment (pledge-progress): the latest period reported for its measure by an
  observation whose parties include the commitment's, and the units and figures reported for that period.

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

from kg.namespaces import SCHEMA, graphs_base
from kg.rdf.nquads import nquads
from kg.store import native_store, native_term

SUM = Namespace("urn:kg:summary#")
ROW = "urn:kg:summary:"
VERSION = "2"            # the mark of a whole summary graph; a new form of the statements recomputes them
VALUES_CHUNK = 2000      # terms per VALUES block

PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX dk: <https://w3id.org/diplomacy-kg/ontology#>
"""
# what an article graph involves (read before the graph changes and after): the names of its persons and of
# every attendee of what it speaks of, and the measures of its targets and observations; looked up from the
# graph's subjects, each step a lookup (one pattern joining them all ran for seconds at 10,000 articles)
_SUBJECTS = "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"
_PERSON_NAMES = PREFIXES + "SELECT ?x ?n WHERE { ?x a schema:Person ; schema:name ?n }"
_MEASURES = PREFIXES + "SELECT ?s ?m WHERE { { ?s dk:measure ?m } UNION { ?s dk:target ?q . ?q dk:measure ?m } }"

_PERSONS = PREFIXES + "SELECT ?x WHERE { ?x a schema:Person }"
_NAMES = PREFIXES + "SELECT ?x ?n WHERE { ?x schema:name ?n }"
_ATTENDEES = PREFIXES + "SELECT ?e ?x WHERE { ?e schema:attendee ?x }"
_EVENTS = PREFIXES + "SELECT ?e WHERE { ?e a schema:Event }"
_TYPES = "SELECT ?e ?t WHERE { ?e a ?t }"     # by subject: `VALUES ?e … ?e a schema:Event` took 14 s for 8,000
_DAYS = PREFIXES + "SELECT ?e ?d WHERE { ?e schema:startDate ?d }"
_TARGETS = PREFIXES + "SELECT ?k ?q ?m WHERE { ?k a dk:Commitment ; dk:target ?q . ?q dk:measure ?m }"
_OBSERVATIONS = PREFIXES + "SELECT ?o ?m ?p WHERE { ?o a dk:Observation ; dk:measure ?m ; dk:period ?p }"
_PARTIES = PREFIXES + "SELECT ?s ?x WHERE { ?s dk:party ?x }"
_READINGS = PREFIXES + "SELECT ?o ?u ?v WHERE { ?o schema:unitText ?u ; schema:value ?v }"


def summary_graph_iri(base_iri: str) -> URIRef:
    return URIRef(graphs_base(base_iri) + "build/summary")


def _text(term) -> str:
    """The lexical form or IRI of a term, rdflib's or pyoxigraph's."""
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)) else str(term)


def _key(term) -> str:
    language = getattr(term, "language", None) or ""
    datatype = getattr(term, "datatype", None)
    return f"{_text(term)}\x1e{language}\x1e{_text(datatype) if datatype is not None else ''}"


def _row(kind: str, *key) -> URIRef:
    digest = hashlib.sha256("\x1f".join(_key(t) for t in key).encode("utf-8")).hexdigest()[:24]
    return URIRef(f"{ROW}{kind}/{digest}")


def _rdflib(term):
    """A pyoxigraph term as rdflib's (rdflib's as it is)."""
    if term is None or not isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return term
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


def _n3(term) -> str:
    return str(term) if isinstance(term, (ox.NamedNode, ox.Literal)) else term.n3()


def select(ds: Dataset, text: str, var: str | None = None, values: Iterable | None = None) -> list[tuple]:
    """Rows of a SELECT: pyoxigraph's terms on Oxigraph (turning tens of thousands of rows into rdflib's costs
    seconds), else rdflib's; with `values`, once per chunk of a VALUES block of ?var opening the WHERE group."""
    if values is not None:
        values = sorted({_n3(v) for v in values})
        head, _, body = text.partition("WHERE {")
        out = []
        for i in range(0, len(values), VALUES_CHUNK):
            out += select(ds, f"{head}WHERE {{ VALUES ?{var} {{ {' '.join(values[i:i + VALUES_CHUNK])} }} {body}")
        return out
    native = native_store(ds)
    if native is not None:
        return [tuple(row) for row in native.query(text)]
    return [tuple(row) for row in ds.query(text)]


def _in_graph(text: str, graph: URIRef) -> str:
    return text.replace("GRAPH ?g", f"GRAPH {graph.n3()}")


def _rows(ds: Dataset, text: str, var: str, values: set | None) -> list[tuple]:
    return select(ds, text) if values is None else select(ds, text, var, values)


def person_rows(ds: Dataset, names: set | None = None) -> dict[URIRef, list[tuple]]:
    """Row node → statements, of the person rows and pair rows of `names` (every name when None)."""
    persons = {x for x, in select(ds, _PERSONS)}
    by_name = defaultdict(set)
    for x, n in _rows(ds, _NAMES, "n", names):
        if x in persons:
            by_name[n].add(x)
    nodes = {x for xs in by_name.values() for x in xs}
    attendance = _rows(ds, _ATTENDEES, "x", None if names is None else nodes)
    attended = defaultdict(set)          # person node → the events it attends
    for e, x in attendance:
        if x in nodes:
            attended[x].add(e)
    events = {e for es in attended.values() for e in es}
    if names is not None:
        attendance = select(ds, _ATTENDEES, "e", events)
    persons_at = defaultdict(set)
    for e, y in attendance:
        if y in persons and e in events:
            persons_at[e].add(y)
    met_anywhere = {y for ys in persons_at.values() for y in ys}
    names_of = defaultdict(set)
    for y, n in _rows(ds, _NAMES, "x", None if names is None else met_anywhere):
        names_of[y].add(n)
    if names is None:
        is_event = {e for e, in select(ds, _EVENTS)}
    else:
        is_event = {e for e, t in select(ds, _TYPES, "e", events) if _text(t) == str(SCHEMA.Event)}
    days = defaultdict(set)
    for e, d in _rows(ds, _DAYS, "e", None if names is None else events & is_event):
        days[e].add(_text(d))
    out: dict[URIRef, list[tuple]] = {}
    for name, xs in by_name.items():
        mine = {e for x in xs for e in attended.get(x, ())}
        if not mine:
            continue
        met = {y for e in mine for y in persons_at[e]}
        row = _row("person", name)
        out[row] = [(row, SUM.actor, _rdflib(name)), (row, SUM.events, Literal(len(mine))),
                    (row, SUM.counterparts, Literal(len(met) - 1))]
    pairs: dict[tuple, set] = defaultdict(set)
    for e in events & is_event:
        here = [(y, n) for y in persons_at[e] for n in names_of[y]]
        for x, a in here:
            if a not in by_name:
                continue
            for y, b in here:
                if x != y and _text(a) < _text(b):
                    pairs[(a, b)].add(e)
                elif x != y and _text(b) < _text(a):
                    pairs[(b, a)].add(e)
    for (a, b), shared in pairs.items():
        row = _row("pair", a, b)
        dates = ", ".join(sorted({day for e in shared for day in (days[e] or {"undated"})}))
        out[row] = [(row, SUM.a, _rdflib(a)), (row, SUM.b, _rdflib(b)), (row, SUM.shared, Literal(len(shared))),
                    (row, SUM.dates, Literal(dates))]
    return out


def pledge_rows(ds: Dataset, measures: set | None = None) -> dict[URIRef, list[tuple]]:
    """Row node → statements, of the targets of `measures` (every measure when None): the greatest period of
    the observations of the same measure whose parties include the commitment's, and those observations."""
    targets = set(_rows(ds, _TARGETS, "m", measures))
    observed = set(_rows(ds, _OBSERVATIONS, "m", measures))
    holders = {k for k, _, _ in targets} | {o for o, _, _ in observed}
    parties = defaultdict(set)
    for s, x in _rows(ds, _PARTIES, "s", None if measures is None else holders):
        parties[s].add(x)
    # observations grouped by measure and party set: ~700 groups where there are 15,000 observations
    readings = defaultdict(set)       # observation → (unit, figure)
    for o, u, v in _rows(ds, _READINGS, "o", None if measures is None else {o for o, _, _ in observed}):
        readings[o].add((u, v))
    groups = defaultdict(lambda: defaultdict(list))
    for o, m, p in observed:
        groups[m][frozenset(parties[o])].append((o, p))
    latest_of: dict[tuple, tuple] = {}      # (measure, party set) → (latest period, its observations)
    out: dict[URIRef, list[tuple]] = {}
    commitment, target, measure, period = SUM.commitment, SUM.target, SUM.measure, SUM.period
    reading, unit, figure = SUM.reading, SUM.unit, SUM.figure
    for k, q, m in targets:
        wanted = frozenset(parties[k])
        if (m, wanted) not in latest_of:
            fitting = [op for held, ops in groups[m].items() if wanted <= held for op in ops]
            latest = max((p for _, p in fitting), key=_text) if fitting else None
            read = {r for o, p in fitting if p == latest for r in readings[o]}
            latest_of[(m, wanted)] = (_rdflib(latest), sorted((_rdflib(u), _rdflib(v)) for u, v in read))
        latest, read = latest_of[(m, wanted)]
        row = _row("pledge", k, q, m)
        triples = [(row, commitment, _rdflib(k)), (row, target, _rdflib(q)), (row, measure, _rdflib(m))]
        if latest is not None:
            triples.append((row, period, latest))
            for u, v in read:
                node = _row("reading", k, q, m, u, v)     # the unit and figure of a latest observation
                triples += [(row, reading, node), (node, unit, u), (node, figure, v)]
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
        subjects = {x for x, in select(self.ds, _in_graph(_SUBJECTS, graph))}
        if not subjects:
            return
        persons = subjects | {x for _, x in select(self.ds, _ATTENDEES, "e", subjects)}
        self.names.update(_rdflib(n) for _, n in select(self.ds, _PERSON_NAMES, "x", persons))
        self.measures.update(_rdflib(m) for _, m in select(self.ds, _MEASURES, "s", subjects))

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
            rows.update(_rdflib(r) for r, in select(self.ds, f"SELECT ?r WHERE {{ {g} {{ ?r <{SUM[p]}> ?v }} }}", "v", names))
        text = f"SELECT ?r ?n WHERE {{ {g} {{ ?r <{SUM.measure}> ?v OPTIONAL {{ ?r <{SUM.reading}> ?n }} }} }}"
        for r, n in select(self.ds, text, "v", measures):
            rows.update(_rdflib(t) for t in (r, n) if t is not None)
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
            native.load(nquads(self.graph, triples).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        self.writer.set_mark(self.graph, VERSION)


def rebuild(ds: Dataset, base_iri: str, writer) -> None:
    """The whole summary graph computed again (a store built before summaries existed)."""
    Keeper(ds, base_iri, writer).update(everything=True)
