"""What kg needs to know of a SPARQL text without parsing it: its form, and how to bind values as a
VALUES block opening the outer WHERE group (for engines that cannot take bindings any other way:
remote servers, and Oxigraph for CONSTRUCT, whose substitutions want projected variables)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import KgError

_FORM = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>|#[^\n]*)\s*)*(\w+)", re.I)
_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


def query_form(text: str) -> str:
    m = _FORM.match(text)
    return m.group(1).upper() if m else ""


def has_where_group(text: str) -> bool:
    """Whether the query spells its WHERE keyword (SPARQL lets a SELECT leave it out)."""
    return _WHERE.search(_strip_comments(text)) is not None


def with_values(text: str, bindings: dict) -> str:
    """The query with a VALUES block of the bindings opening its outer WHERE group."""
    if not bindings:
        return text
    return with_rows(text, tuple(bindings), [tuple(bindings.values())])


def with_rows(text: str, names: tuple[str, ...], rows: list[tuple]) -> str:
    """The query with a VALUES block of several rows opening its outer WHERE group (give at least one row:
    rdflib 7 fails on an empty block); the terms are written in N-Triples syntax (term.n3()), never as raw
    text."""
    m = _WHERE.search(_strip_comments(text))
    if not m:
        raise KgError("parameters need a query with a WHERE { … } group")
    head = " ".join(f"?{name}" for name in names)
    body = " ".join("(" + " ".join(term.n3() for term in row) + ")" for row in rows)
    return f"{text[:m.end()]} VALUES ({head}) {{ {body} }}{text[m.end():]}"


def _strip_comments(text: str) -> str:
    """Comments blanked to spaces (same offsets), so a '# … where {' in a header does not match."""
    return re.sub(r"(?m)(?:^|(?<=\s))#[^\n]*", lambda m: " " * len(m.group(0)), text)


# One SPARQL token per match, tried left to right at each position as the grammar's lexer does: a comment
# runs to the line's end, strings and IRIs are single tokens (their braces, quotes and '#' count for nothing).
_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<name>[^\W\d]\w*(?:[-.]+\w+)*(?::[\w%\\-]*(?:\.+[\w%\\-]+)*)?|:[\w%\\-]*(?:\.+[\w%\\-]+)*|\d[\w.]*)
  | (?P<open>[({\[])
  | (?P<close>[)}\]])
  | (?P<op>\|\||&&|!=|<=|>=|\^\^|[!+\-*/|^=<>])
  | (?P<space>\s+)
  | (?P<other>.)
""", re.X | re.S)

# Keywords that chain the algebra (a UNION, OPTIONAL or BIND nests the pattern before it).
_CHAINING = frozenset({"UNION", "OPTIONAL", "MINUS", "BIND", "FILTER", "GRAPH", "SERVICE", "EXISTS", "VALUES"})


@dataclass(frozen=True)
class Shape:
    """What bounds the work of parsing a query: how deep its brackets nest, how many operators, brackets
    and chaining keywords it has, and whether it calls SERVICE (or LOAD) to reach another server."""
    depth: int
    operators: int
    remote: bool


def shape(text: str) -> Shape:
    depth = deepest = operators = 0
    remote = False
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
            operators += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "op":
            operators += 1
        elif kind == "name":
            word = m.group().upper()
            if word in _CHAINING:
                operators += 1
            remote = remote or word in ("SERVICE", "LOAD")
    return Shape(deepest, operators, remote)
