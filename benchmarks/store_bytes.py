"""Where a built store's bytes go: quads and literal bytes by graph kind (article graphs, the union copy in the
default graph, the build's own graphs), by kind of statement (sentence text, NIF mentions, facts …) and by
predicate, beside the size of the store's folder on disk.

    python benchmarks/store_bytes.py STORE [--base IRI] [--top 25] [--json]

The store is opened read-only (a store another process writes, or one that must not change, is safe).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pyoxigraph as ox

from kg.namespaces import DEFAULT_BASE_IRI, NIF, graphs_base

SHORT = {"https://schema.org/": "schema:", "http://www.w3.org/ns/org#": "org:", "http://www.w3.org/ns/prov#": "prov:",
         "http://www.w3.org/2004/02/skos/core#": "skos:", "http://purl.org/dc/terms/": "dcterms:",
         "https://w3id.org/diplomacy-kg/ontology#": "dk:", str(NIF): "nif:", "urn:kg:build#": "build:",
         "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:", "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
         "http://www.w3.org/2002/07/owl#": "owl:", "http://www.w3.org/ns/shacl#": "sh:"}


def short(iri: str) -> str:
    for long, prefix in SHORT.items():
        if iri.startswith(long):
            return prefix + iri[len(long):]
    return iri


def folder_bytes(path: Path) -> dict[str, int]:
    """On-disk bytes by file kind: RocksDB tables (.sst), logs (LOG, LOG.old.*), write-ahead log, the rest."""
    sizes: Counter = Counter()
    for p in path.rglob("*"):
        if not p.is_file():
            continue
        kind = ("sst" if p.suffix == ".sst" else "info logs" if p.name.startswith("LOG")
                else "write-ahead log" if p.suffix == ".log" else "other")
        sizes[kind] += p.stat().st_size
    return dict(sizes)


def graph_kind(graph, base: str) -> str:
    if isinstance(graph, ox.DefaultGraph):
        return "union copy (default graph)"
    local = graph.value[len(base):] if graph.value.startswith(base) else graph.value
    if local.startswith("build/"):
        return f"build graph {local}"
    if "/" not in local and local != "vocabulary":
        return "article graphs"
    return f"graph {local}"


def subject_kind(subject, id_base: str) -> str:
    """The kind of node a statement is about: the first path segment of a minted IRI (person, mention …)."""
    value = subject.value
    if value.startswith(id_base):
        return value[len(id_base):].split("/", 1)[0]
    return "vocabulary" if value.startswith("https://w3id.org/diplomacy-kg/") else "other"


def statement_kind(skind: str, predicate: str) -> str:
    """The kinds the issue asks about: the article's text, sentence text, NIF mentions, the rest (facts)."""
    if skind == "article" and predicate == str(NIF.isString):
        return "article text (nif:isString)"
    if skind == "sentence":
        return "NIF sentences"
    if skind == "mention" or predicate == "https://w3id.org/diplomacy-kg/ontology#mention":
        return "NIF mentions (+ dk:mention links)"
    if predicate == "http://www.w3.org/ns/prov#wasDerivedFrom":
        return "prov:wasDerivedFrom"
    return "facts and metadata"


def literal_bytes(term) -> int:
    return len(term.value.encode("utf-8")) if isinstance(term, ox.Literal) else 0


def count(store: ox.Store, base_iri: str) -> dict:
    base = graphs_base(base_iri)
    id_base = base_iri if base_iri.endswith(("/", "#")) else base_iri + "/"
    by_graph: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_kind: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_predicate: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    long_literals: Counter = Counter()       # literals over 16 bytes, Oxigraph's inline limit: stored apart once
    for q in store.quads_for_pattern(None, None, None, None):
        g = graph_kind(q.graph_name, base)
        n = literal_bytes(q.object)
        p = q.predicate.value
        area = "union" if g.startswith("union") else "named"
        for table, k in ((by_graph, g), (by_kind, (area, statement_kind(subject_kind(q.subject, id_base), p))),
                         (by_predicate, (area, short(p)))):
            table[k][0] += 1
            table[k][1] += n
        if n > 16:
            long_literals[q.object.value] += 1
    return {"by_graph": dict(by_graph), "by_kind": {f"{a}|{k}": v for (a, k), v in by_kind.items()},
            "by_predicate": {f"{a}|{k}": v for (a, k), v in by_predicate.items()},
            "distinct_long_literals": len(long_literals),
            "distinct_long_literal_bytes": sum(len(v.encode("utf-8")) for v in long_literals)}


def show(title: str, rows: dict, top: int | None = None) -> None:
    total_q = sum(v[0] for v in rows.values())
    total_b = sum(v[1] for v in rows.values())
    print(f"\n{title}")
    print(f"  {'':48} {'quads':>10} {'%':>5} {'literal MB':>11}")
    items = sorted(rows.items(), key=lambda kv: -kv[1][0])
    for k, (q, b) in items[:top]:
        print(f"  {k:48} {q:>10,} {100 * q / max(total_q, 1):>5.1f} {b / 1e6:>11.1f}")
    if top is not None and len(items) > top:
        rest = items[top:]
        print(f"  {'(' + str(len(rest)) + ' more)':48} {sum(v[0] for _, v in rest):>10,}")
    print(f"  {'total':48} {total_q:>10,} {100.0:>5.1f} {total_b / 1e6:>11.1f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--base", default=DEFAULT_BASE_IRI)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args(argv)
    path = Path(args.store)
    if not path.is_dir():
        print(f"{path}: no store folder here", file=sys.stderr)
        return 2
    result = count(ox.Store.read_only(str(path)), args.base)
    result["disk_bytes"] = folder_bytes(path)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    disk = result["disk_bytes"]
    print(f"{path}: {sum(disk.values()) / 1e6:,.1f} MB on disk ("
          + ", ".join(f"{k} {v / 1e6:,.1f} MB" for k, v in sorted(disk.items())) + ")")
    quads = sum(v[0] for v in result["by_graph"].values())
    text = sum(v[1] for v in result["by_graph"].values())
    # Oxigraph keeps a quad of a named graph under six key orders and one of the default graph under three,
    # each key made of 17-byte term codes: the bytes follow the number of quads, hardly the text
    print(f"{sum(disk.values()) / max(quads, 1):,.0f} bytes on disk a quad; literal text is "
          f"{100 * text / max(sum(disk.values()), 1):.1f}% of the folder")
    show("by graph", result["by_graph"])
    show("by kind (named: the per-article and build graphs; union: the default graph's copy)", result["by_kind"])
    show("by predicate", result["by_predicate"], args.top)
    print(f"\nliterals over 16 bytes (kept once each in Oxigraph's string table): "
          f"{result['distinct_long_literals']:,} distinct, {result['distinct_long_literal_bytes'] / 1e6:,.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
