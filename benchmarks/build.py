"""Build speed, memory and store size at scale, on the deterministic corpus of benchmarks/synth.py.

For each size (default 1,000 and 10,000 articles): a full build into the on-disk store (Oxigraph) with
--jobs N, articles per second, peak RSS of the build (workers included) and the store's size on disk;
the same build into rdflib's Memory store beside it (ratios, not absolute times: machines differ); and
the time to add one article to the built on-disk store, both as a `kg build` command and inside an
open store.

    python benchmarks/build.py [--sizes 1000 10000] [--jobs 2] [--memory-up-to 1000] [--work DIR]
        [--dask] [--servers virtuoso oxigraph] [--insert-up-to 1000] [--remote URL ...]

Past one machine, in the same run: --dask builds the on-disk store again with extraction on a dask
cluster (a LocalCluster of --jobs worker processes, reached as dask://HOST:PORT like a remote one);
--servers starts private servers (scripts/virtuoso.sh, scripts/oxigraph-server.sh) and builds into
each by its bulk path (Virtuoso's bulk loader through isql, the Oxigraph server's /store upload), and
by INSERT DATA up to --insert-up-to articles; --remote URL builds into a running server as well. The
time spent writing to a server is reported apart (`write s`), and the extraction rate of one core.

Each build runs in a fresh process so that its peak RSS is its own. Exports (views) are left out:
`--no-exports` is what is measured; their time is reported apart with --exports.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def child(corpus: str, store: str, jobs: int, exports: str | None, executor: str = "local", loader: str | None = None,
          insert: bool = False) -> dict:
    """Runs in its own process: one build, timed, with its own peak RSS and its workers'. `executor`
    'dask' starts a LocalCluster of `jobs` worker processes and reaches it by its address."""
    from kg.build import build_articles
    from kg.store.remote import use_loader
    from kg.store import open_dataset

    cluster = None
    if executor == "dask":
        from distributed import LocalCluster
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                               host="127.0.0.1")
        executor = "dask://" + cluster.scheduler_address.removeprefix("tcp://")
    started = time.perf_counter()
    ds = open_dataset(store)
    writing = [0.0]
    if store.startswith("http"):
        if loader:
            use_loader(ds, loader)
        if insert:
            ds.store.loader = None
        flush = ds.store.flush

        def timed_flush():
            t = time.perf_counter()
            flush()
            writing[0] += time.perf_counter() - t
        ds.store.flush = timed_flush
    report = build_articles(ds, [corpus], jobs=jobs, executor=executor)
    ds.store.commit() if not store.startswith("http") else ds.store.flush()
    built = time.perf_counter() - started
    if cluster is not None:
        cluster.close()
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
            "export_seconds": export_s, "write_seconds": writing[0] if store.startswith("http") else None}


def extraction_rate(corpus: Path, sample: int = 200) -> dict:
    """Articles per second of one core: extraction alone (extract_job), in this process, on a sample."""
    from kg.build import Job, extract_job
    from kg.corpus import read_corpus
    from kg.extract.crossdoc import Hints

    articles, _ = read_corpus([corpus])
    jobs = [Job(a, Hints(), "https://w3id.org/diplomacy-kg/id/", a.content_hash()) for a in articles[:sample]]
    extract_job(jobs[0])         # lexicons and models loaded before timing
    t = time.perf_counter()
    text = sum(len(extract_job(job).data) for job in jobs)
    seconds = time.perf_counter() - t
    return {"articles_per_s": len(jobs) / seconds, "ntriples_bytes_per_article": text / len(jobs)}


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


def run_child(corpus: str, store: str, jobs: str, exports: str, **options) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", corpus, store, jobs, exports, json.dumps(options)],
                         capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if out.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


@contextmanager
def private_server(kind: str, folder: Path):
    """(SPARQL URL, loader spec or None) of a fresh server started by the repository's script."""
    ports = [free_port(), free_port()]
    script, env, url, loader = {
        "virtuoso": ("virtuoso.sh", {"KG_VIRTUOSO_HTTP": str(ports[0]), "KG_VIRTUOSO_SQL": str(ports[1])},
                     f"http://127.0.0.1:{ports[0]}/sparql", f"isql://127.0.0.1:{ports[1]}"),
        "oxigraph": ("oxigraph-server.sh", {"KG_OXIGRAPH_PORT": str(ports[0]),
                                            "OXIGRAPH": str(Path(sys.executable).parent / "oxigraph")},
                     f"http://127.0.0.1:{ports[0]}/query", None)}[kind]
    shutil.rmtree(folder, ignore_errors=True)

    def run(cmd):
        with open(folder.parent / f"{folder.name}.log", "a") as log:
            return subprocess.run(["bash", str(HERE.parent / "scripts" / script), cmd, str(folder)],
                                  env={**os.environ, **env}, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                  timeout=300).returncode

    if run("start") != 0:
        raise SystemExit(f"{script} start failed; see {folder.parent / folder.name}.log")
    try:
        yield url, loader
    finally:
        run("stop")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    ap.add_argument("--dask", action="store_true", help="Also extract on a dask cluster (a LocalCluster of --jobs).")
    ap.add_argument("--servers", nargs="*", choices=["virtuoso", "oxigraph"], default=[],
                    help="Start these servers privately and build into each by its bulk path.")
    ap.add_argument("--insert-up-to", type=int, default=1000,
                    help="Also build into the servers by INSERT DATA for sizes up to this.")
    ap.add_argument("--remote", nargs="*", default=[], help="Running SPARQL servers to build into as well (emptied "
                    "by nobody: give empty ones).")
    ap.add_argument("--child", nargs=5, metavar=("CORPUS", "STORE", "JOBS", "EXPORTS", "OPTIONS"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        corpus, store, jobs, exports, options = a.child
        print(json.dumps(child(corpus, store, int(jobs), None if exports == "-" else exports, **json.loads(options))))
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
        row = {"n": n, "oxigraph": ox, "store_mb": du(store) / 2**20, "more": {}}
        row["extraction"] = extraction_rate(corpus)
        if n <= a.memory_up_to:
            row["memory"] = run_child(str(corpus), "memory", str(a.jobs), "-")
        if a.dask:
            dask_store = work / f"store-{n}-dask"
            shutil.rmtree(dask_store, ignore_errors=True)
            row["more"]["Oxigraph, extraction on dask"] = run_child(str(corpus), str(dask_store), str(a.jobs), "-",
                                                                    executor="dask")
            shutil.rmtree(dask_store, ignore_errors=True)
        for kind in a.servers:
            paths = [("bulk", False)] + ([("INSERT DATA", True)] if n <= a.insert_up_to else [])
            for path, insert in paths:
                with private_server(kind, work / f"{kind}-{n}") as (url, loader):
                    row["more"][f"{kind} server, {path}"] = run_child(str(corpus), url, str(a.jobs), "-",
                                                                     loader=loader, insert=insert)
                # the server's folder once it stopped (Virtuoso writes its pages at shutdown's checkpoint)
                row["more"][f"{kind} server, {path}"]["server_mb"] = du(work / f"{kind}-{n}") / 2**20
        for url in a.remote:
            row["more"][f"{url}"] = run_child(str(corpus), url, str(a.jobs), "-")
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
        for name, m in r.get("more", {}).items():
            write = f"; write {m['write_seconds']:.1f} s" if m.get("write_seconds") is not None else ""
            size = f"{m['server_mb']:.0f}" if "server_mb" in m else "–"
            lines.append(f"| {r['n']:,} | {name} | {m['seconds']:.1f} ({m['seconds'] / ox['seconds']:.1f}×{write}) | "
                         f"{r['n'] / m['seconds']:.0f} | {m['peak_rss_mb']:.0f} | {size} | – | – |")
        if "extraction" in r:
            e = r["extraction"]
            lines.append(f"| {r['n']:,} | extraction alone, one core | {r['n'] / e['articles_per_s']:.1f} (one core) | "
                         f"{e['articles_per_s']:.0f} | | N-Triples {e['ntriples_bytes_per_article'] / 1024:.0f} KB/article | | |")
        if ox.get("export_seconds") is not None:
            lines.append(f"| {r['n']:,} | exports (views, Turtle, TriG) | {ox['export_seconds']:.1f} | | | | | |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
