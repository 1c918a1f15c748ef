"""Vietnamese date expressions: '2/12', 'ngày 1-12', 'từ ngày 10/9 đến ngày 13/9', 'tháng 10/2024',
'những ngày đầu năm 2023', 'chiều cùng ngày'. A year is never invented: without one the date stays a
month-day."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.model import DateValue

D, M, Y = r"(\d{1,2})", r"(\d{1,2})", r"(\d{4})"
DAY_WORDS = r"(?:ngày|sáng|trưa|chiều|tối|đêm|hôm)"
PATTERNS = [
    ("range", re.compile(rf"từ (?:ngày )?{D}(?:/{M})? (?:đến|tới|-) (?:ngày )?{D}/{M}(?:/{Y})?", re.I)),
    ("range", re.compile(rf"trong hai ngày {D} và {D}/{M}(?:/{Y})?", re.I)),
    ("full", re.compile(rf"\b{D}/{M}/{Y}\b")),
    ("dm", re.compile(rf"\b{DAY_WORDS}\s+{D}[/-]{M}\b(?![/-]\d)", re.I)),
    ("dm", re.compile(rf"(?<![\d/.,-]){D}/{M}(?![/\d])")),
    ("month_year", re.compile(rf"tháng {M}/{Y}", re.I)),
    ("month_year", re.compile(rf"tháng {M} năm {Y}", re.I)),
    ("early_year", re.compile(rf"(?:những |các )?ngày đầu năm {Y}", re.I)),
    ("month", re.compile(rf"\btháng {M}\b(?![/\d]| năm \d)", re.I)),
    ("same_day", re.compile(r"\bcùng ngày\b", re.I)),
]


@dataclass(frozen=True)
class DateMention:
    begin: int
    end: int
    start: DateValue
    end_date: DateValue | None = None


def _valid(month: int, day: int | None = None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31)


def find_dates(text: str, year: int | None = None, previous: DateValue | None = None) -> list[DateMention]:
    """Dates in a sentence, left to right; `year` fills in a missing year, `previous` is 'cùng ngày'."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = _read(kind, m.groups(), year, previous)
            if value is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), value[0], value[1]))
    return sorted(found, key=lambda d: d.begin)


def _read(kind, g, year, previous):
    if kind == "full":
        d, m, y = map(int, g)
        return (DateValue(y, m, d), None) if _valid(m, d) else None
    if kind == "dm":
        d, m = map(int, g)
        return (DateValue(year, m, d), None) if _valid(m, d) else None
    if kind == "range":
        if len(g) == 5:
            d1, m1, d2, m2, y = g
        else:
            d1, d2, m2, y = g
            m1 = None
        m2, d2, d1 = int(m2), int(d2), int(d1)
        m1 = int(m1) if m1 else m2
        y = int(y) if y else year
        if not (_valid(m1, d1) and _valid(m2, d2)):
            return None
        return DateValue(y, m1, d1), DateValue(y, m2, d2)
    if kind == "month_year":
        m, y = int(g[0]), int(g[1])
        return (DateValue(y, m), None) if _valid(m) else None
    if kind == "month":
        m = int(g[0])
        return (DateValue(year, m), None) if _valid(m) and year else None
    if kind == "early_year":
        return DateValue(int(g[0]), 1), None   # 'the first days of the year': January
    if kind == "same_day":
        return (previous, None) if previous else None
    return None

