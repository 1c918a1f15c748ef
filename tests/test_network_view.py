"""The network view without a browser: node labels, focus by a name typed loosely, a focus that never
walks through a country, what the page draws before any filter, and the overview of a large graph.
Graphs here are made by hand about countries no keyed set covers (Chile, Kenya, Norway, Peru)."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from kg.errors import KgError
from kg.views import model, network

BASE = "https://w3id.org/diplomacy-kg/id/"


def node(g, key, cls, label, country="", **extra):
    data = dict(type="", start="", end="", posts="", articles="a1", dates="", evidence="", evidence_article="",
                type_label="")
    g.add_node(BASE + key, cls=cls, label=label, country=country, **{**data, **extra})


def small_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    node(g, "country/CL", "Country", "Chile", "CL")
    node(g, "country/KE", "Country", "Kenya", "KE")
    node(g, "person/boric", "Person", "Gabriel Boric", "CL")
    node(g, "person/ruto", "Person", "William Ruto", "KE")
    node(g, "person/kariuki", "Person", "Njeri Kariuki", "KE")
    node(g, "org/senado", "Organization", "Senado de Chile", "CL")
    node(g, "event/visit", "Event", "Chuyến thăm William Ruto", type="visit", type_label="chuyến thăm")
    node(g, "commitment/c1", "Commitment", "thương mại: Hai bên nhất trí …", statement="Hai bên nhất trí …")
    node(g, "target/t1", "Target", "5 tỷ USD – kim ngạch thương mại (2030)")
    node(g, "person/alone", "Person", "Ana Flores", "PE")
    for s, o, kind in (("person/boric", "country/CL", "nationality"), ("person/ruto", "country/KE", "nationality"),
                       ("person/kariuki", "country/KE", "nationality"), ("org/senado", "country/CL", "belongs to"),
                       ("person/boric", "event/visit", "attended"), ("person/ruto", "event/visit", "attended"),
                       ("commitment/c1", "event/visit", "made at"), ("commitment/c1", "target/t1", "targets"),
                       ("commitment/c1", "country/CL", "committed to")):
        g.add_edge(BASE + s, BASE + o, label=kind, kind=kind)
    return g


@pytest.mark.parametrize("typed,expected", [
    ("Gabriel Boric", "person/boric"),
    ("gabriel boric", "person/boric"),
    ("GABRIEL BORIC", "person/boric"),
    ("boric", "person/boric"),
    ("Njeri Kariuki", "person/kariuki"),
    ("Chile", "country/CL"),                     # the exact name first, not every name containing it
])
def test_focus_finds_a_name_typed_loosely(typed, expected):
    g = small_graph()
    assert model.focus_centres(g, typed) == [BASE + expected]
    assert model.focus(g, typed, 1).graph["focus"] == [g.nodes[BASE + expected]["label"]]   # for the page's title


@pytest.mark.parametrize("typed,suggested", [
    ("Gabriel Borik", "Gabriel Boric"),
    ("william rutto", "William Ruto"),
])
def test_a_name_that_matches_none_gets_the_closest(typed, suggested):
    g = small_graph()
    assert model.focus_centres(g, typed) == []
    assert model.closest_names(g, typed)[0] == suggested


@pytest.mark.parametrize("centre,hops,inside,outside", [
    ("Gabriel Boric", 2, {"event/visit", "person/ruto", "country/CL"}, {"org/senado"}),     # not through Chile
    ("William Ruto", 2, {"person/boric", "country/KE"}, {"person/kariuki"}),                 # not through Kenya
    ("Kenya", 1, {"person/ruto", "person/kariuki"}, {"country/CL"}),                         # a country's own ties
    ("Gabriel Boric", 0, set(), {"event/visit"}),
])
def test_focus_never_walks_through_a_country(centre, hops, inside, outside):
    kept = set(model.focus(small_graph(), centre, hops))
    assert {BASE + n for n in inside} <= kept
    assert not {BASE + n for n in outside} & kept


def test_select_says_did_you_mean(monkeypatch):
    monkeypatch.setattr(model, "view_graph", lambda ds: small_graph())
    from kg.views import select
    with pytest.raises(KgError, match="no person named 'Gabriel Borik'; did you mean Gabriel Boric"):
        select(None, focus="Gabriel Borik")


@pytest.mark.parametrize("topic,statement,label", [
    ("thương mại", "Hai bên nhất trí nâng kim ngạch thương mại song phương lên 5 tỷ USD",
     "thương mại: Hai bên nhất trí nâng kim ngạch thương …"),
    ("", "Hai bên nhất trí hợp tác", "Hai bên nhất trí hợp tác"),
])
def test_a_commitment_is_labelled_by_its_topic_and_first_words(topic, statement, label):
    assert model.commitment_label(topic, statement) == label


@pytest.mark.parametrize("row,label", [
    ((5e9, None, None, "USD", "kim ngạch thương mại", None, 2030), "5 tỷ USD – kim ngạch thương mại (2030)"),
    ((None, 10, 15, "percent", None, None, None), "10–15%"),
    ((1300, None, None, "scholarship", None, None, None), "1.300 suất học bổng"),
])
def test_a_target_is_said_in_vietnamese(row, label):
    assert model.amount_label(row) == label


def drawn(page: str) -> tuple[list, list]:
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    return nodes, edges


def test_the_page_hides_countries_and_loners_and_shows_no_iri():
    g = small_graph()
    nodes, edges = drawn(network.network_html(g, title="Mạng quan hệ: Chile"))
    shown = {n["id"] for n in nodes if not n["hidden"]}
    assert not [n for n in nodes if not n["label"] or n["label"].startswith("http")]
    assert BASE + "country/CL" not in shown and BASE + "person/alone" not in shown
    assert BASE + "person/kariuki" not in shown            # its only tie is to its country
    assert {BASE + "person/boric", BASE + "event/visit", BASE + "target/t1"} <= shown
    assert all(e["hidden"] for e in edges if e["toCountry"]) and not any(e["hidden"] for e in edges if not e["toCountry"])
    assert len(nodes) == len(g) and len(edges) == g.number_of_edges()


def test_a_graph_with_no_link_still_shows_its_nodes():
    g = small_graph().subgraph([BASE + "person/boric", BASE + "country/CL"]).copy()
    g.remove_edges_from(list(g.edges))
    nodes, _ = drawn(network.network_html(g))
    assert [n["label"] for n in nodes if not n["hidden"]] == ["Gabriel Boric"]


@pytest.mark.parametrize("title,heading", [
    ("Mạng quan hệ: tập trung Gabriel Boric", "Mạng quan hệ: tập trung Gabriel Boric"),
    (network.DEFAULT_TITLE, "Mạng lưới quan hệ: toàn bộ đồ thị"),
])
def test_the_page_says_what_it_shows(title, heading):
    page = network.network_html(small_graph(), title=title)
    assert f"<title>{heading}</title>" in page and f'<h1 id="kg-heading">{heading}</h1>' in page


def test_filters_show_names_not_codes():
    page = network.network_html(small_graph())
    assert '<option value="KE" style="color:' in page and "■ Kenya</option>" in page
    assert '<option value="visit">chuyến thăm</option>' in page


def big_graph(persons: int = 1200, events: int = 900) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    node(g, "country/NO", "Country", "Na Uy", "NO")
    for i in range(persons):
        node(g, f"person/{i}", "Person", f"Person {i}", "NO")
        g.add_edge(BASE + f"person/{i}", BASE + "country/NO", label="quốc tịch", kind="nationality")
    for j in range(events):
        node(g, f"event/{j}", "Event", f"Event {j}")
        for i in (j % persons, (j * 7 + 1) % persons, (j * 13 + 2) % 40):
            g.add_edge(BASE + f"person/{i}", BASE + f"event/{j}", label="tham dự", kind="attended")
    return g


def test_a_large_graph_is_drawn_as_an_overview_of_its_best_connected_actors():
    g = big_graph()
    assert len(g) > network.OVERVIEW_ABOVE
    shown, note = network.reduce_for_display(g)
    assert len(shown) == network.OVERVIEW_ACTORS and "tổng quan" in note
    assert {d["cls"] for _, d in shown.nodes(data=True)} == {"Person"}
    assert BASE + "person/0" in shown                       # the most linked person is kept
    assert shown.number_of_edges() and all(d["kind"] == "took part together" for *_, d in shown.edges(data=True))
    assert network.reduce_for_display(small_graph())[1] == ""
