"""N-Quads text of one graph's triples: what an extraction worker hands back, cheap to pickle and parsed
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


def nquads(graph: URIRef, triples: Iterable[tuple]) -> str:
    g = term(graph)
    return "".join(f"{term(s)} {term(p)} {term(o)} {g} .\n" for s, p, o in triples)
