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


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver")
    required_or_skip("Chromium (chromium, chromium-driver)", CHROMIUM.exists() and Path(DRIVER).exists())
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                 "--window-size=1400,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
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
    everything = browser.execute_script("return window.kgVisibleCount")
    assert everything == len(g)
    browser.find_element("css selector", ".kg-class[value=Commitment]").click()
    fewer = browser.execute_script("return window.kgVisibleCount")
    commitments = sum(1 for _, d in g.nodes(data=True) if d["cls"] == "Commitment")
    assert fewer == everything - commitments
    from selenium.webdriver.support.ui import Select
    Select(browser.find_element("id", "kg-type")).select_by_value("talks")
    assert browser.execute_script("return window.kgVisibleCount") < fewer
    drawn = browser.execute_script("return network.body.data.nodes.get({filter: (n) => !n.hidden}).length")
    assert drawn == browser.execute_script("return window.kgVisibleCount")


def test_search_focuses_a_node(browser, seeds_dataset, tmp_path):
    open_page(browser, write(tmp_path, seeds_dataset, "html", "search.html"))
    box = browser.find_element("id", "kg-search")
    box.send_keys("Sonexay Siphandone")
    browser.execute_script("arguments[0].dispatchEvent(new Event('change'))", box)
    selected = browser.execute_script("return network.getSelectedNodes()")
    assert len(selected) == 1
    assert browser.execute_script("return nodes.get(arguments[0]).kgLabel", selected[0]) == "Sonexay Siphandone"


def test_focused_view_has_only_the_ego_network(browser, seeds_dataset, tmp_path):
    g = select(seeds_dataset, focus="Tô Lâm", hops=1)
    open_page(browser, write(tmp_path, seeds_dataset, "html", "focus.html", focus="Tô Lâm", hops=1))
    assert browser.execute_script("return network.body.data.nodes.length") == len(g) < len(select(seeds_dataset))


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
