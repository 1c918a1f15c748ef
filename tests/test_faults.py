"""Faults: `kill -9` at many points of a build and of a removal, then the same command again, ends in the
store a clean build gives; hostile and broken inputs cost one clear line each, never the build.

The kills are deterministic: the command runs in a child process (this file run as a script) whose store
writes are counted, and the child kills itself with SIGKILL at the chosen write; a bulk load, the one write
that is not a transaction, is cut halfway through."""
from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS

KILLS = 10          # kill points per command
MUTATING = ("bulk_load", "load", "remove", "remove_graph", "clear_graph", "extend", "update", "add")


# -- the child: a kg command whose store writes are counted, killed at one of them ------------------------

class _Counted:
    """A pyoxigraph Store whose writes are counted; at write number `kill_at` the process dies by SIGKILL."""

    def __init__(self, store, kill_at: int, log: list):
        self._store, self._kill_at, self._log = store, kill_at, log

    def __getattr__(self, name):
        attr = getattr(self._store, name)
        if name not in MUTATING:
            return attr

        def counted(*args, **kwargs):
            _step(name, self._kill_at, self._log,
                  halfway=lambda: self._store.bulk_load(_half(args[0]), **kwargs) if name == "bulk_load" else None)
            return attr(*args, **kwargs)
        return counted


def _half(data: bytes) -> bytes:
    lines = data.split(b"\n")
    return b"\n".join(lines[:len(lines) // 2]) + b"\n"


def _step(kind: str, kill_at: int, log: list, halfway=None) -> None:
    log.append(kind)
    if len(log) == kill_at:
        if halfway is not None:
            halfway()
        os.kill(os.getpid(), signal.SIGKILL)


def _child(kill_at: int, log_path: str, args: list[str]) -> None:
    import atexit

    import kg.writer
    from kg.cli import main

    log: list[str] = []
    real = kg.writer.native_store
    kg.writer.native_store = lambda ds: (lambda s: None if s is None else _Counted(s, kill_at, log))(real(ds))
    for method in ("set_mark", "set_notes"):      # written through rdflib, not the native store
        original = getattr(kg.writer.ArticleWriter, method)

        def wrapped(self, *a, _original=original, _method=method, **k):
            _step(_method, kill_at, log)
            return _original(self, *a, **k)
        setattr(kg.writer.ArticleWriter, method, wrapped)
    atexit.register(lambda: Path(log_path).write_text(json.dumps(log)))
    main(args)


def run_killed(args: list[str], kill_at: int, log: Path, cwd: Path) -> subprocess.CompletedProcess:
    """`kg ARGS` killed at write number `kill_at` (0: never; `log` then lists every write)."""
    return subprocess.run([sys.executable, "-m", "tests.test_faults", str(kill_at), str(log), *args],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=ROOT)


def kill_points(log: list[str]) -> list[int]:
    """KILLS writes spread over the run, each kind of write among them: the first of each run of one kind
    (a phase starts), then evenly spaced ones."""
    starts = [i + 1 for i, kind in enumerate(log) if i == 0 or log[i - 1] != kind]
    spread = [round(len(log) * (j + 0.5) / KILLS) for j in range(KILLS)]
    chosen = sorted(set(starts[::max(1, len(starts) // (KILLS // 2))][:KILLS // 2] + spread))
    while len(chosen) > KILLS:
        chosen = chosen[::2] + chosen[-1:] if len(chosen) > 2 * KILLS else chosen[:KILLS]
    return sorted(set(chosen))


def kg(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, cwd=cwd)


def store_nquads(store: Path) -> tuple[str, list[bytes]]:
    """Sorted N-Quads of every graph but the index, and the union Oxigraph keeps for queries (the default
    graph) as sorted N-Triples: two stores equal in both hold the same."""
    import pyoxigraph as ox

    from kg.export import serialize
    from kg.store import native_store, open_dataset

    ds = open_dataset(str(store), create=False)
    try:
        union = native_store(ds).dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        return serialize(ds, "nq"), sorted(union.split(b"\n"))
    finally:
        ds.close()
        del ds
        gc.collect()     # the store's lock goes with its last reference


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    """The seeds (names, years carried across articles) and synthetic articles (repeated targets): a first
    part built first, the rest added later; the articles removed later are some of each."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    base = tmp_path_factory.mktemp("kills")
    first, later = base / "first", base / "later"
    shutil.copytree(SEEDS, first)
    synth.write(later, 12, seed=11)
    for path in sorted(first.glob("*.txt"))[3:]:
        shutil.move(path, later / path.name)
    return base, first, later


def _clean(base: Path, name: str, *sources: Path) -> tuple[str, frozenset]:
    store = base / name
    if not store.exists():
        result = kg("build", *sources, "--store", store, "--no-exports", "--jobs", "1", cwd=base)
        assert result.returncode == 0, result.stderr
    return store_nquads(store)


def _kill_and_rerun(base: Path, start: Path, args: list[str], points: list[int], name: str, clean) -> Path:
    """For each kill point, on a copy of `start`: `kg ARGS` killed there, then run again whole; the kills
    run side by side (they are independent), the comparisons one by one."""
    def one(k: int) -> Path:
        store = base / f"{name}-{k}"
        shutil.copytree(start, store)
        killed = run_killed(args + ["--store", str(store)], k, base / f"log-{name}-{k}", base)
        assert killed.returncode == -signal.SIGKILL, (k, killed.stderr)
        rerun = kg(*args, "--store", store, cwd=base)
        assert rerun.returncode == 0, (k, rerun.stderr)
        return store

    with ThreadPoolExecutor(max(2, os.cpu_count() or 1)) as pool:
        stores = list(pool.map(one, points))
    for k, store in zip(points, stores):
        assert store_nquads(store) == clean, f"killed at write {k}"
    return stores[-1]


def test_a_build_killed_at_any_write_and_run_again_equals_a_clean_build(corpora):
    """The second build adds articles to a store holding others, which it extracts again with what the new
    ones tell them (linking): a kill there must not lose an article it is not given."""
    base, first, later = corpora
    start = base / "start"
    assert kg("build", first, "--store", start, "--no-exports", "--jobs", "1", cwd=base).returncode == 0
    clean = _clean(base, "clean-all", first, later)
    args = ["build", str(later), "--no-exports", "--jobs", "1"]
    counting = base / "count-build"
    shutil.copytree(start, counting)
    assert run_killed(args + ["--store", str(counting)], 0, base / "log", base).returncode == 0
    points = kill_points(json.loads((base / "log").read_text()))
    assert len(points) >= KILLS - 1, points
    _kill_and_rerun(base, start, args, points, "build", clean)


def test_a_removal_killed_at_any_write_and_run_again_equals_a_clean_build_of_what_remains(corpora):
    base, first, later = corpora
    gone = sorted(p.stem for p in first.glob("*.txt"))[:1] + sorted(p.stem for p in later.glob("*.txt"))[::4]
    start = base / "start-all"
    assert kg("build", first, later, "--store", start, "--no-exports", "--jobs", "1", cwd=base).returncode == 0
    remains = base / "remains"
    for folder in (first, later):
        shutil.copytree(folder, remains / folder.name)
    for stem in gone:
        next(remains.rglob(f"{stem}.txt")).unlink()
    clean = _clean(base, "clean-remains", remains)
    args = ["remove", *gone, "--no-exports", "--jobs", "1"]
    counting = base / "count-remove"
    shutil.copytree(start, counting)
    assert run_killed(args + ["--store", str(counting)], 0, base / "log", base).returncode == 0
    assert store_nquads(counting) == clean
    points = kill_points(json.loads((base / "log").read_text()))
    assert len(points) >= KILLS - 1, points
    store = _kill_and_rerun(base, start, args, points, "remove", clean)
    again = kg(*args, "--store", store, cwd=base)      # a finished removal: the ids are gone for good
    assert again.returncode == 1 and "no article" in again.stderr


if __name__ == "__main__":
    _child(int(sys.argv[1]), sys.argv[2], sys.argv[3:])
