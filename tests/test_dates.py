"""Date expressions read from Vietnamese text (kg/extract/dates.py)."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.dates import find_dates


@pytest.mark.parametrize("text, expected", [
    ("từ ngày 10/9 đến ngày 13/9", [("2025-09-10", "2025-09-13")]),
    # a span written without 'từ': '19 - 20/6', '5-8/7/2017', across months '29/6-1/7'
    ("sẽ thăm Peru vào ngày 19 - 20/6.", [("2025-06-19", "2025-06-20")]),
    ("dự hội nghị tại Nairobi từ ngày 5 -8/7/2017.", [("2017-07-05", "2017-07-08")]),
    ("thăm Kenya từ ngày 29/6-1/7 nhằm", [("2025-06-29", "2025-07-01")]),
    ("ngày 11-15/5.", [("2025-05-11", "2025-05-15")]),
    # 'từ … đến' with a dash between day and month
    ("sẽ thăm chính thức Chile từ ngày 9 đến 12-11.", [("2025-11-09", "2025-11-12")]),
    ("từ 29-6 đến 1-7", [("2025-06-29", "2025-07-01")]),
    ("giai đoạn từ 2019-2020", []),
    # no span: a day and month ('ngày 1-12'), a day after the second, a holiday
    ("Ngày 1-12, Tổng thống Chile hội đàm", [("2025-12-01", None)]),
    ("ngày 20-19/6.", []),
    ("Quốc khánh 2/9-1945", []),
])
def test_spans_and_days(text, expected):
    got = [(d.start.iso(), d.end_date and d.end_date.iso()) for d in find_dates(text, 2025)]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # relative days read from the publication day (2025-06-11): a part of the day, 'hôm qua', 'ngày hôm nay'
    ("Sáng nay, Tổng thống Kenya tiếp Bộ trưởng Na Uy.", [("rel_day", "2025-06-11")]),
    ("Tối qua, Thủ tướng Peru đến Nairobi.", [("rel_day", "2025-06-10")]),
    ("chiều hôm qua, hai bên hội đàm", [("rel_day", "2025-06-10")]),
    ("Ngày hôm nay, hai Bộ trưởng ký", [("rel_day", "2025-06-11")]),
    # 'ngày nay' (nowadays) and 'những ngày qua' (the past days) are no day
    ("Quan hệ Kenya - Peru ngày nay rất tốt đẹp.", []),
    ("Trong những ngày qua, hai bên trao đổi thư.", []),
    # a speaker's 'hôm nay' is the day they spoke, not the report's
    ("Ông nói: “Hôm nay Kenya và Peru mở ra trang mới”.", []),
    ("Bà đọc câu thơ 'có hôm nay là nhờ bạn bè'.", []),
    # a date with a clock time is the page's stamp
    ("Thứ tư, 11/06/2025 17:27 (GMT+7)", [("stamp", "2025-06-11")]),
    ("Ngày 10/6, lúc 9h30, hai bên ký", [("dm", "2025-06-10")]),
    # the same moment by another clock, in brackets after the date told
    ("chiều 9/6 theo giờ Lima (rạng sáng 10/6 theo giờ Nairobi), hai bên ký",
     [("dm", "2025-06-09"), ("clock", "2025-06-10")]),
    # a date of its own in brackets, or one with no date before it, stays
    ("Thỏa thuận của Kỳ họp lần thứ 3 (tháng 2/2025) được thực hiện", [("month_year", "2025-02")]),
    ("Hai bên ký (ngày 10/6 giờ địa phương) một thỏa thuận", [("dm", "2025-06-10")]),
    # a relative day told outright in brackets: the bracket's day
    ("trong cuộc phỏng vấn hôm qua (9/6), bà xác nhận", [("restated", "2025-06-10"), ("dm", "2025-06-09")]),
])
def test_relative_days_and_stamps(text, expected):
    got = [(d.kind, d.start.iso()) for d in find_dates(text, 2025, None, date(2025, 6, 11))]
    assert got == expected
