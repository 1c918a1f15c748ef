"""Exports of the store: Turtle, TriG, N-Quads (sorted, byte-identical for the same input), JSON-LD.
Every file is written atomically: a temporary file beside it, then a rename."""
from __future__ import annotations

import glob
import io
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from rdflib import Dataset, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

from kg.errors import KgError
from kg.index import index_graph_iri
from kg.namespaces import DEFAULT_BASE_IRI, PREFIXES, bind_prefixes
from kg.store import native_store

FORMATS = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
VIEWS = ("html", "timeline", "graphml", "gexf", "centrality")
SUFFIX = {"ttl": ".ttl", "trig": ".trig", "nq": ".nq", "jsonld": ".jsonld", "html": ".html", "timeline": ".html",
          "graphml": ".graphml", "gexf": ".gexf", "centrality": ".csv", "ontology": ".ttl"}
DEFAULT_NAME = {"html": "graph.html", "timeline": "timeline.html", "ontology": "ontology.ttl",
                "centrality": "centrality.csv", "articles": "articles"}


def write_atomic(path: Path, data: str | bytes | Callable[[BinaryIO], None]) -> None:
    """`data` may be a function writing into the open file, for what is too large to hold as one string.
    Only a regular file is ever replaced: a link, a device, a folder at `path` is refused, never swapped
    for a file. The temporary file is named with the writing process, so that one left by a killed run is
    taken away by the next."""
    path = Path(path)
    check_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _clear_leftovers(path)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    except OSError as e:
        raise KgError(f"{path.parent}: cannot write there ({e.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            if callable(data):
                data(f)
            else:
                f.write(data.encode("utf-8") if isinstance(data, str) else data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        check_target(path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def check_target(path: Path) -> None:
    """What may be written at `path`: nothing yet, or a regular file."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as e:
        raise KgError(f"{path}: cannot write there ({e.strerror})") from None
    if stat.S_ISLNK(mode):
        raise KgError(f"{path}: is a symbolic link; kg replaces only regular files, so give the file it points "
                      "to, or another name")
    if stat.S_ISDIR(mode):
        raise KgError(f"{path}: is a folder; give a file name, e.g. {path / 'kg.ttl'}")
    if not stat.S_ISREG(mode):
        raise KgError(f"{path}: is not a regular file (a device, pipe or socket); give a file name to write")


def _clear_leftovers(path: Path) -> None:
    """Temporary files for `path` whose process no longer runs (a killed export or build)."""
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid = tmp.name[len(path.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            tmp.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:      # another user's process
        return True
    return True


def check_writable(folder: Path) -> None:
    """Before a long build: an output folder that cannot be written is said at once, not after."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".kg-write-check."):
            pass
    except OSError as e:
        raise KgError(f"{folder}: cannot write exports there ({e.strerror}); give --out a folder you can "
                      "write, or --no-exports") from None


def plain(term):
    """RDF 1.1: "x" and "x"^^xsd:string are one literal; Oxigraph returns the second, rdflib writes the first."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def quads(ds: Dataset, base_iri: str = DEFAULT_BASE_IRI):
    """Every statement of the named graphs; neither the build's own bookkeeping (kg.index) nor the union
    an Oxigraph store keeps in its default graph is part of it."""
    skip = (index_graph_iri(base_iri), DATASET_DEFAULT_GRAPH_ID)
    for s, p, o, g in ds.quads((None, None, None, None)):
        if (g.identifier if hasattr(g, "identifier") else g) not in skip:
            yield s, p, plain(o), g


def in_memory(ds: Dataset, base_iri: str = DEFAULT_BASE_IRI) -> Dataset:
    """A Memory copy of the store's named graphs, for rdflib's serializers."""
    copy = Dataset()
    bind_prefixes(copy, base_iri)
    copy.addN((s, p, o, copy.graph(g.identifier if hasattr(g, "identifier") else g))
              for s, p, o, g in quads(ds, base_iri) if g is not None)
    return copy


def union_graph(ds: Dataset, base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    g = Graph()
    bind_prefixes(g, base_iri)
    for s, p, o, _ in quads(ds, base_iri):
        g.add((s, p, o))
    return g


def serialize(ds: Dataset, fmt: str, base_iri: str = DEFAULT_BASE_IRI) -> str:
    out = io.BytesIO()
    write_serialization(ds, fmt, out, base_iri)
    return out.getvalue().decode("utf-8")


def write_serialization(ds: Dataset, fmt: str, out: BinaryIO, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """The graph in `fmt` into `out`. On Oxigraph, Turtle (the union kept in the default graph), TriG and
    N-Quads are streamed by Oxigraph itself."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format '{fmt}' (choose from {', '.join(list(FORMATS) + ['html'])})")
    native = native_store(ds)
    if native is not None and fmt != "jsonld":
        from kg.rdf import dump
        skip = {str(index_graph_iri(base_iri))}
        # no prefix for the base: every minted IRI has a '/' after it, which Oxigraph would escape as
        # 'id:person\/x', legal Turtle that some importers reject; they are written in full, as rdflib does
        names = {p: str(ns) for p, ns in PREFIXES.items()}
        if fmt == "ttl":
            dump.turtle(native, out, names)
        elif fmt == "trig":
            dump.trig(native, out, names, skip)
        else:
            dump.nquads_sorted(native, out, skip)
        return
    out.write(_rdflib_serialization(ds, fmt, base_iri).encode("utf-8"))


def _rdflib_serialization(ds: Dataset, fmt: str, base_iri: str) -> str:
    if fmt == "ttl":
        return union_graph(ds, base_iri).serialize(format="turtle")
    if fmt == "nq":
        lines = in_memory(ds, base_iri).serialize(format="nquads").splitlines()
        return "\n".join(sorted(set(line for line in lines if line.strip()))) + "\n"
    if fmt == "trig":
        return in_memory(ds, base_iri).serialize(format="trig")
    copy = in_memory(ds, base_iri)
    context = {p: str(ns) for p, ns in copy.namespaces()}
    return copy.serialize(format="json-ld", context=context, indent=1)


def render_view(ds: Dataset, fmt: str, selection: dict | None = None, g=None,
                base_iri: str = DEFAULT_BASE_IRI) -> str | bytes:
    """A view of the graph (network page, timeline, GraphML, GEXF, centrality CSV), optionally focused:
    selection = {"focus": name, "hops": n} | {"event": IRI or name} | {"between": (start, end)}."""
    from kg.views import select
    from kg.views.model import add_centrality

    g = select(ds, **(selection or {}), base_iri=base_iri) if g is None else g   # views only add, never remove
    if fmt == "html":
        from kg.views.network import network_html
        return network_html(g)
    if fmt == "timeline":
        from kg.views.timeline import timeline_html
        return timeline_html(g)
    add_centrality(g)
    if fmt == "centrality":
        from kg.views.interop import centrality_csv
        return centrality_csv(g)
    from kg.views.interop import gexf, graphml
    return graphml(g) if fmt == "graphml" else gexf(g)


def export(ds: Dataset, fmt: str, path: Path, base_iri: str = DEFAULT_BASE_IRI, selection: dict | None = None,
           view=None) -> Path:
    if fmt == "articles":      # a folder: index.html and a page per article
        if selection:
            raise KgError("--focus, --event and --between select a view of the graph; articles shows every article")
        from kg.views.articles import write_article_pages
        write_article_pages(ds, path, write_atomic)
    elif fmt in VIEWS:
        write_atomic(path, render_view(ds, fmt, selection, view, base_iri))
    elif fmt == "ontology":
        from kg.vocabulary import ontology_graph
        graph = ontology_graph()
        bind_prefixes(graph, base_iri)
        write_atomic(path, graph.serialize(format="turtle"))
    elif selection:
        raise KgError("--focus, --event and --between select a view: use them with html, timeline, graphml, gexf or centrality")
    else:
        write_atomic(path, lambda out: write_serialization(ds, fmt, out, base_iri))
    return path


BUILD_EXPORTS = (("ttl", "kg.ttl"), ("trig", "kg.trig"), ("html", "graph.html"), ("timeline", "timeline.html"),
                 ("ontology", "ontology.ttl"), ("graphml", "kg.graphml"), ("gexf", "kg.gexf"),
                 ("centrality", "centrality.csv"))


def write_build_exports(ds: Dataset, out_dir: Path, base_iri: str = DEFAULT_BASE_IRI) -> list[Path]:
    from kg.views import select

    out_dir = Path(out_dir)
    view = select(ds, base_iri=base_iri)   # read once from the store, drawn five ways
    return [export(ds, fmt, out_dir / name, base_iri, view=view) for fmt, name in BUILD_EXPORTS]
