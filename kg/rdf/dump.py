"""Serializations of a store that never hold the whole graph: Oxigraph writes the statements out as
N-Triples (in Rust), and lines are sorted in bounded memory (sorted chunks spilled to temporary files,
then merged) before N-Quads or Turtle is written from them."""
from __future__ import annotations

import heapq
import tempfile
from typing import BinaryIO, Iterable, Iterator

import pyoxigraph as ox

from kg.rdf import turtle as ttl

CHUNK_BYTES = 64 << 20     # of line text per sorted chunk: ~100 MB of Python objects at most
HEADER_TYPES = (  # subjects of these types open a Turtle file, in this order: the ontology, then its terms
    "http://www.w3.org/2002/07/owl#Ontology",
    "http://www.w3.org/2002/07/owl#Class", "http://www.w3.org/2002/07/owl#ObjectProperty",
    "http://www.w3.org/2002/07/owl#DatatypeProperty", "http://www.w3.org/2002/07/owl#AnnotationProperty",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property", "http://www.w3.org/2000/01/rdf-schema#Class",
    "http://www.w3.org/2004/02/skos/core#ConceptScheme", "http://www.w3.org/2004/02/skos/core#Concept",
)
OTHER = len(HEADER_TYPES)
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
OWL_ONTOLOGY = ox.NamedNode(HEADER_TYPES[0])


def sorted_unique(records: Iterable[bytes], chunk_bytes: int = CHUNK_BYTES, sep: bytes = b"\n") -> Iterator[bytes]:
    """`records` (bytes, none containing `sep`) in byte order, each once. Byte order of UTF-8 is code
    point order, so this is the order Python gives the same lines as text."""
    return sorted_unique_batches(([r] for r in records), chunk_bytes, sep)


def sorted_unique_batches(batches: Iterable[list[bytes]], chunk_bytes: int = CHUNK_BYTES,
                          sep: bytes = b"\n") -> Iterator[bytes]:
    """As sorted_unique, the records given in lists (a graph's lines): a list is added whole, in C."""
    chunks, buffer, size = [], [], 0
    try:
        for batch in batches:
            buffer += batch
            size += sum(map(len, batch))
            if size >= chunk_bytes:
                chunks.append(_spill(buffer, sep))
                buffer, size = [], 0
        if not chunks:
            yield from _unique(sorted(buffer))
            return
        if buffer:
            chunks.append(_spill(buffer, sep))
            buffer = []
        yield from _unique(heapq.merge(*(_read(f, sep) for f in chunks)))
    finally:
        for f in chunks:
            f.close()


def _spill(buffer: list[bytes], sep: bytes):
    buffer.sort()
    f = tempfile.TemporaryFile(prefix="kg-sort-")
    f.write(sep.join(buffer))
    f.seek(0)
    return f


def _read(f, sep: bytes, size: int = 1 << 20) -> Iterator[bytes]:
    rest = b""
    while piece := f.read(size):
        records = (rest + piece).split(sep)
        rest = records.pop()
        yield from records
    yield rest


def _unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    last = None
    for line in lines:
        if line != last:
            yield line
            last = line


def _skipping(store: ox.Store, skip: set[str]) -> list[ox.NamedNode]:
    """The store's named graphs but `skip`, in IRI order so that the same store gives the same file."""
    return sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value not in skip),
                  key=lambda g: g.value)


def _ntriples(store: ox.Store, graph) -> Iterator[bytes]:
    """The lines of one graph, dumped by Oxigraph to a temporary file (the union of ten thousand articles
    is half a gigabyte of text) and read back line by line."""
    with tempfile.TemporaryFile(prefix="kg-dump-") as f:
        store.dump(f, format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        f.seek(0)
        for line in f:
            yield line.rstrip(b"\n")


def quad_lines(store: ox.Store, skip: set[str]) -> Iterator[list[bytes]]:
    """The N-Quads lines of each named graph but `skip`, a list per graph."""
    for graph in _skipping(store, skip):
        ntriples = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        # literals escape their line breaks, so every ' .\n' ends a statement
        yield ntriples.replace(b" .\n", b" <" + graph.value.encode("utf-8") + b"> .\n").split(b"\n")[:-1]


def nquads_sorted(store: ox.Store, out: BinaryIO, skip: set[str]) -> None:
    """Every named graph but `skip` as N-Quads, lines sorted: byte-identical for the same statements."""
    batch = []
    for line in sorted_unique_batches(quad_lines(store, skip)):
        batch.append(line)
        if len(batch) >= 10_000:
            out.write(b"\n".join(batch) + b"\n")
            batch = []
    if batch:
        out.write(b"\n".join(batch) + b"\n")


def subject_blocks(lines: Iterable[bytes], ranks: dict[bytes, int], kinds: set[str], base: bytes) -> Iterator[bytes]:
    """Runs of lines of one subject (Oxigraph writes a graph subject by subject) as one record behind a
    byte of the subject's rank, so that sorting the records puts the header first and then the subjects
    in IRI order, a subject's lines travelling together. The kinds of minted IRIs seen as subjects are
    added to `kinds` on the way (for their prefixes)."""
    start = len(base) + 1
    run: list[bytes] = []
    head = b"\0"
    for line in lines:
        if not line.startswith(head):
            if run:
                yield b"\n".join(run)
            subject = line[:line.index(b" ")]
            head = subject + b" "
            if subject.startswith(base, 1):
                cut = subject.find(b"/", start)
                if cut > 0:
                    kinds.add(subject[start:cut].decode("utf-8", "replace"))
            run = [b"%c" % (48 + ranks.get(subject, OTHER)) + line]
        else:
            run.append(line)
    if run:
        yield b"\n".join(run)


def _lines(blocks: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of sorted subject records, rank byte cut, each subject's lines in order (predicates
    together)."""
    for block in blocks:
        yield from sorted(block[1:].split(b"\n"))


def header_ranks(subjects_of_type) -> dict[bytes, int]:
    """Subject (N-Triples form) → rank of its first header type; `subjects_of_type(iri)` gives the IRIs."""
    ranks: dict[bytes, int] = {}
    for rank, kind in enumerate(HEADER_TYPES):
        for iri in subjects_of_type(kind):
            ranks.setdefault(f"<{iri}>".encode("utf-8"), rank)
    return ranks


def write_turtle(lines: Iterable[bytes], out: BinaryIO, prefixes: dict[str, str], base_iri: str,
                 ranks: dict[bytes, int]) -> None:
    """N-Triples lines (any order, no line break) as readable Turtle: the header types first, then the
    subjects in IRI order. The lines are sorted first, so the prefixes of minted IRIs are known before
    the first statement is written."""
    kinds: set[str] = set()
    merged = sorted_unique(subject_blocks(lines, ranks, kinds, base_iri.encode("utf-8")), sep=b"\n\n")
    first = next(merged, None)       # every line has been read once the first record comes out
    names = {**prefixes, **ttl.minted_prefixes(kinds, base_iri, prefixes)}
    out.write(ttl.prefix_lines(names))
    if first is not None:
        ttl.write_body(_lines(_chain(first, merged)), out, ttl.Shortener(names))


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def turtle(store: ox.Store, out: BinaryIO, prefixes: dict[str, str], base_iri: str) -> None:
    """The store's default graph (kept as the union of the named graphs, kg.store.writer) as readable Turtle."""
    def subjects_of_type(kind: str):
        return (q.subject.value for q in store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(kind), ox.DefaultGraph())
                if isinstance(q.subject, ox.NamedNode))

    write_turtle(_ntriples(store, ox.DefaultGraph()), out, prefixes, base_iri, header_ranks(subjects_of_type))


def trig(store: ox.Store, out: BinaryIO, prefixes: dict[str, str], skip: set[str]) -> None:
    """Every named graph but `skip` as TriG, one graph at a time: the prefixes once, then each graph's
    Turtle body written by Oxigraph (its own prefix lines cut, its tab indents made four spaces) inside
    its braces; the graph holding the ontology first, then the others in IRI order."""
    out.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()).encode("utf-8"))
    ontology = {q.graph_name for q in store.quads_for_pattern(None, RDF_TYPE, OWL_ONTOLOGY, None)}
    graphs = _skipping(store, skip)
    for graph in [g for g in graphs if g in ontology] + [g for g in graphs if g not in ontology]:
        body = store.dump(format=ox.RdfFormat.TURTLE, from_graph=graph, prefixes=prefixes)
        while body.startswith(b"@prefix "):
            body = body[body.index(b"\n") + 1:]
        # a line break inside a literal is escaped, so each '\n\t' is an indent
        out.write(b"\n" + str(graph).encode("utf-8") + b" {\n" + body.replace(b"\n\t", b"\n    ") + b"}\n")


def write_trig(graphs: dict[str, list[bytes]], out: BinaryIO, prefixes: dict[str, str], first: set[str]) -> None:
    """Named graphs (IRI → N-Triples lines, any order) as TriG laid out as `trig` lays out a store's: the
    prefixes once, the graphs of `first` (the ontology's) and then the others in IRI order, each graph's
    statements sorted. rdflib's serializer orders subjects by the string hash seed of its process, so
    the same statements gave another file on every run."""
    out.write(ttl.prefix_lines(prefixes))
    shortener = ttl.Shortener(prefixes)
    for graph in sorted(graphs, key=lambda g: (g not in first, g)):
        out.write(b"\n<" + graph.encode("utf-8") + b"> {")
        ttl.write_body(sorted(set(graphs[graph])), out, shortener, indent=b"    ")
        out.write(b"}\n")
