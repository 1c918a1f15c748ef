"""p50/p95 of every library query, per store, on the seeds and on a large synthetic corpus, with rdflib's
Memory store side by side in the same run.

    python benchmarks/queries.py [--synth 2000] [--repeat 15] [--remote http://127.0.0.1:8890/sparql ...]

Each corpus is built into every store first (remote stores get the build pushed into them); then each
query runs `--repeat` times per store. Prints a Markdown table per corpus.

At scale, against a server holding what the embedded store answers from (issue 18), in one run:

    KG_VIRTUOSO_HTTP=8898 KG_VIRTUOSO_SQL=1118 scripts/virtuoso.sh start /tmp/v
    KG_VIRTUOSO_SQL=1118 python benchmarks/queries.py --store STORE --load-virtuoso /tmp/v   # prints the URL
    python benchmarks/queries.py --store STORE --remote 'http://127.0.0.1:8898/sparql?default-graph-uri=…' --repeat 3

`--load-virtuoso` bulk-loads the whole embedded store into Virtuoso: every named graph as it is (articles,
vocabulary, links, the build's index and summary) and Oxigraph's default graph, the union of the article
graphs kept as a set, as the named graph UNION. The store URL it prints names UNION as the default graph
(kg.store.remote sends `default-graph-uri` with each query), so a query without FROM reads on both stores
the same set of statements; without it Virtuoso's default graph is every graph it holds as a bag (a
statement told in 500 articles matches 500 times, index and summary included).

`--store` opens a built Oxigraph store read-only and times each query on it and on every --remote, through
kg.sparql.query.run (names resolved, parameters bound as kg query does) up to its first page of 100 rows, with
the ratio embedded ÷ server per query; a server whose row count differs from the embedded store's is marked,
and the run exits 1.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pyoxigraph as ox
from rdflib import Literal

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

from kg.build import build_articles  # noqa: E402
from kg.errors import KgError  # noqa: E402
from kg.namespaces import DEFAULT_BASE_IRI, graphs_base  # noqa: E402
from kg.sparql.query import library, page, run  # noqa: E402
from kg.store import native_store, open_dataset  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
UNION = graphs_base(DEFAULT_BASE_IRI) + "build/union"   # Oxigraph's default graph, as a named graph on a server


def bindings(ds) -> dict[str, dict]:
    """Parameters that hit real data: the most connected actor, Vietnam, a wide date range."""
    top = next(iter(run(ds, (ROOT / "queries" / "most-connected.rq").read_text(encoding="utf-8"))), None)
    actor = Literal(str(top[0])) if top else Literal("")
    person = next(iter(run(ds, "PREFIX schema: <https://schema.org/> SELECT ?p ?actor WHERE { ?p a schema:Person ; schema:name ?n . FILTER(STR(?n) = ?actor) } LIMIT 1", {"actor": actor})), [None])[0]
    return {"actor-graph": {"actor": actor}, "actor-timeline": {"actor": actor}, "posts-over-time": {"actor": actor},
            "events-in-range": {"from": Literal("2023-01-01"), "to": Literal("2025-12-31")},
            "organizations-of-country": {"country": Literal("VN")},
            "evidence": {"node": person} if person is not None else {}}


TYPICAL = """PREFIX schema: <https://schema.org/>
SELECT ?n (COUNT(?e) AS ?events) WHERE { ?e schema:attendee ?p . ?p a schema:Person ; schema:name ?n }
GROUP BY ?n ORDER BY ?events ?n"""


def typical_bindings(ds) -> dict[str, dict]:
    """Parameters of an analyst's question: the actor of median activity (not the busiest, whose timeline
    is thousands of rows), a person node for evidence, Vietnam, a three-year range."""
    names = [row[0] for row in run(ds, TYPICAL)]
    actor = Literal(str(names[len(names) // 2])) if names else Literal("")
    person = next(iter(run(ds, "PREFIX schema: <https://schema.org/> SELECT ?p ?n WHERE { ?p schema:name ?n }",
                           {"n": Literal(str(actor), lang="vi")})), [None])[0]
    return {"actor-graph": {"actor": actor}, "actor-timeline": {"actor": actor}, "posts-over-time": {"actor": actor},
            "events-in-range": {"from": Literal("2023-01-01"), "to": Literal("2025-12-31")},
            "organizations-of-country": {"country": Literal("VN")},
            "evidence": {"node": person} if person is not None else {}}


def time_first_page(ds, repeat: int, skip: set[str], params_of: dict) -> dict[str, tuple[float, float, int]]:
    """p50, p95 and rows of each library query, timed up to its first page of 100 rows."""
    out = {}
    for q in library():
        if q.name in skip:
            out[q.name] = (float("nan"), float("nan"), 0)
            continue
        text, times, rows = q.path.read_text(encoding="utf-8"), [], 0
        try:
            for _ in range(repeat):
                start = time.perf_counter()
                result = run(ds, text, params_of.get(q.name, {}))
                rows = len(result.graph) if result.type == "CONSTRUCT" else page(result).total
                times.append(time.perf_counter() - start)
        except KgError as e:        # a server's own time limit (Virtuoso: "Transaction timed out")
            print(f"  {q.name}: {e}", file=sys.stderr)
            out[q.name] = (float("inf"), float("inf"), 0)
            continue
        out[q.name] = (percentile(times, 0.5), percentile(times, 0.95), rows)
        print(f"  {q.name}: {out[q.name][0] * 1000:.0f} ms, {rows} rows", file=sys.stderr)
    return out


def bench_store(path: str, remotes: list[str], repeat: int, skip: set[str]) -> None:
    embedded = open_dataset(path, read_only=True)
    params_of = typical_bindings(embedded)
    print(f"parameters: {params_of}", file=sys.stderr)
    results = {"embedded": time_first_page(embedded, repeat, skip, params_of)}
    embedded.close()
    for url in remotes:
        print(f"[{url}]", file=sys.stderr)
        remote = open_dataset(url)
        results[url] = time_first_page(remote, repeat, skip, params_of)
        remote.close()
    labels = ["embedded"] + remotes
    print("\n| query | rows | " + " | ".join(f"{label(s)} p50 / p95 (ms)" for s in labels)
          + " | embedded ÷ server (p50) |")
    print("|" + "---|" * (len(labels) + 3))
    differ = []
    for q in library():
        rows = results["embedded"][q.name][2]
        cells = []
        for s in labels:
            p50, p95, n = results[s][q.name]
            cell = "timed out" if p50 == float("inf") else f"{p50 * 1000:.0f} / {p95 * 1000:.0f}"
            if s != "embedded" and n != rows and p50 != float("inf"):
                cell += f" (**{n} rows**)"
                differ.append(f"{q.name} on {s}: {n} rows, embedded {rows}")
            cells.append(cell)
        ratio = ("" if not remotes else "—" if results[remotes[0]][q.name][0] == float("inf") else
                 f"{results['embedded'][q.name][0] / max(results[remotes[0]][q.name][0], 1e-9):.2f}×")
        print(f"| {q.name} | {rows:,} | " + " | ".join(cells) + f" | {ratio} |")
    if differ:
        print("row counts differ: " + "; ".join(differ), file=sys.stderr)
        sys.exit(1)


def label(store: str) -> str:
    """A column's head: the server's address and the default graph its queries read."""
    if store == "embedded":
        return "Oxigraph (embedded)"
    url = urlsplit(store)
    graphs = [v for k, v in parse_qsl(url.query) if k == "default-graph-uri"]
    named = "union graph" if graphs == [UNION] else ", ".join(graphs) or "every graph"
    return f"{url.netloc}{url.path} (default graph: {named})"


def load_virtuoso(path: str, folder: Path, sql_port: str) -> None:
    """The whole store, as N-Quads in the Virtuoso's own folder, loaded by its bulk loader (ld_dir +
    rdf_loader_run) as a user would load a large build: named graphs as they are, the default graph (Oxigraph's
    union copy; its lines carry no graph) into UNION, the graph ld_dir gives to such lines."""
    store = native_store(open_dataset(path, read_only=True))
    dump = folder / "kg-bulk.nq"
    start = time.perf_counter()
    store.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    dumped = time.perf_counter()
    for statement in (f"ld_dir('{folder}', '{dump.name}', '{UNION}');", "rdf_loader_run();", "checkpoint;",
                      f"delete from DB.DBA.LOAD_LIST where ll_file = '{dump}';"):
        subprocess.run(["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={statement}"], check=True,
                       stdout=subprocess.DEVNULL)
    print(f"dumped {dump.stat().st_size / 1e6:.0f} MB in {dumped - start:.0f} s, loaded in "
          f"{time.perf_counter() - dumped:.0f} s", file=sys.stderr)
    dump.unlink()
    http = os.environ.get("KG_VIRTUOSO_HTTP", "8890")
    print(f"http://127.0.0.1:{http}/sparql?{urlencode({'default-graph-uri': UNION})}")


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def time_queries(ds, repeat: int, skip: set[str]) -> dict[str, tuple[float, float, int]]:
    out, params_of = {}, bindings(ds)
    for q in library():
        if q.name in skip:
            out[q.name] = (float("nan"), float("nan"), 0)
            continue
        text = q.path.read_text(encoding="utf-8")
        params = params_of.get(q.name, {})
        times, rows = [], 0
        for _ in range(repeat):
            start = time.perf_counter()
            result = run(ds, text, params)
            rows = len(result.graph) if result.type == "CONSTRUCT" else len(list(result))
            times.append(time.perf_counter() - start)
        out[q.name] = (percentile(times, 0.5), percentile(times, 0.95), rows)
    return out


def bench_corpus(label: str, sources: list[Path], stores: list[str], repeat: int, tmp: Path, skip: set[str]) -> None:
    results = {}
    for spec in stores:
        location = str(tmp / f"{label}-oxigraph") if spec == "oxigraph" else spec
        ds = open_dataset(location)
        start = time.perf_counter()
        build_articles(ds, sources)
        print(f"[{label}] built into {spec} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        results[spec] = time_queries(ds, repeat, skip)
        ds.close()
    names = [q.name for q in library()]
    head = "| query | rows | " + " | ".join(f"{s} p50 / p95 (ms)" for s in stores) + " | memory ÷ " + stores[1] + " (p50) |"
    print(f"\n### {label}\n\n{head}\n|" + "---|" * (len(stores) + 3))
    for n in names:
        cells = [f"{results[s][n][0] * 1000:.1f} / {results[s][n][1] * 1000:.1f}" for s in stores]
        ratio = results["memory"][n][0] / max(results[stores[1]][n][0], 1e-9)
        print(f"| {n} | {results['memory'][n][2]} | " + " | ".join(cells) + f" | {ratio:.1f}× |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synth", type=int, default=2000, help="articles in the large corpus (0: seeds only)")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--remote", action="append", default=[], help="a SPARQL server URL to include")
    parser.add_argument("--skip", action="append", default=[], help="a query to leave out of the large corpus")
    parser.add_argument("--store", help="a built Oxigraph store, opened read-only, timed beside every --remote")
    parser.add_argument("--load-virtuoso", metavar="DIR", type=Path,
                        help="load --store into the Virtuoso started by scripts/virtuoso.sh in DIR, and stop")
    args = parser.parse_args()
    if args.store and args.load_virtuoso:
        load_virtuoso(args.store, args.load_virtuoso.resolve(), os.environ.get("KG_VIRTUOSO_SQL", "1111"))
        return
    if args.store:
        bench_store(args.store, args.remote, max(1, args.repeat), set(args.skip))
        return
    stores = ["memory", "oxigraph"] + args.remote
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        bench_corpus("seeds", [ROOT / "seeds"], stores, args.repeat, tmp, set())
        if args.synth:
            synth.write(tmp / "synth", args.synth)
            bench_corpus(f"synth-{args.synth}", [tmp / "synth"], stores, max(3, args.repeat // 3), tmp, set(args.skip))


if __name__ == "__main__":
    main()
