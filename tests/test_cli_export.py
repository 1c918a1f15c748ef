"""`kg export`: one rule for FORMAT and --format, selections in files of their own named from the
selection with a title that says what is shown, and a large build that writes only the fast exports."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.export
from kg.cli import main
from kg.export import default_path, view_title

from .conftest import SEEDS


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    base = tmp_path_factory.mktemp("cli-export")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--store", str(base / "store"), "--no-exports"])
    assert result.exit_code == 0, result.output
    return base / "store"


def run(*args, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, [str(a) for a in args])
    with runner.isolated_filesystem(temp_dir=cwd):
        result = runner.invoke(main, [str(a) for a in args])
        result.files = {p.name: p.read_bytes() for p in Path("exports").glob("*")} if Path("exports").is_dir() else {}
    return result


@pytest.mark.parametrize("args", [["ttl"], ["--format", "ttl"], ["ttl", "--format", "ttl"], []])
def test_format_as_argument_or_option_is_one_rule(store, tmp_path, args):
    result = run("export", *args, "--store", store, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert list(result.files) == ["kg.ttl"] and result.files["kg.ttl"].startswith(b"@prefix ")


@pytest.mark.parametrize("args", [["html", "--format", "ttl"], ["ttl", "--format", "graphml"]])
def test_two_different_formats_are_refused_in_one_line(store, tmp_path, args):
    result = run("export", *args, "--store", store, cwd=tmp_path)
    assert result.exit_code != 0 and "two formats given" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not result.files


@pytest.mark.parametrize("fmt,selection,name", [
    ("html", {"focus": "Lê Văn Hùng", "hops": 2}, "graph-focus-le-van-hung.html"),
    ("html", {"focus": "Lê Văn Hùng", "hops": 1}, "graph-focus-le-van-hung-hops-1.html"),
    ("timeline", {"between": ("2024-01-01", "2024-06-30")}, "timeline-between-2024-01-01-2024-06-30.html"),
    ("graphml", {"event": "Hội đàm Việt Nam – Kenya"}, "kg-event-hoi-dam-viet-nam-kenya.graphml"),
    ("gexf", {"event": "https://example.org/id/event/talks-1a2b"}, "kg-event-talks-1a2b.gexf"),
    ("centrality", {"focus": "Đỗ Thị Ánh"}, "centrality-focus-do-thi-anh.csv"),
    ("html", None, "graph.html"),
    ("nq", None, "kg.nq"),
])
def test_a_selection_is_named_from_itself_in_ascii(fmt, selection, name):
    path = default_path(fmt, selection)
    assert path == Path("exports") / name and path.name.isascii()


@pytest.mark.parametrize("fmt,selection,words", [
    ("html", {"focus": "Lê Văn Hùng", "hops": 1}, ["Mạng quan hệ", "Lê Văn Hùng", "1 bước"]),
    ("timeline", {"between": ("2024-01-01", "2024-06-30")}, ["Dòng thời gian", "2024-01-01", "2024-06-30"]),
    ("html", {"event": "Hội đàm tại Nairobi"}, ["sự kiện Hội đàm tại Nairobi"]),
])
def test_a_title_says_what_is_shown(fmt, selection, words):
    title = view_title(fmt, selection)
    assert all(w in title for w in words), title


@pytest.mark.parametrize("kind,args", [
    ("html", ["--focus", "Tô Lâm", "--hops", "1"]),
    ("timeline", ["--between", "2025-01-01", "2025-12-31"]),
])
def test_a_selection_leaves_the_full_view_as_it_was(store, tmp_path, kind, args):
    full = run("export", kind, "--store", store, cwd=tmp_path)
    assert full.exit_code == 0, full.output
    before = dict(full.files)
    with CliRunner().isolated_filesystem(temp_dir=tmp_path) as here:
        Path("exports").mkdir()
        for name, data in before.items():
            Path("exports", name).write_bytes(data)
        result = CliRunner().invoke(main, ["export", kind, *args, "--store", str(store)])
        assert result.exit_code == 0, result.output
        written = Path(result.output.strip().split("wrote ", 1)[1])
        assert written.name != next(iter(before)) and written.name.isascii()
        for name, data in before.items():
            assert Path(here, "exports", name).read_bytes() == data, f"{name} was overwritten"
        page = written.read_text(encoding="utf-8")
        title = page.split("<title>", 1)[1].split("</title>", 1)[0]
        assert any(a in title for a in args if not a.startswith("--") and not a.isdigit()), title


def test_betweenness_only_when_asked(store, tmp_path):
    import networkx as nx
    for extra, present in (([], False), (["--betweenness"], True)):
        out = tmp_path / f"view{len(extra)}.graphml"
        result = run("export", "graphml", *extra, "-o", out, "--store", store)
        assert result.exit_code == 0, result.output
        g = nx.read_graphml(out)
        assert all(("betweenness" in d) == present and "degree" in d for _, d in g.nodes(data=True))


@pytest.mark.parametrize("large_above,expect", [(10_000, "kg.graphml"), (1, "ontology.ttl")])
def test_a_large_build_writes_the_fast_exports_and_says_how_to_get_the_rest(tmp_path, monkeypatch, large_above, expect):
    monkeypatch.setattr(kg.export, "LARGE_CORPUS", large_above)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--store", "memory", "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert expect in names
    if large_above == 1:
        assert names == {"ontology.ttl"}
        assert "`kg export FORMAT --store memory`" in result.output and "graphml" in result.output
        assert "ttl" in result.output.split("FORMAT one of", 1)[1]
    else:
        assert "kg export FORMAT" not in result.output
