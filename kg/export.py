"""Exports of the store: Turtle, TriG, N-Quads (sorted, byte-identical for the same input), JSON-LD.
Every file is written atomically: a temporary file beside it, then a rename."""
from __future__ import annotations

import glob
import io
import json
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from rdflib import RDF, Dataset, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

from kg.errors import KgError
from kg.store.index import index_graph_iri
from kg.store.summary import summary_graph_iri
from kg.namespaces import DEFAULT_BASE_IRI, PREFIXES, bind_prefixes
from kg.rdf import dump
from kg.rdf.nquads import term
from kg.store import native_store
from kg.text.normalize import fold

FORMATS = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
VIEWS = ("html", "timeline", "graphml", "gexf", "centrality")
SUFFIX = {"ttl": ".ttl", "trig": ".trig", "nq": ".nq", "jsonld": ".jsonld", "html": ".html", "timeline": ".html",
          "graphml": ".graphml", "gexf": ".gexf", "centrality": ".csv", "ontology": ".ttl"}
DEFAULT_NAME = {"html": "graph.html", "timeline": "timeline.html", "ontology": "ontology.ttl",
                "centrality": "centrality.csv", "articles": "articles"}
EXPORT_FORMATS = (*FORMATS, *VIEWS, "ontology", "articles")
TITLES = {"html": "Mạng quan hệ", "timeline": "Dòng thời gian"}      # the others are files, not pages
DEFAULT_HOPS = 2


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
    """Every statement of the named graphs; neither the build's own bookkeeping (kg.store.index) nor the union
    an Oxigraph store keeps in its default graph is part of it."""
    skip = (index_graph_iri(base_iri), summary_graph_iri(base_iri), DATASET_DEFAULT_GRAPH_ID)
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
    """The graph in `fmt` into `out`. Turtle is written by kg (readable, the header first, in bounded
    memory); on Oxigraph, TriG and N-Quads are streamed by Oxigraph itself."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format '{fmt}' (choose from {', '.join(EXPORT_FORMATS)})")
    native = native_store(ds)
    # no 'id:' prefix for the base: every minted IRI has a '/' after it, which Turtle would have to escape
    # ('id:person\/x', legal but refused by some importers); kinds get prefixes of their own (person:)
    names = {p: str(ns) for p, ns in PREFIXES.items()}
    if fmt == "ttl":
        if native is not None:
            dump.turtle(native, out, names, base_iri)
        else:
            typed: dict[str, list[str]] = {}
            for s, p, o, _ in quads(ds, base_iri):
                if p == RDF.type:
                    typed.setdefault(str(o), []).append(str(s))
            # sorted, so that each subject's lines come together (as Oxigraph writes them) and the same
            # statements make the same file whatever order the memory store gives them in
            lines = sorted({f"{term(s)} {term(p)} {term(o)} .".encode("utf-8") for s, p, o, _ in quads(ds, base_iri)})
            dump.write_turtle(lines, out, names, base_iri, dump.header_ranks(lambda kind: typed.get(kind, ())))
        return
    if native is not None and fmt != "jsonld":
        skip = {str(index_graph_iri(base_iri)), str(summary_graph_iri(base_iri))}
        if fmt == "trig":
            dump.trig(native, out, names, skip)
        else:
            dump.nquads_sorted(native, out, skip)
        return
    if fmt == "trig":
        graphs: dict[str, list[bytes]] = {}
        ontology: set[str] = set()
        for s, p, o, g in quads(ds, base_iri):
            if g is None:
                continue
            graph = str(g.identifier if hasattr(g, "identifier") else g)
            graphs.setdefault(graph, []).append(f"{term(s)} {term(p)} {term(o)} .".encode("utf-8"))
            if p == RDF.type and str(o) == dump.HEADER_TYPES[0]:
                ontology.add(graph)
        dump.write_trig(graphs, out, names, ontology)
        return
    out.write(_rdflib_serialization(ds, fmt, base_iri).encode("utf-8"))


def _rdflib_serialization(ds: Dataset, fmt: str, base_iri: str) -> str:
    if fmt == "nq":
        lines = in_memory(ds, base_iri).serialize(format="nquads").splitlines()
        return "\n".join(sorted(set(line for line in lines if line.strip()))) + "\n"
    copy = in_memory(ds, base_iri)
    context = {p: str(ns) for p, ns in copy.namespaces()}
    text = copy.serialize(format="json-ld", context=context, indent=1)
    return json.dumps(_stable(json.loads(text)), ensure_ascii=False, indent=1) + "\n"


def _stable(value):
    """JSON-LD in one order: rdflib's serializer lists nodes and values in the string hash order of its
    process. Arrays are sets in JSON-LD (kg writes no @list), so they are sorted; keys too, keywords first."""
    if isinstance(value, dict):
        return {k: _stable(value[k]) for k in sorted(value, key=lambda k: (not k.startswith("@"), k))}
    if isinstance(value, list):
        items = [_stable(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def selection_words(selection: dict | None) -> list[str]:
    """What a selection shows, as words for a file name and a page title: ['focus', 'Ana Soto'] …"""
    if not selection:
        return []
    words = []
    if selection.get("focus"):
        words += ["focus", selection["focus"]]
        if selection.get("hops", DEFAULT_HOPS) != DEFAULT_HOPS:
            words += ["hops", str(selection["hops"])]
    if selection.get("event"):
        event = selection["event"]
        words += ["event", event.rstrip("/").rsplit("/", 1)[-1] if "://" in event else event]
    if selection.get("between"):
        words += ["between", *selection["between"]]
    return words


def default_path(fmt: str, selection: dict | None = None, folder: Path = Path("exports")) -> Path:
    """exports/graph.html; a selection its own file named from it (graph-focus-ana-soto.html), so that it
    never overwrites the full view."""
    name = DEFAULT_NAME.get(fmt, "kg" + SUFFIX.get(fmt, ""))
    words = selection_words(selection)
    if not words:
        return folder / name
    stem, dot, suffix = name.partition(".")
    readable = re.sub(r"[^a-z0-9.]+", "-", fold(" ".join(words))).strip("-")[:100].strip("-")
    return folder / f"{stem}-{readable}{dot}{suffix}"


def view_title(fmt: str, selection: dict | None = None) -> str | None:
    """A selection's page title: what the view is and which selection it shows (Vietnamese, as the
    pages are); None for a whole view, which keeps the title its page gives it."""
    if not selection:
        return None
    parts = []
    if selection.get("focus"):
        parts.append(f"quanh {selection['focus']} ({selection.get('hops', DEFAULT_HOPS)} bước)")
    if selection.get("event"):
        parts.append(f"sự kiện {selection['event']}")
    if selection.get("between"):
        start, end = selection["between"]
        parts.append(f"từ {start} đến {end}")
    return f"{TITLES.get(fmt, 'kg')}: {', '.join(parts)}"


def render_view(ds: Dataset, fmt: str, selection: dict | None = None, g=None,
                base_iri: str = DEFAULT_BASE_IRI, betweenness: bool = False) -> str:
    """A view of the graph (network page, timeline, GraphML, GEXF, centrality CSV), optionally focused:
    selection = {"focus": name, "hops": n} | {"event": IRI or name} | {"between": (start, end)}."""
    out = io.BytesIO()
    write_view(ds, fmt, out, selection, g, base_iri, betweenness)
    return out.getvalue().decode("utf-8")


def write_view(ds: Dataset, fmt: str, out: BinaryIO, selection: dict | None = None, g=None,
               base_iri: str = DEFAULT_BASE_IRI, betweenness: bool = False) -> None:
    """As render_view, into `out`: GraphML and GEXF are written element by element."""
    from kg.views import select      # the views load networkx and pyvis: only for the commands that draw

    g = select(ds, **(selection or {}), base_iri=base_iri) if g is None else g   # views only add, never remove
    title = view_title(fmt, selection)
    titled = {"title": title} if title else {}
    if fmt == "html":
        from kg.views.network import network_html
        out.write(network_html(g, **titled).encode("utf-8"))
    elif fmt == "timeline":
        from kg.views.timeline import timeline_html
        out.write(timeline_html(g, **titled).encode("utf-8"))
    else:
        from kg.views import interop
        if fmt == "centrality":
            out.write(interop.centrality_csv(g).encode("utf-8"))
        elif fmt == "graphml":
            interop.write_graphml(g, out, betweenness)
        else:
            interop.write_gexf(g, out, betweenness)


def export(ds: Dataset, fmt: str, path: Path, base_iri: str = DEFAULT_BASE_IRI, selection: dict | None = None,
           view=None, betweenness: bool = False) -> Path:
    if fmt == "articles":      # a folder: index.html and a page per article
        if selection:
            raise KgError("--focus, --event and --between select a view of the graph; articles shows every article")
        from kg.views.articles import write_article_pages
        write_article_pages(ds, path, write_atomic)
    elif fmt in VIEWS:
        write_atomic(path, lambda out: write_view(ds, fmt, out, selection, view, base_iri, betweenness))
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
# at scale a build writes only what takes seconds, and says how to ask for the rest: the ontology. The Turtle
# union, the fastest full export, took 50-60 s at ten thousand articles (sorting and writing 2.7M lines in
# Python), half of the whole build's 2 minutes; every view first reads the view graph (~40 s there), TriG and
# N-Quads take 30 s each
LARGE_CORPUS = 2000
FAST_EXPORTS = ("ontology",)
COUNT_ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"


def article_count(ds: Dataset) -> int:
    return next(int(row[0]) for row in ds.query(COUNT_ARTICLES))


def left_for_later(written: list[Path]) -> list[str]:
    """The build's exports a large build did not write (see write_build_exports)."""
    names = {p.name for p in written}
    return [fmt for fmt, name in BUILD_EXPORTS if name not in names]


def later_hint(written: list[Path], store: str = "") -> str:
    """How to ask for the exports a large build left out, or '' when none was."""
    later = left_for_later(written) if written else []      # nothing written: --no-exports
    if not later:
        return ""
    where = f" --store {store}" if store else ""
    return (f"a large corpus: only the fast exports were written ({', '.join(p.name for p in written)}); "
            f"ask for the others with `kg export FORMAT{where}`, FORMAT one of {', '.join(later)}")


def write_build_exports(ds: Dataset, out_dir: Path, base_iri: str = DEFAULT_BASE_IRI,
                        everything: bool | None = None) -> list[Path]:
    """The build's exports; for a corpus of more than LARGE_CORPUS articles only the fast ones unless
    `everything` is True."""
    from kg.views import select

    out_dir = Path(out_dir)
    if everything is None:
        everything = article_count(ds) <= LARGE_CORPUS
    chosen = [(fmt, name) for fmt, name in BUILD_EXPORTS if everything or fmt in FAST_EXPORTS]
    # the view graph read once from the store, drawn as many ways as asked
    view = select(ds, base_iri=base_iri) if any(fmt in VIEWS for fmt, _ in chosen) else None
    # a small build's GraphML and GEXF carry betweenness too: it costs little there
    written = [export(ds, fmt, out_dir / name, base_iri, view=view, betweenness=True) for fmt, name in chosen]
    return written
