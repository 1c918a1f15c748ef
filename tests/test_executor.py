"""Extraction on a dask.distributed cluster (`--executor dask://HOST:PORT`) builds the same graph as the
local process pool; a scheduler that cannot be used is one clear line, and the store is left untouched."""
from __future__ import annotations

import socket
import sys

import pytest
from click.testing import CliRunner

from kg import build
from kg.build import build_articles, check_executor, remove_articles
from kg.cli import main
from kg.errors import KgError
from kg.store import open_dataset

from .conftest import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402

distributed = pytest.importorskip("distributed")


def quads(ds) -> frozenset:
    """Every statement with its graph: our graphs have no blank nodes, so equal sets are isomorphic."""
    return frozenset(ds.quads((None, None, None, None)))


@pytest.fixture(scope="module")
def scheduler():
    """A small cluster in this process: one worker thread, as a remote worker would run kg."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        yield "dask://" + cluster.scheduler_address.removeprefix("tcp://")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("corpus", ["seeds", "synthetic"])
def test_the_dask_executor_builds_the_same_graph_as_the_process_pool(scheduler, corpus, tmp_path):
    """The seeds go one article a task; 40 synthetic articles several a task (kg.build.extract_jobs)."""
    source = SEEDS
    if corpus == "synthetic":
        source = tmp_path / "synth"
        synth.write(source, 40, 11)
    pool = open_dataset("memory")
    built = build_articles(pool, [source], jobs=2).built
    on_dask = open_dataset("memory")
    report = build_articles(on_dask, [source], executor=scheduler)
    assert built and sorted(report.built) == sorted(built)
    assert quads(on_dask) == quads(pool)


def test_removing_on_dask_ends_as_removing_locally(scheduler):
    local, on_dask = open_dataset("memory"), open_dataset("memory")
    for ds, executor in ((local, "local"), (on_dask, scheduler)):
        built = build_articles(ds, [SEEDS], executor=executor).built
        remove_articles(ds, sorted(built)[:2], executor=executor)
    assert quads(on_dask) == quads(local)


def test_the_cli_builds_on_dask(scheduler, tmp_path):
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--store", "memory", "--no-exports",
                                       "--executor", scheduler])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("built 5 article(s)")


@pytest.mark.parametrize("spec, address", [
    ("local", None), (None, None),
    ("dask://127.0.0.1:8786", "tcp://127.0.0.1:8786"),
    ("dask://scheduler.lan:8786/", "tcp://scheduler.lan:8786"),
])
def test_executor_specs(spec, address):
    assert check_executor(spec) == address


@pytest.mark.parametrize("spec, message", [
    ("dask://127.0.0.1", "give 'local' or dask://HOST:PORT"),
    ("dask://:8786", "give 'local' or dask://HOST:PORT"),
    ("spark://127.0.0.1:7077", "give 'local' or dask://HOST:PORT"),
    ("Local", "give 'local' or dask://HOST:PORT"),
    ("dask://127.0.0.1:{free}", "no dask scheduler answers there"),
])
def test_an_executor_that_cannot_be_used_is_one_clear_line(spec, message, monkeypatch, tmp_path):
    monkeypatch.setattr(build, "DASK_CONNECT_S", 1)
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--store", str(store), "--no-exports",
                                       "--executor", spec.format(free=free_port())])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    if store.exists():     # opened, but nothing written before the executor answered
        ds = open_dataset(str(store), read_only=True)
        assert not quads(ds)
        ds.close()


def test_workers_running_another_extraction_are_refused(scheduler):
    """A worker with another kg would build another graph: its pipeline fingerprint is compared first."""
    build.dask_client(scheduler, build.pipeline_fingerprint()).close()
    with pytest.raises(KgError, match="another version of kg's extraction"):
        build.dask_client(scheduler, "the fingerprint of another kg")
