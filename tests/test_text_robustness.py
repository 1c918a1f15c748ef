"""Arbitrary Unicode through the whole text pipeline: extraction never raises."""
import pytest
from hypothesis import given, settings, strategies as st

from kg.extract.pipeline import extract_article
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


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([".txt", ".html", ".jsonl", ".json"]))
def test_any_bytes_in_any_corpus_format_give_articles_or_clear_errors(tmp_path_factory, raw, suffix):
    from kg.corpus import Article, read_file
    from kg.errors import KgError

    path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    path.write_bytes(raw)
    for item in read_file(path):
        assert isinstance(item, (Article, KgError))
        if isinstance(item, KgError):
            assert str(item).startswith(str(path)) and "\n" not in str(item)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(min_size=1, max_size=30)), min_size=1, max_size=400))
def test_no_sentence_is_longer_than_the_bound_and_pieces_keep_their_offsets(parts):
    from kg.text.document import MAX_SENTENCE, analyse

    text = " ".join(parts) * 3
    doc = analyse("prop", text)
    for s in doc.sentences:
        assert len(s.text) <= MAX_SENTENCE and text[s.begin:s.end] == s.text


def test_an_overlong_sentence_is_read_in_pieces_and_said_so():
    from kg.text.document import MAX_SENTENCE, analyse

    doc = analyse("long", "Kỳ họp lần thứ " * 1000)
    assert len(doc.sentences) > 1 and all(len(s.text) <= MAX_SENTENCE for s in doc.sentences)
    assert len(doc.notes) == 1 and "pieces" in doc.notes[0]


@pytest.mark.parametrize("line,sentences", [
    ("Hai bên hội đàm. Ảnh: Nhan Sáng/TTXVN Chủ tịch nước phát biểu.",
     [("caption", "Hai bên hội đàm."), ("body", "Chủ tịch nước phát biểu.")]),
    ("Hai bên hội đàm. Ảnh: VGP/Quang Hiếu Thủ tướng nhấn mạnh.",
     [("caption", "Hai bên hội đàm."), ("body", "Thủ tướng nhấn mạnh.")]),
    ("Thủ tướng Chile. (Ảnh: Phạm Kiên/TTXVN) Cùng đi với Thủ tướng có đoàn.",
     [("caption", "Thủ tướng Chile."), ("body", "Cùng đi với Thủ tướng có đoàn.")]),
    ("Quà tặng - Ảnh: AFP Theo hãng tin, hai bên ký kết.", [("caption", "Quà tặng"), ("body", "Theo hãng tin, hai bên ký kết.")]),
    ("Lễ đón tại Santiago. Ảnh: Lê Minh Hà", [("caption", "Lễ đón tại Santiago.")]),
])
def test_a_photo_credit_run_into_the_body_ends_where_the_body_starts(line, sentences):
    from kg.text.document import analyse

    doc = analyse("credit", line)
    assert [(s.kind, s.text) for s in doc.sentences] == sentences
    assert all(line[s.begin:s.end] == s.text for s in doc.sentences)


@pytest.mark.parametrize("line,sentences", [
    # a full stop run into the next sentence still ends one
    ("Ông tiếp Bộ trưởng Quốc phòng Kenya.Trong khuôn khổ chuyến thăm, đoàn sẽ đặt vòng hoa.",
     ["Ông tiếp Bộ trưởng Quốc phòng Kenya.", "Trong khuôn khổ chuyến thăm, đoàn sẽ đặt vòng hoa."]),
    # not an abbreviation, nor a web address
    ("Đoàn tới TP.Hồ Chí Minh, theo Nairobi.go.ke và Quochoi.Vn hôm qua.",
     ["Đoàn tới TP.Hồ Chí Minh, theo Nairobi.go.ke và Quochoi.Vn hôm qua."]),
])
def test_a_full_stop_with_no_space_after_it_ends_a_sentence(line, sentences):
    from kg.text.document import analyse

    doc = analyse("stop", line)
    assert [s.text for s in doc.sentences] == sentences
    assert all(line[s.begin:s.end] == s.text for s in doc.sentences)
