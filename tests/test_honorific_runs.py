"""Khmer honorifics: 'Samdech' and any run of conferred-title words after it are no part of the name.
The names are invented; the title words are the general components the lexicon lists."""
from __future__ import annotations

import pytest

from kg.extract.context import build_context
from kg.extract.pipeline import extract_article
from kg.text.tokens import RunMatcher, tokenize


@pytest.mark.parametrize("sentence, name, role", [
    ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Campuchia Samdech Moha Borvor Thipadei Chea Sokun.",
     "Chea Sokun", "prime-minister"),
    ("Chủ tịch nước tiếp Chủ tịch Thượng viện Campuchia Samdech Vibol Sena Pheakdei Khem Vanna.", "Khem Vanna",
     "senate-president"),
    ("Chủ tịch nước tiếp Phó Thủ tướng Campuchia Samdech Pichey Sena Ouk Vibol.", "Ouk Vibol",
     "deputy-prime-minister"),
    # a title word inside the name after the run stays in the name
    ("Chủ tịch nước tiếp Chủ tịch Quốc hội Campuchia Samdech Akka Moha Sena Padei Techo Sok Moha.", "Sok Moha",
     "national-assembly-chair"),
    ("Thủ tướng tiếp Thủ tướng Chính phủ Hoàng gia Campuchia Samdech Techo Lim Sovann.", "Lim Sovann",
     "prime-minister"),
])
def test_a_khmer_title_run_is_skipped_up_to_the_name(sentence, name, role):
    persons = {p.name: [(q.role, p.country) for q in p.posts] for p in build_context("t", sentence).persons.values()}
    assert persons.get(name) == [(role, "KH")], persons


@pytest.mark.parametrize("text, end", [
    ("Samdech Akka Moha Sena Padei Techo Lim Sovann", 6),
    ("Samdech Lim Sovann", 1),
    ("Samdech akka Lim", 1),            # title words are written capitalised
    ("ông Lim Sovann", 1),              # no run after other honorifics
])
def test_run_matcher_stops_at_the_first_word_outside_the_run(text, end):
    m = RunMatcher([("Samdech", "h"), ("ông", "h")], {"Samdech": ["Akka", "Moha", "Sena", "Padei", "Techo"]})
    assert m.match_at(tokenize(text), 0) == (end, "h")


def test_a_khmer_leader_pledges_for_cambodia():
    text = ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Campuchia Samdech Moha Borvor Thipadei Chea Sokun ngày "
            "4/3/2026. Thủ tướng Campuchia Samdech Moha Borvor Thipadei Chea Sokun khẳng định Campuchia sẽ tạo điều "
            "kiện cho doanh nghiệp Việt Nam đầu tư vào nông nghiệp.")
    (k,) = extract_article("t", text).commitments
    assert (k.status, k.parties) == ("pledged", ["KH"])
