"""The timeline page in real headless Chromium (started as tests/test_browser.py starts it, network cut):
every item shows its text whole, the axis has tick labels at every scale from hours to decades (zoomed
through vis-timeline's own API) and none is cut at an edge, no visible text is a link address, rows are
named, undated events are written out. Screenshots of each page and scale go to exports/screenshots/."""
from __future__ import annotations

import re
import time

import pytest

from kg.views import select
from kg.views.timeline import timeline_events, timeline_html

from .test_browser import SHOTS, browser, open_page  # noqa: F401  (browser is a fixture)
from .test_timeline_view import graph

SETTLED = "return window.kgSettled === true"
ITEMS = """
const panel = document.querySelector('#chart .vis-panel.vis-center').getBoundingClientRect();
return [...document.querySelectorAll('#chart .vis-item.vis-point')].map((e) => {
  const r = e.getBoundingClientRect(), c = e.querySelector('.vis-item-content');
  return {text: e.innerText.trim(), whole: c.scrollWidth <= c.clientWidth + 1 && r.width > 20,
          inside: r.left >= panel.left - 1 && r.right <= panel.right + 1};
});"""
UNSCROLLED = "kgTimeline.setOptions({maxHeight: 100000}); kgTimeline.redraw();"
TICKS = """
const out = [];
for (const axis of document.querySelectorAll('#chart .vis-time-axis.vis-foreground')) {
  const box = axis.getBoundingClientRect();
  for (const t of axis.querySelectorAll('.vis-text:not(.vis-measure)')) {
    const r = t.getBoundingClientRect(), text = t.textContent.trim();
    if (!text || getComputedStyle(t).visibility === 'hidden') continue;
    out.push({text, minor: t.classList.contains('vis-minor'),
              inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5});
  }
}
return out;"""
VISIBLE_TEXT = """
const out = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walk.nextNode()) {
  const n = walk.currentNode, text = n.textContent.trim(), e = n.parentElement;
  if (text && !e.closest('script,style') && e.checkVisibility({visibilityProperty: true})) out.push(text);
}
return out;"""
ZOOM = """
window.kgChanged = false;
kgTimeline.once('changed', () => { window.kgChanged = true; });
kgTimeline.setWindow(new Date(arguments[0]), new Date(arguments[1]), {animation: false});"""


def show(driver, tmp_path, name, g, title="Dòng thời gian"):
    path = tmp_path / f"{name}.html"
    path.write_text(timeline_html(g, title=title), encoding="utf-8")
    open_page(driver, path, settled=SETTLED)
    return path


@pytest.fixture(scope="module")
def seeds_graph(seeds_dataset):
    return select(seeds_dataset)


def pages(seeds_dataset, seeds_graph):
    return {"timeline-whole": seeds_graph, "timeline-month": select(seeds_dataset, between=("2025-12-01", "2025-12-31")),
            "timeline-synthetic": graph()}


@pytest.mark.parametrize("name", ["timeline-whole", "timeline-month", "timeline-synthetic"])
@pytest.mark.parametrize("grouping", ["actors", "countries"])
def test_every_item_shows_its_whole_text_inside_the_chart(browser, seeds_dataset, seeds_graph, tmp_path, name, grouping):
    show(browser, tmp_path, name, pages(seeds_dataset, seeds_graph)[name])
    if grouping == "countries":
        browser.find_element("css selector", "input[name=group][value=countries]").click()
        browser.find_element("css selector", "button[data-zoom=fit]").click()
        time.sleep(0.5)
        browser.save_screenshot(str(SHOTS / f"{name}-countries.png"))
    # vis-timeline draws only the rows scrolled into view: let the chart be as tall as all its rows
    browser.execute_script(UNSCROLLED)
    time.sleep(0.5)
    items = browser.execute_script(ITEMS)
    assert len(items) == browser.execute_script("return window.kgItems") > 0
    assert all(i["text"] and i["whole"] and i["inside"] for i in items), [i for i in items if not i["whole"] or not i["inside"]]
    ticks = browser.execute_script(TICKS)
    assert sum(t["minor"] for t in ticks) >= 3 and all(t["inside"] for t in ticks), ticks


SCALES = [  # window, the form of the minor tick labels, of the major ones (None: there are none)
    ("hours", "2025-12-01T06:00:00", "2025-12-01T18:00:00", r"\d\d:\d\d", r"\d{1,2}/\d{1,2}/\d{4}"),
    ("days", "2025-11-10", "2025-12-10", r"\d{1,2}", r"tháng \d{1,2}/\d{4}"),
    ("months", "2025-01-01", "2025-12-31", r"tháng \d{1,2}", r"năm \d{4}"),
    ("years", "2016-01-01", "2026-01-01", r"\d{4}", None),
    ("decades", "1980-01-01", "2030-01-01", r"\d{4}", None),
]


@pytest.mark.parametrize("scale,start,end,minor,major", SCALES)
def test_axis_has_tick_labels_at_every_scale_and_none_is_cut(browser, seeds_graph, tmp_path, scale, start, end, minor, major):
    show(browser, tmp_path, "timeline-zoom", seeds_graph)
    browser.execute_script(ZOOM, start, end)
    deadline = time.time() + 10
    while time.time() < deadline and not browser.execute_script("return window.kgChanged"):
        time.sleep(0.1)
    browser.save_screenshot(str(SHOTS / f"timeline-{scale}.png"))
    ticks = browser.execute_script(TICKS)
    minors = [t["text"] for t in ticks if t["minor"]]
    majors = [t["text"] for t in ticks if not t["minor"]]
    assert len(minors) >= 4 and all(re.fullmatch(minor, m) for m in minors), minors
    assert all(re.fullmatch(major, m) for m in majors) and majors if major else not majors, majors
    assert all(t["inside"] for t in ticks), ticks


@pytest.mark.parametrize("start,end,wider", [("2025-12-01T10:00:00", "2025-12-01T10:05:00", True),
                                              ("1800-01-01", "2100-01-01", False)])
def test_zoom_stops_at_hours_and_at_decades(browser, seeds_graph, tmp_path, start, end, wider):
    show(browser, tmp_path, "timeline-zoom", seeds_graph)
    browser.execute_script(ZOOM, start, end)
    time.sleep(0.5)
    span = browser.execute_script("const w = kgTimeline.getWindow(); return (w.end - w.start) / 3600000")
    assert (6 <= span <= 7) if wider else (50 * 365 <= span / 24 <= 61 * 366), span


@pytest.mark.parametrize("name", ["timeline-whole", "timeline-synthetic"])
def test_no_visible_text_is_an_address_or_a_raw_date(browser, seeds_dataset, seeds_graph, tmp_path, name):
    show(browser, tmp_path, name, pages(seeds_dataset, seeds_graph)[name])
    for grouping in ("actors", "countries"):
        browser.find_element("css selector", f"input[name=group][value={grouping}]").click()
        texts = browser.execute_script(VISIBLE_TEXT)
        assert texts and not [t for t in texts if t.lower().startswith("http") or re.search(r"--\d\d", t)]
        rows = browser.execute_script("return [...document.querySelectorAll('#chart .vis-label')].map((e) => e.innerText.trim())")
        assert rows and all(r and not re.fullmatch(r"[A-Z]{2}", r) for r in rows), rows     # names, not ISO codes


def test_undated_events_are_listed_with_their_date_written_out(browser, seeds_dataset, seeds_graph, tmp_path):
    _, undated = timeline_events(seeds_graph)
    show(browser, tmp_path, "timeline-whole", seeds_graph)
    listed = [li.text for li in browser.find_elements("css selector", "#undated li")]
    assert len(listed) == len(undated) > 0
    assert all(e["label"] in li and e["when"] in li for e, li in zip(undated, listed))


def test_rows_without_anyone_named_are_explained_and_types_filter(browser, tmp_path):
    show(browser, tmp_path, "timeline-synthetic", graph(), title="Kenya, Chile, Na Uy")
    assert browser.find_element("tag name", "h1").text == "Kenya, Chile, Na Uy"
    labels = browser.execute_script("return [...document.querySelectorAll('#chart .vis-label')]"
                                    ".map((e) => [e.innerText.trim(), e.getAttribute('title') || ''])")
    assert [name for name, _ in labels] == ["Amina Wanjiru", "Quỹ Phát triển Bắc Âu", "Tomás Rojas", "Không nêu người tham dự"]
    assert "không nêu" in labels[-1][1].lower()
    before = browser.execute_script("return window.kgItems")
    browser.find_element("css selector", ".kg-type[value=talks]").click()      # the talks sit in two persons' rows
    assert browser.execute_script("return window.kgItems") == before - 2
    browser.find_element("css selector", "#chart .vis-item").click()
    assert "Bài: a1, a2" in browser.find_element("id", "details").text


def dense_graph(n: int) -> "nx.MultiDiGraph":
    """One person of Peru at an event every day for n days."""
    import datetime

    import networkx as nx
    g = nx.MultiDiGraph()
    g.add_node("p", cls="Person", label="Lucía Quispe", country="PE")
    for i in range(n):
        day = (datetime.date(2024, 1, 1) + datetime.timedelta(days=i)).isoformat()
        g.add_node(f"e{i}", cls="Event", label=f"Cuộc gặp Lucía Quispe lần {i + 1}", type="meeting", start=day, end="",
                   evidence="", evidence_article="", articles="a")
        g.add_edge("p", f"e{i}", kind="attended", label="tham dự")
    return g


@pytest.mark.parametrize("events,budget,widest_days", [(400, 150, 149), (60, 150, None)])
def test_a_dense_row_bounds_the_zoom_so_the_page_stays_responsive(browser, tmp_path, events, budget, widest_days):
    path = tmp_path / "timeline-dense.html"
    path.write_text(timeline_html(dense_graph(events), budget=budget), encoding="utf-8")
    open_page(browser, path, settled=SETTLED)
    browser.execute_script(ZOOM, "1990-01-01", "2030-01-01")
    time.sleep(0.5)
    days = browser.execute_script("const w = kgTimeline.getWindow(); return (w.end - w.start) / 86400000")
    drawn = browser.execute_script("return document.querySelectorAll('#chart .vis-item.vis-point').length")
    note = browser.find_element("id", "count").text
    if widest_days:     # vis-timeline also draws the few items whose labels reach into the window from its left
        assert days <= widest_days + 1 and drawn <= budget * 1.2 and "khung nhìn rộng nhất là" in note, (days, drawn, note)
    else:
        assert days > 365 and drawn == events and "khung nhìn" not in note
