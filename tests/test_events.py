"""Event rules on real sentence shapes, several about countries other than Laos."""
from __future__ import annotations


from kg.extract.pipeline import extract_article, extract_corpus


def events(text, published=None):
    x = extract_article("t", text, published)
    names = {k: p.name for k, p in x.persons.items()} | {k: o.label or o.name for k, o in x.organizations.items()}
    return [(e.type, sorted(names.get(a, a) for a in e.attendees), e.start and e.start.iso(), e.ordinal)
            for e in x.events]


def test_talks_then_two_separate_courtesy_calls():
    got = events("Ngày 1-12, Tổng Bí thư Tô Lâm đã hội đàm với Tổng thống Indonesia Prabowo Subianto; hội kiến "
                 "Chủ tịch Quốc hội Indonesia Puan Maharani và Thủ tướng Malaysia Anwar Ibrahim.")
    assert ("talks", ["Prabowo Subianto", "Tô Lâm"], "--12-01", None) in got
    assert ("meeting", ["Puan Maharani", "Tô Lâm"], "--12-01", None) in got
    assert ("meeting", ["Anwar Ibrahim", "Tô Lâm"], "--12-01", None) in got


def test_respectively_splits_by_subject():
    got = events("Chiều 16/5, Tổng Bí thư Tô Lâm và Chủ tịch nước Lương Cường lần lượt tiếp Thủ tướng "
                 "Campuchia Hun Manet.", published=None)
    meetings = sorted(a for t, a, _, _ in got if t == "meeting")
    assert meetings == [["Hun Manet", "Lương Cường"], ["Hun Manet", "Tô Lâm"]]


def test_visit_guest_host_span_and_numbered_session():
    text = ("Thủ tướng Nhật Bản Ishiba Shigeru có chuyến thăm chính thức Việt Nam từ ngày 27/4 đến ngày 29/4/2025 "
            "theo lời mời của Thủ tướng Phạm Minh Chính. Hai Thủ tướng đồng chủ trì Kỳ họp lần thứ XII "
            "Ủy ban Hợp tác Việt Nam - Nhật Bản.")
    x = extract_article("t", text)
    visit = next(e for e in x.events if e.type == "visit")
    assert visit.guests == ["ishiba shigeru"] and visit.hosts == ["phạm minh chính"]
    assert (visit.start.iso(), visit.end.iso()) == ("2025-04-27", "2025-04-29")
    session = next(e for e in x.events if e.type == "session")
    assert session.ordinal == 12 and set(session.chairs) == {"ishiba shigeru", "phạm minh chính"}
    assert session.super_event == visit.key


def test_announced_event_and_common_nouns_are_not_events():
    got = events("Hai bên phối hợp chặt chẽ tại các diễn đàn đa phương. Bộ trưởng Ngoại giao Wang Yi "
                 "sẽ hội đàm với Bộ trưởng Ngoại giao Bùi Thanh Sơn.")
    assert [t for t, *_ in got] == ["talks"]
    x = extract_article("t", "Bộ trưởng Ngoại giao Trung Quốc Wang Yi sẽ hội đàm với Bộ trưởng Bùi Thanh Sơn.")
    assert x.events[0].status == "announced"


def test_same_numbered_session_is_one_node_across_articles_and_lends_its_year():
    a = ("Thủ tướng Phạm Minh Chính tới Phnom Penh ngày 5/3 để đồng chủ trì Kỳ họp lần thứ 20 Ủy ban liên "
         "Chính phủ Việt Nam - Campuchia.")
    b = ("Cập nhật: 06/03/2026 10:00\nThủ tướng Campuchia Hun Manet và Thủ tướng Phạm Minh Chính đồng chủ trì "
         "kỳ họp lần thứ 20 Ủy ban liên Chính phủ về hợp tác song phương Campuchia – Việt Nam.")
    xa, xb = extract_corpus([("a", a), ("b", b)])
    sa = next(e for e in xa.events if e.type == "session")
    sb = next(e for e in xb.events if e.type == "session")
    assert sa.key == sb.key
    assert sa.start.iso() == "2026-03-05"      # the year comes from the dated article about the same session


def test_bare_title_resolves_to_the_holder_named_in_another_article():
    a = "Thủ tướng Phạm Minh Chính sẽ cùng Thủ tướng Campuchia đồng chủ trì kỳ họp lần thứ 20 Ủy ban Hỗn hợp."
    b = "Thủ tướng Campuchia Hun Manet tiếp Đại sứ Việt Nam tại Campuchia Nguyễn Minh Vũ."
    xa, _ = extract_corpus([("a", a), ("b", b)])
    assert "hun manet" in xa.persons and xa.persons["hun manet"].country == "KH"


def test_cung_x_chu_tri_makes_the_subject_a_co_chair():
    text = ("Thủ tướng Phạm Minh Chính đón Thủ tướng Campuchia Hun Manet ngày 15/5. "
            "Ông thăm chính thức Việt Nam, đồng thời cùng Thủ tướng Phạm Minh Chính chủ trì Kỳ họp lần thứ 3 "
            "Ủy ban Hỗn hợp Việt Nam - Campuchia.")
    x = extract_article("t", text)
    session = next(e for e in x.events if e.type == "session")
    assert set(session.chairs) == {"hun manet", "phạm minh chính"}
