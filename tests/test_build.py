"""Incremental, parallel and interrupted builds end in the same graph as one clean build."""
from __future__ import annotations

import gc
import random
import shutil
import sys
from pathlib import Path

import pytest
from rdflib import BNode
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.build import build_articles, remove_articles
from kg.export import plain, union_graph
from kg.namespaces import DEFAULT_BASE_IRI
from kg.rdf.emit import EVIDENCE_KINDS
from kg.store import native_store, open_dataset

from .conftest import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402


def graph_of(ds) -> frozenset:
    """Our graphs have no blank nodes, so two are isomorphic exactly when their triple sets are equal; the
    set is also far quicker to compare than rdflib's canonical form on a large graph."""
    triples = frozenset(union_graph(ds))
    assert not any(isinstance(t, BNode) for triple in triples for t in triple)
    if native_store(ds) is not None:    # the union Oxigraph keeps in its default graph, for queries, evidence aside
        evidence = tuple(f"{DEFAULT_BASE_IRI}{kind}/" for kind in EVIDENCE_KINDS)
        assert (frozenset((s, p, plain(o)) for s, p, o in ds.graph(DATASET_DEFAULT_GRAPH_ID))
                == frozenset(t for t in triples if not str(t[0]).startswith(evidence)))
    return triples


def clean_build(sources) -> object:
    ds = open_dataset("memory")
    report = build_articles(ds, sources, jobs=1)
    assert not report.failed
    return graph_of(ds)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def test_building_again_extracts_only_what_changed(corpus, tmp_path):
    ds = open_dataset(str(tmp_path / "store"))
    assert len(build_articles(ds, [corpus]).built) == 5
    again = build_articles(ds, [corpus])
    assert (again.built, len(again.unchanged)) == ([], 5)
    changed = sorted(corpus.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8").replace("Thủ tướng", "Phó Thủ tướng", 1), encoding="utf-8")
    third = build_articles(ds, [corpus])
    assert third.built == [changed.stem]
    assert graph_of(ds) == clean_build([corpus])
    ds.close()


def test_adding_an_article_later_equals_building_all_at_once(corpus, tmp_path):
    """Cross-document knowledge (names behind bare titles, years, reaffirmations) reaches articles built
    in an earlier run."""
    later = tmp_path / "later"
    later.mkdir()
    for path in sorted(corpus.glob("*.txt"))[3:]:
        shutil.move(path, later / path.name)
    ds = open_dataset(str(tmp_path / "store"))
    build_articles(ds, [corpus])
    report = build_articles(ds, [later])
    assert len(report.built) == 2
    for path in later.iterdir():
        shutil.move(path, corpus / path.name)
    assert graph_of(ds) == clean_build([corpus])
    ds.close()


def test_removing_an_article_equals_never_having_built_it(corpus, tmp_path):
    ds = open_dataset(str(tmp_path / "store"))
    build_articles(ds, [corpus])
    gone = sorted(corpus.glob("*.txt"))[3]
    assert remove_articles(ds, [gone.stem]) == [gone.stem]
    gone.unlink()
    assert graph_of(ds) == clean_build([corpus])
    ds.close()


@pytest.mark.parametrize("store", ["memory", "on disk"])
def test_articles_added_one_run_at_a_time_then_removed_end_in_the_clean_graph(corpus, tmp_path, store):
    """Each run settles only the articles around the changed one; the seeds carry names behind bare titles
    and years across articles, the synthetic ones repeated targets (reaffirmations). On disk, the union
    kept for queries loses exactly what no article holds any more."""
    synth.write(corpus, 40, seed=5)
    paths = sorted(corpus.glob("*.txt"))
    random.Random(2).shuffle(paths)
    ds = open_dataset("memory" if store == "memory" else str(tmp_path / "store"))
    for path in paths:
        build_articles(ds, [path], jobs=1)
    assert graph_of(ds) == clean_build([corpus])
    for path in paths[:3] + [p for p in paths if not p.stem.endswith("synth")][:2]:
        remove_articles(ds, [path.stem])
        path.unlink()
    assert graph_of(ds) == clean_build([corpus])


def test_adding_one_article_to_a_settled_store_reads_only_the_entries_around_it(corpus, tmp_path, monkeypatch):
    from kg.store.index import StoredIndex

    one = tmp_path / "one"
    one.mkdir()
    newest = sorted(corpus.glob("*.txt"))[0]
    shutil.move(newest, one / newest.name)
    ds = open_dataset(str(tmp_path / "store"))
    build_articles(ds, [corpus])
    scan = StoredIndex.entries

    def no_scan(self, ids=None):
        assert ids is not None, "the whole index was read"
        return scan(self, ids)

    monkeypatch.setattr(StoredIndex, "entries", no_scan)
    assert build_articles(ds, [one]).built == [newest.stem]
    monkeypatch.undo()
    shutil.move(one / newest.name, newest)
    assert graph_of(ds) == clean_build([corpus])
    ds.close()


def test_a_process_pool_builds_the_same_graph(corpus):
    ds = open_dataset("memory")
    build_articles(ds, [corpus], jobs=2)
    assert graph_of(ds) == clean_build([corpus])


def test_cli_remove_and_its_errors(corpus, tmp_path):
    from click.testing import CliRunner
    from kg.cli import main

    store, out = tmp_path / "store", tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(corpus), "--store", str(store), "--no-exports"]).exit_code == 0
    first = sorted(corpus.glob("*.txt"))[0].stem
    result = runner.invoke(main, ["remove", first, "--store", str(store), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "removed 1 article(s)" in result.output and (out / "kg.trig").exists()
    assert first not in (out / "kg.trig").read_text(encoding="utf-8")
    again = runner.invoke(main, ["remove", first, "--store", str(store), "--no-exports"])
    assert again.exit_code == 1 and f"no article '{first}' in the store" in again.output
    assert "Traceback" not in again.output


def test_queries_on_a_store_whose_build_did_not_finish_say_so(corpus, tmp_path):
    from click.testing import CliRunner
    from kg.build import SETTLED, unfinished
    from kg.cli import main
    from kg.store.index import index_graph_iri, links_graph_iri
    from kg.namespaces import DEFAULT_BASE_IRI
    from kg.store.writer import ArticleWriter

    store = tmp_path / "store"
    ds = open_dataset(str(store))
    build_articles(ds, [corpus])
    writer = ArticleWriter(ds, index_graph_iri(DEFAULT_BASE_IRI))
    assert writer.mark(links_graph_iri(DEFAULT_BASE_IRI)) == SETTLED and not unfinished(ds)
    ds.close()
    del ds, writer
    gc.collect()    # the store's lock goes with its last reference
    question = ["query", "persons", "--store", str(store), "--format", "csv"]
    assert "did not finish" not in CliRunner().invoke(main, question).output

    ds = open_dataset(str(store), create=False)
    ArticleWriter(ds, index_graph_iri(DEFAULT_BASE_IRI)).set_mark(links_graph_iri(DEFAULT_BASE_IRI), None)
    assert unfinished(ds)
    ds.close()
    del ds
    gc.collect()
    result = CliRunner().invoke(main, question)
    assert result.exit_code == 0 and "did not finish" in result.output


def test_an_unwritable_output_folder_is_said_before_building(corpus, tmp_path):
    from click.testing import CliRunner
    from kg.cli import main

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["build", str(corpus), "--store", str(tmp_path / "store"),
                                       "--out", str(blocker / "exports")])
    assert result.exit_code == 1
    assert "cannot write exports there" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "store").exists()      # nothing was started


def test_exports_leave_out_the_build_index(corpus, tmp_path):
    from kg.export import serialize
    ds = open_dataset(str(tmp_path / "store"))
    build_articles(ds, [corpus])
    assert "urn:kg:build" not in serialize(ds, "nq")
    ds.close()


def test_the_build_reports_articles_not_read_whole(tmp_path):
    (tmp_path / "long.txt").write_text("Kỳ họp lần thứ " * 200, encoding="utf-8")
    (tmp_path / "short.txt").write_text("Thủ tướng Chile Ana Soto thăm Hà Nội.", encoding="utf-8")
    report = build_articles(open_dataset("memory"), [tmp_path])
    assert sorted(report.built) == ["long", "short"]
    assert len(report.notes) == 1 and report.notes[0].startswith("long: ") and "pieces" in report.notes[0]


@pytest.mark.parametrize("spec", ["memory", "oxigraph"])
def test_person_identity_added_one_article_at_a_time_equals_a_clean_build(tmp_path, spec):
    """A marked name, the same name unmarked, a misspelling, an initial: built one run at a time, the store
    ends as one clean build of all four (one node, the marked country)."""
    texts = {"a": "Tổng thống Kenya William Ruto thăm Hà Nội. Tổng thống William Ruto hội đàm với Thủ tướng.",
             "b": "Bài viết về Chile và Peru nhắc tới ông William Ruto khi bàn về Chile và Peru.",
             "c": "Tổng thống Kenya Wiliam Ruto phát biểu tại hội nghị ở Nairobi với Tổng thống Chile.",
             "d": "Ông W. Ruto gặp Tổng thống Chile Gabriel Boric; ông W. Ruto nói về Chile."}
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    ds = open_dataset("memory" if spec == "memory" else str(tmp_path / "store"))
    for name in ("d", "b", "c", "a"):
        assert not build_articles(ds, [folder / f"{name}.txt"], jobs=1).failed
    assert graph_of(ds) == clean_build([folder])
    ds.close()


def test_adding_an_article_about_a_much_named_person_reads_no_other_article_whole(tmp_path, monkeypatch):
    """Settling person identity after one new article reads the index's facets of the articles naming the
    same person, not their summaries: a leader named in thousands of articles made adding one slow."""
    from kg.store.index import StoredIndex

    folder = tmp_path / "in"
    folder.mkdir()
    cities = ["Nairobi", "Mombasa", "Kisumu", "Nakuru"]
    for n, city in enumerate(cities):
        (folder / f"{n}.txt").write_text(f"Ngày {n + 3}/5/2024, Tổng thống Kenya William Ruto phát biểu tại {city} "
                                         f"về kinh tế.", encoding="utf-8")
    ds = open_dataset(str(tmp_path / "store"))
    for n in range(3):
        assert not build_articles(ds, [folder / f"{n}.txt"], jobs=1).failed
    read: list[str] = []
    summaries = StoredIndex.summaries

    def counting(self, ids=None):
        found = summaries(self, ids)
        read.extend(found)
        return found

    monkeypatch.setattr(StoredIndex, "summaries", counting)
    assert build_articles(ds, [folder / "3.txt"], jobs=1).built == ["3"]
    assert set(read) == {"3"}
    monkeypatch.undo()
    assert graph_of(ds) == clean_build([folder])
    ds.close()
