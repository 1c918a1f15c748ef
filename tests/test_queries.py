"""Library queries answer on the seeds, through the same code path as `kg query`."""
from __future__ import annotations

from kg.sparql.query import load_query, run


def rows(ds, name, **params):
    from rdflib import Literal
    result = run(ds, load_query(name), {k: Literal(v) for k, v in params.items()})
    names = [str(v) for v in result.vars]
    return [{n: (None if v is None else str(v)) for n, v in zip(names, r)} for r in result]


def test_pledge_progress_puts_targets_beside_the_latest_figure(seeds_dataset):
    got = rows(seeds_dataset, "pledge-progress")
    five = [r for r in got if r["measure"] == "trade-turnover" and r["target"] and float(r["target"]) == 5e9]
    assert five and all(r["period"] == "2024-01/2024-08" and float(r["figure"]) == 1.3e9 for r in five)
    scholarships = [r for r in got if r["measure"] == "scholarships"]
    assert scholarships and scholarships[0]["figure"] is None


def test_reaffirmed_targets_point_to_the_first_statement(seeds_dataset):
    got = rows(seeds_dataset, "reaffirmed")
    assert got and {(r["firstArticle"], r["laterArticle"]) for r in got} == {
        ("002_ec33e0e534115cdd", "003_2b285149d3990448")}


def test_who_met_whom_and_persons(seeds_dataset):
    pairs = {(r["a"], r["b"]) for r in rows(seeds_dataset, "who-met-whom")}
    assert ("Phạm Minh Chính", "Sonexay Siphandone") in pairs
    assert ("Thongloun Sisoulith", "Tô Lâm") in pairs
    posts = {(r["name"], r["role"]) for r in rows(seeds_dataset, "persons")}
    assert ("Saysomphone Phomvihane", "Chủ tịch Quốc hội") in posts


def test_evidence_gives_the_sentence_of_a_fact(seeds_dataset):
    from rdflib import Literal, URIRef

    from kg.namespaces import SCHEMA
    person = next(seeds_dataset.subjects(SCHEMA.name, Literal("Tô Lâm", lang="vi")))
    result = list(run(seeds_dataset, load_query("evidence"), {"node": URIRef(person)}))
    assert len(result) >= 5
    assert all(str(r.anchor) in str(r.sentence) for r in result)
    assert {str(r.article) for r in result} == {"002_ec33e0e534115cdd", "004_e34eb4834493822a"}


def test_posts_over_time_carry_the_article_date(seeds_dataset):
    got = rows(seeds_dataset, "posts-over-time", actor="Thongloun Sisoulith")
    assert {r["role"] for r in got} == {"general-secretary", "president"}
    assert {r["observed"] for r in got} >= {"2023-01-17"}       # 001 is dated by its 'Cập nhật' line
    assert all(r["actor"] == "Thongloun Sisoulith" for r in got)


def test_actor_timeline_lists_the_events_of_one_person_in_date_order(seeds_dataset):
    got = rows(seeds_dataset, "actor-timeline", actor="Tô Lâm")
    assert {"talks", "meeting", "award"} <= {r["type"] for r in got}
    assert {r["article"] for r in got} == {"002_ec33e0e534115cdd", "004_e34eb4834493822a"}
    dated = [r["start"] for r in got if r["start"] and not r["start"].startswith("--")]
    assert dated == sorted(dated)
    assert rows(seeds_dataset, "actor-timeline", actor="Nobody Here") == []


def test_commitments_filter_by_topic_and_carry_both_parties(seeds_dataset):
    trade = rows(seeds_dataset, "commitments", topic="trade")
    assert trade and all(r["topic"] == "trade" for r in trade)
    assert any(r["parties"] in ("LA+VN", "VN+LA") and "5 tỷ USD" in r["statement"] for r in trade)
    every = rows(seeds_dataset, "commitments")
    assert len(every) > len(trade) and {"agreed", "pledged"} <= {r["status"] for r in every}


def test_events_of_one_type_name_their_attendees(seeds_dataset):
    talks = rows(seeds_dataset, "events", type="talks")
    assert talks and all(r["type"] == "talks" for r in talks)
    assert any(set(r["attendees"].split("; ")) == {"Tô Lâm", "Thongloun Sisoulith"} for r in talks)


def test_events_in_range_respect_the_bounds_and_the_date_precision(seeds_dataset):
    sessions_2023 = rows(seeds_dataset, "events-in-range", **{"from": "2023-01-01", "to": "2023-12-31"}, type="session")
    assert [r["start"] for r in sessions_2023] == ["2023-01"]          # a month-precise date is inside
    one_day = rows(seeds_dataset, "events-in-range", **{"from": "2025-12-02", "to": "2025-12-02"})
    assert one_day and {r["start"] for r in one_day} == {"2025-12-02"}
    assert "session" in {r["type"] for r in one_day}
    assert rows(seeds_dataset, "events-in-range", **{"from": "2030-01-01", "to": "2030-12-31"}) == []


def test_session_chairs_name_both_co_chairs(seeds_dataset):
    got = rows(seeds_dataset, "session-chairs")
    co_chaired = [r for r in got if r["count"] == "2"]
    assert co_chaired and all(set(r["chairs"].split("; ")) == {"Phạm Minh Chính", "Sonexay Siphandone"}
                              for r in co_chaired)
    assert any(r["start"] == "2025-12-02" and r["event"].startswith("Kỳ họp") for r in co_chaired)


def test_organizations_of_a_country_are_that_country_only(seeds_dataset):
    lao = rows(seeds_dataset, "organizations-of-country", country="LA")
    names = {r["organization"] for r in lao}
    assert {"Bộ Ngoại giao Lào", "Chính phủ Lào"} <= names
    assert {r["country"] for r in lao} == {"LA"}
    assert "Bộ Ngoại giao Việt Nam" in {r["organization"] for r in rows(seeds_dataset, "organizations-of-country", country="VN")}


def test_multi_reported_events_are_one_node_with_several_articles(seeds_dataset):
    got = rows(seeds_dataset, "multi-reported-events")
    assert got and all(int(r["articles"]) >= 2 for r in got)
    session = next(r for r in got if r["name"].startswith("Kỳ họp"))
    assert session["articles"] == "3" and len(session["reportedIn"].split("; ")) == 3


def test_most_connected_ranks_the_two_heads_of_government_and_party_first(seeds_dataset):
    got = rows(seeds_dataset, "most-connected")
    assert {r["actor"] for r in got[:2]} == {"Phạm Minh Chính", "Tô Lâm"}
    counts = [(int(r["events"]), int(r["counterparts"])) for r in got]
    assert counts == sorted(counts, reverse=True)


def test_actor_graph_constructs_the_neighbourhood_of_one_person(seeds_dataset):
    from rdflib import Literal

    from kg.namespaces import SCHEMA
    result = run(seeds_dataset, load_query("actor-graph"), {"actor": Literal("Tô Lâm")})
    graph = result.graph
    people = set(graph.subjects(SCHEMA.name, Literal("Tô Lâm", lang="vi")))
    assert len(people) == 1
    assert len(set(graph.subjects(SCHEMA.attendee, next(iter(people))))) >= 5
    from rdflib import RDF
    assert set(graph.subjects(RDF.type, SCHEMA.Person)) == people   # nobody else's node comes along


def test_every_library_query_has_a_header_and_a_test():
    from pathlib import Path

    from kg.sparql.query import library
    tests = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    queries = library()
    assert len(queries) >= 12
    for q in queries:
        assert q.title and q.answers and q.params, f"{q.name}: header needs title, answers and params"
        assert f'"{q.name}"' in tests, f"{q.name} has no test"
