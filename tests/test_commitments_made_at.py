"""dk:madeAt: the event a statement belongs to is the meeting whose sides are its parties, told nearest before it
(a meeting before the visit it is part of), not one with a third country, one planned, or one recalled from
before the days the article reports; none when none fits (invented sentences, invented names)."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import extract_article

MADE_AT_SHAPES = [
    # the talks with the parties' side, not the meeting with a third country told since
    ("Tin Kenya. Ngày 5/6, Tổng thống Kenya William Otieno hội đàm với Thủ tướng Na Uy Ola Dahl. Sau đó, Tổng "
     "thống William Otieno hội kiến Thủ tướng Peru Luis Vargas. Tại hội đàm, Kenya và Na Uy nhất trí tăng cường hợp "
     "tác thương mại và đầu tư.",
     ("talks", ["ola dahl", "william otieno"])),
    # the visit the article reports, not the other side's visit months before, recalled in passing
    ("Tin Kenya. Ngày 10/7, Tổng thống Kenya William Otieno bắt đầu chuyến thăm chính thức Na Uy. Tổng thống nhắc "
     "lại chuyến thăm Kenya của Thủ tướng Na Uy Ola Dahl hồi tháng 3/2025. Tổng thống William Otieno đề nghị Na Uy "
     "tăng cường đầu tư vào năng lượng tái tạo của Kenya.",
     ("visit", ["william otieno"])),
    # a meeting inside the visit, though the visit is named again after it
    ("Tin Kenya. Ngày 10/7, Tổng thống Kenya William Otieno hội kiến Chủ tịch Quốc hội Na Uy Harald Berg. Trong "
     "khuôn khổ chuyến thăm chính thức Na Uy của Tổng thống William Otieno, Chủ tịch Quốc hội Harald Berg khẳng "
     "định Na Uy sẵn sàng hỗ trợ Kenya đào tạo nhân lực ngành năng lượng.",
     ("meeting", ["harald berg", "william otieno"])),
    # the reception its own sentence tells, its other side a body named with no person, not the talks told before it
    ("Tin Kenya. Ngày 5/6, Tổng thống Kenya William Otieno hội đàm với Thủ tướng Na Uy Ola Dahl tại Oslo. Chiều cùng "
     "ngày, Tổng thống William Otieno đã tiếp lãnh đạo Quỹ Đầu tư Na Uy, đề nghị Quỹ tăng cường đầu tư vào các dự án "
     "năng lượng của Kenya.",
     ("meeting", ["quỹ đầu tư|NO", "william otieno"])),
    # a call with a third country its sentence tells in passing is not the occasion
    ("Tin Kenya. Ngày 5/6, Tổng thống Kenya William Otieno điện đàm với Tổng thống Peru Luis Vargas. Sau cuộc điện "
     "đàm với Tổng thống Peru, Tổng thống William Otieno đã điện đàm với lãnh đạo Na Uy, nhất trí về tăng cường hợp "
     "tác năng lượng giữa Kenya và Na Uy.",
     None),
    # no event of those parties told: none
    ("Tin Kenya. Ngày 5/6, Tổng thống Kenya William Otieno hội kiến Thủ tướng Peru Luis Vargas. Kenya và Na Uy nhất "
     "trí tăng cường hợp tác thương mại và đầu tư.",
     None),
]


@pytest.mark.parametrize("text,expected", MADE_AT_SHAPES)
def test_a_statement_is_made_at_the_meeting_of_its_parties(text, expected):
    x = extract_article("t", text, date(2025, 7, 12))
    events = {e.key: e for e in x.events}
    made = [events.get(k.made_at) for k in x.commitments]
    assert made, "a commitment is read"
    got = [(e.type, sorted(e.attendees)) if e is not None else None for e in made]
    assert got[-1] == expected
