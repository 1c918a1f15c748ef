"""What kg needs to know of a SPARQL text without parsing it: its form, and how to bind values as a
VALUES block opening the outer WHERE group (for engines that cannot take bindings any other way:
remote servers, and Oxigraph for CONSTRUCT, whose substitutions want projected variables)."""
from __future__ import annotations

import re

from kg.errors import KgError

_FORM = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>|#[^\n]*)\s*)*(\w+)", re.I)
_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


def query_form(text: str) -> str:
    m = _FORM.match(text)
    return m.group(1).upper() if m else ""


def with_values(text: str, bindings: dict) -> str:
    """The query with a VALUES block of the bindings opening its outer WHERE group."""
    if not bindings:
        return text
    m = _WHERE.search(_strip_comments(text))
    if not m:
        raise KgError("parameters need a query with a WHERE { … } group")
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(term.n3() for term in bindings.values())
    return f"{text[:m.end()]} VALUES ({names}) {{ ({values}) }}{text[m.end():]}"


def _strip_comments(text: str) -> str:
    """Comments blanked to spaces (same offsets), so a '# … where {' in a header does not match."""
    return re.sub(r"(?m)(?:^|(?<=\s))#[^\n]*", lambda m: " " * len(m.group(0)), text)
