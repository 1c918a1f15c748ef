"""Vietnamese date expressions: '2/12', 'ngày 1-12', 'từ ngày 10/9 đến ngày 13/9', 'tháng 10/2024',
'những ngày đầu năm 2023', 'chiều cùng ngày', and the relative ones read from the article's own day:
'hôm qua', 'hôm nay', 'tháng trước', 'tuần này', 'năm ngoái', 'tháng 9 năm ngoái'. A year is never invented: without one the
date stays a month-day."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kg.extract.model import DateValue

D, M, Y = r"(\d{1,2})", r"(\d{1,2})", r"(\d{4})"
DAY_WORDS = r"(?:ngày|sáng|trưa|chiều|tối|đêm|hôm)"
PARTS = r"(?:sáng|trưa|chiều|tối|đêm)"     # parts of a day: 'chiều 12/3', 'sáng nay'
# a clock time right after a date ('11/10/2024 20:02', '16/04/2024 17:27 (GMT+7)'): a page's time stamp
# (a clock told in the narrative, 'ngày 10/6, lúc 9h30', dates the act)
CLOCK = re.compile(r"^\s*,?\s*\d{1,2}:\d{2}\b")
QUOTES = {"“": 1, "”": -1}
# 'năm ngoái', 'năm trước' (the year before the article's), 'năm nay' (its own)
REL_YEAR = r"năm (ngoái|trước|nay)"
FREE, ENDS = r"(?<![\d/.,-])(?<!tháng )(?<!khánh )", r"(?![/\d]|\.\d)"   # a date's own edges
PATTERNS = [
    # 'từ ngày 10/9 đến ngày 13/9', 'từ ngày 9 đến 12-11' (a dash between day and month after 'từ … đến' too)
    ("range", re.compile(rf"từ (?:ngày )?{D}(?:[/-]{M})?\s*(?:đến|tới|-|–)\s*(?:ngày )?{D}[/-]{M}(?:[/-]{Y})?{ENDS}",
                         re.I)),
    ("range", re.compile(rf"(?:trong hai ngày|ngày) {D} và {D}/{M}(?:/{Y})?", re.I)),
    # a span without 'từ': '19 - 20/6', '5-8/7/2017', '29/6-1/7' (not 'tháng 1-12', not 'Quốc khánh 2/9')
    ("range", re.compile(rf"{FREE}{D}/{M}\s*[-–]\s*{D}/{M}(?:/{Y})?{ENDS}", re.I)),
    ("span", re.compile(rf"{FREE}{D}\s*[-–]\s*{D}/{M}(?:/{Y})?{ENDS}", re.I)),
    ("full", re.compile(rf"\b{D}/{M}/{Y}\b")),
    ("full", re.compile(rf"\b{D}\.{M}\.{Y}\b")),
    # 'Tối 30/11 năm ngoái': a day of the year before the article's
    ("dm_rel", re.compile(rf"(?:\b{DAY_WORDS}\s+)?(?<![\d/.,-]){D}[/.-]{M},?\s+{REL_YEAR}\b", re.I)),
    ("dm", re.compile(rf"\b{DAY_WORDS}\s+{D}[/.-]{M}\b(?![/.-]\d)", re.I)),
    # not the day a holiday is named after ('Quốc khánh 2/9')
    ("dm", re.compile(rf"(?<![\d/.,-])(?<!khánh ){D}/{M}(?![/\d])")),
    ("month_year", re.compile(rf"tháng {M}/{Y}", re.I)),
    ("month_year", re.compile(rf"tháng {M} năm {Y}", re.I)),
    ("month_year", re.compile(rf"tháng {M}[-.]{Y}\b", re.I)),
    ("month_rel", re.compile(rf"tháng {M},? {REL_YEAR}\b", re.I)),
    ("early_year", re.compile(rf"(?:những |các )?ngày đầu năm {Y}", re.I)),
    # lower case: 'Cách mạng Tháng 10' is a name
    ("month", re.compile(rf"(?:^Tháng|\btháng) {M}\b(?![/\d]| năm \d)")),
    ("same_day", re.compile(r"\bcùng ngày\b", re.I)),
    # 'hôm qua', 'ngày hôm nay', 'sáng nay', 'tối qua', 'chiều hôm qua' (not 'ngày nay', nowadays, nor 'những
    # ngày qua', the past days)
    ("rel_day", re.compile(rf"\b(?:(?:{PARTS}|ngày)\s+)?hôm (qua|nay)\b|\b{PARTS} (qua|nay)\b", re.I)),
    ("rel_year", re.compile(rf"\b{REL_YEAR}\b", re.I)),
    # 'tháng trước', 'đầu tháng này', 'tuần trước': a month (never a day) read from the publication day; not 'hai
    # tháng trước' (a count) nor 'tháng trước đó' (before another time told)
    ("rel_month", re.compile(r"(?<!\d )(?<!hai )(?<!ba )(?<!vài )(?<!mấy )(?<!một )(?<!các )(?<!những )"
                             r"\b(tháng|tuần) (trước|này|nay|qua)\b(?! đó| ấy)", re.I)),
    # the start, middle or end of a year before the article's ('vào cuối năm 2015 đã sang thăm'): that year; of the
    # article's year or later it is a horizon ('hoàn thành vào cuối năm 2030'), no date
    ("part_year", re.compile(rf"(?<!từ )(?<!đến )(?<!tới )(?<!trước )(?<!sau )\b(?:đầu|cuối|giữa) năm {Y}\b"
                             rf"(?!\s*[-–]\s*\d)", re.I)),
    # a year as a time point ('năm 2013 ông đã …', 'chuyến thăm năm 2012'), not a period or a horizon
    ("year", re.compile(rf"(?<!đầu )(?<!cuối )(?<!giữa )(?<!trong )(?<!của )(?<!đến )(?<!tới )(?<!cả )(?<!hết )"
                        rf"(?<!tháng )(?<!quý )(?<!sau )\b(?:năm|hồi) {Y}\b(?!\s*[-–]\s*\d)", re.I)),
]
# the kinds whose patterns need no digit; every other pattern has a day, month or year in digits
WORDS_ONLY = {"same_day", "rel_day", "rel_year", "rel_month"}
DIGIT = re.compile(r"\d")
# a year standing alone ('chuyến thăm Kenya (2019)', 'vào 2019'): read only when before the article's year,
# history told in passing, and not a name's ('APEC 2019', 'UNCLOS 1982') nor a period's end ('1995 - 2025')
BARE_YEAR = re.compile(r"(?<![\w/.,-])((?:19|20)\d\d)\b(?![/.]\d|\s*[-–]\s*\d)")
NOT_BEFORE_BARE_YEAR = re.compile(r"(?:\d|[-–]|\b(?:từ|đến|tới|trước|sau|đầu|cuối|giữa|trong|của|cả|hết|tháng|"
                                  r"quý|năm|hồi|số|khóa|nhiệm kỳ|giai đoạn))\s*\(?$", re.I)
# 'stamp': a date with a clock time, the page's own stamp ('Thứ sáu, 11/10/2024 20:02'), dating no event;
# 'clock': the same moment by another clock, in brackets after the date told ('(1/6 giờ Hà Nội)');
# 'restated': a relative day whose date follows in brackets ('hôm qua (8/5)')
RELATIVE_KINDS = {"rel_day", "rel_month", "rel_year", "month_rel", "dm_rel", "part_year", "year", "bare_year"}


@dataclass(frozen=True)
class DateMention:
    begin: int
    end: int
    start: DateValue
    end_date: DateValue | None = None
    kind: str = ""

    @property
    def year_only(self) -> bool:
        return self.start.month is None


def _valid(month: int, day: int | None = None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31)


def find_dates(text: str, year: int | None = None, previous: DateValue | None = None,
               today: date | None = None) -> list[DateMention]:
    """Dates in a sentence, left to right; `year` fills in a missing year, `previous` is 'cùng ngày',
    `today` (the publication day) anchors 'hôm qua' and 'năm ngoái'."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    digits = DIGIT.search(text) is not None
    for kind, pattern in PATTERNS:
        if not digits and kind not in WORDS_ONLY:
            continue        # (most sentences have no number: the patterns that need one are not tried)
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = _read(kind, m.groups(), year, previous, today)
            if value is None or kind in ("rel_day", "rel_month") and quoted(text, m.start()):
                continue    # a speaker's 'hôm nay' is the day they spoke, not the one the report is dated
            taken.append((m.start(), m.end()))
            if kind in ("full", "dm", "dm_rel") and CLOCK.match(text[m.end():]):
                kind = "stamp"
            found.append(DateMention(m.start(), m.end(), value[0], value[1], kind))
    for m in BARE_YEAR.finditer(text):
        value = int(m.group(1))
        if year is None or value >= year or any(a < m.end() and m.start() < b for a, b in taken) \
                or NOT_BEFORE_BARE_YEAR.search(text[max(0, m.start() - 30):m.start()]) \
                or _names_year(text[:m.start()]):
            continue
        found.append(DateMention(m.start(), m.end(), DateValue(value), None, "bare_year"))
    found.sort(key=lambda d: d.begin)
    return [_restated(text, d, found) for d in (_other_clock(text, d, found) for d in found)]


def _restated(text: str, d: DateMention, found: list[DateMention]) -> DateMention:
    """'hôm qua (8/5)': the date in brackets right after a relative day tells that day outright (the relative
    one, read from the publication day, may be a day off); kind 'restated', dating nothing itself."""
    if d.kind != "rel_day":
        return d
    after = [e for e in found if e.begin > d.end and re.fullmatch(r"\s*\(\s*(?:ngày\s*)?", text[d.end:e.begin])]
    return DateMention(d.begin, d.end, d.start, d.end_date, "restated") if after else d


def _other_clock(text: str, d: DateMention, found: list[DateMention]) -> DateMention:
    """'chiều 31/5 theo giờ Washington (rạng sáng 1/6 theo giờ Hà Nội)': the bracket tells the same moment by
    another clock, right after the date the report goes by; kind 'clock', dating nothing of its own."""
    opening = text.rfind("(", 0, d.begin)
    closing = text.find(")", d.end)
    if opening < 0 or closing < 0 or ")" in text[opening:d.begin] or "giờ" not in text[opening:closing].casefold():
        return d
    first = [e for e in found if e.end <= opening and not re.search(r"[,;:.]", text[e.end:opening])]
    return DateMention(d.begin, d.end, d.start, d.end_date, "clock") if first else d


def quoted(text: str, at: int) -> bool:
    """Inside a quotation: an open curly quote not yet closed, or an odd number of straight ones, before `at`."""
    before = text[:at]
    return sum(QUOTES.get(c, 0) for c in before) > 0 or before.count('"') % 2 == 1 or before.count("'") % 2 == 1


def _names_year(before: str) -> bool:
    """'APEC 2019', 'Expo 2020': a capitalised word right before the year makes it part of a name."""
    words = before.split()
    if not words or before.rstrip()[-1:] in "(,:;":
        return False
    last = words[-1]     # a sentence's first word is capitalised for being first, unless an acronym
    return last[:1].isupper() and (len(words) > 1 or len(last) > 1 and last.isupper())


# the date closing an event's name ('Tuần lễ Cấp cao APEC 2017', 'Hội nghị … năm 2023', 'APPF 1/2018'), not a
# horizon or a period's end ('Chương trình nghị sự 2030', 'Tầm nhìn đến năm 2045', '2021 - 2025'); an acronym in
# brackets may follow
NAME_DATE = re.compile(r"(?<![\w/.,–-])(?:(?<!đến )(?<!tới )(?<!sau )(?<!trước )năm\s+|(\d{1,2})/)?((?:19|20)\d\d)"
                       r"(?:\s*\([A-ZĐ][A-Z0-9Đ&-]{1,9}\))?\s*$")


def name_date(name: str) -> DateValue | None:
    """The year (and month) an event's own name ends with: by 'năm', or right after a capitalised word ('APEC
    2017', 'APPF 1/2018')."""
    m = NAME_DATE.search(name)
    if not m:
        return None
    if not re.search(r"năm\s+\d", m.group(0)) and not _names_year(name[:m.start()]):
        return None
    month = int(m.group(1)) if m.group(1) else None
    if month is not None and not _valid(month):
        return None
    return DateValue(int(m.group(2)), month)


def _relative_year(word: str, year: int | None) -> int | None:
    if year is None:
        return None
    return year if word.casefold() == "nay" else year - 1


def _read(kind, g, year, previous, today=None):
    if kind == "full":
        d, m, y = map(int, g)
        return (DateValue(y, m, d), None) if _valid(m, d) else None
    if kind == "dm":
        d, m = map(int, g)
        return (DateValue(year, m, d), None) if _valid(m, d) else None
    if kind == "dm_rel":
        d, m, y = int(g[0]), int(g[1]), _relative_year(g[2], year)
        return (DateValue(y, m, d), None) if _valid(m, d) and y else None
    if kind == "span":     # a day before the second: '19 - 20/6'; else it is no span ('20-19/6')
        if int(g[0]) >= int(g[1]):
            return None
        kind = "range"
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
    if kind == "month_rel":
        m, y = int(g[0]), _relative_year(g[1], year)
        return (DateValue(y, m), None) if _valid(m) and y else None
    if kind == "month":
        m = int(g[0])
        return (DateValue(year, m), None) if _valid(m) and year else None
    if kind == "early_year":
        return DateValue(int(g[0]), 1), None   # 'the first days of the year': January
    if kind == "same_day":     # the day told before; a month told before is no day to share
        return (previous, None) if previous and previous.day else None
    if kind == "rel_day":
        if today is None:
            return None
        word = next(w for w in g if w)
        day = today - timedelta(days=1) if word.casefold() == "qua" else today
        return DateValue(day.year, day.month, day.day), None
    if kind == "rel_month":
        if today is None:
            return None
        unit, word = g[0].casefold(), g[1].casefold()
        back = word in ("trước", "qua")
        if unit == "tháng":
            first = today.replace(day=1)
            day = first - timedelta(days=1) if back else today
            return DateValue(day.year, day.month), None
        # a week: the month only when all its days fall in one
        a, b = (today - timedelta(days=7), today - timedelta(days=1)) if back else (today - timedelta(days=6), today)
        return (DateValue(b.year, b.month), None) if (a.year, a.month) == (b.year, b.month) else None
    if kind == "rel_year":
        y = _relative_year(g[0], year)
        return (DateValue(y), None) if y else None
    if kind == "year":
        return DateValue(int(g[0])), None
    if kind == "part_year":
        return (DateValue(int(g[0])), None) if year and int(g[0]) < year else None
    return None
