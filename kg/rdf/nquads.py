"""N-Triples and N-Quads text of one graph's triples: what an extraction worker hands back, cheap to pickle and parsed
natively by Oxigraph."""
from __future__ import annotations

from typing import Iterable

from rdflib import Literal, URIRef

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def term(t) -> str:
    if isinstance(t, Literal):
        lexical = f'"{str(t).translate(_ESCAPES)}"'
        if t.language:
            return f"{lexical}@{t.language}"
        if t.datatype is not None and str(t.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{lexical}^^<{t.datatype}>"
        return lexical
    if isinstance(t, URIRef):
        return f"<{t}>"
    raise TypeError(f"no blank nodes in kg graphs: {t!r}")


def nquads(graph: URIRef | None, triples: Iterable[tuple]) -> str:
    """N-Quads lines of `graph`; with None, N-Triples (or N-Quads lines of the default graph)."""
    g = f" {term(graph)}" if graph is not None else ""
    return "".join(f"{term(s)} {term(p)} {term(o)}{g} .\n" for s, p, o in triples)


def in_graph(graph: str, ntriples: str) -> str:
    """N-Triples lines as N-Quads lines of `graph`: literals escape their line breaks, so every ' .\n' ends
    a statement."""
    return ntriples.replace(" .\n", f" <{graph}> .\n")
