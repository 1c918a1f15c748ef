"""Readable Turtle from sorted N-Triples lines, written as they come: the prefixes first, then one block
per subject (its types first, `a`), predicates grouped with `;`, objects with `,`, four-space indents.
rdflib's serializer needs the whole graph as Python objects (84 s and 800 MB at a thousand articles);
this holds one subject at a time."""
from __future__ import annotations

import functools
import re
from typing import BinaryIO, Iterable

RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
XSD = "http://www.w3.org/2001/XMLSchema#"
# a local name written bare only when plainly legal in every Turtle reader (ASCII, no escapes needed)
_LOCAL = re.compile(rb"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_SHORT_NUMBER = {XSD + "integer": re.compile(rb'[+-]?[0-9]+'), XSD + "decimal": re.compile(rb'[+-]?[0-9]*\.[0-9]+'),
                 XSD + "boolean": re.compile(rb'true|false')}
_PREFIX_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_ESCAPE = re.compile(rb"\\(.)")     # an escape of N-Triples: backslash and one character
WRAP = 90       # characters of objects of one predicate beyond which each goes on a line of its own


class Shortener:
    """IRIs as prefixed names where the prefix is declared and the local name needs no escape. An IRI is
    cut at its last '/' or '#', so finding its prefix is one lookup whatever the number of prefixes."""

    def __init__(self, prefixes: dict[str, str]):
        self.names = {ns.encode("utf-8"): name.encode("utf-8") + b":" for name, ns in prefixes.items()}
        self.numbers = {f"<{dt}>".encode("utf-8"): pattern for dt, pattern in _SHORT_NUMBER.items()}
        self.iri = functools.lru_cache(maxsize=1 << 16)(self._iri)   # predicates, classes, concepts recur

    def _iri(self, term: bytes) -> bytes:
        """`term` is '<…>'."""
        cut = max(term.rfind(b"/"), term.rfind(b"#")) + 1
        prefix = self.names.get(term[1:cut])
        local = term[cut:-1]
        if prefix is not None and (not local or _LOCAL.fullmatch(local)):
            return prefix + local
        return term

    def term(self, term: bytes) -> bytes:
        if term.startswith(b"<"):
            return self.iri(term)
        if term.endswith(b">") and b'"^^<' in term:      # a typed literal: the datatype shortened
            cut = term.rindex(b'"^^<') + 3
            lexical, datatype = term[:cut - 2], term[cut:]
            number = self.numbers.get(datatype)
            if number is not None and number.fullmatch(lexical, 1, len(lexical) - 1):
                return lexical[1:-1]
            return _multiline(lexical) + b"^^" + self.iri(datatype)
        return _multiline(term)


def _multiline(literal: bytes) -> bytes:
    """A literal with line breaks (an article's text) as a long string whose lines are lines."""
    if b"\\n" not in literal:
        return literal
    close = literal.rindex(b'"')
    body = _ESCAPE.sub(lambda m: b"\n" if m.group(1) == b"n" else m.group(0), literal[1:close])
    return b'"""' + body + b'"""' + literal[close + 1:]


def prefix_lines(prefixes: dict[str, str]) -> bytes:
    return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in prefixes.items()).encode("utf-8")


def write_body(lines: Iterable[bytes], out: BinaryIO, shortener: Shortener, indent: bytes = b"") -> int:
    """N-Triples lines (without their line break), grouped by subject (sorted lines are), as Turtle blocks
    each after a blank line; returns the number of statements written."""
    count = 0
    subject, block = None, []

    def flush():
        if subject is None:
            return
        by_predicate: dict[bytes, list[bytes]] = {}
        for p, o in block:
            by_predicate.setdefault(p, []).append(o)
        order = ([RDF_TYPE] if RDF_TYPE in by_predicate else []) + [p for p in by_predicate if p != RDF_TYPE]
        parts = []
        for p in order:
            objects = [shortener.term(o) for o in by_predicate[p]]
            # a long list of objects one a line, so that a line stays readable
            joint = b" , " if sum(map(len, objects)) < WRAP else b" ,\n" + indent + b"        "
            parts.append((b"a" if p == RDF_TYPE else shortener.iri(p)) + b" " + joint.join(objects))
        out.write(b"\n" + indent + shortener.iri(subject) + b" " +
                  (b" ;\n" + indent + b"    ").join(parts) + b" .\n")

    for line in lines:
        s, p, rest = line.split(b" ", 2)
        o = rest[:-2] if rest.endswith(b" .") else rest.rstrip(b" .")
        if s != subject:
            flush()
            subject, block = s, []
        block.append((p, o))
        count += 1
    flush()
    return count


def minted_prefixes(kinds: Iterable[str], base_iri: str, taken: Iterable[str]) -> dict[str, str]:
    """A prefix per kind of IRI the build mints under `base_iri` ('person:' for base/person/), so that
    `person:to-lam-ea0041` reads instead of the whole IRI; a kind whose name is already a prefix, or
    cannot be one, keeps its IRIs whole."""
    taken = set(taken)
    return {kind: f"{base_iri}{kind}/" for kind in sorted(kinds) if _PREFIX_NAME.fullmatch(kind) and kind not in taken}
