"""Summary statements: the facts every analyst asks for, kept by the build so that the query library reads
them instead of recomputing joins over the whole corpus (issue 18).

- per person name (most-connected): the events attended and the distinct persons met there;
- per pair of person names (who-met-whom): the events they shared and the days of those events;
- per target of a commitment (pledge-progress): the group of its measure and its commitment's party set,
  which holds the latest period reported for that measure by an observation whose parties include those,
  and the units and figures reported for that period.

They live in a named graph of their own (<base>graph/build/summary), outside the union Oxigraph keeps in its
default graph and outside every export: queries read them with GRAPH ?g { … }. Each fact is a row node
whose IRI is a digest of its key, so the same corpus gives the same statements however it was built.

The build tells a Keeper which article graphs it is about to change and what they will say (`touch`: the
events, persons, commitments and observations they speak of are read as they are) and asks it to `update`
at the end: the counts of the rows those touch change by the share of those events now less their share
before (hidden counts per name and person met, per pair and day, make that exact), and only the groups of
the changed observations, and those the touched commitments point at, are read again; no other event of a
busy person nor target of a busy measure is read. A build that changes many articles, or a store whose
summary is missing or of an older form, recomputes everything."""
from __future__ import annotations

import hashlib
import zlib
from collections import Counter, defaultdict
from typing import Iterable

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import RDF, Dataset, Literal, Namespace, URIRef

from kg.namespaces import DK, SCHEMA, graphs_base
from kg.rdf.nquads import nquads
from kg.store import native_store, native_term, objects, rdflib_term
from kg.store.index import BUILD, index_graph_iri

SUM = Namespace("urn:kg:summary#")
ROW = "urn:kg:summary:"
VERSION = "3"            # the mark of a whole summary graph; a new form of the statements recomputes them
VALUES_CHUNK = 2000      # terms per VALUES block
GATHERED_CHUNK = 1000    # graphs' gathered lines loaded at once (Keeper._gathered): a few MB of text

PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX dk: <https://w3id.org/diplomacy-kg/ontology#>
"""
# what an article graph speaks of, looked up from its subjects, each step a lookup (one pattern joining them
# all ran for seconds at 10,000 articles)
_SUBJECTS = "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"

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
# every predicate the queries above read (tests/test_summary_gathered.py checks it against them): a build that
# writes every article graph itself keeps these statements as it writes them and computes the rows from those,
# instead of reading ten thousand articles' statements back from the store (`Keeper.gather`)
READS = frozenset(f"<{p}>" for p in (RDF.type, SCHEMA.name, SCHEMA.attendee, SCHEMA.startDate, DK.target,
                                     DK.measure, DK.period, DK.party, SCHEMA.unitText, SCHEMA.value))


def summary_graph_iri(base_iri: str) -> URIRef:
    return URIRef(graphs_base(base_iri) + "build/summary")


def kept(ds: Dataset, base_iri: str) -> bool:
    """Whether the store holds a whole summary graph of this form (a store built by older code does not)."""
    graph = summary_graph_iri(base_iri)
    return objects(ds, index_graph_iri(base_iri), graph, BUILD.fingerprint) == [VERSION]


def reads_summary(text: str) -> bool:
    return str(SUM) in text


def _text(term) -> str:
    """The lexical form or IRI of a term, rdflib's or pyoxigraph's."""
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)) else str(term)


def _key(term) -> str:
    language = getattr(term, "language", None) or ""
    datatype = getattr(term, "datatype", None)
    return f"{_text(term)}\x1e{language}\x1e{_text(datatype) if datatype is not None else ''}"


def _rdflib_term(term):
    """Stored terms as the rows are written: xsd:string literals plain, as rdflib parses them from N-Triples."""
    return rdflib_term(term, plain_strings=True)


def _row(kind: str, *key) -> URIRef:
    digest = hashlib.sha256("\x1f".join(_key(t) for t in key).encode("utf-8")).hexdigest()[:24]
    return URIRef(f"{ROW}{kind}/{digest}")




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


def _subjects_of(data) -> set:
    """The subject IRIs of an article graph about to be written: N-Triples text or triples."""
    if data is None:
        return set()
    if isinstance(data, str):
        return {URIRef(line[1:line.index(">")]) for line in data.splitlines() if line.startswith("<")}
    return {s for s, _, _ in data if isinstance(s, URIRef)}


def facts_of(ntriples: str | bytes, evidence: tuple[bytes, ...]) -> bytes:
    """The lines of a graph's N-Triples the summary reads (READS), evidence aside as in the union
    (kg.store.writer), compressed (zlib): run by each extraction worker on the graph it made. Compressed
    because a build holds them for every article until its end (~9 KB an article, a fifth of that so)."""
    if isinstance(ntriples, str):
        ntriples = ntriples.encode("utf-8")
    reads = {p.encode("utf-8") for p in READS}
    return zlib.compress(b"".join(line + b"\n" for line in ntriples.split(b"\n")
                                  if line and line.split(b" ", 2)[1] in reads and not line.startswith(evidence)), 1)


# -- persons and pairs: what each event gives, counted ------------------------------------------------------
# An event's share of the person and pair rows depends only on its own statements (type, days, attendees) and
# on its attendees' (type Person, names); a change adds the share of the events it touches as they are now and
# takes away their share as they were, so that no other event of a busy person is read.

def _event_states(ds: Dataset, events: set | None = None) -> dict:
    """event → (is a schema:Event, its days, its attendees), for `events` (every attended thing when None)."""
    if events is not None and not events:
        return {}
    attendees = defaultdict(set)
    for e, x in _rows(ds, _ATTENDEES, "e", events):
        attendees[e].add(x)
    if events is None:
        is_event = {e for e, in select(ds, _EVENTS)}
    else:
        is_event = {e for e, t in select(ds, _TYPES, "e", set(attendees)) if _text(t) == str(SCHEMA.Event)}
    days = defaultdict(set)
    for e, d in _rows(ds, _DAYS, "e", None if events is None else set(attendees) & is_event):
        days[e].add(_text(d))
    return {e: (e in is_event, frozenset(days[e]), frozenset(xs)) for e, xs in attendees.items()}


def _people(ds: Dataset, nodes: set | None = None) -> dict:
    """node → its names, for the schema:Person among `nodes` (every person when None)."""
    if nodes is None:
        persons = {x for x, in select(ds, _PERSONS)}
    elif not nodes:
        return {}
    else:
        persons = {x for x, t in select(ds, _TYPES, "e", nodes) if _text(t) == str(SCHEMA.Person)}
    names = defaultdict(set)
    for x, n in _rows(ds, _NAMES, "x", None if nodes is None else persons):
        if x in persons:
            names[x].add(n)
    return {x: frozenset(names[x]) for x in persons}


def _tally(states: dict, people: dict) -> tuple[Counter, Counter, Counter, Counter]:
    """Counts over `states`: events per name, events per (name, person met), shared Event per pair of names
    (in text order), and per (pair, day) ("undated" for an Event with no date)."""
    events, meets, shared, days = Counter(), Counter(), Counter(), Counter()
    for is_event, dayset, attendees in states.values():
        persons = [y for y in attendees if people.get(y) is not None]
        for n in {n for y in persons for n in people[y]}:
            events[n] += 1
            for y in persons:
                meets[(n, y)] += 1
        if not is_event:
            continue
        pairs = {(a, b) if _text(a) < _text(b) else (b, a)
                 for x in persons for y in persons if x != y
                 for a in people[x] for b in people[y] if _text(a) != _text(b)}
        for pair in pairs:
            shared[pair] += 1
            for day in dayset or {"undated"}:
                days[(pair, day)] += 1
    return events, meets, shared, days


def _tally_text(days: Counter) -> str:
    return "\n".join(f"{day}\t{n}" for day, n in sorted(days.items()) if n > 0)


def _person_triples(name, events: int, counterparts: int) -> list[tuple]:
    row = _row("person", name)
    return [(row, SUM.actor, _rdflib_term(name)), (row, SUM.events, Literal(events)),
            (row, SUM.counterparts, Literal(counterparts))]


def _pair_triples(a, b, shared: int, days: Counter) -> list[tuple]:
    row = _row("pair", a, b)
    dates = ", ".join(sorted(day for day, n in days.items() if n > 0))
    return [(row, SUM.a, _rdflib_term(a)), (row, SUM.b, _rdflib_term(b)), (row, SUM.shared, Literal(shared)),
            (row, SUM.dates, Literal(dates)), (row, SUM.tally, Literal(_tally_text(days)))]


def person_rows(ds: Dataset) -> dict[URIRef, list[tuple]]:
    """Row node → statements, of every person row (with the count of events behind each person met, which
    lets a change update it) and every pair row (with the count of events behind each day)."""
    events, meets, shared, days = _tally(_event_states(ds), _people(ds))
    met = Counter(n for (n, _), k in meets.items() if k > 0)
    out: dict[URIRef, list[tuple]] = {}
    for name, k in events.items():
        out[_row("person", name)] = _person_triples(name, k, met[name] - 1)
    for (name, y), k in meets.items():
        out[_row("meet", name, y)] = [(_row("meet", name, y), SUM["count"], Literal(k))]
    per_pair = defaultdict(Counter)
    for (pair, day), k in days.items():
        per_pair[pair][day] = k
    for (a, b), k in shared.items():
        out[_row("pair", a, b)] = _pair_triples(a, b, k, per_pair[(a, b)])
    return out


# -- pledges: one row per commitment target, pointing at the group of its measure and party set ------------

def _observations_of(ds: Dataset, measure, parties) -> list[tuple]:
    """(observation, period) of the observations of `measure` whose parties include `parties`."""
    text = PREFIXES + "SELECT ?o ?p WHERE { ?o dk:measure %s ; dk:period ?p . %s ?o a dk:Observation }" % (
        _n3(measure), " ".join(f"?o dk:party {_n3(x)} ." for x in sorted(parties, key=_key)))
    return select(ds, text)


def _group_triples(ds: Dataset, measure, parties, fitting: list[tuple] | None = None,
                   readings: dict | None = None) -> list[tuple]:
    """The group of `measure` and a commitment's `parties`: the greatest period of the observations of that
    measure whose parties include them, and the unit and figure of each observation of that period."""
    if fitting is None:
        fitting = _observations_of(ds, measure, parties)
    if not fitting:
        return _group_from(measure, parties, None, ())
    latest = max((p for _, p in fitting), key=_text)
    at = {o for o, p in fitting if p == latest}
    if readings is None:
        read = {(u, v) for _, u, v in select(ds, _READINGS, "o", at)}
    else:
        read = {r for o in at for r in readings.get(o, ())}
    return _group_from(measure, parties, latest, read)


def _group_from(measure, parties, latest, read: Iterable[tuple]) -> list[tuple]:
    group = _row("group", measure, *sorted(parties, key=_key))
    triples = [(group, SUM.of, _rdflib_term(measure))] + [(group, SUM.party, _rdflib_term(x)) for x in parties]
    if latest is None:
        return triples
    triples.append((group, SUM.period, _rdflib_term(latest)))
    for u, v in sorted({(_rdflib_term(u), _rdflib_term(v)) for u, v in read}, key=lambda r: (_key(r[0]), _key(r[1]))):
        node = _row("reading", group, u, v)
        triples += [(group, SUM.reading, node), (node, SUM.unit, u), (node, SUM.figure, v)]
    return triples


def _pledge_triples(k, q, m, parties) -> tuple[URIRef, list[tuple]]:
    row = _row("pledge", k, q, m)
    group = _row("group", m, *sorted(parties, key=_key))
    return row, [(row, SUM.commitment, _rdflib_term(k)), (row, SUM.target, _rdflib_term(q)), (row, SUM.measure, _rdflib_term(m)),
                 (row, SUM.group, group)]


def pledge_rows(ds: Dataset) -> dict[URIRef, list[tuple]]:
    """Row node → statements, of every commitment target and every group its measure and parties make."""
    targets = set(select(ds, _TARGETS))
    observed = set(select(ds, _OBSERVATIONS))
    parties = defaultdict(set)
    for s, x in select(ds, _PARTIES):
        parties[s].add(x)
    readings = defaultdict(set)
    for o, u, v in select(ds, _READINGS):
        readings[o].add((u, v))
    # observations grouped by measure and party set: ~700 groups where there are 15,000 observations
    by_set = defaultdict(lambda: defaultdict(list))
    for o, m, p in observed:
        by_set[m][frozenset(parties[o])].append((o, p))
    out: dict[URIRef, list[tuple]] = {}
    for k, q, m in targets:
        wanted = frozenset(parties[k])
        row, triples = _pledge_triples(k, q, m, wanted)
        out[row] = triples
        group = triples[-1][2]
        if group not in out:
            fitting = [op for held, ops in by_set[m].items() if wanted <= held for op in ops]
            out[group] = _group_triples(ds, m, wanted, fitting, readings)
    return out


def _pledge_state(ds: Dataset, subjects: set) -> tuple[dict, dict]:
    """Of `subjects`: commitment → (its (target, measure) pairs, its parties); observation → (measure, period,
    parties, readings)."""
    if not subjects:
        return {}, {}
    parties = defaultdict(set)
    for s, x in select(ds, _PARTIES, "s", subjects):
        parties[s].add(x)
    targets = defaultdict(set)
    for k, q, m in select(ds, _TARGETS, "k", subjects):
        targets[k].add((q, m))
    readings = defaultdict(set)
    for o, u, v in select(ds, _READINGS, "o", subjects):
        readings[o].add((u, v))
    commitments = {k: (frozenset(qm), frozenset(parties[k])) for k, qm in targets.items()}
    observations = {o: (m, p, frozenset(parties[o]), frozenset(readings[o]))
                    for o, m, p in select(ds, _OBSERVATIONS, "o", subjects)}
    return commitments, observations


class Keeper:
    """The summary graph of one store, kept up to date by one build (kg.build.Builder)."""

    def __init__(self, ds: Dataset, base_iri: str, writer):
        self.ds = ds
        self.graph = summary_graph_iri(base_iri)
        self.writer = writer                 # kg.store.writer.ArticleWriter: marks and graph edits
        writer.outside_union.add(self.graph)   # rows for queries, not statements of the articles
        self.native = native_store(ds) is not None
        self._reset()

    def _reset(self) -> None:
        self.subjects: set = set()           # every subject of the touched graphs, before or after
        self.events: dict = {}               # event → its state before the first change touching it
        self.people: dict = {}               # node → its names (None: not a person) before
        self.commitments: dict = {}          # the same, of commitments and observations
        self.observations: dict = {}
        self.everything = True
        self.gathered: dict | None = None    # graph → the lines of it READS, when this build writes them all

    def _own(self, x):
        """A term as this store's queries give it (pyoxigraph's on Oxigraph)."""
        return native_term(x) if self.native and isinstance(x, URIRef) else x

    def follow(self, local: bool, gather: bool = False) -> None:
        """A build begins: around the articles it touches (`local`), or everything at its end; `gather`: the
        build starts from an empty store, so the graphs it writes (`gather`) are all the summary will read."""
        self.everything = not local or not self.whole()
        self.gathered = {} if gather and self.everything and self.native else None

    def gather(self, graphs: Iterable[tuple]) -> None:
        """(graph, the lines of it the summary reads (facts_of), None if not known) of graphs being written;
        one not known leaves the rows to be read from the store."""
        if self.gathered is None:
            return
        for graph, facts in graphs:
            if facts is None:
                self.gathered = None
                return
            self.gathered[graph] = facts

    def whole(self) -> bool:
        return self.writer.mark(self.graph) == VERSION

    def touch(self, graphs: Iterable) -> None:
        """Before article graphs change: note what they say now. `graphs`: (graph, its new N-Triples text or
        triples) pairs, or the IRIs of graphs about to go."""
        if self.everything:
            if self.gathered is not None and any(not isinstance(item, tuple) for item in graphs):
                self.gathered = None      # a graph goes: the store is read instead (no build from empty does this)
            return
        subjects = set()
        for item in graphs:
            graph, data = item if isinstance(item, tuple) else (item, None)
            subjects |= {x for x, in select(self.ds, _in_graph(_SUBJECTS, graph))}
            subjects |= {self._own(x) for x in _subjects_of(data)}
        subjects = {x for x in subjects if isinstance(x, (URIRef, ox.NamedNode))} - self.subjects
        if not subjects:
            return
        self.subjects |= subjects
        states = _event_states(self.ds, subjects)
        self.events.update({e: s for e, s in states.items() if e not in self.events})
        nodes = {n for n in subjects | {x for _, _, xs in states.values() for x in xs} if n not in self.people}
        people = _people(self.ds, nodes)
        self.people.update({n: people.get(n) for n in nodes})
        commitments, observations = _pledge_state(self.ds, subjects)
        self.commitments.update(commitments)
        self.observations.update(observations)

    def update(self, everything: bool = False) -> None:
        """After the change: the rows of what the touched graphs involved before or involve now, or all."""
        if everything or self.everything or not self.whole():
            source = self._gathered() if self.gathered is not None and not everything else self.ds
            self.write(None, {**person_rows(source), **pledge_rows(source)})
        elif self.subjects:
            old, rows = self._persons()
            old2, rows2 = self._pledges()
            self.write(old | old2, {**rows, **rows2})
        self._reset()

    def _gathered(self) -> Dataset:
        """The union of the store's graphs as far as the summary reads it, in memory: the lines gathered from
        the article graphs this build wrote and those of the store's other graphs (vocabulary, links), the
        build's own aside. An in-memory Oxigraph store keeps terms as the store on disk does."""
        memory = ox.Store()
        facts = list(self.gathered.values())
        native = native_store(self.ds)
        outside = {str(g) for g in self.writer.outside_union} | {str(g) for g in self.gathered}
        for graph in self.writer.named_graphs():
            if graph not in outside:
                ntriples = native.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
                facts.append(facts_of(ntriples, self.writer.evidence))
        for i in range(0, len(facts), GATHERED_CHUNK):
            memory.load(b"".join(map(zlib.decompress, facts[i:i + GATHERED_CHUNK])), format=ox.RdfFormat.N_TRIPLES)
        return Dataset(store=OxigraphStore(store=memory), default_union=False)

    def _stored(self, rows: set) -> dict:
        """row IRI → predicate IRI → its values, of `rows` in the summary graph."""
        out = defaultdict(lambda: defaultdict(list))
        if rows:
            text = f"SELECT ?r ?p ?o WHERE {{ GRAPH {self.graph.n3()} {{ ?r ?p ?o }} }}"
            for r, p, o in select(self.ds, text, "r", rows):
                out[_text(r)][_text(p)].append(o)
        return out

    def _persons(self) -> tuple[set, dict]:
        """The person, meet and pair rows the touched events change: their share now less their share before."""
        subjects = self.subjects
        after = _event_states(self.ds, subjects)
        nodes = subjects | {x for _, _, xs in after.values() for x in xs}
        people = _people(self.ds, nodes | set(self.people))
        was = {**people, **self.people}
        # events beyond the touched graphs whose attendees changed name or type: as they are, and as they were
        # (the same statements, those attendees as they were)
        changed = {x for x in self.people if self.people[x] != people.get(x)}
        more = ({e for e, _ in select(self.ds, _ATTENDEES, "x", changed)} - subjects) if changed else set()
        around = _event_states(self.ds, more)
        extra = {x for _, _, xs in around.values() for x in xs} - set(was)
        more_people = _people(self.ds, extra)
        people.update(more_people)
        was.update(more_people)
        b_events, b_meets, b_shared, b_days = _tally({**self.events, **around}, was)
        a_events, a_meets, a_shared, a_days = _tally({**after, **around}, people)
        d_events, d_meets = _minus(a_events, b_events), _minus(a_meets, b_meets)
        d_shared, d_days = _minus(a_shared, b_shared), _minus(a_days, b_days)
        person_iris = {_row("person", n): n for n in set(d_events) | {n for n, _ in d_meets}}
        meet_iris = {_row("meet", n, y): (n, y) for n, y in d_meets}
        pair_iris = {_row("pair", *p): p for p in set(d_shared) | {p for p, _ in d_days}}
        stored = self._stored(set(person_iris) | set(meet_iris) | set(pair_iris))

        def count(row, p) -> int | None:
            values = stored[str(row)][str(p)]
            return int(_text(values[0])) if values else None

        rows: dict[URIRef, list[tuple]] = {}
        met = Counter()
        for row, (n, y) in meet_iris.items():
            was_k = count(row, SUM["count"]) or 0
            k = was_k + d_meets[(n, y)]
            met[n] += (k > 0) - (was_k > 0)
            if k > 0:
                rows[row] = [(row, SUM["count"], Literal(k))]
        for row, n in person_iris.items():
            k = (count(row, SUM.events) or 0) + d_events.get(n, 0)
            counterparts = (count(row, SUM.counterparts) if count(row, SUM.events) else -1) + met[n]
            if k > 0:
                rows[row] = _person_triples(n, k, counterparts)
        day_deltas = defaultdict(Counter)
        for (pair, day), n in d_days.items():
            day_deltas[pair][day] += n
        for row, pair in pair_iris.items():
            days = Counter()
            for value in stored[str(row)][str(SUM.tally)]:
                for line in _text(value).splitlines():
                    day, _, n = line.rpartition("\t")
                    days[day] += int(n)
            days.update(day_deltas[pair])
            k = (count(row, SUM.shared) or 0) + d_shared.get(pair, 0)
            if k > 0:
                rows[row] = _pair_triples(*pair, k, days)
        return set(person_iris) | set(meet_iris) | set(pair_iris), rows

    def _pledges(self) -> tuple[set, dict]:
        """The pledge rows of the touched commitments, and the groups whose observations changed or that
        those commitments start or stop pointing at."""
        commitments, observations = _pledge_state(self.ds, self.subjects)
        before_c, before_o = self.commitments, self.observations
        g = f"GRAPH {self.graph.n3()}"
        old_rows = {}                   # pledge row → its group, of the touched commitments
        text = f"SELECT ?r ?k ?grp WHERE {{ {g} {{ ?r <{SUM.commitment}> ?k ; <{SUM.group}> ?grp }} }}"
        touched = set(commitments) | set(before_c)
        for r, _, grp in select(self.ds, text, "k", touched) if touched else ():
            old_rows[_text(r)] = _text(grp)
        rows: dict[URIRef, list[tuple]] = {}
        wanted = {}                     # group IRI → (measure, parties), of the touched commitments now
        for k, (qms, parties) in commitments.items():
            for q, m in qms:
                row, triples = _pledge_triples(k, q, m, parties)
                rows[row] = triples
                wanted[str(triples[-1][2])] = (m, parties)
        # groups the changed observations fit (as they were or are): their measure, parties they include
        moved = [(observations.get(o), before_o.get(o)) for o in set(observations) | set(before_o)
                 if observations.get(o) != before_o.get(o)]
        changed = [s for pair in moved for s in pair if s is not None]
        measures = {m for m, _, _, _ in changed}
        groups = defaultdict(lambda: [None, set()])
        text = f"SELECT ?grp ?m ?x WHERE {{ {g} {{ ?grp <{SUM.of}> ?m OPTIONAL {{ ?grp <{SUM.party}> ?x }} }} }}"
        for grp, m, x in select(self.ds, text, "m", measures) if measures else ():
            groups[_text(grp)][0] = m
            if x is not None:
                groups[_text(grp)][1].add(x)
        stale = {grp for grp, (m, parties) in groups.items()
                 if any(m == held_m and parties <= held for held_m, _, held, _ in changed)}
        # groups the touched commitments pointed at or point at: kept while some pledge row points at them
        candidates = set(old_rows.values()) | set(wanted)
        referenced = defaultdict(set)
        text = f"SELECT ?r ?grp WHERE {{ {g} {{ ?r <{SUM.group}> ?grp }} }}"
        for r, grp in select(self.ds, text, "grp", {URIRef(c) for c in candidates}) if candidates else ():
            if _text(r) not in old_rows:
                referenced[_text(grp)].add(_text(r))
        for row, triples in rows.items():
            referenced[str(triples[-1][2])].add(str(row))
        existing = set(self._stored({URIRef(c) for c in candidates}))
        drop = {c for c in candidates if not referenced[c]}
        redo = (stale - drop) | {c for c in wanted if c not in existing}
        known = {**{grp: (m, frozenset(p)) for grp, (m, p) in groups.items()}, **wanted}
        stored = self._stored({URIRef(c) for c in drop | redo})
        nodes = {URIRef(_text(n)) for said in stored.values() for n in said.get(str(SUM.reading), ())}
        figures = self._stored(nodes)
        for grp in redo:
            m, parties = known[grp]
            fits = lambda state: state is not None and state[0] == m and parties <= state[2]
            mine = [after for after, before in moved if fits(after) or fits(before)]
            if grp in stored and all(not fits(before) for after, before in moved if fits(after) or fits(before)):
                # observations only came into the group: the latest period moves up or gains their figures
                said = stored[grp]
                latest = (said.get(str(SUM.period)) or [None])[0]
                read = {(figures[_text(n)][str(SUM.unit)][0], figures[_text(n)][str(SUM.figure)][0])
                        for n in said.get(str(SUM.reading), ())}
                for _, p, _, readings in sorted(mine, key=lambda state: _text(state[1])):
                    if latest is None or _text(p) > _text(latest):
                        latest, read = p, set(readings)
                    elif _text(p) == _text(latest):
                        read |= readings
                rows[URIRef(grp)] = _group_from(m, parties, latest, read)
            else:
                rows[URIRef(grp)] = _group_triples(self.ds, m, parties)
        gone = {URIRef(r) for r in old_rows} | {URIRef(c) for c in drop | redo} | nodes
        return gone, rows

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


def _minus(after: Counter, before: Counter) -> dict:
    return {k: n for k in set(after) | set(before) if (n := after.get(k, 0) - before.get(k, 0))}


def rebuild(ds: Dataset, base_iri: str, writer) -> None:
    """The whole summary graph computed again (a store built before summaries existed)."""
    Keeper(ds, base_iri, writer).update(everything=True)
