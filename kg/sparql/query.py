"""SPARQL over the store: the query library in `queries/`, values passed as bindings (never pasted into
the text), a named person resolved to its node before the query runs, results cut into pages, and rendered
as a table, CSV, TSV, SPARQL 1.1 JSON or XML, or Turtle for graphs.

What other modules call (the CLI, the page of `kg serve`):
  run(ds, text, bindings, strict=True)  required parameters checked, names resolved or refused
  declared_parameters(q.params)         a library query's parameters, required or optional
  resolve_actor(ds, name)               the exact name and nodes of a person, or "no person named …; did you mean …"
  page(result, limit, offset)           one page of a SELECT answer and the number of rows in all
  render(result, fmt) / plain(term)     text of an answer / of one value as a reader writes it"""
from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
import rdflib.plugins.sparql
from rdflib import XSD, Dataset, Literal, URIRef, Variable
from rdflib.query import Result

from kg.errors import KgError
from kg.namespaces import PREFIXES
from kg.sparql.text import has_where_group, query_form, shape, with_rows, with_values
from kg.store import native_store, rdflib_term
from kg.text.normalize import clean, fold

# rdflib's engine (the memory store) would fetch `FROM <url>` — any address, file:/// too — into the query
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")
TABLE_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "xml": "xml"}
# Oxigraph's parser and evaluator recurse once per nesting level and per chained operator: 2,000 nested
# braces, 5,000 parentheses or 2,600 BINDs overflow the stack and kill the process. These bounds stay far
# below that and far above what a person writes.
MAX_DEPTH = 64
MAX_OPERATORS = 1000
PAGE = 100          # rows `kg query` shows unless asked for more
CELL = 60           # characters of a table cell before it is cut with "…"
SUGGESTIONS = 3     # closest names offered when a name matches nobody


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


@dataclass(frozen=True)
class Parameter:
    name: str
    required: bool
    help: str
    example: str


def declared_parameters(header: str) -> list[Parameter]:
    """A library query's parameters from its '# params:' header: clauses split by ';', each opening with
    its variables ('?from and ?to ISO dates, e.g. --param from=… --param to=…'); '(optional)' or
    '(without it: …)' makes them optional."""
    out = []
    for clause in header.split(";"):
        names = re.match(r"\s*(\?\w+(?:\s*(?:,|and|or)\s*\?\w+)*)", clause)
        if not names:
            continue
        rest = clause[names.end():]
        optional = re.search(r"\(optional\)|\(without it\b", rest, re.IGNORECASE) is not None
        examples = {n: v.strip('"') for n, v in re.findall(r'--param\s+(\w+)=("[^"]*"|\S+)', rest)}
        such_as = re.search(r'such as "([^"]+)"', rest)
        help_text = re.sub(r"\(optional\)|,?\s*e\.g\..*|\(without it[^)]*\)", "", rest, flags=re.IGNORECASE)
        for name in re.findall(r"\?(\w+)", names.group(1)):
            example = examples.get(name) or (such_as.group(1) if such_as else "")
            out.append(Parameter(name, not optional, " ".join(help_text.split()), example))
    return out


def check_required(text: str, bindings: dict, source: str | None = None) -> None:
    """A required parameter of the query's '# params:' header left out is an error naming it (the query
    would otherwise answer nothing, or everything)."""
    for p in declared_parameters(_header(text, "params")):
        if p.required and p.name not in bindings:
            where = f"{source}: " if source else ""
            example = f', e.g. --param {p.name}="{p.example}"' if p.example else ""
            raise KgError(f"{where}?{p.name} is required ({p.help or 'see the query header'}){example}")


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


# A person's node looked up by its exact name: an index lookup, where FILTER(STR(?n) = ?actor) inside a
# query reads every name. The name goes in as a VALUES block: Oxigraph applies initBindings after
# reading every schema:name (50 ms at 10k articles), VALUES before (1 ms).
_BY_NAME = """PREFIX schema: <https://schema.org/>
SELECT ?person ?n WHERE { ?person schema:name ?n . ?person a schema:Person }"""
NOBODY = URIRef("urn:x-kg:no-such-node")
_NAMES = """PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?person ?n WHERE { ?person a schema:Person ; schema:name ?n }"""


def resolve_actor(ds: Dataset, name: str) -> tuple[str, list[URIRef]]:
    """The exact name and the node(s) of the person called `name`, written as stored or in another case or
    without diacritics ('to lam'); a name that matches nobody is a KgError offering the closest names."""
    written = clean(name)
    for term in (Literal(written, lang="vi"), Literal(written)):
        nodes = sorted({row[0] for row in ds.query(with_values(_BY_NAME, {"n": term}))})
        if nodes:
            return written, nodes
    # not as written: compare case- and accent-free forms of every person's name (a few thousand at most)
    by_name: dict[str, set] = {}
    for node, n in ds.query(_NAMES):
        by_name.setdefault(str(n), set()).add(node)
    wanted = fold(written)
    same = sorted(n for n in by_name if fold(n) == wanted)
    if len(same) == 1:
        return same[0], sorted(by_name[same[0]])
    if same:
        raise KgError(f'"{name}" could be {", ".join(same)}; give the name as written')
    folded = {fold(n): n for n in sorted(by_name)}
    close = [folded[f] for f in difflib.get_close_matches(wanted, list(folded), n=SUGGESTIONS, cutoff=0.6)]
    hint = f"; did you mean {', '.join(close)}?" if close else " (kg query persons lists them)"
    raise KgError(f'no person named "{name}"{hint}')


def _resolutions(text: str) -> list[tuple[str, str]]:
    """(name variable, node variable) pairs of the '# resolves: ?actor to ?person' header."""
    return [tuple(re.findall(r"\?(\w+)", clause)[:2])
            for clause in _header(text, "resolves").split(";") if len(re.findall(r"\?\w+", clause)) >= 2]


def bind_names(ds: Dataset, text: str, bindings: dict, strict: bool = False) -> tuple[str, dict]:
    """The query with the node(s) named by each name its header resolves (?actor to ?person) bound in a
    VALUES block opening the WHERE group, so the plan starts from that node. Not strict, a name that matches
    nobody gives no rows; strict, it is an error with the closest names."""
    for name_var, node_var in _resolutions(text):
        if name_var not in bindings or node_var in bindings:
            continue
        rest = dict(bindings)
        name = str(rest.pop(name_var))
        try:
            nodes = resolve_actor(ds, name)[1]
        except KgError:
            if strict:
                raise
            nodes = [NOBODY]    # an empty VALUES block breaks rdflib's evaluator (rdflib 7)
        # the node alone: Virtuoso fails a VALUES variable that is only projected (SP031 internal error),
        # so the query reads the name back from the node
        text, bindings = with_rows(text, (node_var,), [(node,) for node in nodes]), rest
    return text, bindings


def run(ds: Dataset, text: str, bindings: dict | None = None, source: str | None = None,
        allow_service: bool = True, strict: bool = False) -> Result:
    """`source` names the query's file in error messages. `strict` (the CLI, the query page): a required
    parameter left out, or a person's name that matches nobody, is an error rather than an empty answer;
    the SPARQL protocol answers the text as sent."""
    check_query(text, allow_service, source)
    bindings = dict(bindings or {})
    check_parameters(text, bindings)
    if strict:
        check_required(text, bindings, source)
    text, bindings = bind_names(ds, text, bindings, strict)
    if bindings and has_where_group(text):
        # a VALUES block opening the WHERE group: Oxigraph applies initBindings as a filter after the whole
        # pattern is read (every event, to keep one person's), binds only projected variables, and a
        # CONSTRUCT projects none; a VALUES block is joined first, and every engine reads it alike
        text, bindings = with_values(text, bindings), {}
    try:
        native = native_store(ds)
        if native is not None and not bindings and query_form(text) == "SELECT":
            return _native_select(ds, native, text)
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




def _native_select(ds: Dataset, native: ox.Store, text: str) -> Result:
    """A SELECT answered by Oxigraph with its rows turned into rdflib terms only when read, so that a page of
    a large answer converts only its rows and counts the rest natively (oxrdflib converts every row: 3 of the
    5 s of a 37,000-row answer at 10,000 articles)."""
    solutions = native.query(text, prefixes={p: str(ns) for p, ns in ds.namespaces()})
    out = Result("SELECT")
    out.vars = [Variable(v.value) for v in solutions.variables]
    out.bindings = ({v: rdflib_term(t) for v, t in zip(out.vars, row)} for row in solutions)
    out.rest = solutions     # the rows not yet read, as pyoxigraph's (for page)
    return out


@dataclass(frozen=True)
class Page:
    result: Result      # the page's rows, for render()
    offset: int
    total: int          # rows of the whole answer

    def note(self) -> str:
        shown = len(self.result.bindings)
        if not shown:
            return f"no rows of {self.total}" if self.total else "no rows"
        more = " (--all for every row, --offset for the next page)" if shown < self.total else ""
        return f"rows {self.offset + 1}–{self.offset + shown} of {self.total}{more}"


def page(result: Result, limit: int | None = PAGE, offset: int = 0) -> Page:
    """Rows offset+1 … offset+limit of a SELECT answer (every row from offset when limit is None)."""
    if offset < 0 or (limit is not None and limit < 0):
        raise KgError("--limit and --offset take a number of rows, 0 or more")
    end = None if limit is None else offset + limit
    rest = getattr(result, "rest", None)
    try:
        if rest is not None and end is not None and result._genbindings is not None:
            # only the rows up to the page's end become rdflib terms; the rest are counted as they are
            rows = list(islice(result._genbindings, end))
            total = len(rows) + sum(1 for _ in rest)
            result._genbindings = None
        else:
            rows = result.bindings
            total = len(rows)
    except (OSError, ValueError, RuntimeError) as e:   # Oxigraph evaluates as the rows are read
        raise KgError(f"the query failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None
    out = Result("SELECT")
    out.vars = result.vars
    out.bindings = list(rows[offset:end])
    return Page(out, offset, total)


_NUMBERS = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.decimal, XSD.double, XSD.float,
            XSD.nonNegativeInteger, XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger,
            XSD.unsignedInt, XSD.unsignedLong, XSD.unsignedShort, XSD.unsignedByte}
# a vocabulary IRI is shown prefixed (schema:Person), so that classes of one namespace do not look alike
# when cut; instance IRIs stay whole, to be pasted into --param node=<…>
_VOCABULARIES = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


def plain(term) -> str:
    """A value as a reader writes it: no language tag or datatype, 5000000000 rather than 5000000000.0,
    vocabulary IRIs prefixed."""
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype in _NUMBERS:
        value = term.toPython()
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        if isinstance(value, Decimal):
            return format(value.normalize(), "f")
        if isinstance(value, (int, float)):
            return repr(value)
    if isinstance(term, URIRef):
        for ns, prefix in _VOCABULARIES:
            local = str(term)[len(ns):]
            if str(term).startswith(ns) and re.fullmatch(r"[\w.-]*", local):
                return f"{prefix}:{local}"
    return str(term)


def _cut(text: str, width: int = CELL) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _term(value) -> str:
    return "" if value is None else str(value)


def _tsv_term(value) -> str:
    """SPARQL 1.1 TSV: terms in Turtle syntax, the empty string for unbound."""
    return "" if value is None else value.n3()


def render(result: Result, fmt: str = "table", whole: bool = False) -> str:
    """`whole`: table cells neither cut nor prefixed."""
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
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")   # RFC 4180, as SPARQL 1.1 CSV asks
        writer.writerow(names)
        writer.writerows([_term(v) for v in row] for row in result)
        return buf.getvalue()
    if fmt != "table":
        raise KgError(f"unknown format '{fmt}' (choose from {', '.join(TABLE_FORMATS)})")
    cell = (lambda v: _term(v)) if whole else (lambda v: _cut(" ".join(plain(v).split())))  # noqa: E731
    rows = [[cell(v) for v in row] for row in result]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return "\n".join([line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]) + "\n"
