"""F1 per part on every keyed corpus, in one table: the seeds, dev and dev2 built in memory and scored
against their answer keys by the shared scorer (../shared/eval/score.py, loaded from there, never copied).

    python benchmarks/quality.py [--corpus seeds --corpus dev ...] [--shared DIR] [--markdown] [--min-macro 0.95]

Each corpus is built the way `kg build --store memory` builds it (kg.build.build_articles into an
in-memory store, the TriG written by kg.export) into a temporary folder. Rows are the scorer's parts and
its macro F1; columns are the corpora. `--min-macro X` makes the exit status 1 when any corpus's macro
F1 is below X. Progress goes to stderr, the table to stdout.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from kg.build import build_articles
from kg.export import export
from kg.store import open_dataset

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))   # as tests/conftest.py finds it


def corpora(shared: Path) -> dict[str, tuple[Path, Path]]:
    """name → (articles, answer key)."""
    return {"seeds": (ROOT / "seeds", shared / "gold" / "seeds.json"),
            "dev": (shared / "dev" / "articles", shared / "dev" / "gold.json"),
            "dev2": (shared / "dev2" / "articles", shared / "dev2" / "gold.json")}


CORPORA = list(corpora(DEFAULT_SHARED))


def load_scorer(shared: Path):
    path = shared / "eval" / "score.py"
    if not path.is_file():
        raise SystemExit(f"quality: the shared scorer {path} is missing; "
                         f"give the folder holding eval/score.py and the keys with --shared DIR")
    spec = importlib.util.spec_from_file_location("kg_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_corpus(scorer, name: str, articles: Path, key: Path, work: Path) -> dict[str, float]:
    """Builds one corpus in memory, writes its TriG and returns {part: F1, 'macro': macro F1}."""
    for path in (articles, key):
        if not path.exists():
            raise SystemExit(f"quality: {name}: {path} is missing")
    started = time.perf_counter()
    ds = open_dataset("memory")
    report = build_articles(ds, [articles])
    for line in report.failed:
        print(f"[{name}] error: {line}", file=sys.stderr)
    trig = export(ds, "trig", work / f"{name}.trig")
    ds.close()
    print(f"[{name}] built {len(report.built)} article(s) in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    gold = json.loads(key.read_text(encoding="utf-8"))
    s = scorer.Scorer(scorer.load([str(trig)]), gold, False)
    with contextlib.redirect_stdout(io.StringIO()):   # the scorer prints its own table; we print ours
        macro = s.run()
    return {**{part: f1 for part, (_p, _r, f1, _counts) in s.table.items()}, "macro": macro}


def render(results: dict[str, dict[str, float]], markdown: bool) -> str:
    names = list(results)
    parts = list(dict.fromkeys(p for r in results.values() for p in r if p != "macro")) + ["macro"]

    def cell(name: str, part: str) -> str:
        value = results[name].get(part)
        return "–" if value is None else f"{value:.3f}"

    if markdown:
        lines = ["| part | " + " | ".join(f"{n} F1" for n in names) + " |",
                 "|---|" + "---:|" * len(names)]
        lines += [f"| {p} | " + " | ".join(cell(n, p) for n in names) + " |" for p in parts]
    else:
        lines = [f"{'part':<20}" + "".join(f"{n:>8}" for n in names)]
        lines += [f"{p:<20}" + "".join(f"{cell(n, p):>8}" for n in names) for p in parts]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", choices=CORPORA,
                    help="A keyed corpus to score (repeatable; default: all of them).")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                    help=f"Folder with eval/score.py, gold/, dev/ and dev2/ (default: {DEFAULT_SHARED}).")
    ap.add_argument("--markdown", action="store_true", help="Print a Markdown table.")
    ap.add_argument("--min-macro", type=float, default=None,
                    help="Exit 1 when any corpus's macro F1 is below this.")
    a = ap.parse_args(argv)
    scorer = load_scorer(a.shared)
    chosen = list(dict.fromkeys(a.corpus or CORPORA))
    known = corpora(a.shared)
    with tempfile.TemporaryDirectory(prefix="kg-quality-") as tmp:
        results = {name: score_corpus(scorer, name, *known[name], Path(tmp)) for name in chosen}
    print(render(results, a.markdown))
    if a.min_macro is not None:
        low = [f"{n} {r['macro']:.3f}" for n, r in results.items() if r["macro"] < a.min_macro]
        if low:
            print(f"quality: macro F1 below {a.min_macro}: {', '.join(low)}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
