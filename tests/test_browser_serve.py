"""The page of `kg serve` in headless Chromium (as tests/test_browser.py starts it), served on loopback with
every other address sent to a dead proxy: a library query's field is filled and run, rows appear in plain
values (no "@vi", no visible text starting with "http"), a required field left empty says so, a node's
link shows its evidence, and next/previous page through an answer longer than a page. A screenshot goes
to exports/screenshots/serve.png."""
from __future__ import annotations

import re
import threading
import time

import pytest

from kg.sparql.endpoint import PAGE_ROWS, make_server
from kg.sparql.query import run

from .test_browser import SHOTS, start_chromium

# one person who attended something, found in the store rather than named here
ATTENDEE = """PREFIX schema: <https://schema.org/>
SELECT ?name (COUNT(DISTINCT ?e) AS ?n) WHERE { ?p a schema:Person ; schema:name ?name . ?e schema:attendee ?p }
GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 1"""
VISIBLE_WORDS = ("return document.body.innerText.split(/\\s+/).concat("
                 "[...document.querySelectorAll('input')].flatMap((i) => i.placeholder.split(/\\s+/)))")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = start_chromium(tmp_path_factory.mktemp("chromium"), size="1400,1000", loopback=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def served(seeds_dataset):
    server = make_server(seeds_dataset, "127.0.0.1", 0, timeout=30.0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def runs_after(driver, before: int, timeout: float = 60) -> None:
    end = time.time() + timeout
    while time.time() < end and driver.execute_script("return window.kgRuns") <= before:
        time.sleep(0.1)
    assert driver.execute_script("return window.kgRuns") > before, "no answer drawn"


def submit(driver) -> None:
    before = driver.execute_script("return window.kgRuns")
    driver.find_element("id", "run").click()
    runs_after(driver, before)


def choose(driver, name: str) -> None:
    from selenium.webdriver.support.ui import Select
    Select(driver.find_element("id", "library")).select_by_value(name)


def plain_text_only(driver) -> None:
    words = driver.execute_script(VISIBLE_WORDS)
    assert not [w for w in words if re.match(r"\W*https?:", w) or "@vi" in w or "^^" in w]


def test_a_parameterised_query_is_filled_run_and_shown_plain(browser, served, seeds_dataset):
    actor = str(next(iter(run(seeds_dataset, ATTENDEE)))[0])
    browser.get(served)
    choose(browser, "actor-timeline")
    field = browser.find_element("css selector", "#params input[name=actor]")
    browser.find_element("id", "run").click()                            # the required field left empty
    assert "fill in actor" in browser.find_element("id", "status").text
    assert browser.execute_script("return window.kgRuns") == 0           # and nothing was asked
    field.send_keys(actor)
    submit(browser)
    rows = browser.find_elements("css selector", "#results tbody tr")
    assert rows and re.match(r"\d+ rows? in", browser.find_element("id", "status").text)
    assert all(actor == r.find_elements("tag name", "td")[0].text for r in rows)
    plain_text_only(browser)
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "serve.png"))


def test_a_node_links_to_its_evidence(browser, served):
    browser.get(served)
    choose(browser, "evidence")          # its field asks for an IRI: no IRI is shown as the example
    plain_text_only(browser)
    choose(browser, "events")
    submit(browser)
    link = browser.find_element("css selector", "#results a.node")
    label = link.text
    before = browser.execute_script("return window.kgRuns")
    link.click()
    runs_after(browser, before)
    assert browser.find_element("id", "evidence-title").text == "Evidence of " + label
    items = browser.find_elements("css selector", "#evidence-list li")
    assert items and browser.find_elements("css selector", "#evidence-list mark")
    plain_text_only(browser)
    browser.save_screenshot(str(SHOTS / "serve-evidence.png"))


def test_a_long_answer_is_paged(browser, served):
    browser.get(served)
    browser.find_element("css selector", "#sparql summary").click() if not browser.execute_script(
        "return document.getElementById('sparql').open") else None
    box = browser.find_element("id", "query")
    box.clear()
    box.send_keys("SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o")
    submit(browser)
    pager = browser.find_element("id", "range").text
    total = int(re.fullmatch(rf"rows 1–{PAGE_ROWS} of (\d+)", pager).group(1))
    assert total > PAGE_ROWS and len(browser.find_elements("css selector", "#results tbody tr")) == PAGE_ROWS
    first = browser.find_element("css selector", "#results tbody tr").text
    assert browser.find_element("id", "prev").get_attribute("disabled")
    before = browser.execute_script("return window.kgRuns")
    browser.find_element("id", "next").click()
    runs_after(browser, before)
    assert browser.find_element("id", "range").text.startswith(f"rows {PAGE_ROWS + 1}–")
    assert browser.find_element("css selector", "#results tbody tr").text != first
    before = browser.execute_script("return window.kgRuns")
    browser.find_element("id", "prev").click()
    runs_after(browser, before)
    assert browser.find_element("css selector", "#results tbody tr").text == first
    plain_text_only(browser)


def test_a_name_that_matches_nobody_offers_the_closest(browser, served, seeds_dataset):
    actor = str(next(iter(run(seeds_dataset, ATTENDEE)))[0])
    browser.get(served)
    choose(browser, "actor-timeline")
    browser.find_element("css selector", "#params input[name=actor]").send_keys(actor[:-1])   # one letter short
    submit(browser)
    status = browser.find_element("id", "status").text
    assert "no person named" in status and actor in status
    assert not browser.find_elements("css selector", "#results tbody tr")
