"""Seconds and peak memory of each export of a built store, each in a fresh process, optionally side by side
with another source tree of kg (e.g. `git archive HEAD kg | tar -x -C /tmp/old`), in one run so that the
ratio holds on a loaded machine:

    flock /tmp/team/bench.lock nice -n 5 python benchmarks/exports.py --store /tmp/team/store10k --other /tmp/old

The store is opened read-only. A view's time is split into reading the view graph and drawing it."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

FORMATS = ("ttl", "trig", "nq", "graphml", "gexf", "html", "timeline")
VIEWS = ("graphml", "gexf", "html", "timeline", "centrality")

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from kg.store import open_dataset
from kg import export as ex
store, fmt, target = sys.argv[1:4]
ds = open_dataset(store, create=False, read_only=True)
t0 = time.perf_counter()
view = None
if fmt in ex.VIEWS:
    from kg.views import select
    view = select(ds)
t1 = time.perf_counter()
ex.export(ds, fmt, Path(target), view=view)
t2 = time.perf_counter()
print(json.dumps({"read": t1 - t0, "write": t2 - t1, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "bytes": Path(target).stat().st_size}))
"""


def run(tree: Path, store: str, fmt: str, folder: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    target = folder / f"{tree.name}-{fmt}.out"
    done = subprocess.run([sys.executable, "-c", CHILD, store, fmt, str(target)], env=env, cwd=folder,
                          capture_output=True, text=True)
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    target.unlink(missing_ok=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True)
    parser.add_argument("--other", type=Path, help="another source tree holding kg/, run beside this one")
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args()
    trees = [Path(__file__).resolve().parent.parent] + ([args.other.resolve()] if args.other else [])
    print(f"{'format':<10} {'tree':<28} {'read s':>7} {'write s':>8} {'peak MB':>8} {'MB out':>7}")
    with tempfile.TemporaryDirectory(prefix="kg-bench-exports-") as tmp:
        for fmt in args.formats.split(","):
            for tree in trees:
                r = run(tree, args.store, fmt, Path(tmp))
                if "error" in r:
                    print(f"{fmt:<10} {str(tree)[-28:]:<28} {r['error']}")
                    continue
                print(f"{fmt:<10} {str(tree)[-28:]:<28} {r['read']:>7.1f} {r['write']:>8.1f} {r['rss_mb']:>8.0f} "
                      f"{r['bytes'] / 1e6:>7.1f}", flush=True)


if __name__ == "__main__":
    main()
