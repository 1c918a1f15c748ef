"""SPARQL over the store: the query library in `queries/`, values passed as bindings (never pasted into
the text), and results rendered as a table, CSV, TSV, SPARQL 1.1 JSON or XML, or Turtle for graphs."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import rdflib.plugins.sparql
from rdflib import Dataset, Literal, URIRef
from rdflib.query import Result

from kg.errors import KgError
from kg.sparql_text import query_form, shape, with_values

# rdflib's engine (the memory store) would fetch `FROM <url>` — any address, file:/// too — into the query
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")
TABLE_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "xml": "xml"}
# Oxigraph's parser and evaluator recurse once per nesting level and per chained operator: 2,000 nested
# braces, 5,000 parentheses or 2,600 BINDs overflow the stack and kill the process. These bounds stay far
# below that and far above what a person writes.
MAX_DEPTH = 64
MAX_OPERATORS = 1000


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    title: str
    answers: str
    params: str
    path: Path


def _header(text: str, key: str) -> str:
    """A header field, with its indented continuation lines."""
    lines, taking = [], False
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        if body.lower().startswith(f"{key}:"):
            taking = True
            lines.append(body[len(key) + 1:].strip())
        elif taking and line.startswith("#  "):
            lines.append(body)
        else:
            taking = False
    return " ".join(lines)


def library() -> list[LibraryQuery]:
    out = []
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        out.append(LibraryQuery(path.stem, _header(text, "title"), _header(text, "answers"),
                                _header(text, "params"), path))
    return out


def load_query(name_or_path: str) -> str:
    path = Path(name_or_path)
    if not path.is_file():
        path = QUERIES_DIR / (name_or_path if name_or_path.endswith(".rq") else f"{name_or_path}.rq")
    if not path.is_file():
        names = ", ".join(q.name for q in library())
        raise KgError(f"{name_or_path}: no such query file or library query (`kg queries` lists them: {names})")
    return path.read_text(encoding="utf-8")


def parse_binding(text: str) -> tuple[str, Literal | URIRef]:
    if "=" not in text:
        raise KgError(f"--param {text}: expected name=value")
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?")
    if not re.fullmatch(r"\w+", name):
        raise KgError(f"--param {text}: '{name}' is not a variable name")
    if value.startswith("<") and value.endswith(">"):
        return name, URIRef(value[1:-1])
    return name, Literal(value)


def check_parameters(text: str, bindings: dict) -> None:
    unknown = [n for n in bindings if not re.search(rf"[?$]{re.escape(n)}\b", text)]
    if unknown:
        raise KgError(f"the query has no variable ?{unknown[0]} to bind (see its '# params:' header)")


def check_query(text: str, allow_service: bool = True, source: str | None = None) -> None:
    """Refuse, before any parser sees it, a query or update that could crash the parser, or one that
    reaches another server (SERVICE, LOAD) when that is not allowed."""
    where = f"{source}: " if source else ""
    found = shape(text)
    if found.depth > MAX_DEPTH:
        raise KgError(f"{where}the query nests brackets {found.depth} deep; at most {MAX_DEPTH} are accepted")
    if found.operators > MAX_OPERATORS:
        raise KgError(f"{where}the query has {found.operators} operators, brackets and pattern keywords; "
                      f"at most {MAX_OPERATORS} are accepted")
    if found.remote and not allow_service:
        raise KgError(f"{where}SERVICE and LOAD (which reach other servers) are refused here; "
                      "start kg serve with --allow-service to allow them")


def run(ds: Dataset, text: str, bindings: dict | None = None, source: str | None = None,
        allow_service: bool = True) -> Result:
    """`source` names the query's file in error messages."""
    check_query(text, allow_service, source)
    bindings = bindings or {}
    check_parameters(text, bindings)
    if query_form(text) in GRAPH_FORMS and bindings:
        # Oxigraph binds only projected variables, and a CONSTRUCT projects none
        text, bindings = with_values(text, bindings), {}
    try:
        result = ds.query(text, initBindings=bindings)
        if result.type == "SELECT":
            result.bindings  # rdflib evaluates lazily: errors must surface here, not while printing
        return result
    except (KgError, MemoryError):  # out of memory is no syntax error: the endpoint answers it with 503
        raise
    except Exception as e:  # rdflib and Oxigraph raise many kinds of syntax errors
        where = f"{source}: " if source else ""
        raise KgError(f"{where}the query failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}; "
                      "check its SPARQL syntax") from None


def _term(value) -> str:
    return "" if value is None else str(value)


def _tsv_term(value) -> str:
    """SPARQL 1.1 TSV: terms in Turtle syntax, the empty string for unbound."""
    return "" if value is None else value.n3()


def render(result: Result, fmt: str = "table") -> str:
    if result.type in GRAPH_FORMS:
        if fmt not in GRAPH_FORMATS:
            raise KgError(f"a {result.type} query gives a graph: use --format turtle, ntriples, jsonld or xml")
        return result.graph.serialize(format=GRAPH_FORMATS[fmt])
    if fmt in ("json", "xml"):
        data = result.serialize(format=fmt)
        return data.decode("utf-8") if isinstance(data, bytes) else data
    if result.type == "ASK":
        return str(bool(result.askAnswer)).lower() + "\n"
    names = [str(v) for v in result.vars]
    if fmt == "tsv":
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join(_tsv_term(v) for v in row) for row in result]
        return "\n".join(lines) + "\n"
    rows = [[_term(v) for v in row] for row in result]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")   # RFC 4180, as SPARQL 1.1 CSV asks
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    if fmt != "table":
        raise KgError(f"unknown format '{fmt}' (choose from {', '.join(TABLE_FORMATS)})")
    widths = [min(max([len(n)] + [len(r[i]) for r in rows]), 60) for i, n in enumerate(names)]
    line = lambda cells: "  ".join(c[:60].ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return "\n".join([line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]) + "\n"
