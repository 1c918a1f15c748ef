"""The timeline page without a browser: dates written as a Vietnamese reader writes them, events with
their persons, bodies and countries, the page inlining the pinned library (nothing fetched), the heading
saying what is shown, and the vendored files matching their checksums."""
from __future__ import annotations

import hashlib
import json
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import networkx as nx
import pytest

from kg import lexicons
from kg.views import timeline
from kg.views.timeline import legend, summary, timeline_events, timeline_html, when

from .conftest import ROOT

ASSETS = ROOT / "kg" / "views" / "assets"


@pytest.mark.parametrize("start,end,expect", [
    ("2024-03-05", "", "5/3/2024"),
    ("2024-03", "", "tháng 3/2024"),
    ("2024", "", "năm 2024"),
    ("2024-03-05", "2024-03-08", "5/3/2024 – 8/3/2024"),
    ("2024-03-05", "2024-03-05", "5/3/2024"),
    ("2024-03-05T14:30:00", "", "14:30 5/3/2024"),
    ("2024-03-05T00:00:00", "", "5/3/2024"),
    ("--09-10", "", "ngày 10/9, năm không rõ"),
    ("--09-10", "--09-13", "ngày 10/9 – 13/9, năm không rõ"),
    ("--09", "", "tháng 9, năm không rõ"),
    ("", "", "chưa rõ ngày"),
])
def test_dates_are_written_out(start, end, expect):
    assert when(start, end) == expect


def graph() -> nx.MultiDiGraph:
    """Two persons (Kenya, Chile), a body of Norway and four events: dated, year-less, without anyone
    named, and of a type the lexicon does not know."""
    g = nx.MultiDiGraph()
    for key, cls, label, country in [("p1", "Person", "Amina Wanjiru", "KE"), ("p2", "Person", "Tomás Rojas", "CL"),
                                     ("o1", "Organization", "Quỹ Phát triển Bắc Âu", "NO")]:
        g.add_node(key, cls=cls, label=label, country=country)
    for key, label, kind, start, end in [
            ("e1", "Hội đàm Amina Wanjiru – Tomás Rojas", "talks", "2024-03-05", ""),
            ("e2", "Chuyến thăm Amina Wanjiru", "visit", "--09-10", "--09-13"),
            ("e3", "Diễn đàn Kinh tế Nairobi", "forum", "2024-06", ""),
            ("e4", "Triển lãm </script>{{library}}", "exhibition", "2025-01-20", "")]:
        g.add_node(key, cls="Event", label=label, type=kind, start=start, end=end, evidence="«câu»",
                   evidence_article="a1", articles="a1;a2")
    g.add_edge("p1", "e1", kind="attended", label="tham dự")
    g.add_edge("p2", "e1", kind="co-chaired", label="chủ trì")
    g.add_edge("p1", "e2", kind="attended", label="tham dự")
    g.add_edge("o1", "e4", kind="hosted", label="chủ nhà")
    return g


def test_events_carry_people_bodies_countries_and_a_written_date():
    dated, undated = timeline_events(graph())
    assert [e["id"] for e in dated] == ["e1", "e3", "e4"] and [e["id"] for e in undated] == ["e2"]
    talks = dated[0]
    assert talks["actors"] == ["Amina Wanjiru", "Tomás Rojas"] and talks["bodies"] == []
    names = lexicons.countries()
    assert talks["countries"] == sorted([names["CL"]["vi"], names["KE"]["vi"]])
    assert talks["type_name"] == "hội đàm" and talks["when"] == "5/3/2024" and talks["articles"] == ["a1", "a2"]
    assert dated[2]["bodies"] == ["Quỹ Phát triển Bắc Âu"] and dated[2]["countries"] == [names["NO"]["vi"]]
    assert dated[1]["actors"] == dated[1]["bodies"] == dated[1]["countries"] == []
    assert undated[0]["when"] == "ngày 10/9 – 13/9, năm không rõ"


def test_legend_counts_types_in_lexicon_order_and_the_unknown_as_other():
    dated, undated = timeline_events(graph())
    assert legend(dated + undated) == [{"type": "visit", "name": "chuyến thăm", "count": 1},
                                       {"type": "talks", "name": "hội đàm", "count": 1},
                                       {"type": "forum", "name": "diễn đàn", "count": 1},
                                       {"type": "other", "name": "khác", "count": 1}]


@pytest.mark.parametrize("events,expect", [
    ("all", "3 sự kiện có ngày, từ 5/3/2024 đến 20/1/2025; 1 sự kiện chưa rõ năm, liệt kê bên dưới."),
    ("dated", "3 sự kiện có ngày, từ 5/3/2024 đến 20/1/2025."),
    ("none", "Không có sự kiện nào có ngày."),
])
def test_summary_says_what_is_shown(events, expect):
    dated, undated = timeline_events(graph())
    if events != "all":
        undated = []
    if events == "none":
        dated = []
    assert summary(dated, undated) == expect


def page_data(page: str) -> dict:
    return json.loads(re.search(r"const DATA = (.*);\n", page).group(1).replace("<\\/", "</"))


def test_page_is_one_offline_file_with_the_pinned_library():
    page = timeline_html(graph(), title="Kenya <và> Chile")
    library = (ASSETS / timeline.LIBRARY).read_text(encoding="utf-8")
    assert page.count(library) == 1 and (ASSETS / timeline.STYLES).read_text(encoding="utf-8") in page
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)      # nothing loaded from beside or afar
    assert "<h1>Kenya &lt;và&gt; Chile</h1>" in page and "<title>Kenya &lt;và&gt; Chile</title>" in page
    assert "3 sự kiện có ngày" in page


def test_article_text_is_data_not_markup_nor_a_placeholder():
    page = timeline_html(graph())
    assert page.lower().count("</script>") == 2                                # the library's and the page's
    assert len(page) < 2 * len((ASSETS / timeline.LIBRARY).read_text(encoding="utf-8"))
    labels = {e["label"] for e in page_data(page)["events"]}
    assert "Triển lãm </script>{{library}}" in labels


def test_event_type_colours_are_distinct():
    colours = [colour for _, colour in timeline.event_types().values()]
    assert len(set(colours)) == len(colours) and timeline.OTHER not in colours


def sums() -> list[tuple[str, str]]:
    return [tuple(line.split(None, 1)[::-1]) for line in (ASSETS / "SHA256SUMS").read_text().splitlines()]


@pytest.mark.parametrize("name,digest", sums())
def test_vendored_files_match_their_checksums(name, digest):
    assert hashlib.sha256((ASSETS / name).read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("name", sorted(p.name for p in ASSETS.iterdir()))
def test_vendored_files_are_package_data(name):
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["kg.views"]
    assert any(fnmatch(f"assets/{name}", p) for p in patterns)
    assert name in {n for n, _ in sums()} | {"SHA256SUMS"}


def test_licence_is_shipped_beside_the_library():
    assert "Apache-2.0 OR MIT" in (ASSETS / "LICENSE.md").read_text(encoding="utf-8")
    assert "8.5.4" in (ASSETS / timeline.LIBRARY).read_text(encoding="utf-8")[:400]
    assert "VERSION=8.5.4" in Path(ROOT / "scripts" / "vendor_assets.sh").read_text()
