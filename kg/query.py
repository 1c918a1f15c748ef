"""SPARQL over the store: query text from a file or the command line, values passed as bindings
(never pasted into the text), results as a table, CSV, TSV or SPARQL 1.1 JSON."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.query import Result

from kg.errors import KgError

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"


def load_query(name_or_path: str) -> str:
    path = Path(name_or_path)
    if not path.exists():
        path = QUERIES_DIR / (name_or_path if name_or_path.endswith(".rq") else f"{name_or_path}.rq")
    if not path.exists():
        raise KgError(f"{name_or_path}: no such query file")
    return path.read_text(encoding="utf-8")


def parse_binding(text: str) -> tuple[str, Literal | URIRef]:
    if "=" not in text:
        raise KgError(f"--param {text}: expected name=value")
    name, value = text.split("=", 1)
    if value.startswith("<") and value.endswith(">"):
        return name.strip(), URIRef(value[1:-1])
    return name.strip(), Literal(value)


def run(ds: Dataset, text: str, bindings: dict | None = None) -> Result:
    try:
        return ds.query(text, initBindings=bindings or {})
    except Exception as e:  # rdflib and Oxigraph raise many kinds of syntax errors
        raise KgError(f"the query failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None


def render(result: Result, fmt: str = "table") -> str:
    if result.type != "SELECT":
        if result.type == "ASK":
            return str(bool(result.askAnswer)) + "\n"
        return result.graph.serialize(format="turtle")
    names = [str(v) for v in result.vars]
    rows = [["" if v is None else str(v) for v in row] for row in result]
    if fmt == "json":
        data = result.serialize(format="json")
        return data.decode("utf-8") if isinstance(data, bytes) else data
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    if fmt != "table":
        raise KgError(f"unknown format '{fmt}'")
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    widths = [min(w, 60) for w in widths]
    line = lambda cells: "  ".join(c[:60].ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return "\n".join([line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]) + "\n"

