"""`kg query` from the command line (issues 16 and 18): names in any case or without diacritics, a clear
line and a non-zero exit for a required parameter left out or a name nobody has, a table in pages that
says how many rows there are, machine formats whole. The store is made by hand (Chile, Kenya)."""
from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.namespaces import DEFAULT_BASE_IRI
from kg.store import open_dataset
from kg.store.index import index_graph_iri
from kg.store.summary import summary_graph_iri
from kg.store.writer import ArticleWriter

from .test_query_plans import EVENTS, small_graph


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-query") / "store"
    ds = small_graph(open_dataset(str(path)))
    ds.close()
    return str(path)


def kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("args,code,expect", [
    (["actor-timeline", "--param", "actor=jose pena"], 0, "José Peña"),
    (["posts-over-time", "--param", "actor=WANJIRU KAMAU"], 0, "actor"),
    (["actor-timeline"], 1, "?actor is required"),
    (["evidence"], 1, "?node is required"),
    (["events-in-range", "--param", "from=2024-01-01"], 1, "?to is required"),
    (["actor-timeline", "--param", "actor=Jose Pena Soto"], 1, "did you mean José Peña"),
    (["actor-graph", "--param", "actor=Zzyzx"], 1, 'no person named "Zzyzx"'),
    (["events", "--all", "--limit", "5"], 1, "not both"),
    (["events", "--limit", "-1"], 2, "-1"),
])
def test_query_parameters_and_names(store, args, code, expect):
    result = kg("query", *args, "--store", store)
    assert result.exit_code == code, result.output
    assert expect in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args,rows,note", [
    ([], 100, f"rows 1–100 of {EVENTS} (--all for every row"),
    (["--limit", "10", "--offset", "240"], 10, f"rows 241–250 of {EVENTS}"),
    (["--offset", "200"], 50, f"rows 201–250 of {EVENTS}"),
    (["--all"], EVENTS, None),
])
def test_a_table_shows_a_page_and_says_so(store, args, rows, note):
    result = kg("query", "events", *args, "--store", store)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    table = [line for line in lines if line.startswith("https://")]
    assert len(table) == rows
    assert (note in result.output) if note else ("rows " not in result.output)


@pytest.mark.parametrize("fmt,args,rows", [("csv", [], EVENTS), ("csv", ["--limit", "7"], 7), ("tsv", [], EVENTS)])
def test_machine_formats_give_every_row_unless_asked(store, fmt, args, rows):
    result = CliRunner().invoke(main, ["query", "events", "--format", fmt, *args, "--store", store])
    assert result.exit_code == 0, result.output
    body = [line for line in result.output.splitlines() if line.startswith(("https://", "<https://"))]
    assert len(body) == rows


def test_numbers_print_plainly_and_long_cells_are_cut(store):
    result = kg("query", "pledge-progress", "--store", store)
    assert result.exit_code == 0, result.output
    assert "5000000000 " in result.output and "5000000000.0" not in result.output
    long = kg("query", "-e", 'SELECT ?s WHERE { BIND(CONCAT("Hội đàm", "' + "-" * 80 + '") AS ?s) }', "--store", store)
    assert [line for line in long.output.splitlines() if line.startswith("Hội đàm")] == ["Hội đàm" + "-" * 52 + "…"]
    as_csv = list(csv.reader(io.StringIO(kg("query", "pledge-progress", "--format", "csv", "--store", store).output)))
    assert [r[1] for r in as_csv if r[0] == "trade-turnover"] == ["1000000000.0", "2000000000.0", "5000000000.0"]


def test_stats_keeps_class_iris_whole(store):
    result = kg("stats", "--store", store)
    assert result.exit_code == 0, result.output
    assert "https://w3id.org/diplomacy-kg/ontology#Observation" in result.output and "…" not in result.output


@pytest.fixture(scope="module")
def older_store(tmp_path_factory):
    """A store as older code left it: the same statements, no summary graph."""
    path = tmp_path_factory.mktemp("cli-older") / "store"
    ds = small_graph(open_dataset(str(path)))
    writer = ArticleWriter(ds, index_graph_iri(DEFAULT_BASE_IRI))
    writer.set_mark(summary_graph_iri(DEFAULT_BASE_IRI), None)
    ds.remove_graph(ds.graph(summary_graph_iri(DEFAULT_BASE_IRI)))
    ds.close()
    return str(path)


@pytest.mark.parametrize("name,code,expect", [
    ("most-connected", 1, "kg build"), ("who-met-whom", 1, "kg build"), ("pledge-progress", 1, "kg build"),
    ("events", 0, "Chile")])
def test_a_store_without_summaries_says_how_to_add_them(older_store, name, code, expect):
    result = kg("query", name, "--store", older_store)
    assert result.exit_code == code and expect in result.output
    said = [line for line in result.output.splitlines() if not line.startswith("warning:")]   # a hand-made store
    assert code == 0 or len(said) == 1
