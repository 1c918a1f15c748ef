"""Arbitrary Unicode through the whole text pipeline: extraction never raises."""
from hypothesis import given, settings, strategies as st

from kg.extract.article import extract_article
from kg.rdf.emit import emit

WORDS = st.sampled_from(["Thủ tướng", "Lào", "Tổng Bí thư", "ngày 2/12", "hội đàm", "nhất trí", "5 tỷ USD",
                         "Ảnh:", "Tin liên quan", "Bộ", "Ủy ban", ";", ",", ".", "\n", " ", "-", "(", ")"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=40))
def test_any_text_extracts_without_error(parts):
    text = " ".join(parts)
    x = extract_article("prop", text)
    graph, triples = emit(x, "https://example.org/")
    assert str(graph).startswith("https://example.org/")
