"""One node per real event: mentions of another activity are not folded into the meeting or visit the text
tells, and one meeting with two leaders of one body is one node (invented sentences, invented names)."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import extract_article

PUBLISHED = date(2025, 7, 20)


def _shape(text):
    """Each event as (type, sorted attendee keys, number of its mentions), sorted."""
    x = extract_article("t", text, PUBLISHED)
    return sorted((e.type, sorted(e.attendees), len(e.mentions)) for e in x.events)


FOLD_SHAPES = [
    # an earlier visit of another guest to another country, told in passing, is its own event
    ("Ngày 6/6, Thủ tướng Kenya William Otieno đã hội kiến Nhà vua Na Uy Harald Berg tại Oslo nhân chuyến thăm "
     "chính thức Na Uy. Nhà vua Harald Berg cảm ơn nhân dân Kenya đã đón tiếp rất trọng thị trong chuyến thăm cấp "
     "Nhà nước tới Kenya vừa qua.",
     [("meeting", ["harald berg", "william otieno"], 2), ("visit", ["harald berg"], 1),
      ("visit", ["william otieno"], 1)]),
    # ... but the visit told, named again by its own country, is that visit
    ("Ngày 6/6, Thủ tướng Kenya William Otieno đã hội kiến Nhà vua Na Uy Harald Berg tại Oslo nhân chuyến thăm "
     "chính thức Na Uy. Trong chuyến thăm Na Uy, Thủ tướng William Otieno cũng thăm một nhà máy điện gió.",
     [("meeting", ["harald berg", "william otieno"], 1), ("visit", ["william otieno"], 1),
      ("visit", ["william otieno"], 2)]),
    # two presiding officers of one parliament's chambers met together: one meeting, both attend
    ("Ngày 11/7, Thủ tướng Kenya William Otieno đã hội kiến Chủ tịch Thượng viện Na Uy Ingrid Dahl và Chủ tịch "
     "Hạ viện Na Uy Ola Berg.",
     [("meeting", ["ingrid dahl", "ola berg", "william otieno"], 1)]),
    # meetings listed in the plural: one with each, the heads of one union's institutions together
    ("Ngày 8/7, Thủ tướng Kenya William Otieno đã có các cuộc gặp với Tổng thống Peru Luis Vargas, Chủ tịch Hội "
     "đồng châu Âu Anna Weber và Chủ tịch Ủy ban châu Âu Karl Braun.",
     [("meeting", ["anna weber", "karl braun", "william otieno"], 1),
      ("meeting", ["luis vargas", "william otieno"], 1)]),
    # office holders of two bodies of one country stay two calls
    ("Ngày 3/5, Tổng thống Kenya William Otieno đã hội kiến Chủ tịch Quốc hội Na Uy Harald Berg và Thủ tướng Na "
     "Uy Ola Dahl.",
     [("meeting", ["harald berg", "william otieno"], 1), ("meeting", ["ola dahl", "william otieno"], 1)]),
    # a planned meeting with a parliament's leaders is not the planned meeting with the prime minister
    ("Thủ tướng Kenya William Otieno đến Oslo. Theo chương trình, Thủ tướng Kenya William Otieno sẽ có cuộc gặp Thủ "
     "tướng Na Uy Ola Dahl. Thủ tướng Otieno cũng sẽ gặp gỡ lãnh đạo Nghị viện Na Uy.",
     [("meeting", ["ola dahl", "william otieno"], 1), ("meeting", ["william otieno"], 1)]),
    # businesses or experts who worked with a body: their act, not the leaders' meeting told before
    ("Ngày 24/5, Thủ tướng Kenya William Otieno tiếp Đại sứ Na Uy Ola Dahl. Đại sứ cho biết, mới đây, 30 doanh "
     "nghiệp Na Uy đã sang Kenya tìm hiểu cơ hội đầu tư, làm việc với Phòng Thương mại và Công nghiệp Kenya.",
     [("meeting", ["ola dahl", "william otieno"], 1)]),
    # ... but one who comes to work with the body a side leads meets that side: one meeting told twice
    ("Tin tức. Ngày 16/5, tại Nairobi, Bộ trưởng Bộ Nội vụ Kenya John Kamau đã tiếp Đại sứ Na Uy tại Kenya Ola "
     "Dahl. Chào mừng Đại sứ Ola Dahl đến làm việc với Bộ Nội vụ Kenya, Bộ trưởng John Kamau nhấn mạnh hai bên cần "
     "tăng cường hợp tác.",
     [("meeting", ["john kamau", "ola dahl"], 2)]),
    ("Ngày 24/5, Thủ tướng Kenya William Otieno tiếp Đại sứ Na Uy Ola Dahl. Trước đó, các chuyên gia của Viện Kinh "
     "tế Na Uy đã làm việc với Bộ Tài chính Kenya.",
     [("meeting", ["ola dahl", "william otieno"], 1)]),
    # a headline telling the welcome by a verb of receiving, with no day: the welcome ceremony the body dates
    ("Tổng thống Kenya William Otieno đón tiếp Thủ tướng Na Uy Ola Dahl\nSáng 7/6, tại Phủ Tổng thống, Tổng thống "
     "William Otieno chủ trì lễ đón chính thức Thủ tướng Na Uy Ola Dahl. Sau lễ đón, hai nhà lãnh đạo hội đàm.",
     [("ceremony", ["ola dahl", "william otieno"], 3), ("talks", ["ola dahl", "william otieno"], 1)]),
    # a meeting with some businesses in general (after verbs joined by 'và') is no event to fold into another
    ("Thủ tướng Kenya William Otieno đến Oslo. Theo chương trình, Thủ tướng William Otieno sẽ có cuộc gặp Thủ tướng "
     "Na Uy Ola Dahl. Thủ tướng Otieno cũng sẽ gặp mặt và đối thoại bàn tròn với một số doanh nghiệp Na Uy.",
     [("meeting", ["ola dahl", "william otieno"], 1)]),
    # talks told by their result to one who hears of them: the reporter's talks, the listener no side of them
    ("Tin Kenya. Ngày 5/6, tại Nairobi, Tổng thống Kenya William Otieno tiếp Bộ trưởng Quốc phòng Na Uy Ola Dahl. "
     "Tại buổi tiếp, Bộ trưởng Ola Dahl đã báo cáo với Tổng thống William Otieno về kết quả hội đàm với Bộ trưởng "
     "Quốc phòng Kenya John Kamau.",
     [("meeting", ["ola dahl", "william otieno"], 2), ("talks", ["john kamau", "ola dahl"], 1)]),
    # a headline's call with another country's leaders is not the call with the leader the body tells
    ("Tổng thống Kenya điện đàm với lãnh đạo Na Uy\nNgày 11/5, Tổng thống Kenya William Otieno đã có cuộc điện đàm "
     "với Tổng thống Peru Luis Vargas.",
     [("phone-call", ["luis vargas", "william otieno"], 1), ("phone-call", ["william otieno"], 1)]),
    # ... but a headline's meeting with a body's leaders is the meeting with those who lead it
    ("Tổng thống Kenya gặp gỡ lãnh đạo Quốc hội Na Uy\nNgày 11/7, Tổng thống Kenya William Otieno đã hội kiến Chủ "
     "tịch Thượng viện Na Uy Ingrid Dahl và Chủ tịch Hạ viện Na Uy Ola Berg.",
     [("meeting", ["ingrid dahl", "ola berg", "william otieno"], 2)]),
    # two forums of one day, named apart, are two
    ("Tin Kenya. Sáng 7/7, Thủ tướng Kenya William Otieno dự Diễn đàn Kinh tế Thế giới tại Oslo. Chiều cùng ngày, "
     "Thủ tướng William Otieno dự Diễn đàn Doanh nghiệp Kenya - Na Uy tại Oslo.",
     [("forum", ["william otieno"], 1), ("forum", ["william otieno"], 1)]),
    # one body's summits in two host countries are two summits
    ("Tin Kenya. Tổng thống Kenya William Otieno đang dự Hội nghị thượng đỉnh G20 tại Brazil. Tổng thống William "
     "Otieno từng dự Hội nghị thượng đỉnh G20 tại Ấn Độ.",
     [("conference", ["william otieno"], 1), ("conference", ["william otieno"], 1)]),
    ("Tin Kenya. Tổng thống Kenya William Otieno đang dự Hội nghị thượng đỉnh G20 tại Brazil. Bên lề Hội nghị "
     "thượng đỉnh G20 tại Brazil, Tổng thống William Otieno gặp nhiều nhà lãnh đạo.",
     [("conference", ["william otieno"], 2)]),
]


@pytest.mark.parametrize("text,expected", FOLD_SHAPES)
def test_one_node_per_real_event(text, expected):
    assert _shape(text) == sorted(expected)
