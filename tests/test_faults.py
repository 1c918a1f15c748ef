"""Faults: `kill -9` at many points of a build and of a removal, then the same command again, ends in the
store a clean build gives; hostile and broken inputs cost one clear line each, never the build.

The kills are deterministic: the command runs in a child process (this file run as a script) whose store
writes are counted, and the child kills itself with SIGKILL at the chosen write; a bulk load, the one write
that is not a transaction, is cut halfway through."""
from __future__ import annotations

import codecs
import gc
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

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

    import kg.store.writer
    from kg.cli import main

    log: list[str] = []
    real = kg.store.writer.native_store
    kg.store.writer.native_store = lambda ds: (lambda s: None if s is None else _Counted(s, kill_at, log))(real(ds))
    for method in ("set_mark", "set_notes"):      # written through rdflib, not the native store
        original = getattr(kg.store.writer.ArticleWriter, method)

        def wrapped(self, *a, _original=original, _method=method, **k):
            _step(_method, kill_at, log)
            return _original(self, *a, **k)
        setattr(kg.store.writer.ArticleWriter, method, wrapped)
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


# -- bad inputs: one clear line each, the good articles all built ---------------------------------------

GOOD = ("Ngày 4/3/2025, tại Nairobi, Tổng thống Kenya đã hội đàm với Chủ tịch nước Việt Nam. Hai bên nhất trí "
        "nâng kim ngạch thương mại song phương lên 1 tỷ USD vào năm 2030.")
GOOD_PAGE = ("<html><head><title>Hội đàm Việt Nam - Peru</title></head><body><nav>Trang chủ | Thế giới</nav>"
             "<article><h1>Hội đàm Việt Nam - Peru</h1><p>{}</p><p>{}</p></article></body></html>").format(
    GOOD.replace("Kenya", "Peru").replace("Nairobi", "Lima"), GOOD)


def _record(**fields) -> bytes:
    return json.dumps(fields).encode("utf-8") + b"\n"


# (file name as bytes, content, what its one line says): every kind of input that once broke a build
BAD_INPUTS = [
    (b"surrogate.jsonl", b'{"id": "s", "text": "H\\u00e0 N\\u1ed9i \\ud800 h\\u1ed9i \\u0111\\u00e0m"}\n', "lone surrogate"),
    (b"surrogate-title.json", b'{"id": "t", "title": "\\udfff", "text": "abc"}', "lone surrogate"),
    (b"caf\xe9-latin1-name.txt", GOOD.encode("utf-8"), "file name is not UTF-8"),
    (b"odd-utf16.txt", codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le") + b"x", "broken UTF-16"),
    (b"odd-utf16be.html", codecs.BOM_UTF16_BE + GOOD_PAGE.encode("utf-16-be")[:-1], "broken UTF-16"),
    (b"menu-only.html", b"<html><body><nav><a href='/'>Trang ch\xe1\xbb\xa7</a> | \xc4\x90\xc4\x83ng nh\xe1\xba\xadp</nav>"
                        b"<p>Trang kh\xc3\xb4ng t\xe1\xbb\x93n t\xe1\xba\xa1i</p></body></html>", "no article text"),
    (b"empty.txt", b"", "empty article"),
    (b"binary.txt", bytes(range(256)) * 8, "binary data"),
    (b"cp1258.txt", "Thủ tướng".encode("utf-8").replace(b"\xe1\xbb\xa7", b"\xf2\xd2"), "not UTF-8"),
    (b"deep.json", b"[" * 200_000, "nested too deep"),
    (b"deep.jsonl", b"[" * 200_000 + b"\n", "nested too deep"),
    (b"no-text.jsonl", _record(id="x"), "has no 'text'"),
    (b"text-not-string.jsonl", _record(id="x", text=["a"]), "must be a string"),
    (b"bad-date.jsonl", _record(id="d", date="4 March", text=GOOD), "not ISO 8601"),
    (b"not-json.jsonl", b"{id: 1}\n", "not valid JSON"),
    (b"not-object.json", b"[1]", "must be a JSON object"),
    (b"vocabulary.txt", GOOD.encode("utf-8"), "is kg's own"),     # its graph would be the vocabulary's
    (b"huge.txt", None, "split it into articles"),          # written sparse: its size, no content
    (b"huge-record.jsonl", None, "split it into articles"),
]


def _write_bad(folder: Path, name: bytes, content: bytes | None) -> None:
    path = os.path.join(os.fsencode(folder), name)
    if content is not None:
        Path(os.fsdecode(path)).write_bytes(content)
    elif name.endswith(b".txt"):
        with open(path, "wb") as f:
            f.truncate(200 * 1024 * 1024)
    else:
        with open(path, "wb") as f:       # one 40 MB line, then a good record
            f.write(b'{"id": "big", "text": "' + b"a" * (40 * 1024 * 1024) + b'"}\n' + _record(id="after", text=GOOD))


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad-inputs")
    for name, content, _ in BAD_INPUTS:
        _write_bad(folder, name, content)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "page.html").write_text(GOOD_PAGE, encoding="utf-8")
    (folder / "mixed.jsonl").write_bytes(_record(id="kenya", text=GOOD) + b"{broken\n"
                                         + _record(id="peru", text=GOOD.replace("Kenya", "Peru")))
    return folder


GOOD_IDS = ["after", "good", "kenya", "page", "peru"]


def test_a_corpus_of_bad_inputs_builds_every_good_article_in_one_run(bad_corpus, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["build", str(bad_corpus), "--store", str(tmp_path / "store"),
                                       "--out", str(tmp_path / "out")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output and result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(BAD_INPUTS) + 1, "\n".join(errors)       # + the broken line of mixed.jsonl
    for name, _, expected in BAD_INPUTS:
        shown = os.fsdecode(name).encode("utf-8", "backslashreplace").decode("utf-8")     # as kg prints it
        named = [line for line in errors if line.startswith((f"error: {bad_corpus}/{shown}:", f"error: {bad_corpus}/{shown}["))]
        assert len(named) == 1 and expected in named[0], (shown, expected, named)
    assert "mixed.jsonl:2: not valid JSON" in result.output
    assert f"built {len(GOOD_IDS)} article(s)" in result.output
    trig = (tmp_path / "out" / "kg.trig").read_text(encoding="utf-8")
    for article_id in GOOD_IDS:
        assert f"article/{article_id}>" in trig


@pytest.mark.parametrize("name, content, expected", BAD_INPUTS, ids=[n.decode("ascii", "replace") for n, _, _ in BAD_INPUTS])
def test_each_bad_input_alone_is_one_clear_line_in_under_ten_seconds(tmp_path, name, content, expected):
    from kg.build import build_articles
    from kg.store import open_dataset

    _write_bad(tmp_path, name, content)
    started = time.monotonic()
    report = build_articles(open_dataset("memory"), [tmp_path], jobs=1)
    assert time.monotonic() - started < 10
    assert len(report.failed) == 1 and "\n" not in report.failed[0] and expected in report.failed[0]
    assert report.built == (["after"] if name == b"huge-record.jsonl" else [])


def test_html_without_trafilatura_is_one_line_per_page(tmp_path, monkeypatch):
    from kg.corpus import read_corpus

    (tmp_path / "a.html").write_text(GOOD_PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)      # import fails as when it is not installed
    articles, errors = read_corpus([tmp_path])
    assert [a.id for a in articles] == ["b"]
    assert len(errors) == 1 and "a.html: cannot read web pages here" in errors[0]


def test_an_unreadable_folder_is_reported_not_skipped(tmp_path, monkeypatch):
    from kg.corpus import read_corpus

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):       # chmod 000 does not stop root, so the refusal is simulated
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    monkeypatch.setattr(os, "scandir", scandir)
    articles, errors = read_corpus([tmp_path])
    assert [a.id for a in articles] == ["b"]
    assert len(errors) == 1 and "locked: cannot read this folder (Permission denied)" in errors[0]


@pytest.mark.parametrize("args, message", [
    (["--jobs", "100000"], "--jobs 100000: give 1 to 64"),
    (["--jobs", "0"], "--jobs 0: give 1 to 64"),
    (["--store", "{notes}"], "holds other files and is not a kg store"),
    (["--store", "{notes}/thesis.txt"], "is a file, not a store folder"),
])
def test_build_options_that_would_do_harm_are_refused(tmp_path, args, message):
    from click.testing import CliRunner

    from kg.cli import main

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "thesis.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    args = [a.format(notes=notes) for a in args]
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "--no-exports", *args]
                                + ([] if "--store" in args else ["--store", "memory"]))
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in notes.iterdir()) == ["thesis.txt"]


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "title", "date", "url", "publisher", "text", "x"]),
                       st.one_of(st.text(), st.integers(), st.none(), st.lists(st.text(max_size=3), max_size=2)),
                       max_size=6))
def test_any_jsonl_record_is_an_article_or_one_clear_line(tmp_path_factory, record):
    """Strings here include lone surrogates, which json.dumps writes as \\ud800 escapes."""
    from kg.corpus import read_corpus

    folder = tmp_path_factory.mktemp("records")
    (folder / "r.jsonl").write_bytes(json.dumps(record).encode("ascii") + b"\n" + _record(id="ok", text=GOOD))
    articles, errors = read_corpus([folder])
    assert articles[-1].id == "ok" and len(articles) + len(errors) == 2
    for article in articles:
        article.content_hash()
    assert all("\n" not in e and e.startswith(str(folder / "r.jsonl:1")) for e in errors)


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")),
       st.sampled_from([b".txt", b".html", b".jsonl", b".json"]), st.binary(max_size=300))
def test_any_file_name_and_bytes_build_without_a_traceback(tmp_path_factory, stem, suffix, raw):
    """Read beside a good article, which is kept; then built whole (extract, write the store, export)."""
    from kg.build import build_articles
    from kg.corpus import read_corpus
    from kg.errors import KgError
    from kg.export import serialize
    from kg.store import open_dataset

    folder = tmp_path_factory.mktemp("names")
    name = stem + suffix
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))
    path.write_bytes(raw)
    if name != b"good.txt":
        (folder / "good.txt").write_text(GOOD, encoding="utf-8")
        articles, errors = read_corpus([folder])
        assert "good" in [a.id for a in articles]
        assert all("\n" not in line and line.encode("utf-8") for line in errors)
    ds = open_dataset("memory")
    try:
        report = build_articles(ds, [path], jobs=1)
    except KgError as error:        # a file that holds no record at all (an empty .jsonl): one clear line
        assert "\n" not in str(error) and "no articles" in str(error)
        return
    assert len(report.built) + len(report.failed) >= 1
    assert all("\n" not in line and line.encode("utf-8") for line in report.failed)
    serialize(ds, "nq").encode("utf-8")


# -- exports never replace what is not theirs ---------------------------------------------------------------

@pytest.mark.parametrize("kind, message", [
    ("symlink", "is a symbolic link"),
    ("folder", "is a folder; give a file name"),
    ("fifo", "is not a regular file"),
])
def test_an_export_refuses_to_replace_what_is_not_a_regular_file(tmp_path, kind, message):
    from click.testing import CliRunner

    from kg.cli import main

    target, victim = tmp_path / "out.ttl", tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    if kind == "symlink":
        target.symlink_to(victim)
    elif kind == "folder":
        target.mkdir()
    else:
        os.mkfifo(target)
    store = tmp_path / "store"
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "--store", str(store), "--no-exports"]).exit_code == 0
    result = CliRunner().invoke(main, ["export", "-o", str(target), "--store", str(store)])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert target.is_symlink() if kind == "symlink" else (target.is_dir() if kind == "folder" else target.is_fifo())
    assert not list(tmp_path.glob(".out.ttl.*"))


def test_an_export_is_written_atomically_and_clears_what_a_killed_one_left(tmp_path):
    from kg.export import write_atomic

    target = tmp_path / "kg.ttl"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f".kg.ttl.{dead.stdout.strip()}.abc123.tmp"      # a process that no longer runs
    alive = tmp_path / f".kg.ttl.{os.getpid()}.def456.tmp"             # one still writing
    left.write_text("half")
    alive.write_text("half")
    target.write_text("old")

    def failing(out):
        out.write(b"partial")
        raise RuntimeError("the export failed midway")
    with pytest.raises(RuntimeError):
        write_atomic(target, failing)
    assert target.read_text() == "old"
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, "kg.ttl"])


def test_a_worker_ends_when_its_build_is_killed(tmp_path):
    """A build's extraction process watches its parent: kill -9 of the build leaves no worker running."""
    parent = subprocess.Popen([sys.executable, "-c", (
        "import subprocess, sys, time\n"
        "w = subprocess.Popen([sys.executable, '-c', 'import os, time; from kg.build import _end_with_parent; "
        "_end_with_parent(os.getppid()); time.sleep(60)'])\n"
        "print(w.pid, flush=True); time.sleep(60)")], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    worker = int(parent.stdout.readline())
    time.sleep(1.5)
    assert _alive(worker)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(worker)


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


if __name__ == "__main__":
    _child(int(sys.argv[1]), sys.argv[2], sys.argv[3:])
