"""Library queries answer on the seeds, through the same code path as `kg query`."""
from __future__ import annotations

from kg.query import load_query, run


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
