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
- reading the whole dataset goes graph by graph, so no answer meets a server's row limit.
"""
from __future__ import annotations

from io import BytesIO
from typing import Iterable, Iterator
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result

from kg.errors import KgError
from kg.sparql_text import query_form, with_values

SELECT_RESULTS = "application/sparql-results+json"
GRAPH_RESULTS = "application/n-triples"
BATCH = 1000  # triples per INSERT DATA request
TIMEOUT = 300

def endpoints(url: str) -> tuple[str, str]:
    """(query endpoint, update endpoint) for a store URL: Oxigraph serves /query and /update,
    Virtuoso and most others one /sparql for both."""
    if url.rstrip("/").endswith("/query"):
        return url, url.rstrip("/")[: -len("query")] + "update"
    return url, url


class RemoteStore(SPARQLUpdateStore):
    graph_prefix: str | None = None  # only graphs under this IRI are read back as the dataset

    def __init__(self, configuration=None, **kwargs):
        super().__init__(returnFormat="json", autocommit=True, **kwargs)
        if configuration:
            self.open(configuration)

    def open(self, configuration, create: bool = False):
        query_url, update_url = endpoints(configuration) if isinstance(configuration, str) else configuration
        super().open((query_url, update_url), create=False)

    # -- HTTP --------------------------------------------------------------------------------
    def _post(self, url: str, form: dict, accept: str | None = None):
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}
        if accept:
            headers["Accept"] = accept
        try:
            return urlopen(Request(url, data=urlencode(form).encode("utf-8"), headers=headers), timeout=TIMEOUT)
        except HTTPError as e:
            detail = e.read().decode("utf-8", "replace").strip().splitlines()
            raise KgError(f"{url} answered HTTP {e.code}: {(detail or [e.reason])[0][:300]}") from None
        except (URLError, OSError) as e:
            raise KgError(f"{url}: cannot reach the SPARQL server ({getattr(e, 'reason', e)})") from None

    def query(self, query, initNs=None, initBindings=None, queryGraph=None, DEBUG=False, **kwargs):  # noqa: N803
        text = with_values(str(query), dict(initBindings or {}))
        if initNs:
            text = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in initNs.items()) + text
        form = query_form(text)
        accept = GRAPH_RESULTS if form in ("CONSTRUCT", "DESCRIBE") else SELECT_RESULTS
        with self._post(self.query_endpoint, {"query": text}, accept) as res:
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

    def _update(self, update: str) -> None:
        self._updates += 1
        self._post(self.update_endpoint, {"update": update}).close()

    def update(self, query, initNs=None, initBindings=None, queryGraph=None, DEBUG=False):  # noqa: N803
        self._update(with_values(str(query), dict(initBindings or {})))

    # -- graphs --------------------------------------------------------------------------------
    def add_graph(self, graph) -> None:
        """Named graphs exist once they hold a triple; CREATE GRAPH fails on Virtuoso if one exists."""

    def remove_graph(self, graph) -> None:
        self._update(f"DROP SILENT GRAPH {graph.identifier.n3()}")

    def remove(self, triple, context=None) -> None:
        pattern = " ".join(t.n3() if t is not None else v for t, v in zip(triple, ("?s", "?p", "?o")))
        graph = context.identifier.n3() if context is not None else "?g"
        self._update(f"DELETE WHERE {{ GRAPH {graph} {{ {pattern} }} }}")

    def addN(self, quads: Iterable[tuple]) -> None:  # noqa: N802
        by_graph: dict[URIRef, list[str]] = {}
        for s, p, o, g in quads:
            by_graph.setdefault(g.identifier, []).append(f"{s.n3()} {p.n3()} {o.n3()} .")
        for graph, lines in by_graph.items():
            for i in range(0, len(lines), BATCH):
                self._update(f"INSERT DATA {{ GRAPH {graph.n3()} {{\n" + "\n".join(lines[i:i + BATCH]) + "\n} }")

    def graphs(self) -> list[URIRef]:
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        found = sorted(URIRef(str(row[0])) for row in result)
        return [g for g in found if self.graph_prefix is None or str(g).startswith(self.graph_prefix)]

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

