"""The HTML views in a real browser: headless Chromium (Debian's chromium + chromium-driver, installed by
scripts/install-test-tools.sh) opens each page from disk with the network cut off (all traffic goes to a
dead proxy): no console errors, the drawn graph has the graph's nodes and edges, a click shows a node's
details, filters change what is visible. Screenshots go to exports/screenshots/."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from kg.export import render_view
from kg.views import select

from .conftest import ROOT
from .servers import required_or_skip

CHROMIUM = Path("/usr/lib/chromium/chromium")
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SHOTS = ROOT / "exports" / "screenshots"


def start_chromium(user_data_dir: Path, size: str = "1400,900", loopback: bool = False):
    """Headless Chromium with every address sent to a proxy that is not there: the network is cut. With
    `loopback`, pages served on this machine are reached directly; without, nothing is (pages open from disk)."""
    webdriver = pytest.importorskip("selenium.webdriver")
    required_or_skip("Chromium (chromium, chromium-driver)", CHROMIUM.exists() and Path(DRIVER).exists())
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--proxy-server=http://127.0.0.1:9", f"--window-size={size}", f"--user-data-dir={user_data_dir}",
                 *([] if loopback else ["--proxy-bypass-list=<-loopback>"])):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=options)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = start_chromium(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def open_page(driver, path: Path, settled: str = "return window.kgSettled === true", timeout: float = 30):
    driver.get(path.as_uri())
    end = time.time() + timeout
    while time.time() < end and not driver.execute_script(settled):
        time.sleep(0.2)
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{path.stem}.png"))


def write(tmp_path, ds, fmt, name, **selection):
    path = tmp_path / name
    path.write_text(render_view(ds, fmt, selection or None), encoding="utf-8")
    return path


def click_node(driver, node_id):
    from selenium.webdriver.common.action_chains import ActionChains
    canvas = driver.find_element("css selector", "#mynetwork canvas")
    x, y = driver.execute_script(
        "const p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]); return [p.x, p.y];", node_id)
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(canvas, x - size["width"] / 2, y - size["height"] / 2).pause(0.5).click().perform()


def visible_state(driver) -> dict:
    """What the page draws now: shown nodes and edges, their labels, and the canvas box of the largest part."""
    return driver.execute_script("""
      const shown = network.body.data.nodes.get({filter: (n) => !n.hidden});
      const part = window.kgLargest || [];
      const points = part.map((id) => network.canvasToDOM(network.getPositions([id])[id]));
      const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
      const canvas = document.querySelector('#mynetwork canvas');
      return {nodes: shown.length, labels: shown.map((n) => n.label || ''),
              edges: network.body.data.edges.get({filter: (e) => !e.hidden}).length,
              toCountry: network.body.data.edges.get({filter: (e) => !e.hidden && e.toCountry}).length,
              part: part.length, width: canvas.clientWidth, height: canvas.clientHeight,
              spanX: Math.max(...xs) - Math.min(...xs), spanY: Math.max(...ys) - Math.min(...ys),
              midX: (Math.max(...xs) + Math.min(...xs)) / 2, midY: (Math.max(...ys) + Math.min(...ys)) / 2};""")


def fills_canvas(state: dict) -> bool:
    return state["spanX"] >= 0.5 * state["width"] or state["spanY"] >= 0.5 * state["height"]


def fitted(state: dict) -> bool:
    """The largest part fills the canvas, or, when it is a handful of nodes (the page zooms in no further
    than 1:1), sits about its middle (vis.js centres the nodes' boxes with their labels, not their centres)."""
    centred = abs(state["midX"] - state["width"] / 2) < 0.2 * state["width"] and \
        abs(state["midY"] - state["height"] / 2) < 0.2 * state["height"]
    return fills_canvas(state) or (state["part"] < 15 and centred)


def test_network_page_draws_the_graph_and_responds(browser, seeds_dataset, tmp_path):
    g = select(seeds_dataset)
    page = write(tmp_path, seeds_dataset, "html", "graph.html")
    open_page(browser, page)
    assert browser.execute_script("return network.body.data.nodes.length") == len(g)
    assert browser.execute_script("return network.body.data.edges.length") == g.number_of_edges()
    person = next(n for n, d in g.nodes(data=True) if d["label"] == "Tô Lâm")
    browser.execute_script("network.moveTo({position: network.getPositions([arguments[0]])[arguments[0]], scale: 1.5})", person)
    time.sleep(0.5)
    click_node(browser, person)
    details = browser.find_element("id", "kg-details").text
    assert "Tô Lâm" in details and "Bài:" in details and "«" in details      # posts, evidence, article
    # rest the pointer on the node: the tooltip may still be the one of a node the pointer crossed on its way
    from selenium.webdriver.common.action_chains import ActionChains
    ActionChains(browser).move_by_offset(1, 0).pause(0.8).perform()
    tooltip = browser.execute_script("const t = document.querySelector('div.vis-tooltip');"
                                     "return t && t.style.visibility !== 'hidden' ? t.textContent : ''")
    assert "Tô Lâm" in tooltip
    countries = sum(1 for _, d in g.nodes(data=True) if d["cls"] == "Country")
    everything = browser.execute_script("return window.kgVisibleCount")
    assert everything <= len(g) - countries              # countries are a colour and a filter, not hubs
    browser.find_element("css selector", ".kg-class[value=Commitment]").click()
    fewer = browser.execute_script("return window.kgVisibleCount")
    commitments = sum(1 for _, d in g.nodes(data=True) if d["cls"] == "Commitment")
    assert fewer <= everything - commitments
    from selenium.webdriver.support.ui import Select
    Select(browser.find_element("id", "kg-type")).select_by_value("talks")
    assert browser.execute_script("return window.kgVisibleCount") < fewer
    drawn = browser.execute_script("return network.body.data.nodes.get({filter: (n) => !n.hidden}).length")
    assert drawn == browser.execute_script("return window.kgVisibleCount")


def test_network_page_fits_its_largest_part_and_shows_no_iri(browser, seeds_dataset, tmp_path):
    open_page(browser, write(tmp_path, seeds_dataset, "html", "graph-overview.html"))
    state = visible_state(browser)
    assert state["nodes"] and not [label for label in state["labels"] if not label or label.startswith("http")]
    assert state["toCountry"] == 0 and fills_canvas(state), state
    heading = browser.find_element("id", "kg-heading").text
    assert heading and browser.title == heading
    options = [o.text for o in browser.find_elements("css selector", "#kg-country option, #kg-type option, #kg-article option")]
    assert "Lào" in " ".join(options) and not [o for o in options if o.startswith("http") or o in ("LA", "VN", "talks")]


@pytest.mark.parametrize("name,control", [
    ("no-events", "document.querySelector('.kg-class[value=Event]').click()"),   # what hung on events goes
    ("countries", "document.getElementById('kg-country-edges').click()"),        # edges to countries shown
    ("talks", "const s = document.getElementById('kg-type'); s.value = 'talks'; s.dispatchEvent(new Event('change'))"),
])
def test_network_filters_hide_what_no_longer_connects_and_refit(browser, seeds_dataset, tmp_path, name, control):
    open_page(browser, write(tmp_path, seeds_dataset, "html", "graph-filter.html"))
    before = visible_state(browser)
    browser.execute_script(control)
    end = time.time() + 30
    while time.time() < end and not browser.execute_script("return window.kgSettled === true"):
        time.sleep(0.2)
    time.sleep(0.3)
    after = visible_state(browser)
    assert after != before
    assert browser.execute_script("""return network.body.data.nodes.get({filter: (n) => !n.hidden}).every((n) =>
        network.getConnectedEdges(n.id).some((e) => !network.body.data.edges.get(e).hidden))""")
    assert fitted(after), after
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / f"graph-filter-{name}.png"))


def test_search_focuses_a_node(browser, seeds_dataset, tmp_path):
    open_page(browser, write(tmp_path, seeds_dataset, "html", "search.html"))
    box = browser.find_element("id", "kg-search")
    box.send_keys("Sonexay Siphandone")
    browser.execute_script("arguments[0].dispatchEvent(new Event('change'))", box)
    selected = browser.execute_script("return network.getSelectedNodes()")
    assert len(selected) == 1
    assert browser.execute_script("return nodes.get(arguments[0]).kgLabel", selected[0]) == "Sonexay Siphandone"


@pytest.mark.parametrize("typed,hops", [("Tô Lâm", 1), ("to lam", 0)])
def test_focused_view_has_only_the_ego_network(browser, seeds_dataset, tmp_path, typed, hops):
    g = select(seeds_dataset, focus=typed, hops=hops)
    open_page(browser, write(tmp_path, seeds_dataset, "html", f"focus-{hops}.html", focus=typed, hops=hops))
    assert browser.execute_script("return network.body.data.nodes.length") == len(g) < len(select(seeds_dataset))
    assert browser.execute_script("return window.kgVisibleCount") >= 1        # never an empty page
    state = visible_state(browser)
    assert fitted(state), state


def test_timeline_page_places_events_and_links_evidence(browser, seeds_dataset, tmp_path):
    from kg.views.timeline import timeline_events
    dated, undated = timeline_events(select(seeds_dataset))
    open_page(browser, write(tmp_path, seeds_dataset, "timeline", "timeline.html"),
              settled="return typeof window.kgRows === 'number'")
    bars = browser.find_elements("css selector", "rect.ev")
    assert len(bars) >= len(dated) > 0
    by_actor = browser.execute_script("return window.kgRows")
    bars[0].click()
    assert "Bài:" in browser.find_element("id", "details").text
    browser.find_element("css selector", "input[name=group][value=countries]").click()
    assert browser.execute_script("return window.kgRows") != by_actor
    assert len(browser.find_elements("css selector", "#undated li")) == len(undated)
