"""p50/p95 of every library query, per store, on the seeds and on a large synthetic corpus, with rdflib's
Memory store side by side in the same run.

    python benchmarks/queries.py [--synth 2000] [--repeat 15] [--remote http://127.0.0.1:8890/sparql ...]

Each corpus is built into every store first (remote stores get the build pushed into them); then each
query runs `--repeat` times per store. Prints a Markdown table per corpus.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Literal

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

from kg.build import build_articles  # noqa: E402
from kg.query import library, run  # noqa: E402
from kg.store import open_dataset  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def bindings(ds) -> dict[str, dict]:
    """Parameters that hit real data: the most connected actor, Vietnam, a wide date range."""
    top = next(iter(run(ds, (ROOT / "queries" / "most-connected.rq").read_text(encoding="utf-8"))), None)
    actor = Literal(str(top[0])) if top else Literal("")
    person = next(iter(run(ds, "PREFIX schema: <https://schema.org/> SELECT ?p ?actor WHERE { ?p a schema:Person ; schema:name ?n . FILTER(STR(?n) = ?actor) } LIMIT 1", {"actor": actor})), [None])[0]
    return {"actor-graph": {"actor": actor}, "actor-timeline": {"actor": actor}, "posts-over-time": {"actor": actor},
            "events-in-range": {"from": Literal("2023-01-01"), "to": Literal("2025-12-31")},
            "organizations-of-country": {"country": Literal("VN")},
            "evidence": {"node": person} if person is not None else {}}


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
    args = parser.parse_args()
    stores = ["memory", "oxigraph"] + args.remote
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        bench_corpus("seeds", [ROOT / "seeds"], stores, args.repeat, tmp, set())
        if args.synth:
            synth.write(tmp / "synth", args.synth)
            bench_corpus(f"synth-{args.synth}", [tmp / "synth"], stores, max(3, args.repeat // 3), tmp, set(args.skip))


if __name__ == "__main__":
    main()
