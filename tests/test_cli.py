"""The CLI, in-process: each command on the seeds, and clear one-line errors on bad input."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import ROOT, SEEDS, cp1258


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A real on-disk (Oxigraph) build of the seeds, as a user runs it."""
    base = tmp_path_factory.mktemp("cli")
    store, out = base / "store", base / "exports"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--store", str(store), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return store, out


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_build_writes_the_three_exports(built):
    _, out = built
    for name in ("kg.ttl", "kg.trig", "graph.html", "timeline.html", "ontology.ttl", "kg.graphml", "kg.gexf",
                 "centrality.csv"):
        assert (out / name).stat().st_size > 1000, name


@pytest.mark.parametrize("args,expect", [
    (["html", "--focus", "Tô Lâm", "--hops", "1"], "Tô Lâm"),
    (["html", "--event", "Kỳ họp lần thứ 48"], "Sonexay Siphandone"),
    (["timeline", "--between", "2023-01-01", "2023-12-31"], "2023-01"),
    (["graphml", "--focus", "Sonexay Siphandone"], "<graphml"),
])
def test_focused_views(built, tmp_path, args, expect):
    store, _ = built
    out = tmp_path / "view.out"
    result = run("export", *args, "-o", out, "--store", store)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert expect in text or expect.encode("unicode_escape").decode() in text
    whole = run("export", args[0], "-o", tmp_path / "whole.out", "--store", store)
    assert whole.exit_code == 0 and (tmp_path / "whole.out").stat().st_size > out.stat().st_size


def test_persons_query_lists_posts_and_countries(built):
    store, _ = built
    result = run("query", ROOT / "queries" / "persons.rq", "--format", "csv", "--store", store)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    by_name = {}
    for r in rows:
        by_name.setdefault(r["name"], set()).add((r["role"], r["country"]))
    assert ("Thủ tướng", "VN") in by_name["Phạm Minh Chính"]
    assert ("Chủ tịch nước", "LA") in by_name["Thongloun Sisoulith"]
    assert ("Tổng Bí thư", "LA") in by_name["Thongloun Sisoulith"]
    assert ("Đại sứ", "LA") in by_name["Khamphao Ernthavanh"]


def test_query_binds_parameters_as_values(built):
    store, _ = built
    result = run("query", "actor-timeline", "--param", "actor=Tô Lâm", "--format", "json", "--store", store)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["results"]["bindings"]
    types = {r["type"]["value"] for r in rows}
    assert {"talks", "meeting", "award", "speech"} <= types
    assert all(r["actor"]["value"] == "Tô Lâm" for r in rows)
    # a value that would break a pasted query is just a name nobody has (issue 16: said, with a non-zero exit)
    tricky = run("query", "actor-timeline", "--param", 'actor=x" } ; DROP ALL ; #', "--store", store)
    assert tricky.exit_code == 1 and "no person named" in tricky.output and "Tô Lâm" not in tricky.output


@pytest.mark.parametrize("fmt,first", [("table", "n"), ("csv", "n"), ("tsv", "?n"), ("json", "{"), ("xml", "<?xml")])
def test_query_formats(built, fmt, first):
    store, _ = built
    result = run("query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", fmt, "--store", store)
    assert result.exit_code == 0, result.output
    assert result.output.split()[0].startswith(first)
    if fmt == "json":
        assert int(json.loads(result.output)["results"]["bindings"][0]["n"]["value"]) > 1000


def test_queries_lists_the_library_and_query_runs_one_by_name(built):
    store, _ = built
    listing = run("queries")
    assert listing.exit_code == 0 and "who-met-whom" in listing.output and "Pledge progress" in listing.output
    result = run("query", "actor-graph", "--param", "actor=Tô Lâm", "--store", store)
    assert result.exit_code == 0, result.output
    from rdflib import Graph, Literal
    graph = Graph().parse(data=result.output, format="turtle")
    assert Literal("Tô Lâm", lang="vi") in set(graph.objects())
    wrong = run("query", "actor-graph", "--param", "actor=Tô Lâm", "--format", "csv", "--store", store)
    assert wrong.exit_code != 0 and "--format turtle" in wrong.output


def test_stats_counts_classes(built):
    store, _ = built
    result = run("stats", "--store", store)
    assert result.exit_code == 0
    assert "https://schema.org/Person" in result.output and "Commitment" in result.output


def test_validate_says_the_graph_conforms(built):
    store, _ = built
    result = run("validate", "--store", store)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


@pytest.mark.parametrize("fmt,suffix", [("ttl", ".ttl"), ("trig", ".trig"), ("nq", ".nq"), ("jsonld", ".jsonld"),
                                        ("html", ".html")])
def test_export_formats(built, tmp_path, fmt, suffix):
    store, _ = built
    target = tmp_path / f"out{suffix}"
    result = run("export", "--format", fmt, "-o", target, "--store", store)
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 1000


@pytest.mark.parametrize("args,message", [
    (["query", "-e", "SELECT WHERE {", "--store", "memory"], "the query failed"),
    (["query", "no-such-query", "--store", "memory"], "no such query file"),
    (["query", "persons", "--param", "actor=x", "--store", "memory"], "no variable ?actor"),
    (["query", "persons", "--store", "http://127.0.0.1:9/sparql"], "cannot reach the SPARQL server"),
    (["query", "-e", "SELECT * {}", "--param", "novalue", "--store", "memory"], "expected name=value"),
    (["build", "does/not/exist", "--store", "memory"], "no such file or folder"),
    (["stats", "--store", "/nonexistent/store/path"], "no store here"),
    (["export", "html", "--focus", "Nobody At All", "--store", "memory"], "no person, organization or country"),
])
def test_bad_input_gives_one_clear_line(args, message):
    result = run(*args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_bad_article_does_not_stop_the_others(tmp_path):
    (tmp_path / "good.txt").write_text((SEEDS / "002_ec33e0e534115cdd.txt").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes(cp1258("Thủ tướng Lào thăm Hà Nội"))
    result = run("build", tmp_path, "--store", "memory", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "empty.txt: empty article" in result.output
    assert "latin.txt: not UTF-8" in result.output
    assert "built 1 article(s)" in result.output
    assert (tmp_path / "out" / "kg.ttl").exists()


def test_build_says_which_articles_were_not_read_whole(tmp_path):
    from click.testing import CliRunner
    from kg.cli import main

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "long.txt").write_text("Hội đàm " * 400, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(corpus), "--store", "memory", "--no-exports"])
    assert result.exit_code == 0, result.output
    assert "note: long: a sentence of" in result.output
