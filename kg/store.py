"""The triple store behind the graph, chosen by name through rdflib's plugin registry:
`memory` → rdflib's Memory store, a folder path → Oxigraph on disk (oxrdflib), an http(s) URL →
a SPARQL 1.1 server (kg.remote_store, plugin `KgSPARQL`). Every article's
statements live in a named graph of their own; the vocabulary lives in one more."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from rdflib import Dataset, URIRef
from rdflib.plugin import PluginException

from kg.errors import KgError
from kg.namespaces import DEFAULT_BASE_IRI, graphs_base

DEFAULT_STORE = ".kg"


def store_plugin(spec: str) -> tuple[str, str | None]:
    """(rdflib store plugin name, what to open it with) for a `--store` value."""
    if spec == "memory":
        return "Memory", None
    if spec.startswith(("http://", "https://")):
        return "KgSPARQL", spec
    return "Oxigraph", str(Path(spec))


def open_dataset(spec: str = DEFAULT_STORE, create: bool = True, base_iri: str = DEFAULT_BASE_IRI) -> Dataset:
    plugin, location = store_plugin(spec)
    try:
        ds = Dataset(store=plugin, default_union=True)
    except PluginException as e:
        raise KgError(f"store '{plugin}' is not installed ({e}); reinstall kg with pip install -e .") from None
    if plugin == "KgSPARQL":
        ds.open(location)
        ds.store.graph_prefix = graphs_base(base_iri)   # a shared server holds other graphs too
        ds.query("ASK { }")                          # fails with a clear line if nobody answers
    elif location is not None:
        path = Path(location)
        if not create and not path.exists():
            raise KgError(f"{location}: no store here; run `kg build` first")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # oxrdflib refuses create=True on an existing folder: reopen what is there
            ds.open(location, create=not path.exists())
        except (OSError, ValueError) as e:
            raise KgError(f"{location}: cannot open the store ({e}); is another kg process using it?") from None
    return ds


def replace_graph(ds: Dataset, graph: URIRef, triples: Iterable[tuple]) -> None:
    """Building an article again replaces its graph: the store never holds two versions of one article."""
    ds.remove_graph(ds.graph(graph))
    g = ds.graph(graph)
    ds.addN((s, p, o, g) for s, p, o in triples)

