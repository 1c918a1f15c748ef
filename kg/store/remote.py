"""A triple store on another server, spoken to in SPARQL 1.1 Query and Update over HTTP.

Registered with rdflib as the store plugin `KgSPARQL` (see pyproject's entry points), so a
`--store http://…` value opens a Dataset like any other store. It subclasses rdflib's
SPARQLUpdateStore and changes what loses data or fails on real servers (Virtuoso, Oxigraph):

- results are asked for in one format (SPARQL JSON, or N-Triples for graphs): rdflib's Accept header
  lists several in an order that depends on the hash seed, and Virtuoso may then answer in RDF/XML;
- bound values go into a VALUES block at the *start* of the outer WHERE group, where FILTERs see them
  (rdflib appends VALUES after the query, which leaves a FILTER on the parameter unbound);
- data is sent as N-Triples terms inside INSERT DATA, in batches: Virtuoso stores Turtle local-name
  escapes (`ex:a\\/b`) verbatim, and a very long update is refused;
- graphs are replaced with DROP SILENT GRAPH, never CREATE GRAPH (which fails when the graph exists);
- reading the whole dataset goes graph by graph, so no answer meets a server's row limit;
- the SPARQL protocol's dataset parameters given in the store URL (`?default-graph-uri=G`, repeatable, and
  `named-graph-uri`) go with every query, not in the URL of updates: a query without FROM reads the
  server's default graph, which on Virtuoso is every graph it holds *as a bag* (a statement told in 500
  article graphs matches 500 times, the build's index and summary graphs included). Naming a graph that
  holds the union as a set, as Oxigraph's embedded store keeps it, makes the server answer from what the
  embedded store answers from (Virtuoso still lets GRAPH ?g range over every graph);
- writes wait in order and go together (kg.build writes thousands of small graphs): updates joined in
  one request, statements loaded by the server's bulk path (`Loader`): an Oxigraph server's Graph Store
  `/store` upload of N-Quads, found by itself; Virtuoso's bulk loader (ld_dir, rdf_loader_run) through
  isql, when given (`use_loader`); else INSERT DATA of ≤ 1,000 statements a request. Any read, and
  closing, sends what waits first;
- removals (a graph dropped, an article's index entry taken out) go ahead of waiting statements they do
  not touch and together, as one DELETE over a VALUES block per shape: a build's removals and loads then
  alternate once per flush, not once per batch of articles. On Virtuoso, 400 single DROP/DELETE
  operations in one request took 20 s on a 10,000-article store (each DROP makes the next operation
  slow), the same removals as two VALUES deletes 0.1 s;
- a build keeps, on Virtuoso, a union graph (`use_union`): the statements of the article graphs as a set,
  evidence aside, as Oxigraph's embedded store keeps them in its default graph; the store names it as the
  default graph of every query unless the URL names one. A graph dropped or statements
  removed with `leave` take their statements out of the union unless another graph still holds them, in
  the same joined request (one DELETE per chunk of graphs, just before the chunk's drop). The Oxigraph
  server keeps to the protocol, where a request naming a default graph sees no named graphs (GRAPH ?g finds
  nothing), so there the queries read the server's own union default graph, as before; so do other servers,
  which may keep to the protocol too (untested here). Virtuoso, with a
  default graph named, keeps GRAPH ?g over every graph but answers nothing for GRAPH <iri> { … } (no error),
  so there each such pattern is sent as GRAPH ?kg_graph_N { VALUES ?kg_graph_N { <iri> } … }, the same
  answer (a SELECT * has one more column per pattern).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
import os
import shutil
import subprocess
from io import BytesIO
from pathlib import Path
from typing import Iterable, Iterator
from urllib.error import HTTPError, URLError
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit
from urllib.request import Request, urlopen

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result

from kg.errors import KgError
from kg.rdf.nquads import term
from kg.sparql.text import query_form, with_values

SELECT_RESULTS = "application/sparql-results+json"
GRAPH_RESULTS = "application/n-triples"
NQUADS = "application/n-quads"
BATCH = 1000            # statements per INSERT DATA request (a very long update is refused)
LOAD_AT = 250_000       # statements waiting before they are loaded (and saved): each load has a fixed cost
VALUES_ROWS = 1000      # rows of one VALUES block in a joined removal
UPDATE_CHARS = 500_000  # updates joined into one request up to this size
TIMEOUT = 300
DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")   # the SPARQL protocol's, for queries only
ISQL = ("isql-vt", "isql")  # Debian names Virtuoso's client isql-vt (its isql is unixODBC's)
GRAPH_IRI = re.compile(r"\bGRAPH\s*(<[^<>\"{}|^`\\\s]*>)\s*\{", re.IGNORECASE)   # GRAPH <iri> {


def endpoints(url: str) -> tuple[str, str]:
    """(query endpoint, update endpoint) for a store URL: Oxigraph serves /query and /update,
    Virtuoso and most others one /sparql for both."""
    if url.rstrip("/").endswith("/query"):
        return url, url.rstrip("/")[: -len("query")] + "update"
    return url, url


def dataset_of(url: str) -> tuple[str, list[tuple[str, str]]]:
    """(the URL without the protocol's dataset parameters, those parameters in order)."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    dataset = [(k, v) for k, v in pairs if k in DATASET_PARAMS]
    rest = urlencode([(k, v) for k, v in pairs if k not in DATASET_PARAMS])
    return urlunsplit(parts._replace(query=rest)), dataset


def http_post(url: str, body: bytes, content_type: str, accept: str | None = None):
    """A POST whose failure is one clear line."""
    headers = {"Content-Type": content_type, **({"Accept": accept} if accept else {})}
    try:
        return urlopen(Request(url, data=body, headers=headers), timeout=TIMEOUT)
    except HTTPError as e:
        detail = e.read().decode("utf-8", "replace").strip().splitlines()
        raise KgError(f"{url} answered HTTP {e.code}: {(detail or [e.reason])[0][:300]}") from None
    except (URLError, OSError) as e:
        raise KgError(f"{url}: cannot reach the SPARQL server ({getattr(e, 'reason', e)})") from None


class Loader:
    """A server's bulk path: N-Quads text in, loaded into the named graphs it names."""
    def load(self, nquads: bytes) -> None:
        raise NotImplementedError

    def save(self) -> None:
        """Make what was loaded durable, for a loader that writes no log (Virtuoso's)."""


class GraphStoreLoader(Loader):
    """The Graph Store protocol's dataset upload (POST N-Quads to /store), as an Oxigraph server has it."""
    def __init__(self, url: str):
        self.url = url

    def load(self, nquads: bytes) -> None:
        http_post(self.url, nquads, NQUADS).close()


class VirtuosoLoader(Loader):
    """Virtuoso's bulk loader: each load is an N-Quads file in the server's own folder, registered with
    ld_dir, loaded by rdf_loader_run, then taken off the load list. The loader writes no log, so a load
    is durable only after a checkpoint (`save`); RemoteStore saves before any update that may vouch for
    loaded statements and at the end of each flush, not after each load (a checkpoint writes every
    dirty page). Needs Virtuoso's isql client and the server's folder on this machine."""
    def __init__(self, spec: str):
        """spec: isql://[USER:PASSWORD@]HOST:PORT (Virtuoso's SQL port; user and password default to dba)."""
        url = urlsplit(spec)
        if url.scheme != "isql" or not url.hostname or not url.port:
            raise KgError(f"--loader {spec}: give isql://[USER:PASSWORD@]HOST:PORT, Virtuoso's SQL port")
        self.client = next((found for name in ISQL if (found := shutil.which(name))), None)
        if self.client is None:
            raise KgError(f"--loader {spec}: Virtuoso's isql client (isql-vt) is not installed here")
        self.address = f"{url.hostname}:{url.port}"
        self.user, self.password = unquote(url.username or "dba"), unquote(url.password or "dba")
        root = [line.strip() for line in self.sql("select server_root();").splitlines() if line.strip()]
        self.folder = Path(root[-1] if root else "") / "kg-load"
        try:
            self.folder.mkdir(exist_ok=True)
        except OSError as e:
            raise KgError(f"--loader {spec}: the server's folder {self.folder.parent} is not writable from here ({e}); "
                          "the bulk loader needs kg on the server's machine") from None
        self.files = itertools.count()

    def sql(self, statements: str) -> str:
        try:
            done = subprocess.run([self.client, self.address, self.user, self.password, "BANNER=OFF", "VERBOSE=OFF",
                                   f"exec={statements}"], capture_output=True, text=True, timeout=TIMEOUT,
                                  stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise KgError(f"isql {self.address}: {e}") from None
        error = next((line for line in (done.stdout + done.stderr).splitlines() if "*** Error" in line), None)
        if done.returncode != 0 or error:
            raise KgError(f"isql {self.address}: {(error or done.stderr.strip() or 'failed').strip()[:300]}")
        return done.stdout

    def load(self, nquads: bytes) -> None:
        path = self.folder / f"{os.getpid()}-{next(self.files)}.nq"
        path.write_bytes(nquads)
        try:
            # ld_dir's graph is for triples without one; every line here names its graph
            out = self.sql(f"ld_dir('{self.folder}', '{path.name}', 'urn:kg:none'); rdf_loader_run(); "
                           f"select coalesce(ll_error, 'loaded') from DB.DBA.LOAD_LIST where ll_file = '{path}'; "
                           f"delete from DB.DBA.LOAD_LIST where ll_file = '{path}';")
        finally:
            path.unlink(missing_ok=True)
        if "loaded" not in out:
            raise KgError(f"Virtuoso's bulk loader refused {path.name}: {out.strip()[:300]}")

    def save(self) -> None:
        self.sql("checkpoint;")


def graphs_as_variables(query: str) -> str:
    """Each GRAPH <iri> { of `query` as GRAPH ?kg_graph_N { VALUES ?kg_graph_N { <iri> } (see the top)."""
    count = itertools.count()

    def variable(match: re.Match) -> str:
        name = f"?kg_graph_{next(count)}"
        return f"GRAPH {name} {{ VALUES {name} {{ {match.group(1)} }} "
    return GRAPH_IRI.sub(variable, query)


def leaving(keep_out: tuple[str, ...], where: str, going: list[str]) -> str:
    """The update taking out of the union graph `keep_out[0]` the statements that `where` binds to ?s ?p ?o in
    the `going` graphs, unless a graph other than those, the union and the rest of `keep_out` holds them."""
    union, others = keep_out[0], ", ".join(keep_out + tuple(going))
    return (f"DELETE {{ GRAPH {union} {{ ?s ?p ?o }} }} WHERE {{ {where} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other NOT IN ({others})) }} }}")


def use_loader(ds: Dataset, spec: str) -> None:
    """Load a server dataset's statements through Virtuoso's bulk loader (`--loader isql://HOST:PORT`)."""
    if not isinstance(ds.store, RemoteStore):
        raise KgError(f"--loader {spec}: only for a SPARQL server given as --store http://…")
    ds.store.loader = VirtuosoLoader(spec)


@dataclass(frozen=True)
class Removal:
    """A removal waiting to be sent: the whole `graph` (`drop`), or the statements matching `pattern` (N-Triples
    terms, None for any) in `graph` (None: in every graph). Removals commute with each other, and with a load
    of statements none of which they match."""
    graph: str | None
    pattern: tuple[str | None, str | None, str | None] = (None, None, None)
    drop: bool = False
    # (union graph, graphs it never holds…): what is removed also leaves that union unless another graph,
    # outside those, still states it
    leave: tuple[str, ...] = ()

    def touches(self, waiting: Statements) -> bool:
        if self.graph is None:
            return bool(waiting.lines)
        if self.pattern[0] is not None and not self.drop:
            return (self.graph, self.pattern[0]) in waiting.subjects
        return self.graph in waiting.graphs


@dataclass
class Statements:
    """N-Quads lines waiting to be loaded, with the graphs and (graph, subject) pairs they hold."""
    lines: list[str] = field(default_factory=list)
    graphs: set[str] = field(default_factory=set)
    subjects: set[tuple[str, str]] = field(default_factory=set)

    def extend(self, other: Statements) -> None:
        self.lines += other.lines
        self.graphs |= other.graphs
        self.subjects |= other.subjects


class RemoteStore(SPARQLUpdateStore):
    graph_prefix: str | None = None  # only graphs under this IRI are read back as the dataset
    loader: Loader | None = None     # None: INSERT DATA
    drops_by_delete = False          # a graph is removed by DELETE over VALUES, not DROP (Virtuoso: see the top)
    server = ""                      # the server's name, from its Server header
    graphs_by_variable = False       # GRAPH <iri> sent as GRAPH ?var when a default graph is named (Virtuoso)
    union_graph: URIRef | None = None   # where a build keeps the union, every query's default graph (Virtuoso)

    def __init__(self, configuration=None, **kwargs):
        super().__init__(returnFormat="json", autocommit=True, **kwargs)
        self._waiting: list[str | Removal | Statements] = []     # in order: updates, removals, statements
        self._statements = 0
        self._unsaved = False     # loaded by a loader that writes no log, and not yet saved
        self.dataset: list[tuple[str, str]] = []    # default-graph-uri / named-graph-uri sent with each query
        if configuration:
            self.open(configuration)

    def open(self, configuration, create: bool = False):
        if isinstance(configuration, str):
            configuration, self.dataset = dataset_of(configuration)
            configuration = endpoints(configuration)
        query_url, update_url = configuration
        super().open((query_url, update_url), create=False)
        # the server says which it is in its Server header: an Oxigraph server serves the Graph Store at /store
        # beside /query; Virtuoso removes many graphs far quicker by one DELETE than by DROPs
        try:
            probe = query_url + ("&" if "?" in query_url else "?") + urlencode({"query": "ASK {}"})
            with urlopen(Request(probe), timeout=TIMEOUT) as res:
                server = res.headers.get("Server", "")
        except OSError:
            return       # the first query says clearly that nobody answers
        self.server = server
        self.drops_by_delete = self.graphs_by_variable = server.startswith("Virtuoso")
        if self.loader is None and server.startswith("Oxigraph") and query_url.rstrip("/").endswith("/query"):
            self.loader = GraphStoreLoader(query_url.rstrip("/")[: -len("query")] + "store")

    def use_union(self, graph: URIRef, index_graph: URIRef | None = None) -> None:
        """Keep the union in `graph` and read it as the default graph, unless the URL names one; not on an
        Virtuoso (see the top). A store built before kg kept the union (its index holds articles, the
        union graph nothing) is read as before, from the server's default graph, until a build writes to it
        (kg.store.writer makes the union then)."""
        if not self.server.startswith("Virtuoso"):
            return
        self.union_graph = graph
        if any(k == "default-graph-uri" for k, _ in self.dataset):
            return
        if index_graph is not None and self.holds(index_graph) and not self.holds(graph):
            return
        self.dataset.append(("default-graph-uri", str(graph)))

    def holds(self, graph: URIRef) -> bool:
        """Whether `graph` holds any statement."""
        return bool(self.query("ASK WHERE { GRAPH ?g { ?s ?p ?o } }", initBindings={"g": graph}).askAnswer)

    def close(self, commit_pending_transaction: bool = False) -> None:
        self.flush()

    # -- HTTP --------------------------------------------------------------------------------
    def _post(self, url: str, form: dict | list[tuple[str, str]], accept: str | None = None):
        return http_post(url, urlencode(form).encode("utf-8"), "application/x-www-form-urlencoded; charset=UTF-8",
                         accept)

    def query(self, query, initNs=None, initBindings=None, queryGraph=None, DEBUG=False, **kwargs):  # noqa: N803
        self.flush()
        text = with_values(str(query), dict(initBindings or {}))
        if initNs:
            text = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in initNs.items()) + text
        form = query_form(text)
        if self.graphs_by_variable and any(k == "default-graph-uri" for k, _ in self.dataset) and \
                not any(k == "named-graph-uri" for k, _ in self.dataset):
            text = graphs_as_variables(text)
        accept = GRAPH_RESULTS if form in ("CONSTRUCT", "DESCRIBE") else SELECT_RESULTS
        with self._post(self.query_endpoint, [("query", text)] + self.dataset, accept) as res:
            content_type = res.headers.get("Content-Type", accept).split(";")[0].strip()
            body = res.read()
        if form in ("CONSTRUCT", "DESCRIBE"):
            graph = Graph()
            graph.parse(data=body.decode("utf-8"), format="nt" if "n-triples" in content_type
                        or content_type == "text/plain" else content_type)
            result = Result("CONSTRUCT")
            result.graph = graph
            return result
        return Result.parse(BytesIO(body), content_type=content_type)

    def _update(self, update: str | Removal) -> None:
        """Waits, in order with the statements added, until a read or `flush`."""
        self._waiting.append(update)

    def update(self, query, initNs=None, initBindings=None, queryGraph=None, DEBUG=False):  # noqa: N803
        self._update(with_values(str(query), dict(initBindings or {})))
        self.flush()

    def flush(self) -> None:
        """Send what waits. Each removal goes ahead of the statements waiting before it unless it touches
        them; any other update waits for them, and for them to be durable (it may say that they are whole,
        as the build's marks do); so a build of many articles sends one joined removal, then one load."""
        waiting, self._waiting, self._statements = self._waiting, [], 0
        updates: list[str | Removal] = []
        statements = Statements()
        for item in waiting:
            if isinstance(item, Statements):
                statements.extend(item)
            elif isinstance(item, Removal) and not item.touches(statements):
                updates.append(item)
            else:
                self._send(updates, statements)
                updates, statements = [item], Statements()
        self._send(updates, statements)
        if self._unsaved:
            self.loader.save()
            self._unsaved = False

    def _send(self, updates: list[str | Removal], statements: Statements) -> None:
        if self._unsaved and any(isinstance(u, str) for u in updates):
            self.loader.save()
            self._unsaved = False
        texts = self._joined(updates)
        request: list[str] = []
        for text in texts + [None]:
            if request and (text is None or sum(map(len, request)) + len(text) >= UPDATE_CHARS):
                self._updates += 1
                self._post(self.update_endpoint, {"update": " ;\n".join(request)}).close()
                request = []
            if text is not None:
                request.append(text)
        if statements.lines:
            self._load(statements.lines)

    def _joined(self, updates: list[str | Removal]) -> list[str]:
        """Update texts in order; each run of removals as few operations as its shapes."""
        texts: list[str] = []
        run: list[Removal] = []
        for item in updates + [""]:
            if isinstance(item, Removal):
                run.append(item)
                continue
            texts += self._removals(run)
            run = []
            if item:
                texts.append(item)
        return texts

    def _removals(self, run: list[Removal]) -> list[str]:
        """One DELETE over a VALUES block per shape (which graph, which terms bound, which union it leaves), in
        chunks; a chunk that leaves a union is preceded by the DELETE taking its statements out of the union.
        Chunk after chunk is as graph after graph: a statement held only by graphs of two chunks stays in the
        union while the second chunk's graphs hold it, and leaves with them."""
        texts: list[str] = []
        shapes: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[tuple[str, ...]]] = {}
        for r in dict.fromkeys(run):
            if r.drop and not self.drops_by_delete and not r.leave:
                texts.append(f"DROP SILENT GRAPH {r.graph}")
            elif r.graph is not None and (r.drop or r.pattern == (None, None, None)):
                shapes.setdefault(("?g", ("?g",), r.leave), []).append((r.graph,))
            else:
                bound = [i for i, t in enumerate(r.pattern) if t is not None]
                names = tuple(("?s", "?p", "?o")[i] for i in bound)
                shapes.setdefault((r.graph or "?g", names, r.leave), []).append(tuple(r.pattern[i] for i in bound))
        for (graph, names, leave), rows in shapes.items():
            for i in range(0, len(rows), VALUES_ROWS):
                chunk = rows[i:i + VALUES_ROWS]
                block = " ".join("(" + " ".join(row) + ")" for row in chunk)
                values = f"VALUES ({' '.join(names)}) {{ {block} }} " if names else ""
                where = f"{values}GRAPH {graph} {{ ?s ?p ?o }}"
                if leave:
                    texts.append(leaving(leave, where, [row[0] for row in chunk] if graph == "?g" else [graph]))
                if graph == "?g" and not self.drops_by_delete and names == ("?g",):
                    texts += [f"DROP SILENT GRAPH {row[0]}" for row in chunk]
                else:
                    texts.append(f"DELETE {{ GRAPH {graph} {{ ?s ?p ?o }} }} WHERE {{ {where} }}")
        return texts

    def _load(self, lines: list[str]) -> None:
        if self.loader is not None:
            self.loader.load("".join(lines).encode("utf-8"))
            self._unsaved = True
            return
        for i in range(0, len(lines), BATCH):
            by_graph: dict[str, list[str]] = {}
            for line in lines[i:i + BATCH]:
                statement, graph = line.rsplit(" <", 1)      # the graph IRI ends each line: "… <g> .\n"
                by_graph.setdefault(graph[:-4], []).append(statement + " .")
            self._updates += 1
            body = "\n".join(f"GRAPH <{g}> {{\n" + "\n".join(ts) + "\n}" for g, ts in by_graph.items())
            self._post(self.update_endpoint, {"update": f"INSERT DATA {{\n{body}\n}}"}).close()

    # -- graphs --------------------------------------------------------------------------------
    def add_graph(self, graph) -> None:
        """Named graphs exist once they hold a triple; CREATE GRAPH fails on Virtuoso if one exists."""

    def remove_graph(self, graph) -> None:
        self._update(Removal(graph.identifier.n3(), drop=True))

    def leave(self, graph: URIRef, subject: URIRef | None, outside: Iterable[URIRef]) -> None:
        """Remove `graph` whole (`subject` None) or the statements about `subject` in it; what it held leaves the
        union graph unless a graph other than it and those `outside` the union still holds it."""
        keep_out = tuple(g.n3() for g in (self.union_graph, *sorted(outside)))
        if subject is None:
            self._update(Removal(graph.n3(), drop=True, leave=keep_out))
        else:
            self._update(Removal(graph.n3(), (subject.n3(), None, None), leave=keep_out))

    def remove(self, triple, context=None) -> None:
        self._update(Removal(context.identifier.n3() if context is not None else None,
                             tuple(t.n3() if t is not None else None for t in triple)))

    def addN(self, quads: Iterable[tuple]) -> None:  # noqa: N802
        """As N-Quads lines (N-Triples terms: Virtuoso keeps Turtle's escapes verbatim), waiting to be loaded."""
        if not self._waiting or not isinstance(self._waiting[-1], Statements):
            self._waiting.append(Statements())
        waiting, added = self._waiting[-1], 0
        for s, p, o, g in quads:
            subject, graph = term(s), term(g.identifier)
            waiting.lines.append(f"{subject} {term(p)} {term(o)} {graph} .\n")
            waiting.graphs.add(graph)
            waiting.subjects.add((graph, subject))
            added += 1
        self._statements += added
        if self._statements >= LOAD_AT:
            self.flush()

    def graphs(self) -> list[URIRef]:
        """Our named graphs, the union graph aside (it is the default graph, read by queries)."""
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        found = sorted(URIRef(str(row[0])) for row in result)
        return [g for g in found if (self.graph_prefix is None or str(g).startswith(self.graph_prefix))
                and g != self.union_graph]

    def triples(self, pattern, context=None) -> Iterator:
        """All statements of our named graphs, each with its graph; one CONSTRUCT per graph."""
        named = context is not None and str(context.identifier).startswith(self.graph_prefix or "")
        graphs = [context.identifier] if named else self.graphs()
        want = " ".join(t.n3() if t is not None else v for t, v in zip(pattern, ("?s", "?p", "?o")))
        for graph_iri in graphs:
            result = self.query(f"CONSTRUCT {{ {want} }} WHERE {{ GRAPH ?g {{ {want} }} }}",
                                initBindings={"g": graph_iri})
            holder = Graph(store=self, identifier=graph_iri)
            for triple in result.graph:
                yield triple, iter([holder])

    def contexts(self, triple=None):
        for graph_iri in self.graphs():
            yield Graph(store=self, identifier=graph_iri)

    def __len__(self, context=None) -> int:
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(result))[0])

