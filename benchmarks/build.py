"""Build speed, memory and store size at scale, on the deterministic corpus of benchmarks/synth.py.

For each size (default 1,000 and 10,000 articles): a full build into the on-disk store (Oxigraph) with
--jobs N, articles per second, peak RSS of the build (workers included) and the store's size on disk;
the same build into rdflib's Memory store beside it (ratios, not absolute times: machines differ); and
the time to add one article to the built on-disk store, both as a `kg build` command and inside an
open store.

    python benchmarks/build.py [--sizes 1000 10000] [--jobs 2] [--memory-up-to 1000] [--work DIR]

Each build runs in a fresh process so that its peak RSS is its own. Exports (views) are left out:
`--no-exports` is what is measured; their time is reported apart with --exports.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def child(corpus: str, store: str, jobs: int, exports: str | None) -> dict:
    """Runs in its own process: one build, timed, with its own peak RSS and its workers'."""
    from kg.build import build_articles
    from kg.store import open_dataset

    started = time.perf_counter()
    ds = open_dataset(store)
    report = build_articles(ds, [corpus], jobs=jobs)
    built = time.perf_counter() - started
    export_s = None
    if exports:
        from kg.export import write_build_exports
        t = time.perf_counter()
        write_build_exports(ds, Path(exports))
        export_s = time.perf_counter() - t
    ds.close()
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": built, "articles": len(report.built), "failed": len(report.failed),
            "peak_rss_mb": max(self_kb, workers_kb) / 1024, "main_rss_mb": self_kb / 1024,
            "export_seconds": export_s}


def add_one_in_process(store: str, article: Path, repeat: int = 3) -> float:
    """Adding one article with the store already open (what a long-running ingester pays)."""
    from kg.build import build_articles
    from kg.store import open_dataset

    ds = open_dataset(store, create=False)
    times = []
    for n in range(repeat):
        article.write_text(article.read_text(encoding="utf-8") + f"\nCập nhật {n}.\n", encoding="utf-8")
        t = time.perf_counter()
        build_articles(ds, [article], jobs=1)
        times.append(time.perf_counter() - t)
    ds.close()
    return sorted(times)[len(times) // 2]


def run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL)
    if out.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def add_one_command(store: Path, article: Path, repeat: int = 3) -> float:
    times = []
    for n in range(repeat):
        article.write_text(article.read_text(encoding="utf-8") + f"\nSửa {n}.\n", encoding="utf-8")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(article), "--store", str(store),
                        "--no-exports", "--jobs", "1"], check=True, capture_output=True, stdin=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--memory-up-to", type=int, default=1000,
                    help="Also build into rdflib's Memory store for sizes up to this (it needs GBs beyond).")
    ap.add_argument("--exports", action="store_true", help="Also time the build's exports (views).")
    ap.add_argument("--work", type=Path, help="Folder for corpora and stores (default: a temporary one).")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--child", nargs=4, metavar=("CORPUS", "STORE", "JOBS", "EXPORTS"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        corpus, store, jobs, exports = a.child
        print(json.dumps(child(corpus, store, int(jobs), None if exports == "-" else exports)))
        return

    import synth

    work = a.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, --jobs {a.jobs}; work in {work}", file=sys.stderr)
    rows = []
    for n in a.sizes:
        corpus = work / f"corpus-{n}"
        if not corpus.exists():
            synth.write(corpus, n, a.seed)
        store = work / f"store-{n}"
        shutil.rmtree(store, ignore_errors=True)
        exports = str(work / f"exports-{n}") if a.exports else "-"
        ox = run_child(str(corpus), str(store), str(a.jobs), exports)
        row = {"n": n, "oxigraph": ox, "store_mb": du(store) / 2**20}
        if n <= a.memory_up_to:
            row["memory"] = run_child(str(corpus), "memory", str(a.jobs), "-")
        one = work / "one" / "added-article.txt"
        one.parent.mkdir(exist_ok=True)
        shutil.copy(sorted(corpus.glob("*.txt"))[0], one)
        row["add_one_command_s"] = add_one_command(store, one)
        row["add_one_open_store_s"] = add_one_in_process(str(store), one)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
    print(table(rows))


def table(rows) -> str:
    lines = ["| articles | store | build s | articles/s | peak RSS MB | store MB | add one (command) s | add one (open store) s |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        ox = r["oxigraph"]
        lines.append(f"| {r['n']:,} | Oxigraph | {ox['seconds']:.1f} | {r['n'] / ox['seconds']:.0f} | "
                     f"{ox['peak_rss_mb']:.0f} | {r['store_mb']:.0f} | {r['add_one_command_s']:.2f} | "
                     f"{r['add_one_open_store_s']:.2f} |")
        if "memory" in r:
            m = r["memory"]
            lines.append(f"| {r['n']:,} | Memory | {m['seconds']:.1f} ({m['seconds'] / ox['seconds']:.1f}×) | "
                         f"{r['n'] / m['seconds']:.0f} | {m['peak_rss_mb']:.0f} "
                         f"({m['peak_rss_mb'] / ox['peak_rss_mb']:.1f}×) | – | – | – |")
        if ox.get("export_seconds") is not None:
            lines.append(f"| {r['n']:,} | exports (views, Turtle, TriG) | {ox['export_seconds']:.1f} | | | | | |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
