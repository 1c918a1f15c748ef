"""Meetings: typed by trigger phrases (kg/lexicons/events.json), with participants, roles, dates, places,
ordinals, and one record per real event within the article (mentions of the same event merge)."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache

from kg import lexicons
from kg.extract.dates import find_dates, name_date, quoted
from kg.extract.context import principals
from kg.extract.model import DateValue, Event, Mention, Organization
from kg.text.clauses import clauses
from kg.text.normalize import digest, key
from kg.text.tokens import PhraseMatcher, tokenize

# the capitals of the script: the range À-Ỹ holds lower-case letters too ('đ', 'ư', 'ạ')
CAP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper())
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
PLACE = re.compile(r"\b(?:tại|ở) ((?:(?:Thủ đô|thủ đô|thành phố|tỉnh|sân bay(?: quốc tế| quân sự)?|trụ sở)\s+)?"
                   rf"[{CAP}][\wÀ-ỹ]*(?:(?:\s+|\s*-\s*)[{CAP}][\wÀ-ỹ]*)*)")
NOT_PLACES = re.compile(r"^(?:Kỳ|Lễ|Hội nghị|Cuộc|Diễn đàn|Đại hội|Phiên|Buổi)\b")

PARTNER = re.compile(r"[-–+]")
PAIR_TYPES = {"meeting", "talks", "phone-call", "award"}
ACTS_IN_VISIT = {"meeting", "talks", "award", "ceremony"}
NAMED_TYPES = {"session", "congress", "conference", "forum", "high-level-meeting"}


def roman(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    total, prev = 0, 0
    for ch in reversed(text):
        v = ROMAN.get(ch)
        if v is None:
            return None
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


def _alternation(words) -> str:
    return _alternation_of(tuple(words))


@lru_cache(maxsize=None)
def _alternation_of(words: tuple[str, ...]) -> str:
    # built for lexicon lists at almost every trigger: once per list (the cache holds one entry per list)
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=None)
def _whole_words(words: tuple[str, ...]) -> re.Pattern:
    """One of `words` (a lexicon list) as whole words: one pattern, not one search per word."""
    return re.compile(rf"(?<!\w)(?:{_alternation_of(words)})(?!\w)")


def _head_alternation(words) -> str:
    """Names whose first letter keeps its case and whose next words may be written either way ('Bản ghi nhớ',
    'Bản Ghi nhớ'): a capital first letter is what makes them a name."""
    return "|".join(re.escape(w[:1]) + "(?i:" + re.escape(w[1:]) + ")" for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _lexicon():
    data = lexicons.load("events")
    triggers = PhraseMatcher([(t, e) for e in data["types"] for t in e["triggers"]])
    blocked = PhraseMatcher([(t, t) for t in data["not_triggers"]])
    return data, triggers, blocked


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """The lexicon's cue lists as the regular expressions the rules below use."""
    data = _lexicon()[0]
    return {
        # 'Kỳ họp lần thứ 48 …', 'Hội nghị Cấp cao ASEAN lần thứ 47', 'Đại hội XIV'
        "ordinal": re.compile(rf"^[^,;.()]{{0,60}}?\b(?:{_alternation(data['ordinal_markers'])})\s+(\d+|[IVXLC]+)\b"
                              r"|^\s+([IVXLC]+)\b"),
        "host": re.compile(_alternation(data["host_cues"]), re.I),
        "chair": re.compile(_alternation(data["chair_cues"])),
        "continuation": re.compile(rf",?\s+(?:{_alternation(data['continuation_markers'])})\s+"),
        "respectively": re.compile(rf"\b(?:{_alternation(data['respectively'])})\b"),
    }


def type_label(notation: str) -> str:
    """The Vietnamese label of an event type, capitalised: 'Kỳ họp', 'Đại hội'."""
    label = next(t["vi"] for t in _lexicon()[0]["types"] if t["notation"] == notation)
    return label[:1].upper() + label[1:]


@dataclass
class Trigger:
    """One trigger occurrence with the stretch of text it governs (offsets local to the sentence)."""
    etype: dict
    phrase: str
    begin: int
    end: int
    span_begin: int          # the clause or sub-clause the trigger is in
    span_end: int
    continues: bool = False  # a sub-clause opened by 'rồi', 'sau đó': same subject as before
    prev_end: int = 0        # where the previous trigger of the sentence ends
    next_begin: int = 0      # where the next one begins
    occasion_end: int = 0    # 'gặp nhau bên lề Hội nghị …': the occasion's stretch, which dates it too
    lead_end: int = 0        # where the sentence's first trigger begins: dates before it open the sentence
    prev_visit_end: int = -1  # where the previous trigger ends, when it is a visit's
    # where the days told before the trigger may start: the previous trigger's end, or for a verb coordinated
    # with the one before ('đã tới thăm hỏi và nói chuyện với …'), where that one's start
    window_begin: int = 0
    next_visit: bool = False  # the next trigger of the sentence is a visit's
    text: str = ""           # the sentence

    @property
    def family(self) -> str:
        return _family(self.phrase.removeprefix("noun:"))


# an article tells tens of events; past this many triggers the rest is not read for events (and the article
# says so), so that a page of repeated cue words costs linear time, not the square of its length
MAX_TRIGGERS = 300


def find_events(ctx, year_hint: int | None = None) -> list[Event]:
    """The events of an article; `year_hint`, the year the other articles give one that gives none, goes into
    the keys of its events told by day (kg.extract.crossdoc gives it)."""
    data, triggers, blocked = _lexicon()
    year = _reference_year(ctx)
    budget = MAX_TRIGGERS
    events: list[Event] = []
    discourse_date: DateValue | None = None
    told_before: set[tuple[int, int]] = set()     # mentions in sentences telling history or no day of a visit
    for view in ctx.views:
        if budget <= 0:
            break
        s = view.sentence
        low = s.text.casefold()
        # (a page's time stamp dates the page, not an event: 'hôm qua' reads from the publication day instead)
        dates = [d for d in find_dates(s.text, year, discourse_date, ctx.doc.published)
                 if d.kind not in ("stamp", "clock", "restated")]
        # history told in passing: a marker, or a date of an earlier year than the article's
        earlier = [d for d in dates if d.start.year and year and d.start.year < year]
        marked = any(w in low for w in data["past_markers"])
        past = marked or bool(earlier)
        if _lists_attendees(s.text, data) and events:
            _add_side_list(view, _list_target(events, view.index, _triggers(view, triggers, blocked, data)), ctx)
            continue
        if _speculative_sentence(s.text, data):
            continue           # a question, 'liệu …': nothing told as happened or planned
        last_subject: list[str] = []
        in_sentence: list[Event] = []
        found = _triggers(view, triggers, blocked, data)
        if len(found) >= budget:
            ctx.doc.notes.append(f"more than {MAX_TRIGGERS} event cues: events after offset {s.begin} are not read")
            found = found[:budget]
        budget -= len(found)
        # (a greeting quoted, '"Rất vui được gặp ngài"', after a meeting told: that one, no other; alone, it tells
        # the meeting)
        found = [t for t in found if not (t.etype["notation"] in PAIR_TYPES and _addressed(s.text, t, data)
                                          and any(e.type in PAIR_TYPES for e in events))]
        anchor = _anchor(view, found, events, data)
        referenced: list[Event] = []
        found = [t for t in found if not _refers_back(view, t, events, data, referenced, told_before)]
        _tie_to_earlier(view, referenced, data)
        sentence_date = discourse_date
        if anchor is not None:
            # 'Trong chuyến thăm đó, …': the sentence goes on about an event told before, on its day
            marked = marked or anchor.status == "held" and anchor.start is not None and anchor.start != discourse_date
            past = past or marked
            sentence_date = anchor.start
        elif referenced and referenced[0].start and referenced[0].start.day and referenced[0].end is None:
            # ('Trong khuôn khổ chuyến thăm [từ 11 đến 18/6], X hội đàm …': a span's first day is not the act's)
            # 'Sau hội đàm, hai nhà lãnh đạo chứng kiến …': that day ('Trước chuyến thăm, …' is excluded below)
            anchor, sentence_date = referenced[0], referenced[0].start
        if sentence_date is None and not dates and found and s.kind == "caption":
            # a photo's caption before any day is told ('X đón Y tại cửa khẩu … - Ảnh: …'): the act shown is the
            # one the report opens with, on the day the next sentence tells
            sentence_date = _caption_day(ctx, view, year)
        in_visit = _within_visit_untold(view, found, referenced, dates, data)
        if in_visit:
            # 'Trong khuôn khổ chuyến thăm [từ 11 - 18/6], X hội kiến Y': one of the visit's days, which the text
            # does not tell: neither the day told before, nor the visit's first or last, nor the record's day
            sentence_date = None
        history = past and not found     # a sentence telling history, for the triggers it has
        for n, trig in enumerate(found):
            trig.next_begin = found[n + 1].begin if n + 1 < len(found) else len(s.text)
            trig.prev_end = found[n - 1].end if n else 0
            trig.window_begin = found[n - 1].window_begin if n and not found[n - 1].phrase.startswith("noun:") \
                and not trig.phrase.startswith("noun:") \
                and re.fullmatch(r"(?:\s+[^\W\d]+){0,2}?\s+và\s+", s.text[trig.prev_end:trig.begin]) else trig.prev_end
            trig.prev_visit_end = found[n - 1].end if n and found[n - 1].etype["notation"] == "visit" else -1
            trig.next_visit = n + 1 < len(found) and found[n + 1].etype["notation"] == "visit"
            trig.lead_end = found[0].begin
            trig.occasion_end = trig.next_begin
            gap = s.text[trig.end:trig.next_begin].casefold().rstrip()
            if n + 1 < len(found) and any(gap.endswith(w) for w in data["occasion_links"]) and not (
                    any(gap.endswith(w) for w in data["name_links"]) and re.search(r"[,;:()]", gap)):
                trig.occasion_end = found[n + 2].begin if n + 2 < len(found) else len(s.text)
            # (a year ahead of the article's dates a plan: 'sẽ tổ chức Hội nghị … vào năm 2026')
            # ('X vui mừng được đón Y đến thăm công ty; giới thiệu quá trình phát triển từ năm 1973': history told in a
            # later clause, past a ';', is not the trigger's)
            trig_past = marked or any(not (d.begin > trig.end and ";" in s.text[trig.end:d.begin]) for d in earlier)
            own_dates = [d for d in dates if not d.year_only or trig_past
                         or d.start.year and year and d.start.year > year]
            told = trig_past
            history = history or trig_past
            if trig.etype["notation"] == "ceremony" and _clause_cue(view, trig, data["success_cues"]):
                continue       # 'chúc mừng Kenya đã tổ chức thành công Lễ kỷ niệm …': another's success
            achieved = _achievement(view, trig, data)
            if achieved:
                # 'Kenya đã tổ chức thành công Hội nghị …': background, no day but one after its own name
                told, own_dates = True, [d for d in dates if d.year_only or d.begin > trig.begin]
            new = _event(ctx, view, trig, own_dates, sentence_date if anchor is not None or not told else None,
                         told, last_subject, data, events, in_sentence)
            for ev in new:
                if ev.status == "held" and ev.start and ev.start.month is None and year and (ev.start.year or 0) > year:
                    ev.start = None     # a year ahead is a plan's, or a target's ('… vào năm 2030'), not a held one's
            if achieved:
                # (and no one but those named after the cue: not the sides of the talks the text is telling, nor
                # one who congratulates the host on it)
                cue = list(re.finditer(rf"(?<!\w)(?:{_alternation(data['achievement_cues'])})(?!\w)",
                                       s.text[:trig.begin].casefold()))[-1]
                named = set(_refs_in(view, cue.start(), len(s.text), ("person", "org")))
                for ev in new:
                    ev.attendees = [k for k in ev.attendees if k in named]
                    ev.chairs = [k for k in ev.chairs if k in named]
            if told and not past:
                told_before.update((m.begin, m.end) for e in new for m in e.mentions)
            for ev in new:
                if ev.type == "visit" and ev.end is None and ev.start and ev.start.day and _framing_visit(trig, data):
                    # 'Trong chuyến thăm Kenya, chiều 11/3, …': one of its days, not its own; its month still
                    ev.start = DateValue(ev.start.year, ev.start.month) if ev.start.year else None
                same = _continues(ev, trig, view, ctx, in_sentence) or _told_visit(ev, own_dates, events) \
                    or _thanked_for(ev, trig, events, data)
                if same is not None:
                    _join_sides_and_mentions(same, ev)     # (a host told only by this mention stays the host)
                    if same.type in NAMED_TYPES and _name_rank(ev.name) > _name_rank(same.name):
                        same.name = ev.name        # the numbered mention names the meeting in full
                    if same.ordinal is None and ev.ordinal is not None:
                        same.ordinal, same.organizer = ev.ordinal, ev.organizer or same.organizer
                    continue
                if ev.attendees:
                    last_subject = [k for k in ev.attendees if k in ctx.persons][:1] or last_subject
                events.append(ev)
                in_sentence.append(ev)
        _add_companions(view, referenced + in_sentence, ctx, data)
        _share_sides(ctx, view, in_sentence, data)
        if history or in_visit:
            told_before.update((m.begin, m.end) for e in in_sentence for m in e.mentions)
        points = [d for d in dates if d.end_date is None and d.start.day   # a span, a month is no day told
                  and not _after(d.start, ctx.doc.published) and not _of_other_event(s.text, d.begin, data)]
        # (a day told of an act that is no event, 'sẽ dự Hội chợ …, sáng 23/9, X đã qua cửa khẩu', is still the day
        # the text is on; a plan's own day is not)
        planned = in_sentence and all(e.status == "announced" for e in in_sentence) \
            and (not points or any(e.start == points[-1].start for e in in_sentence))
        # ('Chiều 8/7, X rời Hà Nội, kết thúc chuyến thăm … từ ngày 3 - 8/7': the text goes on to recap the
        # visit's days, which it does not tell one by one: the last day is no day of what follows)
        recap = points and (any(d.end_date is not None and d.end_date == points[-1].start != d.start for d in dates)
                            or re.search(rf"(?<!\w)(?:{_alternation(data['end_cues'])})(?:\s+\S+){{0,3}}\s+chuyến\s+"
                                         r"(?:thăm|công tác)", low) is not None)
        if recap:
            discourse_date = None
        elif points and not past and not planned:     # a day ahead is not the day the article is telling
            discourse_date = points[-1].start
        elif in_visit:
            discourse_date = None       # the text has moved on to the visit's days in general
    # (an event the text dates nowhere stays undated: the publication day is the report's, not the event's)
    merged = _merge(events, ctx.doc.published, ctx)
    for ev in merged:
        if ev.type == "visit" and not ev.guests and not (ev.start and ev.start.year and year and ev.start.year < year):
            # the guest the text leaves implicit ('Nhà lãnh đạo Kenya thăm …'): the protagonist unless a
            # host, else the other side's most-mentioned person
            sides = {ctx.country_of(h) for h in ev.hosts} | {_country_named(ev.place)}   # not of the country visited
            options = [ctx.protagonist] + principals(ctx, list(ctx.persons.values()))
            guest = next((k for k in options if k and k not in ev.hosts and ctx.country_of(k) not in sides), None)
            if guest:
                ev.guests = [guest]
                ev.attendees = [guest] + [k for k in ev.attendees if k != guest]
    merged = _merge(merged, ctx.doc.published, ctx)
    for ev in merged:
        if ev.type == "visit" and not ev.guests and ev.mentions and ev.start and ev.start.year and year \
                and ev.start.year < year:
            ev.guests = _history_guests(ctx, ev) or _beside_guests(ev, merged)
            ev.attendees = list(ev.guests) + [k for k in ev.attendees if k not in ev.guests]
            ev.place = ev.place or _history_place(ctx, ev)
    merged = _welcomes_told_as_receptions(ctx, merged, data)
    for ev in merged:
        if ev.type == "visit" and not ev.place:
            ev.place = _default_destination(ctx, ev)
        if ev.type == "visit" and ev.start is None and ev.guests:
            ev.start = _arrival_day(ctx, ev, year)
    _other_side(ctx, merged)
    _welcome_met_after(ctx, merged)
    for ev in merged:
        if ev.type == "visit":
            names = [ctx.persons[g].name for g in ev.guests if g in ctx.persons]
            ev.name = f"{type_label('visit')} {', '.join(names)}".strip()
        elif ev.type in PAIR_TYPES or ev.type == "signing":
            etype = next(t for t in data["types"] if t["notation"] == ev.type)
            if ev.name.startswith(type_label(ev.type)) and not ev.kind:   # made of its attendees: made again
                ev.name = _pair_name(ctx, etype, ev.attendees)
    for n, ev in enumerate(merged):
        ev.key = _identity(ctx, ev, n, year_hint)
    merged = _fold_same_key(ctx, merged, ctx.doc.published)
    _link_visits(merged)
    _link_weeks(merged, data)
    return merged


def _welcomes_told_as_receptions(ctx, events: list[Event], data) -> list[Event]:
    """'A đón tiếp B' told with no day of its own (a headline), or on the welcome's own day, in an article telling
    the welcome ceremony of A and B: that welcome, told by a verb of receiving, not a meeting of its own (a
    reception told by 'tiếp', or dated another day, stays one)."""
    text = ctx.doc.text
    welcomes = [e for e in events if e.type == "ceremony" and e.family == "đón" and e.kind != "arrival"]
    out = []
    for ev in events:
        receiving = ev.type == "meeting" and len(ev.attendees) > 1 and all(
            text[m.begin:m.end].casefold() in data["receiving_verbs"] for m in ev.mentions)
        # (dated, it is the welcome of that very day: 'Sáng 5/6, A đón tiếp B tại …. Lễ đón chính thức …')
        welcome = next((w for w in welcomes if set(ev.attendees) <= set(w.attendees) and (
            ev.start is None or ev.start.day and w.start == ev.start)), None) if receiving else None
        if welcome is None:
            out.append(ev)
            continue
        _join_sides_and_mentions(welcome, ev)
    return out


def _fold_same_key(ctx, events: list[Event], today) -> list[Event]:
    """Mentions kept apart by their family ('A đón B', then 'A tiếp B' the same day) but given one key are one node
    in the graph: folded into the one told first, so that the node carries one name, day and status."""
    first = lambda e: min((m.begin for m in e.mentions), default=0)  # noqa: E731
    order = {id(ev): n for n, ev in enumerate(events)}
    out: list[Event] = []
    by_key: dict[str, Event] = {}
    for ev in sorted(events, key=first):
        target = by_key.setdefault(ev.key, ev)
        if target is ev:
            out.append(ev)
            continue
        # (the same two sides are one meeting told by two cues, 'A đón B', 'A tiếp B'; not when the cues differ
        # and so do the words naming the other side: 'làm việc với Phòng Thương mại …' is another's meeting)
        same_sides = len(ev.attendees) > 1 and set(ev.attendees) == set(target.attendees) \
            and (ev.family == target.family or not ev.counterpart or not target.counterpart
                 or _led_by_side(ctx, ev, ev.counterpart) or _led_by_side(ctx, target, target.counterpart))
        if not same_sides and _named_apart(target, ev) or _told_apart(target, ev) \
                or target.type in NAMED_TYPES and _named_alike(target, ev) is False:
            # two events after all (receptions of two counterparts the graph holds no one for; two forums of one day,
            # 'Diễn đàn Kinh tế Thế giới' and 'Diễn đàn Doanh nghiệp Kenya - Na Uy'): the later one keeps to its
            # article, as an event with no key of its own does
            ev.key = f"{ctx.doc.id}|{ev.type}|{order[id(ev)]}|{digest(ev.name, 6)}"
            out.append(ev)
            continue
        _join_sides_and_mentions(target, ev)
        # (a headline tells no day; the body mention folded into it does: 'Lễ ký kết Bản ghi nhớ …', then
        # 'Sáng 9/9, … ký Bản ghi nhớ …')
        target.start = target.start or ev.start
        target.end = target.end or ev.end
        _settle_status(target, ev, today)
        if target.type in PAIR_TYPES and target.name.startswith(type_label(target.type)) and not target.kind:
            etype = next(t for t in _lexicon()[0]["types"] if t["notation"] == target.type)
            target.name = _pair_name(ctx, etype, target.attendees)
    return sorted(out, key=lambda e: order[id(e)])


def _led_by_side(ctx, ev: Event, words: str) -> bool:
    """The words naming a meeting's other side name a body one of its sides holds a post in ('X đến làm việc với
    Bộ Công an' when the minister of public security received X): that side, named by the body."""
    low = words.casefold()
    return any(q.org.base.casefold() in low for k in ev.attendees if k in ctx.persons
               for q in ctx.persons[k].posts if q.org is not None and q.org.base)


def _addressed(text: str, trig: "Trigger", data) -> bool:
    """A cue inside a quotation, said to the one addressed or by the speaker of himself ('"… được gặp ngài"',
    '"Chúng tôi sẽ hội đàm …"'): words of greeting or of plan, the meeting being the one the text tells."""
    if re.search(rf"(?<!\w)(?:{_alternation(data['first_person'])})(?!\w)",
                 text[trig.span_begin:trig.begin].casefold()):
        return True       # (a quotation may open sentences before: the first person tells it is one)
    before = text[:trig.begin]
    opened = max(before.rfind("“"), before.rfind('"') if before.count('"') % 2 else -1)
    if opened < 0 or before.rfind("”") > opened:
        return False
    # ('… gặp ngài', '… hội đàm riêng với ngài': the one spoken to, a word or two after the cue)
    return bool(re.match(rf"(?:\s+[^\s,;.]+){{0,2}}?\s+(?:{_alternation(data['address_pronouns'])})(?!\w)",
                         text[trig.end:].casefold()))


def _of_other_event(text: str, begin: int, data, words=None) -> bool:
    """A day in a phrase naming another event in relation to the one told ('… ngay sau cuộc điện đàm giữa hai
    Thủ tướng ngày 20/4', 'kể từ chuyến thăm ngày 5/3'): it dates that other event only, not the day the text
    goes on telling."""
    clause = re.split(r"[,;:]", text[:begin])[-1].casefold()
    return bool(re.search(rf"(?<!\w)(?:{_alternation(words or data['relative_to_event'])})\s+(?:(?:các|những)\s+)?"
                          rf"(?:cuộc|chuyến|buổi|lễ|kỳ|phiên)\b", clause))


def _caption_day(ctx, view, year) -> DateValue | None:
    """The one day the body sentence right after a caption tells first, a day not ahead of the publication day
    nor of an earlier year (none when the next sentence is another caption or tells no day, or when the day is
    another event's own: 'Trong cuộc hội đàm ngày 17/11 với …')."""
    following = next((v for v in ctx.views if v.index > view.index), None)
    if following is None or following.sentence.kind != "body":
        return None
    text = following.sentence.text
    for d in find_dates(text, year, None, ctx.doc.published):
        if d.kind in ("stamp", "clock", "restated"):
            continue
        owned = re.search(rf"(?<!\w)(?:{_alternation(_lexicon()[0]['classifiers'])})\s[^,;:()]{{0,40}}$",
                          text[:d.begin].casefold())
        ok = d.end_date is None and d.start.day and not owned and not _after(d.start, ctx.doc.published) \
            and not (d.start.year and year and d.start.year < year)
        return d.start if ok else None
    return None


def _within_visit_untold(view, found: list["Trigger"], referenced: list[Event], dates, data) -> bool:
    """A sentence framed by a visit of several days ('Trong khuôn khổ chuyến thăm, …', 'Trong chuyến thăm đó, …',
    'Trong khuôn khổ chuyến thăm Kenya từ 11 - 18/6, …') that tells no day of its own (a span is the visit's)."""
    if any(d.start.day and d.end_date is None for d in dates):
        return False
    text, links = view.sentence.text, _alternation(data["occasion_links_visit"])
    framing = lambda begin: re.search(rf"(?:^|[,;:]|\s)(?:{links})\s*$", text[:begin].casefold())  # noqa: E731
    # (a visit told by its month only lends that month: 'Hồi tháng 10, X thăm Kenya. Trong chuyến thăm đó, …')
    if any(e.type == "visit" and (e.start is None or e.start.day and e.end is not None)
           and any(m.sentence == view.index and framing(m.begin - view.sentence.begin) for m in e.mentions)
           for e in referenced):
        return True
    return any(t.etype["notation"] == "visit" and _opening_phrase(t) and framing(t.begin) for t in found)


def _framing_visit(trig: "Trigger", data) -> bool:
    """A visit noun framing its sentence ('Tiếp tục các hoạt động trong chuyến thăm …, ngày 13/5, X …'), its
    phrase closed by a comma before the main clause."""
    return trig.phrase.startswith("noun:") and "," in trig.text[trig.end:] and bool(re.search(
        rf"(?:^|[,;:]|\s)(?:{_alternation(data['occasion_links_visit'])})\s*$", trig.text[:trig.begin].casefold()))


def _achievement(view, trig: "Trigger", data) -> bool:
    """A named event told in its clause as something achieved ('đã tổ chức thành công Hội nghị …', 'thành
    công của Đại hội …', 'tổ chức thành công Lễ … và Hội nghị …'): background, not the day's news."""
    if trig.etype["notation"] not in NAMED_TYPES:
        return False
    clause = re.split(r"[,;:]", view.sentence.text[trig.span_begin:trig.begin])[-1].casefold()
    if _cue(view.sentence.text[:trig.begin].casefold(), data["announced_cues"] + data["belief_cues"]) \
            and not _cue(clause, data["held_cues"]):
        return False    # 'tin tưởng X sẽ …, tổ chức thành công Đại hội …': a success ahead, not one achieved
    return bool(re.search(rf"(?<!\w)(?:{_alternation(data['achievement_cues'])})(?!\w)", clause))


def _clause_cue(view, trig: "Trigger", words) -> bool:
    """One of `words` in the trigger's own clause before it."""
    clause = re.split(r"[,;:]", view.sentence.text[trig.span_begin:trig.begin])[-1].casefold()
    return bool(re.search(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", clause))


def _thanked_for(ev: Event, trig: "Trigger", events: list[Event], data) -> Event | None:
    """'X cảm ơn Y đã dành thời gian đón tiếp, hội đàm': the meeting of those two told already, whatever its cue."""
    if ev.type not in PAIR_TYPES or len(ev.attendees) < 2 or not re.search(
            rf"(?<!\w)(?:{_alternation(data['time_given'])})\s*$", trig.text[:trig.begin].casefold()):
        return None
    return next((e for e in reversed(events) if e.type in PAIR_TYPES
                 and set(ev.attendees) <= set(e.attendees) and not _dates_clash(e.start, ev.start)), None)


def _told_visit(ev: Event, own_dates, events: list[Event]) -> Event | None:
    """'… trước khi kết thúc chuyến thăm', 'thông báo về chuyến thăm của X': a visit of a guest whose visit was
    told before, with no date of its own in its sentence, is that visit again (the sentence's day is another
    event's)."""
    if not ev.start or any(ev.start == d.start for d in own_dates):
        return None     # (undated both, the merge joins them and keeps a date either may get)
    if ev.type in NAMED_TYPES and ev.type in _lexicon()[0]["multi_day"]:
        # a summit told before with no day ('đang tham dự Hội nghị G20'), named again in a sentence on the day of
        # talks held during it ('Trong cuộc hội đàm ngày 17/11 …, Hội nghị G20 năm nay …'): that summit, no day
        told = [e for e in reversed(events) if e.type == ev.type and _compatible(e, ev)]
        same = next((e for e in told if _acronyms(e.name) & _acronyms(ev.name)
                     or e.ordinal is not None and e.ordinal == ev.ordinal),
                    next((e for e in told if e.status == ev.status), told[0] if len(told) == 1 else None))
        return same if same is not None and same.start is None else None
    if ev.type != "visit" or not ev.guests:
        return None
    return next((e for e in reversed(events) if e.type == "visit" and e.guests == ev.guests and e.start), None)


def _before(value: DateValue | None, day) -> bool:
    """A date wholly earlier than the publication day (a day's grace for clocks abroad): no plan ahead."""
    if value is None or day is None or not value.month or (value.year or day.year) is None:
        return False
    year = value.year or day.year
    if value.day is None:
        return (year, value.month) < (day.year, day.month)
    return (year, value.month, value.day) < ((day - timedelta(days=1)).year, (day - timedelta(days=1)).month,
                                             (day - timedelta(days=1)).day)


def _after(value: DateValue, day) -> bool:
    """A date later than the publication day: a plan or a hope ('vào tháng 11'), not the day being told."""
    if day is None or not value.month or (value.year or day.year) is None:
        return False
    return ((value.year or day.year), value.month, value.day or 1) > (day.year, day.month, day.day)


def _list_target(events: list[Event], sentence: int, named=()) -> Event:
    """'Cùng dự có …' adds to the event just told; a visit only when nothing else was told since; the one of
    the kind the list names, if it names one ('Cũng có mặt trong cuộc gặp … là …': not a press conference
    told after it)."""
    recent = [e for e in events if e.mentions and e.mentions[-1].sentence >= sentence - 2]
    kinds = {(t.etype["notation"], t.family) for t in named}
    if ("meeting", "") in kinds:
        kinds.add(("talks", ""))    # 'Cũng có mặt trong cuộc gặp …' after talks told: those talks, named as a meeting
    # (of those, one told with both sides: 'trước khi bắt đầu hội đàm chính thức, …' names the talks with one)
    named_kind = [e for e in reversed(recent) if (e.type, e.family) in kinds] \
        or [e for e in reversed(_current(events)) if (e.type, e.family) in kinds]
    return next((e for e in named_kind if len(e.attendees) > 1), None) or next(iter(named_kind), None) \
        or next((e for e in reversed(recent) if e.type != "visit"), events[-1])


def _speculative_sentence(text: str, data) -> bool:
    """A question ('Liệu … sẽ gặp …?') tells no event."""
    stripped = text.rstrip(" \"”'»)")
    return stripped.endswith("?") or bool(re.match(r"^\W*liệu\b", text, re.I))


def _is_reference(view, trig: "Trigger", data) -> bool:
    """'Trước chuyến thăm, …', 'Sau lễ đón, …', 'Trong chuyến thăm đó …', 'tại hội đàm,': a noun naming an
    event already told, with nothing of its own (no counterpart, no date) before the next comma."""
    text = view.sentence.text
    head = text[trig.span_begin:trig.begin].casefold().strip(" ,")
    tail = text[trig.end:trig.span_end]
    own = re.match(r"^[^,;.]*", tail).group(0)
    demonstrative = re.match(rf"^\s*(?:{_alternation(data['reference_after'])})\b", own.casefold())
    if demonstrative:
        return True
    opener = any(re.search(rf"(?:^|,\s*|\s)(?:{re.escape(w)})(?:\s+(?:cuộc|buổi|lễ|chuyến))?$", head)
                 for w in data["reference_before"])
    start = view.sentence.begin + trig.end
    named = any(start <= r.begin < start + len(own) for r in view.refs if r.kind != "country")
    if opener and not named and not find_dates(own) and not re.search(
            r"\b(?:với|giữa|của|ngày|sáng|trưa|chiều|tối|hôm|cùng ngày)\b", own.casefold()):
        # 'Tại hội đàm ngay sau lễ đón, …', 'trong cuộc điện đàm kéo dài 10 phút, …': no counterpart, no day
        return True
    # 'Diễn đàn do … tổ chức', 'Cuộc gặp diễn ra …': a sentence opening on the bare noun (or the noun after its
    # classifier) goes on about the one just told
    return (not head or head in data["classifiers"]) and bool(
        re.match(rf"^\s+(?:{_alternation(data['going_on_verbs'])})(?!\w)", tail.casefold()))


def _meeting_noun(view, trig: "Trigger", data) -> bool:
    """'cuộc gặp', 'buổi gặp gỡ', 'cuộc tiếp': a meeting cue told as a noun after its classifier."""
    if trig.etype["notation"] != "meeting" or trig.family:
        return False
    head = view.sentence.text[trig.span_begin:trig.begin].casefold().split()
    return bool(head) and head[-1] in data["classifiers"]


def _refers_back(view, trig: "Trigger", events: list[Event], data, referenced: list[Event], told_before=()) -> bool:
    """A trigger naming an event already told ('Sau lễ đón, …'): one more mention of it, no new event; the
    latest the article tells as its own, not one only recalled in passing ('… chuyến thăm của X tháng 3 vừa
    qua. Trong khuôn khổ chuyến thăm, …' is the visit being reported)."""
    phrase = trig.phrase.removeprefix("noun:")
    kinds = {trig.etype["notation"]}
    if _meeting_noun(view, trig, data):
        kinds.add("talks")        # 'Hội đàm với X … Tại cuộc gặp, …': the talks just told, named as a meeting
    if trig.etype["notation"] == "talks" and not trig.family and events and events[-1].type == "meeting" \
            and not any(e.type == "talks" for e in _current(events)):
        kinds.add("meeting")      # 'X gặp Y. Tại cuộc hội đàm, …': the meeting told last, named as talks
    earlier = [e for e in _current(events) if e.type in kinds and e.family == trig.family
               and (e.type not in NAMED_TYPES or phrase in e.name.casefold())]
    earlier = [e for e in earlier if any((m.begin, m.end) not in told_before for m in e.mentions)] or earlier
    # ('Trong chuyến thăm, …' after 'X thăm thành phố …': the visit to the country, not a place toured)
    earlier = [e for e in earlier if e.type != "visit" or not e.place or _country_named(e.place)]
    bound = _destination_code(view, trig) if trig.etype["notation"] == "visit" else None
    if bound is not None:
        # ('Trong chuyến thăm Kenya, …' after 'X thăm Peru …': a visit to another country, an event of its own,
        # another guest's or an earlier one's, not the visit told)
        earlier = [e for e in earlier if not e.place or _country_named(e.place) == bound]
    if not earlier or not _is_reference(view, trig, data):
        return False
    s = view.sentence
    earlier[-1].mentions.append(Mention(s.begin + trig.begin, s.begin + trig.end, view.index))
    if not re.search(rf"\b(?:{_alternation(data['reference_not_same_day'])})\s*$",
                     s.text[trig.span_begin:trig.begin].casefold()):
        referenced.append(earlier[-1])
    return True


def _tie_to_earlier(view, referenced: list[Event], data) -> None:
    """'Tại hội đàm ngay sau lễ đón, …': an undated event named as following another the text has dated
    right away takes that day (not 'Sau chuyến thăm, …': days may pass)."""
    text, base = view.sentence.text, view.sentence.begin
    here = lambda e: [m for m in e.mentions if m.sentence == view.index]  # noqa: E731
    for ev in referenced:
        for later in here(ev) if ev.start is None else []:
            for other in referenced:
                if other is ev or not other.start or not other.start.day or other.type in data["multi_day"]:
                    continue
                if any(re.fullmatch(rf"\s*(?:{_alternation(data['right_after'])})\s*",
                                    text[later.end - base:m.begin - base], re.I) for m in here(other)):
                    ev.start, ev.end = other.start, None


def _anchor(view, found: list["Trigger"], events: list[Event], data) -> Event | None:
    """The earlier event a sentence refers back to ('Trong chuyến thăm đó …'), if any."""
    text = view.sentence.text
    for trig in found:
        own = re.match(r"^[^,;.]*", text[trig.end:trig.span_end]).group(0).casefold()
        if re.match(rf"^\s*(?:{_alternation(data['reference_after'])})\b", own):
            earlier = [e for e in events if e.type == trig.etype["notation"]]
            if earlier:
                return earlier[-1]
    return None


def _add_companions(view, in_sentence: list[Event], ctx, data) -> None:
    """'…, cùng đi có Đại sứ A và B': they attend the event the clause before told."""
    if not in_sentence:
        return
    text = view.sentence.text
    for m in re.finditer(rf"\b(?:{_alternation(data['companions'])})\b", text, re.I):
        here = lambda e: max(x.begin for x in e.mentions if x.sentence == view.index)  # noqa: E731
        before = sorted((e for e in in_sentence if here(e) - view.sentence.begin < m.start()), key=here)
        if not before:
            continue
        target = before[-1]
        stop = re.search(r"[;.]", text[m.end():])
        end = m.end() + (stop.start() if stop else len(text) - m.end())
        for k in _persons(ctx, _refs_in(view, m.end(), end)):
            if k not in target.attendees:
                target.attendees.append(k)


def _share_sides(ctx, view, in_sentence: list[Event], data) -> None:
    """Sides one event of a sentence gives another: 'X thăm Kenya và được Tổng thống Kenya Y tiếp đón' (Y, who
    receives the guest in the visit's own clause, hosts it; a meeting merely held during a visit does not make its
    host); 'X gặp Y bên lề Hội nghị …' (both attend that conference)."""
    here = lambda e: min(m.begin for m in e.mentions if m.sentence == view.index)  # noqa: E731
    there = lambda e: min(m.end for m in e.mentions if m.sentence == view.index)  # noqa: E731
    pairs = [e for e in in_sentence if e.type in PAIR_TYPES or e.family == "đón"]
    visits = [e for e in in_sentence if e.type == "visit" and e.guests and not e.hosts]
    for visit in visits if len(visits) == 1 else []:
        guest = visit.guests[0]
        dest = _country_named(visit.place)
        for e in pairs:
            if not (there(visit) <= here(e) and re.search(r"(?<!\w)và\s+được\s", view.sentence.text[
                    there(visit) - view.sentence.begin:here(e) - view.sentence.begin])):
                continue
            others = [k for k in e.attendees if k in ctx.persons and k != guest
                      and ctx.country_of(k) not in (ctx.country_of(guest), None)
                      and (dest is None or ctx.country_of(k) == dest)]
            if guest in e.attendees and others:
                visit.hosts = others
                break
    base, text = view.sentence.begin, view.sentence.text
    links = _alternation(data["sideline_links"])
    for conf in (e for e in in_sentence if e.type in ("conference", "forum")):
        for e in pairs:
            if there(e) <= here(conf) and re.search(rf"(?<!\w)(?:{links})\s*$",
                                                    text[there(e) - base:here(conf) - base].casefold()):
                conf.attendees += [k for k in e.attendees if k in ctx.persons and k not in conf.attendees]


def _other_side(ctx, events: list[Event]) -> None:
    """A meeting told with one side only ('X tiếp Quốc vương', the title left unresolved) during a held
    visit: the visit's guest, of the other country, is that counterpart; talks told with the guest only are
    held with the visit's host."""
    visits = [e for e in _state_visits(events) if e.guests]
    if len(visits) != 1:
        return
    visit = visits[0]
    guest = visit.guests[0]
    side = ctx.country_of(guest)
    for ev in events:
        host = _inviting_host(ctx, ev, [visit]) if ev is not visit and ev.type == "talks" else []
        if host:
            ev.attendees += host
            continue
        if ev is visit or (ev.type not in PAIR_TYPES and ev.family != "đón") or guest in ev.attendees:
            continue
        sides = {ctx.country_of(k) for k in ev.attendees}
        if not any(k in ctx.persons for k in ev.attendees) or len(sides) != 1 or side in sides:
            continue
        if _dates_clash(ev.start, visit.start, days=False) and not _within(ev.start, visit):
            continue
        ev.attendees.append(guest)


def _welcome_met_after(ctx, events: list[Event]) -> None:
    """'Lễ đón X đã được tổ chức … Sau lễ đón, hai Bộ trưởng hội đàm': a welcome told with one side only whose
    guest then holds talks in the sentence that refers back to it: the other side of those talks welcomed X."""
    for ev in events:
        if ev.type != "ceremony" or ev.family != "đón":
            continue
        sides = {ctx.country_of(k) for k in ev.attendees if k in ctx.persons}
        if len(sides) != 1:
            continue
        told = {m.sentence for m in ev.mentions[1:]}
        after = next((e for e in events if e.type in ("talks", "meeting") and e is not ev
                      and {m.sentence for m in e.mentions} & told and set(e.attendees) & set(ev.attendees)), None)
        if after is not None:
            ev.attendees += [k for k in after.attendees if k in ctx.persons and ctx.country_of(k) not in sides
                             and k not in ev.attendees]


def _inviting_host(ctx, ev: Event, events: list[Event]) -> list[str]:
    """'Tại hội đàm ngay sau đó, Tổng thống X nhấn mạnh …': the official talks of a state visit told with its guest
    only are held with the one who invited him, the visit's host."""
    visits = [e for e in _state_visits(events) if e.guests and e.hosts]
    if len(visits) != 1 or not ev.attendees or not set(ev.attendees) <= set(visits[0].guests) \
            or _dates_clash(ev.start, visits[0].start, days=False):
        return []
    # (the host who invited, 'Nhận lời mời của X, …', not one who received the guest on one of its days)
    views = {v.index: v for v in ctx.views}
    invited = set()
    for m in visits[0].mentions:
        view = views.get(m.sentence)
        cue = _patterns()["host"].search(view.sentence.text) if view is not None else None
        if cue:
            invited.update(_persons(ctx, _refs_in(view, cue.end(), len(view.sentence.text), ("person",))))
    return [k for k in visits[0].hosts if k in invited and k not in ev.attendees]


ARRIVAL = re.compile(r"(?<!\w)đã\s+(?:đến|tới|đặt chân (?:đến|tới))\s+(?:thủ đô\s+|thành phố\s+|sân bay(?: quốc tế)?\s+)?"
                     rf"[{CAP}]")


def _arrival_day(ctx, ev: Event, year: int | None) -> DateValue | None:
    """A visit the text dates nowhere, whose guest is told arriving on a day ('Bộ trưởng X ngày 21/10 đã đến
    Nairobi'): that day is its first."""
    for view in ctx.views:
        text, base = view.sentence.text, view.sentence.begin
        m = ARRIVAL.search(text)
        if not m or quoted(text, m.start()) or not any(
                r.kind == "person" and set(r.keys) & set(ev.guests) and r.end - base <= m.start() for r in view.refs):
            continue
        words = re.findall(r"[\wÀ-ỹ]+", text[m.end() - 1:m.end() + 60])
        there = " ".join(words[:next((n for n, w in enumerate(words) if not w[:1].isupper()), len(words))])
        where = _place_countries().get(there.casefold())
        if where and ev.place and _country_form(ev.place) and where != _country_form(ev.place):
            continue       # arriving somewhere else: another leg
        days = [d for d in find_dates(text[:m.start()], year, None, ctx.doc.published)
                if d.kind in ("dm", "full", "rel_day") and d.start.day]
        if len(days) == 1 and not (year and days[0].start.year and days[0].start.year < year):
            return days[0].start
    return None


def _within(day: DateValue | None, visit: Event) -> bool:
    if not day or not visit.start or not visit.end or not day.month or not day.day:
        return False
    span = lambda v: (v.month, v.day or 0)  # noqa: E731
    return span(visit.start) <= span(day) <= span(visit.end)


def _reference_year(ctx) -> int | None:
    """The publication year, else the year of the first full date the article gives (its dateline)."""
    if ctx.doc.published:
        return ctx.doc.published.year
    for view in ctx.views[:3]:
        for d in find_dates(view.sentence.text):
            for value in (d.start, d.end_date):
                if value and value.year and value.month:
                    return value.year
    return None


def _triggers(view, triggers, blocked, data) -> list[Trigger]:
    text = view.sentence.text
    proper = set(data["proper_triggers"])
    noun = {t for e in data["types"] for t in e.get("noun_triggers", [])}
    out: list[Trigger] = []
    for c0, c1 in clauses(text):
        spans = [(c0, False)]
        for m in _patterns()["continuation"].finditer(text[c0:c1]):
            spans.append((c0 + m.start(), True))
        bounds = [(a, (spans[i + 1][0] if i + 1 < len(spans) else c1), cont) for i, (a, cont) in enumerate(spans)]
        for a, b, cont in bounds:
            toks = tokenize(text[a:b])
            for i, end, etype in triggers.scan(toks, blocked):
                phrase = " ".join(t.low for t in toks[i:end])
                if phrase in proper and not toks[i].is_cap and not re.search(
                        rf"\b(?:{_alternation(data['attend_cues'])})\s*$", text[a:a + toks[i].begin], re.I):
                    continue      # 'các diễn đàn đa phương': a common noun, not a named event
                if phrase in proper and re.search(rf"(?<!\w)(?:{_alternation(data['body_titles'])})\s*$",
                                                  text[a:a + toks[i].begin], re.I):
                    continue      # 'Phó Chủ tịch Hội nghị Hiệp thương …': a body's name in a title
                trig = Trigger(etype, phrase, a + toks[i].begin, a + toks[end - 1].end, a, b, cont, text=text)
                if phrase in data["press_verbs"] and _press_audience(text[trig.end:b], data):
                    # 'gặp gỡ với các phóng viên', 'gặp các nhà báo': the press encounter, not one more meeting
                    trig.etype = next(t for t in data["types"] if t["notation"] == "conference")
                    trig.phrase = data["press_triggers"][0]
                if phrase in noun:
                    trig.phrase = "noun:" + phrase
                if out and out[-1].family in data["naming_families"] and out[-1].end < trig.begin \
                        and not text[out[-1].end:trig.begin].strip():
                    continue      # 'Tuần lễ cấp cao Diễn đàn …': the body the week is named after, no event
                out.append(trig)
    return out


def _press_audience(after: str, data) -> bool:
    """The press right after a meeting cue ('… với các phóng viên', '… báo giới')."""
    return bool(re.match(rf"\s*(?:với\s+)?(?:(?:các|những|đông đảo|đại diện)\s+)*(?:{_alternation(data['press_audiences'])})"
                         r"(?!\w)", after.casefold()))


def _family(phrase: str) -> str:
    """Welcomes stay apart from other meetings and ceremonies of the same article."""
    for family, phrases in _lexicon()[0]["families"].items():
        if phrase in phrases:
            return family
    return ""


def _lists_attendees(text: str, data) -> bool:
    """'Về phía Việt Nam có A; B', 'Cùng dự lễ đón có A; B': a list of the previous event's participants."""
    # ('Tham dự Lễ đón, về phía Kenya có: …': the side may follow a comma)
    if data["attendee_lists"] and re.match(rf"^\s*(?:{_alternation(data['attendee_lists'])})\b[^,.;]{{0,40}}?"
                                           rf"(?:,\s*(?:về\s+)?phía\s[^,.;]{{0,30}}?)?\bcó\b", text):
        return True
    # 'Cũng có mặt trong cuộc gặp của hai nhà lãnh đạo là A, B'
    return bool(re.match(rf"^\s*(?:(?:cũng|cùng)\s+)?(?:{_alternation(data['presence_lists'])})\s+(?:trong|tại)\s"
                         r"[^.;]{0,80}?\s(?:là|có)\s", text, re.I))


def _refs_in(view, a: int, b: int, kinds=("person", "plural")) -> list[str]:
    """Actors named between two sentence offsets. 'hai nhà lãnh đạo' counts only where the sentence names
    fewer than two persons itself: otherwise it means those."""
    named = sum(1 for r in view.refs if r.kind == "person")
    out: list[str] = []
    for r in view.refs:
        if r.kind == "plural" and named >= 2 and "plural" in kinds and "person" in kinds:
            continue
        if r.kind in kinds and a <= r.begin - view.sentence.begin and r.end - view.sentence.begin <= b:
            out.extend(k for k in r.keys if k not in out)
    return out


def _persons(ctx, keys: list[str]) -> list[str]:
    return [k for k in keys if k in ctx.persons]


def _event(ctx, view, trig: Trigger, dates, discourse_date, past, last_subject, data, events,
           in_sentence=()) -> list[Event]:
    s = view.sentence
    notation = trig.etype["notation"]
    a, b = trig.span_begin, trig.span_end
    head = s.text[a:trig.begin].casefold()
    first = trig.phrase.removeprefix("noun:").split()[0]
    # 'đã có các cuộc gặp với A, B và C': meetings in the plural with persons named, one with each
    listed = notation in PAIR_TYPES and _generic(head, data) and bool(
        re.match(r"^\s*(?:song phương\s+|riêng\s+)?với\s", s.text[trig.end:b])) \
        and len(_persons(ctx, _refs_in(view, trig.end, min(b, trig.next_begin), ("person",)))) > 1
    if _modal_no_event(head, data, notation in NAMED_TYPES) or not _has_object(view, trig, data) \
            or _generic(head, data) and not listed \
            or first in data["classifiers"] and _generic(f"{head.rstrip()} {first}", data) \
            or notation not in NAMED_TYPES and _habitual(s.text, trig, data) \
            or _cue(head[-30:], data["cancel_cues"]) or s.text.rfind("[", 0, trig.begin) > s.text.rfind("]", 0, trig.begin) \
            or notation not in NAMED_TYPES and (_invitation(head, data) or _aim(head, data)):
        return []      # (and '[Báo chí Nhật đưa đậm về hội đàm …]': a link to another article)
    report = _after_report(head, data) or _reported(ctx, view, a, trig, head, data)
    if report:
        a = a + report             # 'X cho biết, A sẽ hội đàm với B': A is the subject; X only reports it
    source = re.match(r"^\s*Theo\s[^,]*,", s.text[a:trig.begin])
    if source:
        a = a + source.end()       # 'Theo ông X, <titles>, cuộc hội đàm …': X is a source, no side
    opener = [m.end() for m in re.finditer(rf"\b(?:{_alternation(data['clause_openers'])})\b", head)]
    opened = a
    # (offsets in `head`, from the clause's start: one the report or source moved `a` past is no opener here)
    opener = [o - (a - trig.span_begin) for o in opener if trig.span_begin + o > a]
    if opener:
        a = a + opener[-1]         # 'trong bối cảnh A và B sắp ký …', 'nhân dịp A thăm …': A, not the main subject
    evaluated = [m.end() for m in re.finditer(rf"(?<!\w)(?:{_alternation(data['evaluative_cues'])})(?!\w)", head)]
    nominal = trig.phrase.startswith("noun:") or head.split()[-1:] and head.split()[-1] in data["classifiers"]
    if nominal and notation in PAIR_TYPES and re.match(r"^\s*của\s", s.text[trig.end:b]):
        # 'X khẳng định cuộc gặp của A với B …': a meeting X speaks of as another's, no side of X's (but 'X nhấn
        # mạnh cuộc hội đàm với B …' is X's own)
        evaluated += [m.end() for m in re.finditer(
            rf"(?<!\w)(?:{_alternation(data['reporting_cues'])})(?:\s+(?:{_alternation(data['classifiers'])}))?\s*$",
            head)]
    if evaluated:
        a = trig.span_begin + evaluated[-1]   # 'X hoan nghênh việc A và B đã ký …': A and B, not X
    before = _persons(ctx, _refs_in(view, max(a, trig.prev_end), trig.begin)) or \
        _persons(ctx, _refs_in(view, a, trig.begin))
    before = [k for k in before if not _in_relation(ctx, view, k, a, trig.begin, data)] or before
    before = [k for k in before if k not in _informed(ctx, view, a, trig, data)]
    if report and not before and not nominal and notation in PAIR_TYPES and re.fullmatch(
            rf"[\s,]*(?:(?:{_alternation(data['reported_self'])})[\s,]+)*", s.text[a:trig.begin].casefold() + " "):
        # 'X cho biết, (dự kiến) ông sẽ gặp Y': a reported clause with no subject but a pronoun is the reporter's
        before = _persons(ctx, _refs_in(view, trig.span_begin, a, ("person",)))[-1:]
    # 'người phát ngôn của Tổng thống X, bà Y, trả lời …': X is named only as the owner of Y's post
    # (the last one named stays: 'lời chào của X, người vừa thăm …' is X's)
    if notation not in NAMED_TYPES:    # (one who invites to a summit is often its host, there too)
        before = [k for k in before[:-1] if not _possessor(view, s.text, k, a)] + before[-1:]
    if notation == "visit" and not before and a > 0 and s.text[a - 1] == ";":
        # 'X cảm ơn Thống đốc Y …; bày tỏ vui mừng đến thăm …': X's visit, the sentence's subject
        before = _sentence_subject(ctx, view, a)
    if re.search(r"(?<!\w)và\s+(?:(?:đến|tới|sang)\s+)?$", s.text[a:trig.begin]):
        # 'A sẽ đến chào B và thăm C': the verb after 'và' is A's, B is the object of the one before
        before = _drop_object(ctx, view, a, trig.begin) or before
    if _attributive(s.text[a:trig.begin], trig, data):
        # 'X tiếp Y, <Y's titles>, đang thăm …': the participle tells of the nearest noun, the object
        before = _persons(ctx, _refs_in(view, max(a, trig.prev_end), trig.begin))[-1:]
    if notation in ("interview", "speech"):
        serving = list(re.finditer(rf"(?<!\w)(?:{_alternation(lexicons.load('honorifics')['serving_nouns'])})(?!\w)",
                                   s.text[a:trig.begin].casefold()))
        if serving:
            # 'Về phía X, người phát ngôn của ông, bà Y trả lời phỏng vấn …': the one serving X speaks, not X (and
            # when that one is no person known, no one to tell it of)
            start = a + serving[-1].end()
            base = s.begin      # (not the one owning the post, right after 'của' before any comma)
            before = list(dict.fromkeys(
                k for r in view.refs if r.kind == "person" and start <= r.begin - base and r.end - base <= trig.begin
                and not re.match(r"^\s*của\s[^,;]*$", s.text[start:r.begin - base])
                for k in r.keys if k in ctx.persons))
            if not before:
                return []
    comma = s.text.rfind(",", max(a, trig.prev_end), trig.begin)
    if len(before) > 1 and comma >= 0 and not _persons(ctx, _refs_in(view, comma + 1, trig.begin)) \
            and not _coordinated(view, before[:2]) \
            and not re.match(r"\s*(?:người|là|vị|nhà|ông|bà)\b", s.text[comma + 1:]):
        # 'X cảm ơn Y …, bày tỏ vui mừng đến thăm …': the clause's subject, not the last object named (but
        # 'Y, người vừa thăm …' is Y's)
        before = before[:1]
    if len(before) > 1 and any(head.rstrip().endswith(w) for w in data["back_references"]):
        # 'X báo cáo với Y về kết quả hội đàm với Z': X's talks with Z, told by their result; Y only hears of them
        before = before[:1]
    after = _persons(ctx, _refs_in(view, trig.end, min(b, trig.next_begin)))
    if trig.continues:
        before = list(dict.fromkeys(last_subject + before))
        if not _refs_in(view, a, trig.begin) and re.search(r"(?<!\w)cùng\s*$", head) and in_sentence:
            # '…, rồi cùng gặp gỡ báo chí': together, the persons of the act just told, not its first one only
            before = list(dict.fromkeys(before + [k for k in in_sentence[-1].attendees if k in ctx.persons]))
    ev = Event("", notation, trig.etype["vi"], mentions=[Mention(s.begin + trig.begin, s.begin + trig.end, view.index)])
    ev.family = trig.family
    if notation == "ceremony":
        ev.kind = trig.family or trig.phrase.removeprefix("lễ ")
    rest = s.text[trig.end:b]
    wished = False
    if (_cue(head, data["announced_cues"]) or _announced_before(ctx, view, trig, head, data)) and not past \
            or notation in NAMED_TYPES and (_wished(head, data, True) or _cue(head, data["agreement_cues"])):
        ev.status = "announced"    # 'sẽ', 'dự kiến'; 'đề nghị tổ chức tốt kỳ họp …': a named one ahead
        discourse_date = None      # the day the article is telling is not its day
        wished = notation in NAMED_TYPES and (_wished(head, data, True) or _cue(head, data["agreement_cues"]))
    earlier = [e for e in events if e.type == notation]
    if notation in NAMED_TYPES and not earlier and (
            any(head.rstrip().endswith(w) for w in data["named_references"])
            or re.search(r"\b(?:các|những)\s[^;]*\bnhư\b[^;]*$", head)):
        return []      # 'mục tiêu của Đại hội XIII', 'các diễn đàn như …, Đại hội đồng …': no event told
    # ('kết quả cuộc hội đàm': the classifier between, when no one after it is new to the one told last: 'kết quả
    # buổi làm việc với Bộ trưởng X' with another than X told last is X's)
    bare = re.sub(rf"\s+(?:{_alternation(data['classifiers'])})\s*$", "", head.rstrip())
    if bare != head.rstrip() and earlier and set(after) - set(earlier[-1].attendees):
        bare = head
    if earlier and any(bare.endswith(w) for w in data["back_references"]) \
            and not (notation == "visit" and _persons(ctx, _refs_in(view, trig.end, b))
                     and re.match(r"^[^,;]*?\bcủa\b", rest)):   # 'kết quả chuyến thăm … của X': X's, told anew
        # 'triển khai kết quả hội đàm', 'Sau lễ đón, …': the event already told, not a new one
        earlier[-1].mentions.append(ev.mentions[0])
        return []
    clause = re.split(r"[;:]", head)[-1]
    if trig.phrase in data["reception_triggers"] and _cue(clause, data["thanks_cues"]):
        # 'X cảm ơn Y dành thời gian đón tiếp, hội đàm': thanks for the reception told, no meeting of its own
        if earlier:
            earlier[-1].mentions.append(ev.mentions[0])
        return []
    plural = _plural_subject(view, trig, in_sentence, events, a)
    # ('Hai nhà lãnh đạo' read as one person only: not both sides, the event's pair is the one just told)
    if plural and (not _persons(ctx, _refs_in(view, max(a, trig.prev_end), trig.begin))
                   or not _refs_in(view, max(a, trig.prev_end), trig.begin, ("person",))
                   and len(_persons(ctx, _refs_in(view, max(a, trig.prev_end), trig.begin, ("plural",)))) < 2):
        before = plural
    press = trig.phrase.removeprefix("noun:") in data["press_triggers"]
    if press and not _refs_in(view, max(a, trig.prev_end), trig.begin, ("person",)):
        # 'Hai nhà lãnh đạo họp báo ngay sau buổi gặp': the sides of the meeting just told give it
        # (both sides told already, '…, rồi cùng gặp gỡ báo chí', stay)
        before = plural or (before if len(before) > 1 else []) or _last_meeting(ctx, view, in_sentence, events) \
            or before
    if notation in NAMED_TYPES:
        if not _named_event(ctx, view, ev, trig, rest, before, after, last_subject, s.text):
            return []
        if ev.ordinal is None and name_date(ev.name) is None and _habitual(s.text, trig, data):
            return []      # 'hằng năm tổ chức Hội nghị …': a series held again and again, no one of them
        if _invitation(head, data):   # 'X mời Y sang dự Hội nghị …': one invites, the other may come
            ev.attendees, ev.chairs, ev.status = [], [], "announced"
        if _bilateral_summit(ctx, ev, trig, rest, data):
            # the summit of two leaders, no body's meeting: their talks (data model: 'hội đàm')
            ev.type = "talks"
            ev.name = _pair_name(ctx, next(t for t in data["types"] if t["notation"] == "talks"), ev.attendees)
    elif notation == "visit":
        if any(head.rstrip().endswith(w) for w in data["term_words"]):
            return []      # 'nhận nhiệm kỳ công tác tại Kenya': an envoy's posting, not a visit
        if re.match(rf"\s*(?:{_alternation(data['vessel_subjects'])})\s", re.split(r"[,;:]", head)[-1]) \
                and not _persons(ctx, _refs_in(view, a, trig.begin)):
            return []      # 'Tàu hộ vệ X thăm cảng …': a ship's port call, no one's visit
        if not _visit(ctx, view, ev, trig, before, after, past, s.text, events):
            return []
        if ev.status == "announced":
            discourse_date = None  # a visit welcomed ahead: the day the text is on is not its day
    else:
        welcome = next((e for e in in_sentence if e.family == "đón" and e.type == "ceremony"), None)
        if trig.phrase in data["welcome_triggers"] and welcome is not None:
            # 'lễ đón X đã được tổ chức … với nghi thức dành đón Nguyên thủ quốc gia': that welcome, told again
            welcome.mentions.append(ev.mentions[0])
            welcome.attendees += [k for k in _persons(ctx, _refs_in(view, 0, len(s.text)))
                                  if k not in welcome.attendees]      # ('… X ra đón'): the one welcoming too
            return []
        if trig.phrase in data["welcome_triggers"]:
            # 'Đón X tại sân bay có A; B; C' and 'Ra đón có A và B': the whole list, across ';'
            # the one welcomed is often only 'Đoàn' or implied: the article's protagonist
            everyone = _persons(ctx, _refs_in(view, 0, len(s.text))) or list(last_subject)
            guest = _article_guest(ctx, events)
            ev.attendees = list(dict.fromkeys(everyone + ([guest] if guest else [])))
            ev.name = _pair_name(ctx, trig.etype, ev.attendees)
        else:
            # (not the one who judges it; nor the one told before when the clause has a group of its own for subject)
            grouped = not before and _group_subject(s.text[a:trig.begin], data)
            subject = before or ([] if evaluated or grouped else list(last_subject))
            reciprocal = re.match(r"^\s*nhau\b", rest)
            if reciprocal and not before and not evaluated:
                # 'hai bên nhất trí sẽ gặp nhau … tại cuộc họp các nhà lãnh đạo …': the pair just told meets, no
                # one named after it
                subject = _last_meeting(ctx, view, in_sentence, events) or subject
            if not before and not evaluated and not trig.continues and a > 0 and s.text[a - 1] == ";":
                # 'Nhân dịp này, A và B đồng chủ trì hội thảo …; dự Lễ khai mạc …': a clause with no subject of
                # its own goes on with the sentence's (the last event's may be told before)
                subject = _sentence_subject(ctx, view, a) or subject
            framed = opener and re.search(rf"(?<!\w)(?:{_alternation(data['context_openers'])})\s*$",
                                          s.text[opened:opened + opener[-1]].casefold())
            if not subject and opener and not evaluated and not framed:
                # 'X phát biểu … sau khi gặp Y': no subject of its own after 'sau khi', the clause's X (when the
                # clause names only X: in 'A nhắc lại lời B … sau khi gặp C' whose act it is stays open; 'trong bối
                # cảnh A và B sắp ký …' has its own subject, never X)
                lead = _persons(ctx, _refs_in(view, opened, opened + opener[-1], ("person",)))
                subject = lead if len(lead) == 1 or len(lead) == 2 and _coordinated(view, lead) else []
                if not subject and head.rstrip().endswith("khi") and not after:
                    return []     # no one of this meeting named: not one to tell
            sides = _between(ctx, view, trig, b, data) if re.match(r"^\s*(?:chính thức\s+)?giữa\b", rest) else []
            if not sides and trig.next_begin < b and re.fullmatch(r"\s*(?:,|và)\s*", s.text[trig.end:trig.next_begin]) \
                    and re.match(r"^[^,;]{0,25}?\s(?:chính thức\s+)?giữa\s", s.text[trig.next_begin:b]):
                # 'X dự Lễ đón, Hội đàm giữa A với B': the nouns coordinated share the sides after the last
                sides = _between(ctx, view, replace(trig, end=trig.next_begin), b, data)
            if sides or re.match(r"^\s*(?:chính thức\s+)?giữa\b", rest) and len(after) >= 2:
                subject = []       # 'X dự Lễ đón, Hội đàm giữa A với B': A and B meet, X only attends
            if not evaluated and not sides and (not before and s.text[a:trig.begin].strip() == ""
                                                or notation in ("interview", "speech") and not before):
                # 'Hội kiến Tổng thống …, Thủ tướng X …', 'Trả lời phỏng vấn …, Bộ trưởng X khẳng định': the
                # subject is the main clause's, after the comma
                comma = s.text.find(",", trig.end, b)
                speaker = [k for k in _persons(ctx, _refs_in(view, comma + 1, b))
                           if not _possessor(view, s.text, k, comma + 1)] if comma >= 0 else []
                subject = speaker[:1] or subject
                if comma >= 0:
                    b = comma
            if not subject and notation in PAIR_TYPES and _framing(head, data) and not grouped:
                subject = _main_subject(ctx, view, trig, events, data)
            if not subject and not after and events and not evaluated and not grouped:
                subject = [k for k in events[-1].attendees if k in ctx.persons]   # 'tiến hành hội đàm'
            chair = _patterns()["chair"].search(s.text[a:b])
            if chair:
                ev.chairs = before if chair.start() < trig.begin - a else after
            after = _persons(ctx, _refs_in(view, trig.end, min(b, trig.next_begin)))
            objects = [k for k in after if k not in subject and not _possessor(view, s.text, k, trig.end)]
            direct = [k for k in _persons(ctx, _refs_in(view, trig.end, min(trig.end + _first_comma(rest),
                                                                          trig.next_begin)))
                      if not _possessor(view, s.text, k, trig.end)]
            if sides:      # 'giữa A, <A's titles>, với B, <B's titles>, hai bên …': those two, one event
                objects, direct = sides, []
            if reciprocal and len(subject) > 1:
                objects, direct = [], []
            if notation in PAIR_TYPES and len(subject) > 1 and _patterns()["respectively"].search(s.text[a:trig.begin]):
                return [_twin(ctx, ev, trig, [subj] + objects, dates, discourse_date) for subj in subject]
            if notation in PAIR_TYPES and len(subject) == 1 and len(objects) > 1 \
                    and _patterns()["respectively"].search(s.text[a:trig.begin]):
                # 'X lần lượt điện đàm với A và B': one call with each
                return [_twin(ctx, ev, trig, subject + [obj], dates, discourse_date) for obj in objects]
            if listed and subject:
                # (the subject of the listing clause, after its last comma: 'Sau cuộc gặp với A, X sẽ có các
                # cuộc gặp với B và C' is X's, not A's)
                cut = s.text.rfind(",", a, trig.begin)
                subject = [k for k in _persons(ctx, _refs_in(view, cut + 1, trig.begin))
                           if k in subject] if cut >= 0 else subject
                return [_twin(ctx, ev, trig, subject + group, dates, discourse_date)
                        for group in _bodies(ctx, objects) if subject]
            if notation in PAIR_TYPES and len(direct) > 1 and re.search(r"\bvà\b", rest) \
                    and not _consorts(view, direct) and len(_bodies(ctx, direct)) > 1:
                # ('hội kiến Nhà vua A và Hoàng hậu B': a royal couple, one meeting; so are the heads of one body)
                return [_twin(ctx, ev, trig, subject + group, dates, discourse_date) for group in _bodies(ctx, direct)]
            ev.attendees = list(dict.fromkeys(subject + objects + ev.chairs))
            if notation in PAIR_TYPES:
                # (a headline names one counterpart by a short title, kept only when it names a group: 'điện đàm
                # với lãnh đạo Trung Quốc, Nhật Bản')
                words = _counterpart_words(rest)
                if view.index or re.match(rf"(?:{_alternation(data['group_heads'])})\s", words.casefold()):
                    ev.counterpart = words
            # (one side told, named in the sentence: not one carried over from the sentence before, nor one who
            # welcomes the visitor: 'A chào mừng X sang thăm và làm việc với Bộ Y' is X's)
            welcomed = _welcomed(ctx, view, a, trig, data) if notation in PAIR_TYPES and not objects and not grouped \
                else []
            body = _body_object(ctx, view, trig, data) if notation in PAIR_TYPES and not objects and not grouped \
                and (welcomed or len(_persons(ctx, ev.attendees)) == 1
                     and set(ev.attendees) & set(_refs_in(view, 0, len(s.text)))
                     and not _cue(head, data["welcome_verbs"])) else []
            if body:       # 'làm việc với Ngân hàng Trung ương Kenya': the body met is the other side
                guests = welcomed or [k for k in ev.attendees if k not in body]
                # (told with no day, after a head of the body met the guest, that head stands for it: that meeting
                # told again)
                heads = [k for k, p in ctx.persons.items() if not dates and any(q.org_key in body for q in p.posts)
                         and any(e.type in PAIR_TYPES and k in e.attendees and set(guests) & set(e.attendees)
                                 for e in events)]
                ev.attendees = list(dict.fromkeys(guests + (heads[:1] or body)))
            elif notation in PAIR_TYPES and not objects and not grouped:
                ev.attendees += _counterpart(ctx, view, ev.attendees)
                ev.attendees += _plural_other(ctx, view, a, trig, ev.attendees)
            if notation == "talks":
                ev.attendees += _inviting_host(ctx, ev, events)
            if notation == "signing" and not objects:
                # 'hai Bí thư Tỉnh ủy đã ký …' read as one of them: the other of that post
                ev.attendees += _plural_other(ctx, view, a, trig, ev.attendees)
            if notation == "signing":
                # 'A và B trao Thỏa thuận …', 'dưới sự chứng kiến của X, A và B ký …': the bodies that sign
                comma = s.text.rfind(",", a, trig.begin)
                ev.attendees += [k for k in _refs_in(view, max(comma + 1, a, trig.prev_end), trig.begin, ("org",))
                                 if k not in ev.attendees and not _in_title(view, k)]
                between = re.match(r"^[^,;]*?\bgiữa\s", rest)
                # 'Lễ ký kết Bản ghi nhớ giữa Bộ A và Bộ B …': the bodies the document is between sign it, when
                # no one else is told signing it (the keys name the leaders only of a handover they witness)
                bodies = _refs_in(view, trig.end + between.end(), b, ("org",)) if between and not ev.attendees else []
                # 'dưới sự chứng kiến của A và B, X và Y ký …', '… được trao dưới sự chứng kiến của A và B':
                # the witnesses attend as the higher sides, beside those who sign
                witnesses = [] if evaluated else _witnesses(ctx, view, data)
                if not ev.attendees and not bodies and not witnesses and not evaluated:
                    # 'Trước sự chứng kiến của A và B, đại diện hai nước trao đổi văn kiện …': the countries
                    # sign through the persons the sentence names (not those who judge it: 'hoan nghênh việc …')
                    ev.attendees = _persons(ctx, _refs_in(view, 0, len(s.text)))
                ev.attendees += [k for k in witnesses + bodies if k not in ev.attendees]
                if not ev.attendees:
                    # 'việc Kenya và Peru đã trao đổi văn kiện phê chuẩn …': two states act through their governments
                    ev.attendees = _governments(ctx, view, a, trig.begin)
                if len(ev.attendees) < 2 and not evaluated and re.search(
                        rf"(?<!\w)(?:{_alternation(data['opening_subjects'])})(?!\w)[^,;]*$", head):
                    # 'Dự kiến, hai bên sẽ ký kết …': the two sides of the meeting just told
                    ev.attendees = _last_meeting(ctx, view, in_sentence, events) or ev.attendees
            if notation == "ceremony" and not ev.attendees:
                # 'việc Kenya và Peru đã trao đổi văn kiện phê chuẩn …' (an exchange of instruments, a ceremony):
                # two states act through their governments
                ev.attendees = _governments(ctx, view, a, trig.begin)
            ev.name = _pair_name(ctx, trig.etype, ev.attendees)
            if notation in PAIR_TYPES and not ev.attendees and not ev.chairs \
                    and not (not s.text[:trig.begin].strip()
                             and any(r.kind == "person" and r.begin - s.begin >= trig.end for r in view.refs)):
                # 'giới chức Mỹ gặp gỡ giới chức …', a meeting of no one named: none to tell; but a sentence
                # opening on 'Điện đàm với Tổng thống X, …' names the call told before: a further mention of it
                return []
    if notation != "visit":        # a visit's place is where it goes (_destination), its identity
        ev.place = _place(view, s.text, a, b)
    if notation == "ceremony":
        ev.name = _ceremony_name(ctx, trig, s.text, ev.attendees)
    if _arrival_welcome(trig, data):
        # 'Đón X tại sân bay có A; B', 'Lễ đón X tại sân bay …': the welcome on arrival, a ceremony of its own
        # (neither the official welcome later nor a meeting)
        ev.type, ev.kind = "ceremony", "arrival"
        if notation != "ceremony":
            ev.name = _pair_name(ctx, {"vi": data["arrival_welcome_label"]}, ev.attendees)
    if notation == "signing":
        doc = _document(s.text[trig.end:b], data)
        if doc:       # one signing per named document, whoever tells it
            ev.name, ev.kind = f"{trig.etype['vi'][:1].upper()}{trig.etype['vi'][1:]} {doc[0]}", doc[1]
    if ev.status == "announced":
        # 'Ngày 8/7, X chúc Đại hội … thành công', 'Theo thông cáo ngày 6/11, X sẽ thăm …': a day told before a
        # plan is the day it was wished or announced; only one after it, or one still ahead, is the plan's own
        # (a day no earlier than the publication day may be the plan's: 'Chiều nay 12/7, X sẽ hội đàm …')
        published = ctx.doc.published
        dates = [d for d in dates if d.begin >= trig.begin or not wished and (
            published is None or _after(d.start, published - timedelta(days=1)))]
    _date(ev, dates, discourse_date, trig)
    if ev.start is None and ev.type in NAMED_TYPES:
        ev.start = name_date(ev.name or "")     # 'Tuần lễ Cấp cao APEC 2017': its name dates it, to the year
    if ev.status == "announced" and _before(ev.start, ctx.doc.published):
        ev.status = "held"         # 'triển khai thỏa thuận của Cuộc gặp cấp cao (tháng 1/2017)': done already
    if notation == "visit" and ev.guests and not ev.hosts and _attributive(s.text[a:trig.begin], trig, data):
        ev.hosts = _receiver(ctx, ev.guests[0], in_sentence)
    if notation == "visit" and ev.start is not None and ev.start == discourse_date and ev.guests \
            and not any(d.start == ev.start for d in dates) \
            and (not ev.place or _country_named(ev.place)) \
            and any(e.type == "visit" and e.guests == ev.guests for e in _current(events)):
        # a visit told before: the day the text is on is one day of it, not its first (a city or a site toured,
        # 'cảm ơn X dành thời gian thăm Bergen', is toured on the day told)
        ev.start = None
    if notation == "visit" and _attributive(s.text[a:trig.begin], trig, data) and not past:
        ev.ongoing = True
    if notation == "visit" and ev.start and ev.end is None:
        if _attributive(s.text[a:trig.begin], trig, data):
            ev.start = None        # 'X đang thăm …' on the day of a reception: a day of the visit, not its first
        elif any(head.rstrip().endswith(w) for w in data["end_cues"]):
            # '… trước khi kết thúc chuyến thăm vào ngày 1/7': its last day; with its span told in the sentence
            # ('Chiều 8/7, X rời Hà Nội, kết thúc chuyến thăm …, từ ngày 3 - 8/7'), the span
            span = next((d for d in dates if d.end_date is not None and d.end_date == ev.start), None)
            ev.start, ev.end = (span.start, span.end_date) if span else (None, ev.start)
    return [ev]


def _arrival_welcome(trig: Trigger, data) -> bool:
    """A welcome (not the official one) whose clause sets it at an arrival place ('tại sân bay …')."""
    if trig.family != "đón" or trig.phrase.removeprefix("noun:") in data["official_welcomes"]:
        return False
    clause = trig.text[trig.span_begin:trig.span_end].casefold()
    return bool(re.search(rf"(?<!\w)(?:tại|ở)\s+(?:{_alternation(data['arrival_places'])})(?!\w)", clause))


def _sentence_subject(ctx, view, end: int) -> list[str]:
    """The subject of the sentence's first clause: the first person named with only titles before it since
    the last comma ('Nhân dịp này, tại Kenya, Chủ tịch A và Chủ tịch B …'), and one joined to it by 'và'."""
    text, base = view.sentence.text, view.sentence.begin
    first_clause = text.find(";")
    refs = [r for r in view.refs if r.kind == "person" and r.end - base <= min(end, first_clause)
            and any(k in ctx.persons for k in r.keys)]
    for n, r in enumerate(refs):
        lead = re.split(r"[,:]", text[:r.begin - base])[-1]
        if not _titles_only(lead):
            continue
        subject = [next(k for k in r.keys if k in ctx.persons)]
        if n + 1 < len(refs):
            other = next(k for k in refs[n + 1].keys if k in ctx.persons)
            if _coordinated(view, subject + [other]) and other not in subject:
                subject.append(other)
        return subject
    return []


def _informed(ctx, view, a: int, trig: Trigger, data) -> list[str]:
    """'X thông báo với Y về kết quả cuộc hội đàm với Z': Y, between the cue and 'về', hears of the event only;
    'X điện đàm với Y, thông báo với ông về …': a cue opening a clause with no subject of its own goes on with
    the sentence's, and Y, the object of the act before, is no side either."""
    text = view.sentence.text[a:trig.begin].casefold()
    out: list[str] = []
    for m in re.finditer(rf"(?<!\w)(?:{_alternation(data['informing_cues'])})\s", text):
        about = re.search(r"(?<!\w)về(?!\w)", text[m.end():])
        if not about:
            continue
        out += _persons(ctx, _refs_in(view, a + m.end(), a + m.end() + about.start()))
        if trig.prev_end and re.search(r",\s*$", text[:m.start()]):
            out += _persons(ctx, _refs_in(view, max(a, trig.prev_end), a + m.start()))
    return out


def _in_relation(ctx, view, k: str, a: int, b: int, data) -> bool:
    """'bà A - Phu nhân Tổng thống B, đã đến thăm …': B is named in A's apposition by a relation of A's, no
    side of the event."""
    base, text = view.sentence.begin, view.sentence.text
    refs = [r for r in view.refs if r.kind == "person" and a <= r.begin - base and r.end - base <= b
            and any(x in ctx.persons for x in r.keys)]
    for prev, r in zip(refs, refs[1:]):
        if k in r.keys and k not in prev.keys:
            gap = text[prev.end - base:r.begin - base]
            m = re.match(rf"^\s*[-–,(]\s*(?:{_alternation(data['relational_titles'])})(?:\s+của)?(?=\s)", gap, re.I)
            if m and _titles_only(gap[m.end():]):
                return True
    return False


def _framing(head: str, data) -> bool:
    """The trigger opens its sentence in a phrase framing it ('Tại cuộc gặp với X, …', 'Trong cuộc điện đàm
    với X, …'): the main clause after it tells who met X."""
    lead = head.rsplit(",", 1)[-1].strip()
    openers = _alternation(data["reference_before"] + data["occasion_openers"])
    return bool(re.fullmatch(rf"(?:{openers})(?:\s+(?:cuộc|buổi))?", lead))


def _main_subject(ctx, view, trig: Trigger, events: list[Event], data) -> list[str]:
    """'Tại cuộc gặp với X sau Hội nghị …, Y khẳng định …': Y, named first in the main clause with only titles
    before it; 'Tại cuộc gặp với X, hai bên nhất trí …': the other side is the article's own, its protagonist
    (else the last one told of another country than X)."""
    text, base = view.sentence.text, view.sentence.begin
    comma = text.find(",", trig.end)
    if comma < 0:
        return []
    objects = [k for k in _persons(ctx, _refs_in(view, trig.end, comma)) if not _possessor(view, text, k, trig.end)]
    for r in view.refs:
        if r.kind == "person" and r.begin - base > comma and any(k in ctx.persons for k in r.keys):
            lead = text[comma + 1:r.begin - base]
            if "," in lead or not _titles_only(lead):
                break
            return [k for k in r.keys if k in ctx.persons and k not in objects][:1]
    main = text[comma + 1:].casefold().lstrip()
    if not objects or not any(main.startswith(w + " ") for w in data["opening_subjects"]):
        return []
    sides = {ctx.country_of(k) for k in objects}
    candidates = [ctx.protagonist] + [k for e in reversed(events) for k in e.attendees]
    return [k for k in candidates if k in ctx.persons and k not in objects
            and ctx.country_of(k) not in sides | {None}][:1]


def _receiver(ctx, guest: str, in_sentence) -> list[str]:
    """'X tiếp/đón Y, đang thăm …': X, who receives the guest in the same sentence, hosts the visit."""
    for e in reversed(list(in_sentence)):
        if guest in e.attendees and (e.type in PAIR_TYPES or e.family == "đón"):
            other = [k for k in e.attendees if k != guest and k in ctx.persons]
            return other[:1]
    return []


def _welcomed(ctx, view, a: int, trig: Trigger, data) -> list[str]:
    """The persons of the clause before a cue, past a welcoming verb ('A chào mừng X … sang thăm và làm việc với
    …' → X): the one welcomed acts, not the one who welcomes."""
    head = view.sentence.text[a:trig.begin].casefold()
    verbs = list(re.finditer(rf"(?<!\w)(?:{_alternation(data['welcome_verbs'] + data['receiving_verbs'])})(?!\w)",
                             head))
    return _persons(ctx, _refs_in(view, a + verbs[-1].end(), trig.begin)) if verbs else []


def _counterpart(ctx, view, attendees: list[str]) -> list[str]:
    """A meeting told with one side, its object a pronoun or left out ('chào người đồng cấp Kenya
    Ruto: "Rất vui được gặp ông"'): the one person of another country the sentence names, if only one."""
    sides = {ctx.country_of(k) for k in attendees if k in ctx.persons}
    if len(sides) != 1 or None in sides:
        return []
    text = view.sentence.text
    others = [k for k in _persons(ctx, _refs_in(view, 0, len(text), ("person",)))
              if k not in attendees and ctx.country_of(k) not in sides | {None} and not _possessor(view, text, k, 0)]
    return others if len(others) == 1 else []


def _plural_other(ctx, view, a: int, trig: Trigger, attendees: list[str]) -> list[str]:
    """'hai Bộ trưởng hội đàm' resolved to one side only (the other's title went unrecognised): the one
    person of the other side named earlier who holds the same post, else the one who holds no leader post
    the first does not hold (a head of state is not one of 'hai Bộ trưởng')."""
    base = view.sentence.begin
    # (or a bare title counted by two, read as its one holder: 'hai Bí thư Tỉnh ủy')
    plural = [r for r in view.refs if a <= r.begin - base < trig.begin and (
        r.kind == "plural" or r.kind == "person" and re.search(r"(?<!\w)hai\s+$", view.sentence.text[:r.begin - base])
        and _titles_only(view.sentence.text[r.begin - base:r.end - base]))]
    own = _persons(ctx, attendees)
    if not plural or len(own) != 1 or not set(plural[0].keys) <= set(own):
        return []
    first = ctx.persons[own[0]]
    side = ctx.country_of(first.key)
    roles = {q.role for q in first.posts}
    leaders = set(lexicons.load("honorifics")["leader_posts"]) - roles
    told = [p for p in ctx.persons.values() if p.key != first.key and ctx.country_of(p.key) not in (side, None)
            and any(m.begin < plural[0].begin for m in p.mentions)]
    same = [p for p in told if roles & {q.role for q in p.posts}]
    fits = same or [p for p in told if not leaders & {q.role for q in p.posts}]
    return [fits[0].key] if len(fits) == 1 else []


def _cue(text: str, words) -> bool:
    """One of `words` as whole words in `text` (already case-folded)."""
    words = tuple(words)
    return bool(words) and bool(_whole_words(words).search(text))


def _group_subject(lead: str, data) -> bool:
    """'30 doanh nghiệp Kenya đã sang …, làm việc với …', 'các chuyên gia của Viện … làm việc với …': the clause
    before a cue has a counted group of people for subject, no one named."""
    return bool(re.search(rf"(?<!\w)(?:\d+|{_alternation(data['group_counts'])})\s+"
                          rf"(?:{_alternation(data['group_subjects'])})(?!\w)", lead.casefold()))


def _attributive(lead: str, trig: Trigger, data) -> bool:
    """'… Y, <titles>, đang thăm …', 'Y đang có chuyến thăm …', 'Đoàn … do X dẫn đầu sang thăm …': a participle, about
    the noun just before."""
    cues = _alternation(data["attributive_cues"])
    led = rf"(?<!\w)do\s[^,;:]{{1,80}}?(?:{_alternation(w.casefold() for w in data['leader_verbs'])})\s*$"
    return bool(re.match(rf"(?:{cues})\s", trig.phrase) or re.search(rf"(?<!\w)(?:{cues})\s*$", lead.casefold())
                or re.search(led, lead.casefold()))


def _announced_before(ctx, view, trig: Trigger, head: str, data) -> bool:
    """'Thủ tướng sẽ gặp A; gặp B; dự C': a plan told earlier in the sentence goes on in a clause with no
    subject and no mark of its own that it happened ('đã', 'vừa')."""
    text, a = view.sentence.text, trig.span_begin
    if not a or not _cue(text[:a].casefold(), data["announced_cues"]) or _cue(head, data["held_cues"]):
        return False
    return not _persons(ctx, _refs_in(view, a, trig.begin))


def _between(ctx, view, trig: Trigger, end: int, data) -> list[str]:
    """The two sides of 'hội đàm giữa A với B' (or 'và'): the first person after 'giữa' and the first one
    after the link that follows A, past any titles between commas; [] if either is not a known person."""
    base, text = view.sentence.begin, view.sentence.text
    refs = sorted((r for r in view.refs if r.kind == "person" and trig.end <= r.begin - base
                   and r.end - base <= end and any(k in ctx.persons for k in r.keys)), key=lambda r: r.begin)
    if len(refs) < 2:
        return []
    first = refs[0]
    for link in data["between_links"]:      # 'với' before 'và': 'và' may sit inside A's titles
        m = re.search(rf"(?<!\w){re.escape(link)}\s", text[first.end - base:end])
        second = m and next((r for r in refs[1:] if r.begin - base >= first.end - base + m.end()), None)
        if second:
            keys = [next(k for k in r.keys if k in ctx.persons) for r in (first, second)]
            return list(dict.fromkeys(keys)) if keys[0] != keys[1] else []
    return []


def _drop_object(ctx, view, a: int, b: int) -> list[str]:
    """The persons between two offsets but the last one named, when that one is not joined to the one
    before by 'và' ('A đến chào B và …' → A; 'A và B đã điện đàm và …' → A, B)."""
    base = view.sentence.begin
    refs = [r for r in view.refs if r.kind in ("person", "plural") and a <= r.begin - base and r.end - base <= b
            and any(k in ctx.persons for k in r.keys)]
    if len(refs) < 2:
        return []
    keys = [next(k for k in r.keys if k in ctx.persons) for r in refs[-2:]]
    if _coordinated(view, keys):
        return []
    last = set(refs[-1].keys)
    return [k for k in _persons(ctx, _refs_in(view, a, b)) if k not in last]


def _consorts(view, keys: list[str]) -> bool:
    """Every one of `keys` after the first named as a consort joined by 'và' ('Nhà vua A và Hoàng hậu B'): one
    side received together (unlike 'Chủ tịch Quốc hội A và Thủ tướng B', two calls)."""
    spouse = _alternation(_lexicon()[0]["spouse_titles"])
    base, text = view.sentence.begin, view.sentence.text
    refs = [next((r for r in view.refs if k in r.keys), None) for k in keys[1:]]
    # (the consort's title before the name, or within the mention of a one-word name: 'và Hoàng hậu Sonja')
    return bool(refs) and all(r is not None and re.search(rf"(?<!\w)và\s+(?:{spouse})\s*$",
                                                         text[:r.begin - base].casefold())
                              or r is not None and re.search(rf"(?<!\w)và\s+$", text[:r.begin - base])
                              and re.match(rf"(?:{spouse})\s", text[r.begin - base:r.end - base].casefold())
                              for r in refs)


def _bodies(ctx, keys: list[str]) -> list[list[str]]:
    """Those met in one clause, grouped by the body they lead: the two presiding officers of one parliament's
    chambers, the heads of two institutions of one union ('Chủ tịch Thượng viện A và Chủ tịch Hạ viện B') are met
    together, one meeting; office holders of different bodies ('Chủ tịch Quốc hội A và Thủ tướng B') are two."""
    kinds = lambda k: {q.org.kind for q in ctx.persons[k].posts if q.org is not None and q.org.kind} \
        if k in ctx.persons else set()  # noqa: E731
    groups: list[list[str]] = []
    for k in keys:
        group = next((g for g in groups if ctx.country_of(k) and ctx.country_of(k) == ctx.country_of(g[0])
                      and kinds(k) & kinds(g[0])), None)
        if group is None:
            groups.append([k])
        else:
            group.append(k)
    return groups


def _coordinated(view, keys: list[str]) -> bool:
    """'A và B, khi ấy là …, đã chủ trì': two persons joined by 'và'/'cùng' are one subject."""
    spans = [next((r for r in view.refs if k in r.keys), None) for k in keys]
    if None in spans:
        return False
    first, second = sorted(spans, key=lambda r: r.begin)
    gap = view.sentence.text[first.end - view.sentence.begin:second.begin - view.sentence.begin]
    return len(gap) < 60 and bool(re.search(r"\b(?:và|cùng|cùng với)\b", gap)) and "," not in gap.split("và")[0]


def _joined(view, keys: list[str], comma: bool = False) -> bool:
    """'A và <titles> B' with nothing else between: one subject of two (not 'A chào mừng và hoan nghênh B'); with
    `comma`, 'A, <titles> B' too, a title of B's there (a new name after a title is another person)."""
    spans = [next((r for r in view.refs if k in r.keys), None) for k in keys]
    if None in spans:
        return False
    first, second = sorted(spans, key=lambda r: r.begin)
    gap = view.sentence.text[first.end - view.sentence.begin:second.begin - view.sentence.begin]
    m = re.match(r"^\s*,\s*(?=[^,;]+$)" if comma else r"^\s*(?:và|cùng|cùng với)\s", gap)
    if comma and m:    # (no cue of an act between: 'A, <titles> tiếp B', 'A, <titles>, cảm ơn B' are two sides)
        data = _lexicon()[0]
        acts = [t for e in data["types"] for t in e["triggers"]] + data["receiving_verbs"] + data["welcome_verbs"] \
            + data["reporting_cues"] + data["thanks_cues"]
        if _cue(gap.casefold(), acts):
            return False
    return bool(m) and _titles_only(gap[m.end():])


def _modal_no_event(head: str, data, named: bool = False) -> bool:
    """'có thể …', 'được kỳ vọng …', an analyst's guess before the trigger; 'muốn gặp', 'mời … sang thăm'
    (a named session or congress ahead, 'tiến tới Đại hội XIV', is an announced one)."""
    if _cue(head, data["speculative_cues"]):
        return True
    if named:
        return False
    # near the trigger, or anywhere in its own clause ('mong muốn được đón Chủ tịch … X thăm …')
    clause = _patterns()["host"].sub(" ", re.split(r"[,;:]", head)[-1][-90:])   # 'theo lời mời của X' is no wish
    near = (head[-45:], clause)
    return any(_wished(part, data) for part in near)


def _wished(text: str, data, named: bool = False) -> bool:
    """A wish cue in `text` ('mong muốn', 'mời'; of a named event, 'chúc Đại hội … thành công'), not a
    congratulation on one held ('chúc mừng')."""
    text = re.sub(rf"(?<!\w)(?:{_alternation(data['congratulation_cues'])})(?!\w)", " ", text)
    cues = data["wish_cues"] + (data["named_wish_cues"] if named else [])
    return _cue(text, cues)


def _invitation(head: str, data) -> bool:
    """'trân trọng mời X sang thăm', 'chuyển lời mời sang thăm': an invitation in the trigger's own clause is
    no event held ('theo lời mời của X', 'nhận lời mời của X' name a host, not a wish)."""
    clause = re.split(r"[,;:]", head)[-1]
    return bool(re.search(rf"(?<!\w)(?<!khách )(?:{_alternation(data['invitation_cues'])})(?!\w)(?!\s+của\b)",
                          clause))


def _aim(head: str, data) -> bool:
    """'thúc đẩy ký kết', 'xúc tiến gặp gỡ': a verb right before the trigger makes it an aim, not an act."""
    return bool(data["goal_verbs"]) and bool(re.search(rf"(?<!\w)(?:{_alternation(data['goal_verbs'])})\s*$", head))


def _generic(head: str, data) -> bool:
    """'Tại các cuộc gặp, tiếp xúc', 'những cuộc điện đàm': meetings in general, not one event."""
    if any(head.rstrip().endswith(w) for w in data["generic_plurals"]) \
            and not (data["clause_openers"] and re.search(rf"(?<!\w)(?:{_alternation(data['clause_openers'])})$",
                                                          head.rstrip())):
        return True       # (but 'sau khi gặp X', 'trước khi hội đàm': one event, not 'khi gặp nhau')
    if re.search(rf"(?<!\w)(?:\d+|{_alternation(data['count_words'])})\s+lần\s+(?:\S+\s+)?$", head):
        return True       # 'đã có 4 lần sang thăm …': visits counted, not one told
    if re.search(rf"(?<!\w)(?:{_alternation(data['plural_markers'])})\s*$", head):
        return True       # 'thường xuyên tham gia các Hội nghị …': the plural right before the noun
    # 'các cuộc hội đàm, hội kiến giữa …': a noun coordinated with a general plural is general too
    plurals = [w for w in data["generic_plurals"] if w.split()[0] in data["plural_markers"]]
    return bool(re.search(rf"(?<!\w)(?:{_alternation(plurals)})\s+\S+(?:\s+\S+)?\s*(?:,|và)\s*$", head))


def _habitual(text: str, trig: "Trigger", data) -> bool:
    """An act told as a habit: a cue in the trigger's own clause ('hằng năm cử đoàn … sang thăm', 'gặp nhau định
    kỳ'), or before a bracket the trigger stands in, which lists instances of it ('tổ chức thường xuyên các hoạt
    động … (trong đó có việc cử đoàn sang thăm …)'). A day told between makes it one act."""
    cues = rf"(?<!\w)(?:{_alternation(data['habitual_cues'])})(?!\w)"
    lead = text[:trig.begin].casefold()
    lead = lead[max(lead.rfind(";"), lead.rfind(". ")) + 1:]
    clause = re.split(r"[,;:()]", lead)[-1]
    opening = lead.rfind("(")
    instances = opening > lead.rfind(")") and re.search(cues, lead[:opening])
    after = re.split(r"[,;:()]|\svà\s", text[trig.end:trig.end + 40].casefold())[0]
    if not (re.search(cues, clause) or instances or re.search(cues, after)):
        return False
    return not re.search(r"\d{1,2}\s*[/.-]\s*\d{1,2}|\bngày\s+\d", lead[-200:] if instances else clause)


def _after_report(head: str, data) -> int:
    """Where the reported clause starts in 'Người phát ngôn … cho biết, …' (0 when nothing is reported)."""
    found = [m.end() for m in re.finditer(rf"\b(?:{_alternation(data['reporting_cues'])})\b\s*(?:,|rằng|:)",
                                          head)]
    return found[-1] if found else 0


def _reported(ctx, view, a: int, trig: Trigger, head: str, data) -> int:
    """'Người phát ngôn X cho biết Tổng thống A sẽ gặp B', 'Nguyên Đại sứ X nhận định cuộc hội đàm …': a
    reporting verb with no comma whose clause has its own subject, or names the event itself, reports it."""
    found = list(re.finditer(rf"(?<!\w)(?:{_alternation(data['reporting_cues'])})\s+", head))
    if not found:
        return 0
    end = found[-1].end()
    if re.match(r"^(?:rằng\s+)?(?:các\s+|những\s+)?(?:cuộc|buổi|chuyến)\s*$", head[end:]) \
            or _refs_in(view, a + end, trig.begin):
        return end
    return 0


def _has_object(view, trig: Trigger, data) -> bool:
    """'tiếp Đại sứ …', 'gặp ông …': these triggers need a counterpart right after them ('viết tiếp',
    'tiếp' at a clause's end are no meeting)."""
    text = view.sentence.text
    if trig.etype["notation"] in PAIR_TYPES | {"visit"} and _group_object(view, trig, data):
        return False      # 'làm việc với một số Bộ, ngành', 'tiếp lãnh đạo các doanh nghiệp': no one meeting told
    if trig.etype["notation"] == "signing" and re.match(
            rf"\s*(?:(?:trước|dưới|với|có)\s+)?(?:{_alternation(data['witness_cues'])})(?!\w)", text[trig.end:].casefold()):
        return True       # '(thỏa thuận) được trao dưới sự chứng kiến của A và B': a handover told, witnessed
    if trig.etype["notation"] == "signing" and re.search(
            rf"(?:{_head_alternation(data['document_heads'])})\s+(?:\S+\s+){{0,3}}?(?:đã|được|vừa|đã được)\s*$",
            text[:trig.begin], re.I):
        return False      # 'các thỏa thuận đã ký kết': documents signed some time, no signing told
    if trig.etype["notation"] == "signing" and (
            re.search(rf"(?<!\w)(?:{_alternation(data['process_nouns'])})\s*$", text[:trig.begin], re.I)
            or re.search(rf"(?<!\w)(?:{_alternation(data['relative_markers'])})\s+(?:[^\s,;]+\s+){{0,4}}$",
                         text[:trig.begin])):
        return False      # 'trong quá trình ký kết …', '<Tuyên bố …> mà hai bên đã ký kết': no signing told
    if trig.etype["notation"] == "signing" and re.search(r"\b(?:đã được|được)\s*$", text[:trig.begin]) \
            and not re.match(r"^\s*(?:tại|vào|ngày|sáng|chiều|trong)\b", text[trig.end:]):
        return False      # '36 thỏa thuận … đã được ký kết.': signed documents counted, no signing told
    if trig.phrase in data["needs_document"]:
        # a named document ('ký Hiệp định …') or 'các văn kiện': not 'tiến tới ký thỏa thuận dài hạn'
        return bool(re.match(rf"^\s*(?:{_head_alternation(data['document_heads'])})\b", text[trig.end:]))
    if trig.phrase in data["needs_honour"]:
        clause = text[trig.end:trig.span_end].casefold()
        return any(re.search(rf"\b{re.escape(h)}\b", clause) for h in data["honour_heads"])
    if trig.phrase not in data["needs_object"]:
        return True
    if _pair_subject(view, trig):
        return True       # 'A và B đã có cuộc gặp (tại …).': both sides are the subject
    links = _alternation(data["object_links"])
    nxt = re.match(rf"\s*(?:(?:{links})\s+)?([\wÀ-ỹ]+)", text[trig.end:], re.I)
    if not nxt:
        return False
    word = nxt.group(1)
    if word[0].isupper() or word.isdigit():
        return True
    at = view.sentence.begin + trig.end + nxt.start(1)
    if any(r.begin == at for r in view.refs):
        return True
    two = " ".join(text[trig.end + nxt.start(1):].split()[:2]).casefold()
    return any(word.casefold() == w or two.startswith(w) for w in data["object_starters"])


def _group_object(view, trig: Trigger, data) -> bool:
    """The trigger's object is a group in general: counted vaguely ('một số Bộ', 'nhiều lãnh đạo', 'thăm một số
    địa phương'), bodies in the plural ('lãnh đạo các doanh nghiệp') or a community ('gặp gỡ kiều bào') with no
    one named before the clause ends."""
    text = view.sentence.text
    start = trig.end
    # ('gặp mặt và đối thoại bàn tròn với một số doanh nghiệp': the object of the verbs joined by 'và')
    joined = re.match(r"\s*(?:[^\s,;.]+\s+){1,6}?(?=với\s)", text[start:])
    if joined and "và" in joined.group(0).split():
        start += joined.end()
    heads = rf"(?:(?:{_alternation(data['group_heads'])})\s+)?"
    if re.match(rf"\s*(?:với\s+)?{heads}(?:{_alternation(data['vague_objects'])})\s", text[start:], re.I):
        return True
    plural = re.match(rf"\s*(?:với\s+)?{heads}(?:các|những)\s+(?:{_alternation(data['collective_objects'])})(?!\w)",
                      text[start:], re.I) \
        or trig.etype["notation"] in PAIR_TYPES and re.match(   # (a visit to them is still the guest's tour)
            rf"\s*(?:với\s+)?{heads}(?:(?:các|những|đông đảo)\s+)?(?:{_alternation(data['community_objects'])})(?!\w)",
            text[start:], re.I)
    counted = re.match(rf"[^;.]{{0,60}}?(?<!\w)của\s+(?:các|những|\d+|{_alternation(data['count_words'])})\s+"
                       rf"(?:{_alternation(data['collective_objects'])})(?!\w)", text[start:], re.I)
    if counted and not plural:
        # 'gặp Thủ hiến, Thị trưởng của 4 bang …': office holders of places counted, none of them named
        end = min(i for i in (text.find(";", start), len(text)) if i >= 0)
        base = view.sentence.begin
        return not any(r.kind == "person" and start <= r.begin - base < end for r in view.refs)
    if not plural:
        return False
    end = min(i for i in (text.find(";", start), text.find(",", start), len(text)) if i >= 0)
    base = view.sentence.begin
    return not any(r.kind in ("person", "org") and start <= r.begin - base < end for r in view.refs)


def _pair_subject(view, trig: Trigger) -> bool:
    """'A và B đã có cuộc gặp', 'Hai nhà lãnh đạo có buổi gặp riêng': a meeting noun after 'có' whose subject
    names both sides and which no counterpart follows."""
    text, base = view.sentence.text, view.sentence.begin
    if not re.search(r"(?<!\w)(?:có|tiến hành)\s+(?:một\s+)?(?:cuộc|buổi)\s*$", text[:trig.begin]) \
            or re.match(r"\s*(?:với|cùng)\b", text[trig.end:]):
        return False
    lead = [r for r in view.refs if r.kind in ("person", "plural") and trig.span_begin <= r.begin - base < trig.begin]
    if any(r.kind == "plural" for r in lead):
        return True
    return len(lead) >= 2 and bool(re.search(r"\s(?:và|cùng)\s", text[lead[-2].end - base:lead[-1].begin - base]))


def _document(text: str, data) -> tuple[str, str] | None:
    """The named document a signing is of ('ký Hiệp định Thương mại tự do … (KVFTA)'): its name and
    its identity (the bracketed abbreviation, else the name without the countries)."""
    m = re.match(rf"^\s*(?:chính thức\s+)?((?:{_head_alternation(data['document_heads'])})\b[^,;.(]*)"
                 r"(?:\(([A-ZĐ][A-Z0-9&-]{1,9})\))?", text)
    if not m or not m.group(1)[:1].isupper() or len(m.group(1).split()) < 3:
        return None
    name = m.group(1).strip()
    stops, verbs = _alternation(data["document_name_ends"]), _alternation(data["document_verb_openers"])
    ends = re.search(rf"\s(?:(?:{stops})|và\s+(?:{verbs}))(?=\s|$)", name)
    if ends:    # the name stops before a predicate or a second act ('… và cùng gặp gỡ báo chí')
        name = name[:ends.start()].strip()
        if len(name.split()) < 3:
            return None
        return name, key(re.sub(r"[\s-]+", " ", lexicons.strip_countries(name)[0]))
    if m.group(2):
        return f"{name} ({m.group(2)})", m.group(2)
    shown = name
    # a bracket naming the kind, not the document ('Bản Ghi nhớ (MoU) giữa … về …'): the name goes on past it
    more = re.match(r"\(([^()]{1,12})\)([^,;.(]*)", text[m.end():])
    if more and more.group(2).strip():
        name = f"{name} {more.group(2).strip()}"
        shown = f"{shown} ({more.group(1)}) {more.group(2).strip()}"
    base, _ = lexicons.strip_countries(name)
    return shown, key(re.sub(r"[\s-]+", " ", base))


def _possessor(view, text: str, k: str, start: int) -> bool:
    """'chuyển lời thăm hỏi của Tổng Bí thư X', 'về kết quả chuyến thăm của Thủ tướng X': a person named
    after 'của' belongs to a noun, not to the meeting; so do those coordinated with X ('của A và B, C')."""
    base = view.sentence.begin
    refs = [r for r in view.refs if r.kind == "person" and r.begin - base >= start]
    for n, r in enumerate(refs):
        if k in r.keys:
            return _owned(view, text, refs, n, start)
    return False


def _owned(view, text: str, refs, n: int, start: int) -> bool:
    base = view.sentence.begin
    lead = text[start:refs[n].begin - base]
    # ('của Thủ tướng X': a capitalised title word may go on in lower case; 'có sự tham dự của X': X attends)
    owner = re.search(rf"\bcủa(?:\s+[{CAP}][^\s,;]*(?:\s+[a-zà-ỹđ][^\s,;]*)?){{0,6}}\s*$", lead)
    if len(lead) > 8 and owner:
        return not re.search(rf"(?<!\w)(?:{_alternation(_lexicon()[0]['attendance_nouns'])})\s*$",
                             lead[:owner.start()].casefold())
    if not n:
        return False
    # 'của A và <titles> B', 'của A, <titles> B': B is coordinated with A when only titles lie between
    gap = text[refs[n - 1].end - base:refs[n].begin - base]
    m = re.match(r"^\s*(?:,\s*(?:và\s+)?|và\s+)", gap)
    if not m or len(gap) > 60:
        return False
    return _titles_only(gap[m.end():]) and _owned(view, text, refs, n - 1, start)


def _titles_only(text: str) -> bool:
    """Only titles: capitalised words and the lower-case words that go on one ('Bộ trưởng', 'đồng chí')."""
    words = text.split()
    titles = [t.split() for t in _lexicon()[0]["possessor_titles"]]
    # ('Chủ tịch nước': up to two lower-case words after a capitalised one)
    return all(w[:1].isupper() or any(words[j][:1].isupper() for j in range(max(0, i - 2), i))
               or any(words[j:j + len(t)] == t for t in titles for j in range(max(0, i - len(t) + 1), i + 1))
               for i, w in enumerate(words))


def _plural_subject(view, trig: Trigger, in_sentence, events: list[Event], start: int = 0) -> list[str]:
    """'…; hai nhà lãnh đạo chứng kiến lễ ký': those of the event just told (the plural within the
    trigger's own subject, from `start`: not 'Hai Thủ tướng đánh giá cao việc A và B đã …')."""
    lead = [r for r in view.refs if r.kind == "plural"
            and max(trig.span_begin, trig.prev_end, start) <= r.begin - view.sentence.begin < trig.begin]
    if not lead:
        return []
    # ('Sau hội đàm, hai Bộ trưởng chứng kiến …': the event named back in this sentence is the one just told, even
    # when others were added after it)
    last = lambda e: max((m.sentence, m.begin) for m in e.mentions)  # noqa: E731
    before = sorted((e for e in events if e.mentions and last(e)[0] >= view.index - 1 and e not in in_sentence),
                    key=last)[-1:]
    # (an event of this sentence with one side only, 'trước khi bắt đầu hội đàm, hai nhà lãnh đạo …' read as one
    # person, gives way to the pair told just before)
    for recent in (list(in_sentence), before):
        people = [e for e in reversed(recent) if len([k for k in e.attendees if k]) >= 2]
        if people:
            return list(people[0].attendees)
    return []


def _last_meeting(ctx, view, in_sentence, events: list[Event]) -> list[str]:
    """The persons of the last meeting, talks or call told in this sentence or the three before."""
    recent = list(in_sentence) + [e for e in _current(events) if e.mentions
                                  and max(m.sentence for m in e.mentions) >= view.index - 3]
    for ev in reversed(recent):
        if ev.type in PAIR_TYPES and _persons(ctx, ev.attendees):
            return _persons(ctx, ev.attendees)
    return []


def _place(view, text: str, a: int, b: int) -> str | None:
    """'tại Thủ đô Vientiane', 'tại sân bay quốc tế Wattay', 'tại Học viện …' (an institution), a country."""
    for m in PLACE.finditer(text, a, b):
        start = m.start(1)
        org = next((r for r in view.refs if r.kind in ("org", "country")
                    and r.begin - view.sentence.begin == start), None)
        if org is not None:
            return text[start:org.end - view.sentence.begin]
        # (the head read on into its lower-case words: 'tại Hội nghị thượng đỉnh …' names no place 'Hội')
        if not NOT_PLACES.match(text[start:m.end(1) + 20]):
            return m.group(1)
    return None


def _ceremony_name(ctx, trig: Trigger, text: str, attendees: list[str]) -> str:
    """'Lễ khánh thành Bệnh viện Hữu nghị', else the kind of ceremony and who took part."""
    phrase = text[trig.begin:trig.end]
    # ('Lễ khai mạc Ngày hội văn hóa Kenya - Peru lần thứ II năm 2025': a pair of countries inside the name)
    obj = re.match(rf"\s+((?:[{CAP}0-9][\wÀ-ỹ]*)(?:(?:\s+|\s*[-–]\s*)[\wÀ-ỹ]+){{0,10}}?)"
                   r"(?=[,.;]|\s+(?:tại|ở|cho|của|do|với|đã|được|sẽ|vừa|diễn ra|nhằm|để)\b|$)",
                   text[trig.end:trig.span_end])
    head = phrase[:1].upper() + phrase[1:]
    if obj:
        return f"{head} {obj.group(1)}"
    return _pair_name(ctx, {"vi": phrase}, attendees)


def _continues(ev: Event, trig: Trigger, view, ctx, in_sentence: list[Event]) -> Event | None:
    """'A tiếp B và Đoàn đến chào xã giao': a second trigger whose subject is the object of the previous
    one of the same type in the sentence tells the same event."""
    if not in_sentence or in_sentence[-1].type != ev.type or ev.type not in PAIR_TYPES:
        return None
    prev = in_sentence[-1]
    if trig.prev_end and re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", trig.text[trig.prev_end:trig.begin]):
        return prev     # 'A tiếp và làm việc với B': two verbs of one act
    # within its clause: 'A gặp B; gặp gỡ C' is a second meeting, not B's part of the first
    subject = _persons(ctx, _refs_in(view, max(trig.prev_end, trig.span_begin), trig.begin))
    if subject and set(subject) <= set(prev.attendees[1:]):
        last = max((r.end for r in view.refs if r.kind == "person" and set(r.keys) & set(subject)), default=0)
        if re.fullmatch(r"[^,;]*?\s*(?:,\s*)?và\s*", view.sentence.text[last - view.sentence.begin:trig.begin]) \
                and set(ev.attendees) - set(prev.attendees) \
                and not any(ch.isupper() for ch in view.sentence.text[last - view.sentence.begin:trig.begin]):
            return None  # 'A hội kiến B và gặp C': the verb after 'và' is A's, with C, a meeting of its own
        return prev
    return None


def _first_comma(text: str) -> int:
    m = re.search(r"[,;(]", text)
    return m.start() if m else len(text)


def _twin(ctx, ev: Event, trig: Trigger, attendees: list[str], dates, discourse_date) -> Event:
    twin = Event("", ev.type, ev.name, mentions=list(ev.mentions), status=ev.status)
    twin.family, twin.kind = ev.family, ev.kind
    twin.attendees = list(dict.fromkeys(attendees))
    twin.name = _pair_name(ctx, trig.etype, twin.attendees)
    _date(twin, dates, discourse_date, trig)
    return twin


def _bilateral_summit(ctx, ev: Event, trig: Trigger, rest: str, data) -> bool:
    """'A và B đã có hội nghị thượng đỉnh tại …', 'hội nghị thượng đỉnh một năm trước' of two leaders: a summit
    with no body's name (none but the two countries') and two persons of two countries attending."""
    if trig.phrase.removeprefix("noun:").casefold() not in data["summit_triggers"] or ev.ordinal is not None:
        return False
    tail = _name_tail(rest)
    base = lexicons.strip_countries(tail)[0].split()
    if any(w[:1].isupper() and w.casefold() in base for w in tail.split()):
        return False      # 'Hội nghị thượng đỉnh G20', '… APEC', '… về Khí hậu': a named summit of many
    persons = [k for k in ev.attendees if k in ctx.persons]
    return len(persons) == 2 == len(ev.attendees) and len({ctx.country_of(k) for k in persons} - {None}) == 2


def _standing(text: str, trig: Trigger) -> bool:
    """A named meeting with no number nor day in its clause, named as a standing mechanism ('duy trì cơ chế
    tham vấn … và Hội nghị Ủy ban hỗn hợp') or as one item of a list of areas ('tập trung vào các nội dung: trao
    đổi đoàn; Đối thoại Chiến lược an ninh; …'): no one event."""
    start = max(text.rfind(";", 0, trig.begin), text.rfind(":", 0, trig.begin)) + 1
    end = min((i for i in (text.find(";", trig.end), text.find(".", trig.end)) if i >= 0), default=len(text))
    if re.search(r"\d", text[start:end]):
        return False
    lead = text[start:trig.begin].casefold()
    if re.search(rf"(?<!\w)(?:{_alternation(_lexicon()[0]['mechanism_cues'])})(?!\w)", lead):
        return True
    # an item of a list opened by ':' and run on by ';', with no verb of its own before the name
    return ":" in text[:trig.begin] and not lead.strip() and (";" in text[:trig.begin] or ";" in text[trig.end:])


def _named_event(ctx, view, ev, trig, rest, before, after, last_subject, text) -> bool:
    notation = ev.type
    m = _patterns()["ordinal"].match(rest)
    general = re.match(rf"^[^,;.()]{{0,60}}?(?<!\w)(?:{_alternation(_lexicon()[0]['general_event_tails'])})(?!\w)",
                       rest.casefold())
    if general and (not m or general.end() <= m.start(m.lastindex)):
        return False    # 'Đại hội Đảng bộ các cấp', 'Kỳ họp Đại hội đồng … hằng năm': a kind of event, not one
    if not m and _standing(text, trig):
        return False
    if m:
        ev.ordinal = roman(m.group(1) or m.group(2))
    tail = _name_tail(rest)
    start = view.sentence.begin + trig.end
    owner = next((o for o in re.finditer(r"\scủa\s", tail) if any(
        r.kind == "person" and start + o.end() <= r.begin <= start + len(tail) for r in view.refs)), None)
    if owner:
        tail = tail[:owner.start()]    # '… lần thứ 23 của Thủ tướng X': the one attending, no part of the name
    coordinated = re.match(r"\s+và\s+[^,;.()\[\]]{1,50}?\s*\([A-ZĐ][A-Z0-9Đ-]{1,9}\)", rest[len(tail):])
    if coordinated:
        tail += coordinated.group(0)   # '… Nhóm các nền kinh tế phát triển và mới nổi … (G20)': one name to its acronym
    elif not owner and tail.strip():
        tail += _name_after_and(view, start + len(tail), rest[len(tail):])
    # the body the name holds ('Kỳ họp lần thứ 48 Ủy ban …', 'Hội nghị Cấp cao ASEAN lần thứ 47'), never the
    # next organisation of the clause ('… lần thứ 19 với Chính phủ …')
    orgs_after = [k for r in view.refs if r.kind == "org" and start <= r.begin <= start + len(tail) for k in r.keys]
    if orgs_after and notation != "high-level-meeting":
        ev.organizer = orgs_after[0]
    if notation in ("session", "congress") and ev.ordinal is None and ev.organizer is None \
            and "kỳ họp" not in trig.phrase:
        return False
    if notation == "high-level-meeting":
        orgs_in = _refs_in(view, trig.span_begin, trig.span_end, ("org",))
        parties = [k for k in orgs_in if ctx.orgs.get(k) and ctx.orgs[k].kind == "party"]
        if not parties and re.search(r"hai [Đđ]ảng", rest):
            parties = _ruling_parties(ctx)
        ev.attendees = parties
        ev.name = _pair_name(ctx, trig.etype, parties)
        return True
    elif notation == "session":
        # only those said to chair or attend it; a leader who merely proposes holding it is not there
        lead = text[trig.span_begin:trig.begin]
        if _patterns()["chair"].search(lead) or re.search(r"\bdự\b|tham dự", lead):
            ev.chairs = list(before)
            if re.search(r"\bcùng\b[^,;]*chủ trì", lead):     # 'X … cùng Y chủ trì': X co-chairs with Y
                ev.chairs = list(dict.fromkeys(_clause_subject(ctx, view, trig) + ev.chairs))
            if len(ev.chairs) == 1 and _cue(lead.casefold(), _lexicon()[0]["co_chair_cues"]):
                ev.chairs += _inviter(ctx, view, ev.chairs[0])
        ev.attendees = list(ev.chairs)
    elif notation in ("conference", "forum"):
        # 'Năm 2010, Việt Nam đã tham dự Hội nghị …': a subject that is no person, not the last one named
        told = before or after[:1] or any(trig.span_begin <= r.begin - view.sentence.begin < trig.begin
                                           for r in view.refs if r.kind in ("country", "org"))
        ev.attendees = before or after[:1] or ([] if told else list(last_subject))
        # 'Tham dự Hội nghị … có A, B và C', 'X dự Hội nghị … cùng với A và …': everyone listed attends
        lead = text[trig.span_begin:trig.begin].casefold()
        if re.search(rf"(?<!\w)(?:{_alternation(_lexicon()[0]['sideline_links'])})\s*$", lead):
            # 'A đã có cuộc họp với B …, bên lề Hội nghị …': both sides met there, both attend
            ev.attendees = list(dict.fromkeys(ev.attendees + [
                k for k in _persons(ctx, _refs_in(view, trig.span_begin, trig.begin, ("person",)))
                if not _possessor(view, text, k, trig.span_begin)]))
        presence = list(re.finditer(rf"(?<!\w)(?:{_alternation(_lexicon()[0]['attendance_nouns'])})\s+của\s", lead))
        if presence and re.fullmatch(r"[^,;]*?(?:\s(?:tại|ở|trong))?\s*", lead[presence[-1].end():]):
            # 'X ghi nhận sự tham gia của Peru tại Hội nghị …': those whose presence it is, not who remarks on it
            ev.attendees = _persons(ctx, _refs_in(view, trig.span_begin + presence[-1].end(), trig.begin, ("person",)))
        listing = re.match(r"^[^;,]*?(?:,\s*)?\s(?:có|gồm)\s", rest) if re.search(
            rf"(?<!\w)(?:{_alternation(_lexicon()[0]['attend_cues'])})\s*$", lead) else None
        listing = listing or re.match(r"^[^;,]*?\scùng(?:\s+với)?\s", rest)
        if listing:
            stop = text.find(";", trig.end + listing.end())
            listed = _persons(ctx, _refs_in(view, trig.end + listing.end(),
                                            stop if stop >= 0 else trig.span_end, ("person",)))
            ev.attendees = list(dict.fromkeys(before + listed)) if listed else ev.attendees
        joint = "|".join(_lexicon()[0]["joint_markers"])
        if re.search(rf"\b(?:{joint})$", trig.phrase) or re.match(rf"^\s*(?:{joint})\b", rest):
            ev.attendees = list(dict.fromkeys(ev.attendees + principals(ctx, list(ctx.persons.values()))))
    ev.name = " ".join((text[trig.begin:trig.end] + tail).split()).strip(" ,.;:")
    short = re.match(r"\s*(\([A-ZĐ][A-Z0-9Đ]{1,9}\))", rest[len(tail):])
    if short and _acronyms(short.group(1)) and not _acronyms(ev.name):
        ev.name += " " + short.group(1)     # '… Thái Bình Dương (APEC)': the acronym that tells the body
    if trig.phrase.removeprefix("noun:") in _lexicon()[0]["press_triggers"]:
        ev.name = _pair_name(ctx, {"vi": trig.phrase.removeprefix("noun:")}, ev.attendees)   # not its sentence
    if ev.ordinal is not None and ev.organizer in ctx.orgs and re.match(r"^\s*(?:lần\s+)?thứ\b", rest):
        # 'Kỳ họp (lần) thứ 48 (của) Ủy ban …': one name in every article, after the body
        org = ctx.orgs[ev.organizer]
        ev.name = f"{type_label(notation)} lần thứ {ev.ordinal} {org.label or org.name}"
    ev.name = ev.name[:1].upper() + ev.name[1:]
    return True


def _in_title(view, k: str) -> bool:
    """A body named only in a person's title ('Bộ trưởng Bộ Năng lượng Kenya Opiyo Wandayi'): titles alone, no
    comma, between it and the person after it."""
    base, text = view.sentence.begin, view.sentence.text
    refs = sorted(view.refs, key=lambda r: r.begin)
    for n, r in enumerate(refs):
        if r.kind != "org" or k not in r.keys:
            continue
        nxt = next((x for x in refs[n + 1:] if x.begin >= r.end), None)
        gap = text[r.end - base:nxt.begin - base] if nxt is not None else ","
        if nxt is None or nxt.kind != "person" or "," in gap or len(gap) > 40 or not _titles_only(gap):
            return False
    return True


def _witnesses(ctx, view, data) -> list[str]:
    """The persons named after 'sự chứng kiến của' ('… của Tổng thống, Chủ tịch nước A và Thủ tướng B'): titles
    between them, the first one's with commas; a comma with no 'và' after one of them ends the list."""
    base, text = view.sentence.begin, view.sentence.text
    cues = list(re.finditer(rf"(?<!\w)(?:{_alternation(data['witness_cues'])})(?!\w)", text.casefold()))
    out: list[str] = []
    for cue in cues:
        at = cue.end()
        for r in sorted(view.refs, key=lambda r: r.begin):
            if r.begin - base < at or r.kind != "person" or not any(k in ctx.persons for k in r.keys):
                continue
            gap = text[at:r.begin - base]
            if out and "," in gap and not re.search(r"(?<!\w)(?:và|cùng)(?!\w)", gap):
                break
            if not _titles_only(re.sub(r"(?<!\w)(?:và|cùng(?: với)?)(?!\w)|[,;]", " ", gap)) or ";" in gap:
                break
            out += [k for k in r.keys if k in ctx.persons and k not in out][:1]
            at = r.end - base
    return out


def _body_object(ctx, view, trig: Trigger, data) -> list[str]:
    """'làm việc với Bộ Y tế Kenya': a body of the graph named right after the cue (after a link at most), with
    no person there, is who is met."""
    base, text = view.sentence.begin, view.sentence.text
    members = _alternation(data["group_heads"] + data["body_members"])
    lead = rf"^\s*(?:(?:{_alternation(data['object_links'])})\s+)?(?P<heads>(?:(?:các|những)\s+)?(?:{members})\s+(?:của\s+)?)?$"
    for r in sorted(view.refs, key=lambda r: r.begin):
        if r.begin - base < trig.end or r.begin - base >= trig.next_begin:
            continue
        m = re.match(lead, text[trig.end:r.begin - base], re.I)
        if r.kind != "org" or not m:
            return []
        body = [k for k in r.keys if k in ctx.orgs and not _in_title(view, k)][:1]
        if body and m.group("heads"):
            # 'tiếp lãnh đạo Tập đoàn X': the leaders met are those the text names holding a post of X, else
            # the body itself
            holders = [p.key for p in ctx.persons.values() if any(post.org_key == body[0] for post in p.posts)]
            return holders or body
        return body
    return []


def _inviter(ctx, view, guest: str) -> list[str]:
    """'… đồng chủ trì Kỳ họp …, theo lời mời của Thủ tướng Y': Y, who invited the co-chair, of another side,
    co-chairs with him."""
    text = view.sentence.text
    invite = _patterns()["host"].search(text)
    if invite is None:
        return []
    side = ctx.country_of(guest)
    found = _persons(ctx, _refs_in(view, invite.end(), len(text), ("person",)))[:1]
    return [k for k in found if k != guest and ctx.country_of(k) not in (side, None)]


def _name_after_and(view, at: int, rest: str) -> str:
    """'Hội nghị Bộ trưởng Kinh tế và Thương mại …': a capitalised word after 'và' goes on with the name, unless
    it opens another event's noun or a person ('dự Hội nghị … và Diễn đàn …', '… và Tổng thống X')."""
    m = re.match(rf"\s+và\s+(?=[{CAP}])", rest)
    if not m:
        return ""
    more = _name_tail(" " + rest[m.end():])
    data = _lexicon()[0]
    nouns = _alternation(data["proper_triggers"] + data["press_triggers"] + data["classifiers"])
    if not more.strip() or re.match(rf"\s*(?:{nouns})(?!\w)", more.casefold()) \
            or any(r.kind in ("person", "plural", "country") and at + m.end() <= r.begin < at + m.end() + len(more)
                   for r in view.refs):
        return ""
    return rest[:m.end()] + more.lstrip()


def _clause_subject(ctx, view, trig: Trigger) -> list[str]:
    """The first person of the clause: 'Bà thăm …, đồng thời cùng Thủ tướng X chủ trì …' → 'Bà'."""
    return _persons(ctx, _refs_in(view, trig.span_begin, trig.begin))[:1]


def _history_place(ctx, ev: Event) -> str | None:
    """Where a past visit told in passing went, when its words name no place: the country named last before it in
    its sentence, not its guest's ('lần thứ hai X thăm Kenya, sau chuyến thăm đầu tiên …', 'ấn tượng về Kenya từ
    chuyến thăm năm 2008')."""
    first = min(ev.mentions, key=lambda m: (m.sentence, m.begin))
    view = ctx.views[first.sentence]
    own = {ctx.country_of(g) for g in ev.guests}
    codes = [r.keys[0] for r in view.refs if r.kind == "country" and r.end <= first.begin and r.keys[0] not in own]
    return lexicons.countries()[codes[-1]]["vi"] if codes else None


def _beside_guests(ev: Event, events: list[Event]) -> list[str]:
    """'Đây là chuyến thăm thứ hai của ông tới Na Uy, sau chuyến thăm năm 2010': a visit of years ago whose sentence
    names no one, beside the visit going on in that sentence, is that guest's earlier one."""
    told = {m.sentence for m in ev.mentions}
    beside = next((e for e in events if e is not ev and e.type == "visit" and e.guests
                   and {m.sentence for m in e.mentions} & told), None)
    return list(beside.guests) if beside is not None else []


def _history_guests(ctx, ev: Event) -> list[str]:
    """A past visit told in passing with no owner ('X chia sẻ ấn tượng … từ chuyến thăm năm 2008', 'lần thứ hai X
    thăm Y, sau chuyến thăm đầu tiên năm 2000', 'ấn tượng của A và B trong chuyến thăm Kenya năm 2006'): the
    nearest person named before it in its sentence (with one joined to them), not of the country visited nor a
    host. Given once mentions are merged: a visit of years ago stays apart from the one the article tells."""
    first = min(ev.mentions, key=lambda m: (m.sentence, m.begin))
    view = ctx.views[first.sentence]
    code = _country_named(ev.place) if ev.place else None
    named = [k for k in _persons(ctx, _refs_in(view, 0, first.begin - view.sentence.begin, ("person",)))
             if k not in ev.hosts and (code is None or ctx.country_of(k) != code)]
    if len(named) >= 2 and _joined(view, named[-2:]):
        return named[-2:]
    return named[-1:]


def _visit(ctx, view, ev, trig, before, after, past, text, events=()) -> bool:
    data = _lexicon()[0]
    if _sightseeing(text[trig.end:trig.span_end], data):
        return False    # 'thăm khu phố cổ …': a place toured within the visit told, no visit of its own
    invite = _patterns()["host"].search(text[trig.span_begin:trig.span_end])
    inviters = _refs_in(view, trig.span_begin + invite.end(), trig.span_end) if invite else []
    if invite and trig.span_begin + invite.end() < trig.begin:
        inviters = inviters[:1]     # 'Nhận lời mời của A, <titles>, B sẽ thăm …': A invites, B is the guest
    attribution = re.match(r"^\s*Theo [^,]*,", text[trig.span_begin:trig.begin])
    if attribution:     # 'Theo X, A thăm …': not the source (a subject narrowed already stays so)
        told = _persons(ctx, _refs_in(view, trig.span_begin + attribution.end(), trig.begin))
        before = [k for k in before if k in told] or (told if before else before)   # narrows, never widens
    guest: list[str] = []
    own = text[trig.end:trig.span_end]
    inside = _patterns()["host"].search(own)
    own = own[:inside.start()] if inside else own         # 'theo lời mời của X' names the host
    # 'của' of the visit's own phrase, not of a noun in a purpose or other phrase after it ('… nhằm tăng cường quan
    # hệ giữa cơ quan lập pháp của hai nước')
    # ('của ông Ruto': a name follows, no pronoun)
    of = re.match(r"^(?:(?!\b(?:nhằm|để|giữa|với|về|và)\b)[^,;])*?\bcủa\s+(?:(" + _alternation(data["reflexive"])
                  + rf")\b(?!\s+[{CAP}]))?", own)
    if of and of.group(1):
        # 'chuyến thăm Việt Nam của ông hồi tháng 11/2023', 'chuyến thăm … của mình': the sentence's subject
        subject = _persons(ctx, _refs_in(view, 0, trig.begin)) or \
            _persons(ctx, _refs_in(view, trig.end + of.end(), len(text)))
        guest = [k for k in subject if k not in inviters][:1]
    elif trig.phrase.startswith("noun:"):
        # 'chuyến thăm … của X', 'X có chuyến thăm', 'X bắt đầu chuyến công tác'
        if of:           # X right after 'của' (titles and all), not the next clause's subject
            guest = _owner(ctx, view, trig, of, inviters)
        elif re.search(r"\b(?:có|bắt đầu|thực hiện|kết thúc|tiếp tục)\s*$", text[trig.span_begin:trig.begin]):
            guest = [k for k in before if k not in inviters][-1:]
        else:            # 'A tiếp B trong khuôn khổ chuyến thăm Kenya': the one not of the country visited
            guest = _visitor(ctx, view, trig, inviters)
    else:                # 'X … thăm chính thức': the nearest subject, unless the visit is X's ('… thăm Peru của Y')
        owner = _owner(ctx, view, trig, of, inviters, within_comma=True) if of else []
        visitors = [k for k in before if k not in inviters]
        guest = owner or visitors[-1:]
        if not owner and len(visitors) >= 2 and (_joined(view, visitors[-2:]) or _joined(view, visitors[-2:], True)):
            guest = visitors[-2:]     # 'A và B đã tới thăm trang trại …', 'A, <titles> B và đoàn đến thăm …': both go
    if _general_visitors(view, trig, data):
        return False    # 'hoan nghênh các nhà lãnh đạo Kenya sang thăm …': visitors in general, no one visit
    if guest and _sent_by(view, guest[0], trig, data):
        guest = _envoy(ctx, inviters)
    welcomer = guest if guest and _welcomes_visitor(view, guest[0], trig, data) else []
    if welcomer:
        guest = []      # 'X hoan nghênh đoàn đại biểu … thăm Việt Nam': X is of the host side
    if not guest and re.search(r"\b(?:bắt đầu|kết thúc)\s*$", text[trig.span_begin:trig.begin]):
        guest = [k for k in _persons(ctx, _refs_in(view, 0, trig.begin)) if k not in inviters][:1]
    if of and not guest and not of.group(1) and trig.phrase.startswith("noun:"):
        # 'chuyến thăm của Tổng thống Mỹ' with no name: the guest of that country's visit told before, else
        # no one (not the protagonist)
        title = re.split(r"[,;]", own[of.end():])[0]
        codes = lexicons.strip_countries(title)[1]
        guest = next((e.guests[:1] for e in reversed(events) if e.type == "visit" and e.guests
                      and ctx.country_of(e.guests[0]) in codes), [])
        if not guest:
            return False
    if not past and _welcomed_ahead(ctx, view, trig, guest, events, data):
        ev.status = "announced"
    ev.hosts = [k for k in inviters[:1] if k not in guest] or welcomer
    if ev.hosts and not welcomer and len(inviters) > 1 and inviters[1] not in guest + ev.hosts \
            and _coordinated(view, inviters[:2]):
        ev.hosts.append(inviters[1])   # 'thăm A và B theo lời mời của Thủ tướng A X và Thủ tướng B Y': both host
    if not ev.hosts and _destination_code(view, trig) is None:
        # a province, a city, a site: the one who welcomes the visitor there hosts it (a state visit's host
        # is its inviter, or no one)
        dest = _destination(ctx, view, trig, text) or ""
        site = dest[:1].islower() and not re.match(rf"(?:{_alternation(data['local_place_words'])})\b", dest)
        ev.hosts = _receiving(ctx, view, guest, trig, data, site)
    if not ev.hosts and not trig.phrase.startswith("noun:"):
        ev.hosts = [k for k in _visited(ctx, view, trig) if k not in guest][:1]
    if not ev.hosts:
        ev.hosts = [k for k in _guide(ctx, view, trig, data) if k not in guest][:1]
    if not ev.hosts and not trig.phrase.startswith("noun:"):
        ev.hosts = _visited_body(ctx, view, trig)
    ev.guests = guest
    ev.attendees = list(guest)
    if past and not guest:
        ev.status = "held"
    ev.place = _destination(ctx, view, trig, text)
    ev.name = f"{type_label('visit')} {', '.join(ctx.persons[g].name for g in guest)}".strip()
    return True


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def _country_forms() -> dict[str, str]:
    """Every name of a country (case-folded) → its code; not its capital or provinces."""
    return {n.casefold(): c["code"] for c in lexicons.countries().values() for n in c.get("forms", []) + [c["vi"]]}


def _country_form(place: str) -> str | None:
    return _country_forms().get(place.casefold())


@lru_cache(maxsize=1)
def _place_countries() -> dict[str, str]:
    """A place's name (case-folded) → its country: every country's names and capital, Vietnam's provinces."""
    out = {p.casefold(): "VN" for p in lexicons.load("places")["vietnam_provinces"]}
    for c in lexicons.countries().values():
        for name in c.get("forms", []) + [c.get("capital") or ""]:
            if name:
                out[name.casefold()] = c["code"]
    return out


def _welcomed_ahead(ctx, view, trig: Trigger, guest: list[str], events: list[Event], data) -> bool:
    """'… và hoan nghênh Thủ tướng Y thăm Kenya' told while the article's own events take place in another
    country (a forum in Lima): a visit welcomed ahead, not one going on. With no day told, and no visit of
    that guest told before."""
    text = view.sentence.text
    if not re.search(rf"(?<!\w)(?:{_alternation(data['welcome_verbs'])})\s[^,;]*$", text[trig.span_begin:trig.begin],
                     re.I) or find_dates(text):
        return False
    code = _destination_code(view, trig)
    if code is None or any(ctx.country_of(g) == code for g in guest) \
            or any(e.type == "visit" and guest and e.guests == guest for e in events):
        return False
    scene = next((c for e in _current(events) if e.type != "visit" and e.status == "held" and e.place
                  for c in [_place_country(ctx.doc.text, e.place)] if c), None)
    return scene is not None and scene != code


def _place_country(text: str, place: str) -> str | None:
    """The country of a place: a country's name or capital, a Vietnamese province, else the country the text
    names right after it ('tại Lima, Peru', 'tại Lima (Peru)')."""
    known = _place_countries().get(place.casefold())
    if known:
        return known
    for m in re.finditer(rf"(?<!\w){re.escape(place)}\s*(?:,|\()\s*([^,;.()]{{2,40}})", text):
        rest, codes = lexicons.strip_countries(m.group(1))
        if len(codes) == 1 and not rest.strip():
            return codes[0]
    return None


def _sightseeing(rest: str, data) -> bool:
    """'thăm khu phố cổ …', 'thăm một ngôi chùa', 'đến thăm Khu lưu niệm …': the place after the trigger is one
    toured, not a country, a city or an institution visited."""
    openers = _alternation(data["sightseeing_openers"])
    return bool(re.match(rf"\s*(?:(?:{openers})\s+)*(?:{_alternation(data['sightseeing_heads'])})(?!\w)",
                         rest.casefold()))


def _general_visitors(view, trig: Trigger, data) -> bool:
    """'X hoan nghênh các nhà lãnh đạo Kenya sang thăm …': the welcomed are named only as a general plural, no
    person among them."""
    low = view.sentence.text[trig.span_begin:trig.begin].casefold()
    verbs = list(re.finditer(rf"(?<!\w)(?:{_alternation(data['welcome_verbs'])})\s+", low))
    if not verbs or not re.match(rf"(?:{_alternation(data['plural_markers'])})\s", low[verbs[-1].end():]):
        return False
    start = view.sentence.begin + trig.span_begin + verbs[-1].end()
    return not any(r.kind == "person" and start <= r.begin < view.sentence.begin + trig.begin for r in view.refs)


def _visited(ctx, view, trig: Trigger) -> list[str]:
    """'A đến thăm bà B, <titles>': a person visited, named right after the verb with titles only between,
    receives the visit."""
    base, text = view.sentence.begin, view.sentence.text
    for r in sorted(view.refs, key=lambda r: r.begin):
        if r.begin - base < trig.end:
            continue
        if r.kind != "person" or not _titles_only(text[trig.end:r.begin - base]):
            return []
        return _persons(ctx, r.keys)[:1]
    return []


def _visited_body(ctx, view, trig: Trigger) -> list[str]:
    """'A đến thăm trụ sở chính Tập đoàn X', 'thăm nhà máy của Công ty X': a company or other body (no state's
    organ, no mission) whose site is visited, named after the verb with plain words only between, hosts."""
    base, text = view.sentence.begin, view.sentence.text
    for r in sorted(view.refs, key=lambda r: r.begin):
        if r.begin - base < trig.end:
            continue
        if r.kind != "org" or r.begin - base >= trig.next_begin \
                or not re.fullmatch(r"[\s\w]*", text[trig.end:r.begin - base]) \
                or any(ch.isupper() for ch in text[trig.end:r.begin - base]):
            return []
        body = [k for k in r.keys if k in ctx.orgs and ctx.orgs[k].kind == "organization"
                and not _in_title(view, k)][:1]
        if body and any(_same_body(ctx, post.org_key, body[0]) for p in ctx.persons.values() for post in p.posts) \
                or _persons(ctx, _refs_in(view, trig.end, len(text), ("person",))):
            # 'Chủ tịch Công ty X Y vui mừng được đón …', '…, do Y dẫn đi tham quan': its head, named, hosts
            return []
        return body
    return []


def _same_body(ctx, a: str | None, b: str) -> bool:
    """The same body, or one named within the other ('Công ty X thuộc Tập đoàn Y' and 'Tập đoàn Y')."""
    if a == b:
        return True
    if a not in ctx.orgs or b not in ctx.orgs:
        return False
    one, two = (f" {(ctx.orgs[k].label or ctx.orgs[k].name).casefold()} " for k in (a, b))
    return one in two or two in one


def _owner(ctx, view, trig: Trigger, of, inviters, within_comma: bool = False) -> list[str]:
    """The person right after the visit's 'của' (titles and all), not the next clause's subject; after a verb
    ('thăm Peru của Thủ tướng X') only one named before the next comma ('thăm cơ sở của Đại học X, cùng đi có
    Y' is not Y's)."""
    start = view.sentence.begin + trig.end
    comma = view.sentence.text.find(",", trig.end + of.end())
    end = start + of.end() + 60 if not within_comma or comma < 0 else view.sentence.begin + comma
    owner = [r for r in view.refs if r.kind == "person" and start <= r.begin <= end]
    honorifics = _alternation(_lexicon()[0]["possessor_titles"])
    gap = view.sentence.text[trig.end + of.end():min(r.begin for r in owner) - view.sentence.begin] if owner else ""
    if re.search(rf"(?<!\w)(?:{honorifics})\s+[{CAP}]", gap) and not _titles_only(gap):
        return []      # 'chuyến thăm của ông Ruto … mà Thủ tướng X …': the owner is one the text names short
    owners = [k for r in owner
              for k in r.keys if k not in inviters and not _past_other_title(view, trig.end + of.end(), r)]
    # ('chuyến thăm … của Nhà vua A và Hoàng hậu B': the royal couple, both guests)
    return owners[:2] if len(owners) > 1 and _consorts(view, owners[:2]) else owners[:1]


def _past_other_title(view, start: int, ref) -> bool:
    """'chuyến thăm của Tổng thống Kenya, Thủ tướng Peru X …': past a comma after a title of one country, a
    person of another is the next clause's subject, not the one the visit belongs to."""
    base = view.sentence.begin
    text = view.sentence.text   # titles carry their country in words the actor spans leave out
    # (a reference may run over both titles, 'Tổng thống Kenya, Thủ tướng Peru X': the comma inside it counts
    # when a country, no name, ends the part before it)
    comma = text.find(",", start, ref.end - base)
    if comma < 0:
        return False
    stripped, first = lexicons.strip_countries(text[start:comma])
    if comma > ref.begin - base and not stripped.endswith(" "):
        return False
    own = lexicons.strip_countries(text[comma:ref.end - base])[1]
    return bool(first) and bool(own) and not set(first) & set(own)


def _visitor(ctx, view, trig: Trigger, inviters) -> list[str]:
    """The guest of a visit named by its destination only ('… trong khuôn khổ chuyến thăm Kenya', 'cảm ơn X đã
    … qua chuyến thăm Peru'): the nearest person before it in its clause who is not of that country; with no
    one before ('Trong chuyến thăm Kenya dự …, Bộ trưởng X …'), the main clause's first such person."""
    owners = [k for k in _possessors(ctx, view, trig) if k not in inviters]
    if owners:
        return owners
    code = _destination_code(view, trig)
    if code is None:
        return []
    base, text = view.sentence.begin, view.sentence.text
    foreign = lambda keys: [k for k in _persons(ctx, keys) if k not in inviters  # noqa: E731
                            and ctx.country_of(k) not in (code, None)]
    before = foreign(_refs_in(view, trig.span_begin, trig.begin, ("person",)))
    if before:
        return before[-1:]
    if text[trig.span_begin:trig.begin].strip(" ,").casefold() not in _lexicon()[0]["occasion_openers"]:
        return []
    comma = text.find(",", trig.end)
    return foreign(_refs_in(view, comma + 1, len(text), ("person",)))[:1] if comma >= 0 else []


def _possessors(ctx, view, trig: Trigger) -> list[str]:
    """'những ấn tượng của Vua A và Hoàng hậu B trong chuyến thăm Kenya năm 2006': those whose impressions,
    feelings or words were of the visit made it (titles and 'và' only between them), not the clause's subject."""
    base, text = view.sentence.begin, view.sentence.text
    m = re.search(r"(?<!\w)của\s+([^,;]*?)\s+(?:trong|qua)\s+$", text[trig.span_begin:trig.begin])
    if not m:
        return []
    start, end = trig.span_begin + m.start(1), trig.span_begin + m.end(1)
    refs = sorted((r for r in view.refs if r.kind == "person" and start <= r.begin - base and r.end - base <= end),
                  key=lambda r: r.begin)
    if not refs or text[refs[-1].end - base:end].strip() or not _titles_only(text[start:refs[0].begin - base]):
        return []
    for one, two in zip(refs, refs[1:]):
        gap = re.match(r"^\s*(?:,|và)\s(.*)$", text[one.end - base:two.begin - base])
        if not gap or not _titles_only(gap.group(1)):
            return []
    return list(dict.fromkeys(k for r in refs for k in _persons(ctx, r.keys)))


def _guide(ctx, view, trig: Trigger, data) -> list[str]:
    """'X thăm nhà máy …, do Chủ tịch Tập đoàn Y trực tiếp dẫn đi tham quan': Y, who shows the guest round, hosts
    the tour (not 'do Y dẫn đầu', the delegation's own leader)."""
    text, base = view.sentence.text, view.sentence.begin
    m = re.search(rf"(?<!\w)do\s+([^;]{{1,100}}?)\s+(?:trực tiếp\s+)?(?:{_alternation(data['guide_verbs'])})(?!\w)",
                  text[trig.end:trig.span_end])
    if m is None:
        return []
    return _persons(ctx, _refs_in(view, trig.end + m.start(1), trig.end + m.end(1), ("person",)))


def _sent_by(view, guest: str, trig: Trigger, data) -> bool:
    """'Đặc phái viên của Thủ tướng X thăm …': X, named after an envoy's title and 'của', sent the visitor."""
    base, text = view.sentence.begin, view.sentence.text
    starts = [r.begin - base for r in view.refs if guest in r.keys and r.end - base <= trig.begin]
    return any(re.search(rf"(?<!\w)(?:{_alternation(data['envoy_titles'])})\s+của\s*$", text[:b].casefold())
               for b in starts)


def _envoy(ctx, inviters) -> list[str]:
    """The one person of the article given an envoy's title ('ông X, Đặc phái viên của …', 'Đặc phái viên …
    X'): the visitor an envoy's visit is of."""
    titles = set(_lexicon()[0]["envoy_titles"])
    text = ctx.doc.text
    found = []
    for k, p in ctx.persons.items():
        for m in p.mentions:
            after = text[m.end:m.end + 30].casefold().lstrip(" ,")
            before = text[max(0, m.begin - 80):m.begin].casefold()
            if k not in inviters and k not in found and (
                    any(after.startswith(t) for t in titles)
                    or re.search(rf"(?<!\w)(?:{_alternation(titles)})\b[^.;:]*,\s*(?:ông|bà|đồng chí)?\s*$", before)):
                found.append(k)
    return found if len(found) == 1 else []


def _welcomes_visitor(view, guest: str, trig: Trigger, data) -> bool:
    """A welcoming verb between the person taken for the guest and the trigger: that person welcomes the
    visitor ('X hoan nghênh đoàn đại biểu Bộ Nội vụ Kenya thăm …')."""
    base, text = view.sentence.begin, view.sentence.text
    ends = [r.end - base for r in view.refs if guest in r.keys and r.end - base <= trig.begin]
    if not ends:
        return False
    between = text[max(ends):trig.begin].casefold()
    return _cue(between, data["welcome_verbs"])


def _receiving(ctx, view, guest: list[str], trig: Trigger, data, site: bool = False) -> list[str]:
    """'Thống đốc X chào mừng Y và đoàn tới thăm …', 'X vui mừng được đón Y … đến thăm …': X receives the
    visitor, the host of that visit (not 'cảm ơn X về sự đón tiếp', a noun)."""
    if not guest:
        return []
    base, text = view.sentence.begin, view.sentence.text
    at = next((r for r in view.refs if guest[0] in r.keys and trig.span_begin <= r.begin - base < trig.begin), None)
    if at is None:
        return []
    verbs = _alternation(data["receiving_verbs"])
    before = [r for r in view.refs if r.kind == "person" and trig.span_begin <= r.begin - base and r.end <= at.begin]
    for r in reversed(before):
        between = text[r.end - base:at.begin - base]
        m = list(re.finditer(rf"(?<!\w)(?<!sự )(?:{verbs})(?!\w)", between.casefold()))
        if not m or ";" in between or not _titles_only(between[m[-1].end():]):
            continue
        host = [k for k in r.keys if k in ctx.persons and k not in guest][:1]
        # (a site's tour, 'đến thăm công ty', is received by the head of its body: any who holds a post of one)
        return host if host and (_local_office(ctx, view, host[0], r, data)
                                 or site and any(q.org is not None for q in ctx.persons[host[0]].posts)) else []
    return []


def _local_office(ctx, view, k: str, ref, data) -> bool:
    """A governor, a mayor, the head of a province or city ('Chủ tịch tỉnh X'): one who receives a visitor
    there for the place; a friendship society's chairman or a minister who welcomes him is no host."""
    if any(q.role in data["local_offices"] for q in ctx.persons[k].posts):
        return True
    text, base = view.sentence.text, view.sentence.begin
    title = re.split(r"[,;:]", text[:ref.begin - base])[-1].casefold()
    return _cue(title, data["local_place_words"]) and not any(
        q.org is not None and q.org.kind == "organization" for q in ctx.persons[k].posts)


def _country_named(name: str | None) -> str | None:
    return next((code for code, c in lexicons.countries().items() if name and c["vi"] == name), None)


def place_rank(place: str) -> int:
    """How narrow a place is: a country 0, a city or province (a capital, one of Vietnam's provinces, a name
    opened by 'thành phố', 'tỉnh') 1, anything else (a site, a city the lexicons lack) 2. One event told
    in several articles takes the narrowest place they give (kg.extract.crossdoc)."""
    if _country_named(place) or _country_form(place):
        return 0
    folded = place.casefold()
    if folded in _place_countries() or any(folded.startswith(p + " ") for p in _lexicon()[0]["area_prefixes"]):
        return 1
    return 2


def _destination_code(view, trig: Trigger) -> str | None:
    """The country a visit goes to when it is named right after the trigger ('chuyến thăm Kenya')."""
    m = re.match(r"^\s*(?:(?:chính thức|cấp [Nn]hà nước|làm việc|hữu nghị|(?:lần\s+)?đầu tiên|lần này|lần thứ\s+\w+)\s+)*"
                 r"(?:(?:tới|đến|sang|tại|ở)\s+)?(?:(?:đất\s+)?nước\s+)?", view.sentence.text[trig.end:])
    at = view.sentence.begin + trig.end + m.end()
    return next((r.keys[0] for r in view.refs if r.kind == "country" and r.begin == at), None)


def _destination(ctx, view, trig: Trigger, text: str) -> str | None:
    """Where a visit goes: the country named right after the trigger ('thăm chính thức Chile và Peru' → the
    first; 'chuyến thăm cấp Nhà nước tới Việt Nam'; a full name the lexicon lacks, then its abbreviation
    in brackets), else a site ('tới thăm cơ sở … của Đại học X') after a verb trigger; part of the visit's
    identity."""
    m = re.match(r"^\s*(?:(?:chính thức|cấp [Nn]hà nước|làm việc|hữu nghị|(?:lần\s+)?đầu tiên|lần này|lần thứ\s+\w+)\s+)*"
                 r"(?:(?:tới|đến|sang|tại|ở)\s+)?(?:(?:đất\s+)?nước\s+)?", text[trig.end:])
    at = view.sentence.begin + trig.end + m.end()
    named = re.match(r"^[^,;()]{3,60}\(", text[trig.end + m.end():])
    for r in view.refs:
        # ('thăm cấp Nhà nước Kenya': the country read as 'Nhà nước Kenya', begun inside the trigger)
        if r.kind == "country" and (r.begin == at or r.begin < at < r.end or named and r.begin == at + named.end()):
            return lexicons.countries()[r.keys[0]]["vi"]
    if trig.phrase.startswith("noun:"):
        return None
    site = re.match(r"^[^,;.()]{3,80}", text[trig.end + m.end():])
    if site and not any(r.begin == at for r in view.refs if r.kind in ("person", "plural")):
        # (a site ends where a date begins: 'thăm … Trung Hoa từ ngày 18-20/8')
        words = re.split(r"\s+(?:do|để|nhằm|và gặp|và làm việc|rồi)\s|\s+(?:(?:từ|vào)\s+)?(?:ngày\s+)?\d",
                         site.group(0))[0].split()
        if words and words[0].casefold() not in _lexicon()[0]["not_site_starts"]:
            return " ".join(words)      # a site: 'tới thăm cơ sở … của Đại học X', 'thăm Tổ hợp nhà máy …'
    return None


def _default_destination(ctx, ev: Event) -> str | None:
    """A visit whose text names no destination: a foreign guest comes to the publisher's country, one of
    ours goes to the other side the article is about."""
    guest = ev.guests[0] if ev.guests else None
    side = ctx.country_of(guest) if guest else None
    code = ctx.home if side and side != ctx.home else ctx.foreign if side == ctx.home else None
    return lexicons.countries()[code]["vi"] if code in lexicons.countries() else None


def _article_guest(ctx, events: list[Event]) -> str | None:
    """Who a welcome without a name ('đón Đoàn tại sân bay') is for: the guest of the visit told so far,
    else the article's protagonist unless it hosts the visit, else the other side's most-mentioned person."""
    visits = _state_visits(events)
    if visits and visits[-1].guests:
        return visits[-1].guests[0]
    hosts = {h for v in visits for h in v.hosts}
    if ctx.protagonist and ctx.protagonist not in hosts:
        return ctx.protagonist
    other = [k for k in principals(ctx, list(ctx.persons.values())) if ctx.country_of(k) != ctx.home]
    return other[0] if other else ctx.protagonist


def _state_visits(events: list[Event]) -> list[Event]:
    """Held visits to a country (not a site's tour), not one recalled from an earlier year: the frame of
    the article's meetings."""
    return [e for e in _current(events) if e.type == "visit" and e.status == "held"
            and (not e.place or _country_named(e.place))]


def _current(events: list[Event]) -> list[Event]:
    """The events of the article's own time: not those of an earlier year than its latest."""
    years = [e.start.year for e in events if e.start and e.start.year]
    latest = max(years) if years else None
    return [e for e in events if not (latest and e.start and e.start.year and e.start.year < latest)]


def _add_side_list(view, event: Event, ctx) -> None:
    """'Về phía Việt Nam có A; B …' right after an event: more participants of that event."""
    for k in _persons(ctx, _refs_in(view, 0, len(view.sentence.text))):
        if k not in event.attendees and not _possessor(view, view.sentence.text, k, 0):
            event.attendees.append(k)     # (not 'Cố vấn của Tổng thống X': X is named for his adviser)


def _name_tail(rest: str) -> str:
    """What names the event after its trigger: 'lần thứ 47', 'ASEAN', up to a verb or connective."""
    m = re.match(r"^((?:\s+(?:lần thứ|khóa|thứ)\s+\S+)?)(\s+(?:của\s+)?[^,;.(\[\]\"“]*)?", rest)
    tail = (m.group(1) or "") + (m.group(2) or "") if m else ""
    # (a name ends before words pointing back: 'Hội nghị G20 lần này cho thấy …')
    tail = re.split(r"\s+(?:lần này|lần đó|lần ấy|này|đó|ấy|nói trên|kể trên"
                    r"|và|để|vào|nhằm|diễn ra|tại|ở|với|trưa|sáng|chiều|tối|ngày|theo|do|trong khuôn khổ"
                    r"|trong|bên lề|nhân dịp|nhằm|từ ngày|từ|có|mang|đã|sẽ|được|là|vừa qua|năm nay|gồm|cùng)(?=\s|$)",
                    tail)[0]
    # a name ends at its number when lower-case words follow ('… G20 lần thứ 19 có chủ đề …')
    numbered = re.match(r"^(.*?\b(?:lần thứ|khóa|thứ)\s+\S+)\s+(\S+)", tail)
    if numbered and numbered.group(2)[0].islower() and numbered.group(2) != "của":
        return numbered.group(1)
    # and at its body's acronym when a run of lower-case words follows, a clause of its own ('Tuần lễ cấp cao APEC
    # một lần nữa chuyển tải …'), not the words that qualify it ('… ASEAN mở rộng', 'G20 về khí hậu', 'lần thứ 7')
    words = list(re.finditer(r"\S+", tail))
    last = max((n for n, w in enumerate(words) if re.fullmatch(r"[A-ZĐ][A-Z0-9Đ+-]{1,9}", w.group())), default=None)
    if last is not None:
        run = [w.group() for w in itertools.takewhile(lambda w: w.group()[:1].islower(), words[last + 1:])]
        qualifiers = _alternation(_lexicon()[0]["name_qualifiers"])
        if len(run) >= 4 and not re.match(rf"(?:{qualifiers})(?!\w)", " ".join(run)):
            return tail[:words[last].end()]
    return tail


def _pair_name(ctx, etype, keys) -> str:
    # the publisher's side first, as its reports tell them, so that every mention and article names it alike
    keys = sorted(keys, key=lambda k: ctx.country_of(k) != ctx.home)
    names = [ctx.persons[k].name if k in ctx.persons else (ctx.orgs[k].label or ctx.orgs[k].name) for k in keys
             if k in ctx.persons or k in ctx.orgs]
    label = etype["vi"]
    return f"{label[:1].upper()}{label[1:]} {' – '.join(names)}".strip()


def _governments(ctx, view, a: int, b: int) -> list[str]:
    """The governments of two or more countries named as the subject between `a` and `b`, and nothing else
    there that acts (general data: the body 'Chính phủ' and each country's name)."""
    base = view.sentence.begin
    refs = [r for r in view.refs if a <= r.begin - base and r.end - base <= b]
    named = {k: r for r in reversed(refs) if r.kind == "country" for k in r.keys}
    codes = list(dict.fromkeys(k for r in refs if r.kind == "country" for k in r.keys))
    if len(codes) < 2 or any(r.kind in ("person", "org", "plural") for r in refs):
        return []
    out = []
    body = _lexicon()[0]["government_body"]
    for code in codes:
        name = f"{body} {lexicons.countries()[code]['vi']}"
        k = f"{key(body)}|{code}"
        if k not in ctx.orgs:
            ctx.orgs[k] = Organization(k, name, {name}, code, "government", label=name)
        # (the country's name in the sentence is where the text tells of it)
        ctx.orgs[k].mentions.append(Mention(named[code].begin, named[code].end, view.index))
        out.append(k)
    return out


def _ruling_parties(ctx) -> list[str]:
    """'hai Đảng': the ruling parties of the two sides (general data in countries.json)."""
    out = []
    for code in ctx.sides():
        country = lexicons.countries()[code]
        name = country.get("ruling_party")
        if name:
            base = name[: -len(country["vi"])].strip() if name.endswith(country["vi"]) else name
            k = f"{key(base)}|{code}"
            if k not in ctx.orgs:
                ctx.orgs[k] = Organization(k, name, {name}, code, "party", label=name)
            out.append(k)
    return out


def _date(ev: Event, dates, discourse_date, trig: Trigger) -> None:
    """The date in the trigger's own stretch (up to the next trigger) first; then the sentence's opening
    one if no trigger comes before ('Chiều 5/3, X dự diễn đàn … trong khuôn khổ chuyến thăm từ 4 đến 6/3');
    then the occasion's ('gặp nhau bên lề Hội nghị … tháng 10'); then the nearest before it; then one opening
    the sentence ('Chiều 27/10, bên lề Hội nghị …, X gặp Y'); never a date told of another event."""
    # a bare year dates the event only right after its trigger ('chuyến thăm năm 2012'), not a target
    # further on ('… hoàn thành mục tiêu vào năm 2020')
    stop = len(trig.text)
    if _opening_phrase(trig):
        # 'Nhân dịp dự Hội nghị G20, chiều 6/7, X tiếp Y': the day after the phrase is the main clause's
        comma = trig.text.find(",", trig.end)
        stop = comma if comma >= 0 else stop
    stop_own = min(stop, trig.next_begin)
    since = _alternation(_lexicon()[0]["since_markers"])
    dates = [d for d in dates if not (d.year_only and re.search(rf"(?<!\w)(?:{since})\s*(?:năm\s*)?$",
                                                             trig.text[:d.begin].casefold()))]
    # (a date in brackets past a comma dates the noun right before it: 'gặp lại X, …, thỏa thuận của Cuộc gặp
    # cấp cao (tháng 1/2017)' is no day of the 'gặp lại'; 'Kỳ họp lần thứ 39 Ủy ban … (tháng 2/2017)' is its own)
    # ('chuyến thăm và tham dự Hội nghị thượng đỉnh … tại Kenya và thăm Chile từ ngày 5 - 11/7': the span is the whole
    # trip's, not the summit's own days, which the text does not give; a summit told between a visit and its span
    # alone, 'thăm Kenya và dự Hội nghị … từ ngày 5 - 8/7', keeps it)
    trip = ev.type in NAMED_TYPES and trig.prev_end and trig.prev_end == trig.prev_visit_end and trig.next_visit \
        and re.fullmatch(r"[^,;:()]{0,60}?\s(?:và|rồi)\s+(?:(?:tham\s+)?dự|tham gia)\s*",
                         trig.text[trig.prev_end:trig.begin].casefold())
    if trip:
        dates = [d for d in dates if d.end_date is None]
    own = [d for d in dates if trig.begin <= d.begin < stop_own and (not d.year_only or d.begin - trig.end < 40
                                                                     or _relative_year_of(trig.text, d, trig.end))
           and not (_bracketed(trig.text, d) and re.search(r"[,;:]", trig.text[trig.end:d.begin]))
           and not _opens_clause(trig.text, d, trig.end)]
    # (not one right after the cue before, no comma between: 'hội nghị thượng đỉnh một năm trước …, nơi … và X
    # đã đến thăm Kenya' dates the summit only)
    before = [d for d in dates if max(trig.window_begin, trig.span_begin) <= d.begin < trig.begin
              and not (trig.window_begin and re.fullmatch(r"[^,;:()]{0,12}", trig.text[trig.window_begin:d.begin]))]
    lead = [d for d in dates if d.begin < min(trig.lead_end, trig.begin)]
    # ('trước chuyến thăm của X hồi tháng 9, ông Y đã điện đàm …': the month is the visit's, not the call's; what
    # follows an event, 'Sau lễ dâng hoa sáng 10/11, X chứng kiến …', is mostly on its day)
    other_time = [w for w in _lexicon()[0]["relative_to_event"] if not w.endswith("sau") or w.startswith("từ")]
    before, lead = ([d for d in group if not _of_other_event(trig.text, d.begin, _lexicon()[0], other_time)]
                    for group in (before, lead))
    occasion = [d for d in dates if trig.next_begin <= d.begin < min(trig.occasion_end, stop)]
    if ev.type == "visit" and re.search(rf"(?<!\w)(?:{_alternation(_lexicon()[0]['occasion_links_visit'])})\s*$",
                                        trig.text[trig.span_begin:trig.begin].casefold()):
        # 'Chiều 1/7, tiếp tục các hoạt động trong chuyến thăm …': the act's day; a year or month holds both
        before, lead = ([d for d in group if not d.start.day] for group in (before, lead))
    if trig.prev_end and ev.type not in _lexicon()[0]["multi_day"]:
        # 'Trong khuôn khổ chuyến thăm từ 11 - 18/6, X hội kiến Y': a span after another cue is that event's
        before, lead = ([d for d in group if d.end_date is None] for group in (before, lead))
    if trig.prev_end and ev.type in NAMED_TYPES:
        # 'cuộc hội đàm ngày 5/3 với X, … Hội nghị thượng đỉnh …': a day after another event's cue is that
        # event's; a summit lasting days does not take the day of one meeting held during it (one opening a new
        # clause after ';' is the clause's: '…; riêng năm 2017, X đến Kenya dự Hội nghị …')
        before = [d for d in before if ";" in trig.text[trig.prev_end:d.begin]]
    multi = _lexicon()[0]["multi_day"]
    framed = ev.type in NAMED_TYPES and ev.type in multi and (trig.prev_end or not _opening_phrase(trig)) and re.search(
        rf"(?<!\w)(?:{_alternation(_lexicon()[0]['occasion_frames'])})\s*$",
        re.split(r"[,;:]", trig.text[trig.span_begin:trig.begin])[-1].casefold())
    # ('Chiều 16/11, X rời Lima, kết thúc chuyến thăm Peru, cũng như tham dự Tuần lễ cấp cao APEC': the day the trip
    # ends, not the summit's)
    framed = framed or ev.type in NAMED_TYPES and ev.type in multi and re.search(
        rf"(?<!\w)(?:{_alternation(_lexicon()[0]['end_cues'])})(?:\s+\S+){{0,3}}\s+chuyến\s+(?:thăm|công tác)",
        trig.text[:trig.begin].casefold())
    if framed:
        # 'Hôm nay 7/7, X hội đàm với Y bên lề Hội nghị G20': the day told is the talks'; the summit keeps only its
        # own ('Ngày 9/6, nhân dịp dự Hội nghị …, X gặp Y', the occasion told first, shares the day it opens with)
        before, lead = [], []
    if re.search(rf"(?<!\w)(?:{_alternation(_lexicon()[0]['eve_markers'])})\s*$",
                 trig.text[trig.span_begin:trig.begin].casefold()):
        # 'Trả lời phỏng vấn trước thềm chuyến thăm, X ngày 3/7 tuyên bố …': the event is the time the act is placed
        # by; the days told are the act's
        own, before, lead, occasion = [], [], [], []
        framed = True
    best = next((group[0] if group is own or group is occasion else group[-1]
                 for group in (own, before if not trig.prev_end else [], occasion, before, lead) if group), None)
    if best is not None and best.year_only:
        # 'Ngày 3/4/2026, … ký kết Chương trình hợp tác năm 2026': the day told of the same year is the act's
        best = next((d for d in reversed(before + lead) if d.start.day and d.start.year == best.start.year), best)
    # ('X vui mừng dẫn đầu đoàn tham dự Hội nghị …': the day of the talk, not of the meeting attended)
    spoken = (ev.type in NAMED_TYPES or ev.type == "ceremony") and re.search(
        rf"(?<!\w)(?:{_alternation(_lexicon()[0]['joy_cues'])})(?!\w)[^.;]{{0,120}}\b(?:tham\s+)?dự\s*$",
        trig.text[:trig.begin].casefold())
    if best is not None:
        ev.start, ev.end = best.start, best.end_date
    elif discourse_date is not None and not spoken and not framed and not trip and not re.search(
            rf"(?<!\w)(?:{_alternation(_lexicon()[0]['result_heads'])})\s+(?:(?:các|những)\s+)?(?:cuộc|chuyến|buổi)?\s*$",
            trig.text[:trig.begin].casefold()) and not re.search(
            rf"(?<!\w)(?:{_alternation(_lexicon()[0]['recent_passives'])})(?!\w)[^,;:]*$", trig.text[:trig.begin].casefold()) \
            and not re.match(
            rf"\s*(?:{_alternation(_lexicon()[0]['prior_leg_openers'])})(?!\w)", trig.text.casefold()) \
            and not re.search(
            rf"(?<!\w)(?:{since})(?!\w)", re.split(r"[,;:]", trig.text[trig.span_begin:trig.begin])[-1].casefold()) \
            and not (ev.type == "visit" and (
            _country_named(ev.place) or not ev.place and trig.phrase.startswith("noun:"))):
        # the day told is one day of a visit to a country ('chuyến thăm'), not its first; a place toured that day
        # ('đến thăm, dâng hoa tượng đài') keeps it
        ev.start = discourse_date


def _relative_year_of(text: str, d, after: int) -> bool:
    """'chuyến thăm … của Tổng thống X cuối năm ngoái': a year told relative to the article's, after the event's
    owner, dates the event (a bare 'năm 2020' that far is a target's); not a comparison ('so với năm ngoái')."""
    between = text[after:d.begin]
    return d.kind == "rel_year" and len(between) < 100 and not re.search(r"[;:()]", between) \
        and not re.search(r"(?:so với|hơn|cùng kỳ|kể từ|từ)\s+(?:(?:đầu|cuối|giữa)\s+)?$", between.casefold())


def _opens_clause(text: str, d, after: int) -> bool:
    """A day standing between commas after the trigger and before a capitalised subject ('dự Hội nghị G20 …,
    ngày 8/7, Thủ tướng X gặp …', '… sẽ dự Hội chợ …, sáng 23/9, Phó Thủ tướng đã qua cửa khẩu …'): it opens
    the next clause and dates that clause's act, not the event named before it (a span stays the event's)."""
    # (a few words and a bracket may qualify the day first: 'chiều 31/5 theo giờ Lima (rạng sáng 1/6 …), X …')
    return d.end_date is None and bool(d.start.day) and d.begin > after \
        and bool(re.search(r",\s*$", text[after:d.begin])) \
        and bool(re.match(rf"(?:\s+[^\s,;:()]+){{0,5}}?(?:\s*\([^()]*\))?\s*,\s*[{CAP}]", text[d.end:]))


def _bracketed(text: str, d) -> bool:
    """A date standing alone in brackets: '(tháng 1/2017)', '(2019)'."""
    return bool(re.search(r"\(\s*$", text[:d.begin])) and bool(re.match(r"\s*\)", text[d.end:]))


def _opening_phrase(trig: Trigger) -> bool:
    """The trigger sits in a phrase opening its clause on an occasion ('Nhân dịp dự …, ', 'Trong khuôn khổ
    chuyến thăm … nhân dịp dự …, '), a main clause with its own subject after it."""
    head = trig.text[trig.span_begin:trig.begin].casefold().rsplit(",", 1)[-1].lstrip()   # past 'Theo X, 
    openers = _alternation(_lexicon()[0]["occasion_openers"] + _lexicon()[0]["clause_openers"])
    return bool(re.match(rf"(?:{openers})\b", head)) and "," in trig.text[trig.end:]


def _dates_clash(a: DateValue | None, b: DateValue | None, days: bool = True) -> bool:
    """Two dates that cannot be one event's; events of several days ('visit') only clash by month."""
    if not a or not b:
        return False
    if a.year and b.year and a.year != b.year:
        return True
    if a.month and b.month and abs(a.month - b.month) > (0 if days else 1):
        return True
    return days and bool(a.day and b.day and a.day != b.day)


def _name_rank(name: str) -> tuple:
    """The name a reader recognises first: one with the event's number, then its body's acronym, then
    the longest."""
    return bool(re.search(r"\bthứ\s+\S", name)), bool(_acronyms(name)), len(name)


def _acronyms(name: str) -> set[str]:
    """'G20', 'APEC', 'ASEAN' in an event's name: what tells two mentions of one summit apart from another."""
    return {w for w in re.findall(r"\b[A-ZĐ][A-Z0-9Đ+]{1,9}\b", name) if any(c.isupper() for c in w[1:])
            or any(c.isdigit() for c in w)}


def _proper_words(ev: Event) -> set[str]:
    """The capitalised words that name a named event past its head and before its number, year or owner
    ('Diễn đàn Kinh tế Thế giới' → {kinh, thế})."""
    name = ev.name
    heads = next(t["triggers"] for t in _lexicon()[0]["types"] if t["notation"] == ev.type)
    head = next((h for h in sorted(heads, key=len, reverse=True) if name.casefold().startswith(h.casefold())), "")
    tail = re.split(r"\s(?:lần thứ|khóa|năm|của|do|tại|ở|với)\s", " " + name[len(head):] + " ")[0]
    return {w.casefold() for w in re.findall(r"[\wÀ-ỹ]+", tail) if w[:1].isupper()}


def _counterpart_words(rest: str) -> str:
    """The title and name right after a pair cue ('tiếp Chủ tịch Ủy ban Đối ngoại Quốc hội Kenya, …'), up to a
    comma or a phrase of place, occasion or time ('tiếp chủ tịch điều hành Ngân hàng …' too, a title written
    in lower case); '' when no capitalised title, body or name follows."""
    m = re.match(r"\s*(?:với\s+)?([^,;.()\[\]]*)", rest)
    # ('gặp gỡ lãnh đạo Nghị viện Kenya': the leaders of a body named, no one by name, still a counterpart)
    heads = _title_forms() + tuple(_lexicon()[0]["group_heads"])
    if not m.group(1)[:1].isupper() and not (
            re.match(rf"(?:{_alternation(heads)})(?!\w)", m.group(1), re.I)
            and any(w[:1].isupper() for w in m.group(1).split()[1:6])):
        return ""
    return re.split(r"\s(?:tại|ở|nhân|đang|trong|để|nhằm|về|sau|trước|vào|theo|cùng)\s", m.group(1) + " ")[0].strip()


@lru_cache(maxsize=1)
def _title_forms() -> tuple[str, ...]:
    """Every written form of a post ('chủ tịch', 'cố vấn', …), longest first."""
    return tuple(sorted({f.casefold() for r in lexicons.load("roles") for f in r["forms"]}, key=len, reverse=True))


def _named_apart(a: Event, b: Event) -> bool:
    """Two receptions told in different sentences whose counterparts are named by mostly different words ('tiếp
    Chủ tịch Ủy ban Đối ngoại Quốc hội Kenya …' and 'tiếp Bộ trưởng Ngoại giao Kenya …'): two, even when the
    graph holds no one for either name)."""
    if not a.counterpart or not b.counterpart or {m.sentence for m in a.mentions} & {m.sentence for m in b.mentions}:
        return False
    wa, wb = (set(re.findall(r"[\wÀ-ỹ]+", x.casefold())) for x in (a.counterpart, b.counterpart))
    short = min(len(wa), len(wb))
    return short >= 3 and len(wa & wb) * 2 <= short


def _named_alike(a: Event, b: Event) -> bool | None:
    """Two named events by their names: one by a shared acronym, two by different ones or by proper words each
    lacks; None when the names tell neither."""
    # 'Hội nghị thượng đỉnh G20 lần thứ 19' and 'Hội nghị thượng đỉnh G20 năm nay': the body's acronym
    if _acronyms(a.name) & _acronyms(b.name):
        return True
    if _acronyms(a.name) and _acronyms(b.name):
        return False
    # 'Hội nghị thượng đỉnh Tiếng nói Nam Bán cầu' and 'Hội nghị thượng đỉnh Vibrant Gujarat': each named
    # by words the other lacks (a name cut short to one word tells too little)
    own_a, own_b = _proper_words(a), _proper_words(b)
    if len(own_a) > 1 and len(own_b) > 1 and not (own_a <= own_b or own_b <= own_a):
        return False
    return None


def _countries_apart(a: Event, b: Event) -> bool:
    """The words naming the other side of two meetings name countries, none the same ('điện đàm với lãnh đạo
    Trung Quốc' and 'cuộc điện đàm với Tổng thống Mỹ'): two meetings, with two countries' leaders."""
    named = [_countries_in(e.counterpart) for e in (a, b)]
    return all(named) and not named[0] & named[1]


@lru_cache(maxsize=4096)
def _countries_in(words: str) -> frozenset[str]:
    return frozenset(lexicons.strip_countries(words)[1]) if words else frozenset()


def _leaders_of_side(ctx, a: Event, b: Event) -> bool:
    """One names the other side as a body's leaders ('gặp gỡ lãnh đạo Quốc hội Kenya') and the other's sides hold
    posts in that body ('hội kiến Chủ tịch Thượng viện A và Chủ tịch Hạ viện B'): those leaders, by name."""
    heads = _alternation(_lexicon()[0]["group_heads"])
    return ctx is not None and any(
        re.match(rf"(?:{heads})\s", x.counterpart.casefold()) and _led_by_side(ctx, y, x.counterpart)
        for x, y in ((a, b), (b, a)))


def _compatible(a: Event, b: Event, ctx=None) -> bool:
    if a.family != b.family:
        return False
    if a.type != b.type:
        # a welcome told twice, as 'đón' and as 'lễ đón', by the same people or by some of them ('A đón B'; 'lễ
        # đón B đã được tổ chức … với nghi thức dành đón …'); not the welcome on arrival
        if not a.family or not a.attendees or not b.attendees or _dates_clash(a.start, b.start) \
                or "arrival" in (a.kind, b.kind):
            return False
        return set(a.attendees) <= set(b.attendees) or set(b.attendees) <= set(a.attendees)
    if a.type in ("ceremony", "signing") and a.kind and b.kind and a.kind != b.kind:
        return False
    if a.ordinal is not None and b.ordinal is not None:
        return a.ordinal == b.ordinal and (a.organizer == b.organizer or not a.organizer or not b.organizer)
    multi_day = a.type in _lexicon()[0]["multi_day"]
    if _dates_clash(a.start, b.start, days=not multi_day):
        return False
    if a.type in NAMED_TYPES and a.place and b.place:
        # ('Hội nghị thượng đỉnh G20 tại Brazil' and '… G20 tại Ấn Độ': two summits, the body's in two hosts' years)
        where = {_place_countries().get(a.place.casefold()), _place_countries().get(b.place.casefold())}
        if None not in where and len(where) > 1:
            return False
    if a.type in NAMED_TYPES and a.organizer and b.organizer \
            and a.organizer.split("|")[0] == b.organizer.split("|")[0]:
        return True       # 'Kỳ họp Ủy ban liên Chính phủ' in a headline, 'Kỳ họp lần thứ 39 Ủy ban liên Chính phủ …'
    if a.type in NAMED_TYPES:
        named = _named_alike(a, b)
        if named is not None:
            return named
    if a.type == "visit":
        if a.place and b.place and key(a.place) != key(b.place) \
                and (_country_form(a.place) is None or _country_form(a.place) != _country_form(b.place)) \
                and not _capital_of(a.place, b.place) and not _capital_of(b.place, a.place) \
                and not _site_named_again(a.place, b.place) and not _site_named_again(b.place, a.place):
            return False     # (one country named two ways, 'Trung Quốc' and 'Cộng hoà nhân dân Trung Hoa', is one place;
            # so is a country and its capital)
        if set(a.hosts) & set(b.guests) or set(b.hosts) & set(a.guests):
            return False      # the host of one is the guest of the other: two visits, one each way
        return not a.guests or not b.guests or a.guests == b.guests
    if not a.attendees or not b.attendees:
        return True
    if a.type in PAIR_TYPES and not (len(a.attendees) > 1 and set(a.attendees) == set(b.attendees)) \
            and (_named_apart(a, b) and not _leaders_of_side(ctx, a, b) or _countries_apart(a, b)):
        return False
    if a.type in PAIR_TYPES or a.type == "ceremony" and len(a.attendees) > 1 and len(b.attendees) > 1:
        # (two receptions of one evening by different hosts for one guest are two, not one)
        return set(a.attendees) <= set(b.attendees) or set(b.attendees) <= set(a.attendees) \
            or len(set(a.attendees) & set(b.attendees)) >= 2
    return bool(set(a.attendees) & set(b.attendees))


def _site_named_again(short: str, full: str) -> bool:
    """'đến thăm công ty' after 'đến thăm … Công ty Nidec …': a site named again by its common noun alone."""
    if not short[:1].islower() or any(w[:1].isupper() for w in short.split()) or short == full:
        return False
    return bool(re.search(rf"(?<!\w){re.escape(short.casefold())}(?!\w)", full.casefold()))


def _capital_of(city: str, country: str) -> bool:
    """'đang ở thăm Moskva' and 'chuyến thăm Nga': a visit to a country's capital is the visit to the country."""
    code = _country_named(country)
    return code is not None and (lexicons.countries()[code].get("capital") or "").casefold() == city.casefold()


def _inside(day: DateValue | None, start: DateValue | None, end: DateValue | None) -> bool:
    """A day within a span (years, where both give one, agree)."""
    if not day or not start or not end or not day.month or not day.day or not start.month or not end.month:
        return False
    if day.year and start.year and day.year != start.year:
        return False
    point = (day.month, day.day)
    return (start.month, start.day or 1) <= point <= (end.month, end.day or 31)


def _outside(day: DateValue | None, start: DateValue | None, end: DateValue | None) -> bool:
    """A day of the same month and year as a span, but not within it: no day of that event."""
    if not day or not start or not end or not day.day or day.month not in (start.month, end.month):
        return False
    if day.year and start.year and day.year != start.year:
        return False
    return not _inside(day, start, end)


def _told_apart(a: Event, b: Event) -> bool:
    """Two mentions in one sentence, one told as planned and the other as done ('… vừa ký kết cơ chế …, trong
    bối cảnh hai bên sắp ký Hiệp định …'): two events, not one told twice."""
    if a.status == b.status:
        return False
    return bool({m.sentence for m in a.mentions} & {m.sentence for m in b.mentions})


def _history_and_plan(a: Event, b: Event, today) -> bool:
    """One dated before the publication month and one told as still planned ('X gặp Y tại Nga vào tháng 9/2023';
    'X sẽ có cuộc gặp với Y'): two events, not one."""
    if today is None or a.status == b.status:
        return False
    past, plan = (a, b) if b.status == "announced" else (b, a)
    earlier = past.start is not None and past.start.year is not None and (
        past.start.year < today.year if past.start.month is None else _before(past.start, today.replace(day=1)))
    return plan.status == "announced" and earlier


def _history_and_now(a: Event, b: Event, today) -> bool:
    """A visit (or a summit) dated in a year before the article's and one the text tells undated ('… từ chuyến thăm
    năm 2008'; 'mong sớm đón X sang thăm'): one only when both name the same guest (the same number)."""
    if a.type != "visit" and a.type not in NAMED_TYPES or today is None or (a.start is None) == (b.start is None):
        return False
    dated, undated = (a, b) if a.start else (b, a)
    # ('… chuyến thăm Kenya của X hồi tháng 5 vừa qua', told by its month only, a month before the article's:
    # recalled too, not the visit the article reports, which an undated mention without its guest may be)
    recalled = dated.end is None and dated.start.month and not dated.start.day and not undated.guests \
        and ((dated.start.year or today.year), dated.start.month) < (today.year, today.month)
    if not recalled and (not dated.start.year or dated.start.year >= today.year):
        return False
    if a.type in NAMED_TYPES:
        # ('hội nghị thượng đỉnh một năm trước tại X' and the summit the article tells, undated): two, unless one
        # number names both
        return not (a.ordinal is not None and a.ordinal == b.ordinal)
    # (one told as going on, 'X đang có chuyến thăm …', is never the one of years ago)
    return undated.ongoing or not (a.guests and a.guests == b.guests)


def _done_and_ahead(a: Event, b: Event, today) -> bool:
    """Two meetings named after different things, one told as held, the other as planned for a day or month still
    ahead of the publication day ('bên lề Hội nghị Thượng đỉnh Nhóm …' held; 'mời X dự Hội nghị cấp cao APEC …
    tháng 11' ahead): two events, not one."""
    if today is None or a.status == b.status:
        return False
    done, plan = (a, b) if a.status == "held" else (b, a)
    if done.status == "held" and plan.start and plan.start.year and plan.start.year > today.year \
            and not (done.start and done.start.year == plan.start.year):
        return True      # ('sẽ tổ chức Hội nghị … vào năm 2026' is not the one held this year)
    if a.type not in NAMED_TYPES or not _proper_words(a) or not _proper_words(b) or _proper_words(a) & _proper_words(b):
        return False     # (a visit told ahead and then 'đã chọn … đến thăm' is one; so are mentions naming alike)
    ahead = lambda e: e.start is not None and e.start.month is not None and _after(e.start, today + timedelta(days=1))  # noqa: E731
    return ahead(plan) and not ahead(done)


def _merge(events: list[Event], today=None, ctx=None) -> list[Event]:
    """Mentions of one event as one; told once as planned and once as done, it is held unless its day is
    still ahead of the publication day (`today`)."""
    out: list[Event] = []
    for ev in events:
        options = [x for x in reversed(out) if _compatible(x, ev, ctx) and not _history_and_now(x, ev, today)
                   and not _history_and_plan(x, ev, today)
                   and not _told_apart(x, ev) and not _done_and_ahead(x, ev, today)]
        # an undated mention ('trong khuôn khổ chuyến thăm') is the visit going on before one of years ago
        target = next((x for x in options if x.ongoing and ev.start is None), options[0] if options else None)
        if target is None:
            out.append(ev)
            continue
        _join_sides_and_mentions(target, ev)
        if target.start is None or (ev.start and ev.start.day and not target.start.day):
            target.start, target.end = ev.start, ev.end
        elif ev.end is not None and target.end is None and target.type in _lexicon()[0]["multi_day"] \
                and (_inside(target.start, ev.start, ev.end) or _outside(target.start, ev.start, ev.end)):
            # a visit told on one of its days, then as a span; a summit dated by the day its guest set out
            # ('đêm 4/7 … lên đường dự Hội nghị G20') and then by its own span ('từ ngày 5-8/7')
            target.start, target.end = ev.start, ev.end
        elif target.end is not None and ev.end is not None and target.type in NAMED_TYPES \
                and _inside(ev.start, target.start, target.end) and _inside(ev.end, target.start, target.end):
            target.start, target.end = ev.start, ev.end     # 'thăm X và dự Hội nghị … từ 5-8/7', 'Từ 7-8/7, … dự Hội nghị'
        elif target.end is not None and ev.start and ev.end is None and target.type != "visit" \
                and not (target.type in _lexicon()[0]["multi_day"] and (
                    _outside(ev.start, target.start, target.end)
                    or target.start and (ev.start.month, ev.start.day) == (target.start.month, target.start.day))):
            # a day beats the span it falls in; not a forum's first day ('sáng 11/5 … dự Diễn đàn … từ 11-15/5')
            target.start, target.end = ev.start, None
        target.ongoing = target.ongoing or ev.ongoing
        target.counterpart = target.counterpart or ev.counterpart
        if target.type != ev.type and "ceremony" in (target.type, ev.type):
            target.type, target.kind = "ceremony", target.kind or ev.kind
        if target.ordinal is None and ev.ordinal is not None:
            target.organizer = ev.organizer or target.organizer   # the numbered mention names the body in full
        for attr in ("ordinal", "organizer", "place"):
            if getattr(target, attr) is None:
                setattr(target, attr, getattr(ev, attr))
        if target.type == "visit":
            pass                              # named from its guests once merging is done
        elif _name_rank(ev.name) > _name_rank(target.name):
            target.name = ev.name
        _settle_status(target, ev, today)
    return out


def _join_sides_and_mentions(target: Event, ev: Event) -> None:
    """`ev` told again as `target`: its sides and mentions join the target's."""
    for attr in ("attendees", "hosts", "guests", "chairs"):
        merged = getattr(target, attr)
        merged.extend(k for k in getattr(ev, attr) if k not in merged)
    target.mentions.extend(m for m in ev.mentions if m not in target.mentions)


def _settle_status(target: Event, ev: Event, today) -> None:
    """One event told once as planned and once as done is held, unless its day is still ahead of the
    publication day (`today`), with a day's grace: a report from abroad is dated by one clock, the event by
    another."""
    if ev.status != target.status:
        ahead = target.start is not None and target.start.day is not None and today is not None \
            and _after(target.start, today + timedelta(days=1))
        target.status = "announced" if ahead else "held"


def _link_visits(events: list[Event]) -> None:
    visits = _state_visits(events)
    if len(visits) != 1:
        return
    visit = visits[0]
    for ev in events:
        if ev is not visit and ev.type in ("talks", "meeting", "award", "speech", "ceremony", "signing", "session",
                                           "forum", "high-level-meeting", "conference"):
            if not visit.guests or not ev.attendees or set(visit.guests) & set(ev.attendees):
                ev.super_event = visit.key
        elif ev is not visit and ev.type == "visit" and ev.guests and ev.guests == visit.guests \
                and ev.place and not _country_named(ev.place) and (ev.start is None or visit.end is None
                                                                   or _inside(ev.start, visit.start, visit.end)):
            ev.super_event = visit.key    # 'chiều 11/3, X thăm Học viện …': a site toured on one of the visit's days


def _link_weeks(events: list[Event], data) -> None:
    """A summit or a dialogue of a body's week of meetings ('Tuần lễ cấp cao APEC' and 'Đối thoại giữa các nhà
    lãnh đạo APEC'): one of the week's own events, a node of its own inside the week."""
    weeks = [e for e in events if e.family in data["naming_families"] and _acronyms(e.name)]
    for ev in events:
        if ev.type not in NAMED_TYPES or ev.family in data["naming_families"]:
            continue
        week = next((w for w in weeks if _acronyms(w.name) & _acronyms(ev.name)
                     and not _dates_clash(w.start, ev.start, days=False)), None)
        if week is not None:
            ev.super_event = week.key


def trips(ctx, events: list[Event]) -> list[tuple[Event, str]]:
    """The events of an article that are one real visit, summit or act within a visit whichever day an article
    gives them, each with what it is (`trip`); and the talks, meetings and ceremonies of a visit: that visit's
    trip, their type, kind and sides (one welcome, one round of talks of the same two in one visit)."""
    whole = {ev.key: trip(ctx, ev) for ev in events}
    out = []
    for ev in events:
        visit = whole.get(ev.super_event) if ev.super_event else None
        if whole[ev.key]:
            out.append((ev, whole[ev.key]))
        elif visit and visit.startswith("visit|") and ev.type in ACTS_IN_VISIT and len(ev.attendees) > 1:
            out.append((ev, f"{visit}|{ev.type}|{ev.kind}|{'+'.join(sorted(ev.attendees))}"))
    return out


def trip(ctx, ev: Event) -> str | None:
    """What one real visit or summit is whichever day an article gives it, or none: a visit's guests and the
    country or place visited; a summit's body. Articles telling the same trip join across the corpus
    (kg.extract.crossdoc) when the days they give leave one answer."""
    if ev.type == "visit" and ev.guests and ev.place:
        return f"visit|{'+'.join(sorted(ev.guests))}|{key(ev.place)}"
    if _summit(ctx, ev):
        return f"{ev.type}|{ev.organizer}|summit"
    if _named_meeting(ev):
        return f"{ev.type}|{key(ev.name)}|{NAMED}"
    return None


NAMED = "named"   # the end of a named meeting's trip: its days, told otherwise by two articles, are one meeting's


def _named_meeting(ev: Event) -> bool:
    """A forum or conference known by a name of its own ('Diễn đàn Kinh tế Thế giới', 'Diễn đàn cấp cao hợp tác
    quốc tế'), unnumbered: the name past its head has an acronym, a capitalised word or three words, so that
    one name is one meeting within days ('Diễn đàn doanh nghiệp' names many)."""
    if ev.type not in NAMED_TYPES or ev.ordinal is not None or ev.family:
        return False
    heads = next(t["triggers"] for t in _lexicon()[0]["types"] if t["notation"] == ev.type)
    head = next((h for h in sorted(heads, key=len, reverse=True) if ev.name.casefold().startswith(h.casefold())), None)
    if head is None:
        return False
    tail = re.findall(r"[\wÀ-ỹ]+", ev.name[len(head):])
    return bool(_acronyms(ev.name) or _proper_words(ev) or len(tail) >= 3)


def _summit(ctx, ev: Event) -> bool:
    """The meeting of an international body's leaders ('Hội nghị Thượng đỉnh G20'), held once or twice a year:
    a conference such a body (of no one country) organizes, with no number, neither a week of meetings nor one
    of its ministers, officials or businesses."""
    org = ctx.orgs.get(ev.organizer) if ev.organizer else None
    if not (ev.type == "conference" and org is not None and not org.country and ev.ordinal is None and not ev.family):
        return False
    # the body's names taken out, a dash or plus left joins a partner: 'Hội nghị Cấp cao ASEAN - Nhật Bản',
    # 'ASEAN+3' (held the same week as the body's own)
    rest = ev.name.lower()
    for name in sorted(org.names | {org.name}, key=len, reverse=True):
        rest = rest.replace(name.lower(), " ")
    return not PARTNER.search(rest) and not _cue(rest, _lexicon()[0]["summit_qualifiers"])


def _identity(ctx, ev: Event, n: int, year_hint: int | None = None) -> str:
    """One key per real event, the same in every article that tells it: numbered sessions by body and
    number; visits by guest, destination and month (told by one article to the day, by another to the
    month); other dated events by type, participants and day, and year where known (the same two meet
    on the same day of two years: two talks). An article without a year learns it from another telling the
    same event by the key without it (`year_free`). Everything else stays local."""
    if ev.ordinal is not None and ev.organizer:
        return f"{ev.type}|{ev.organizer}|{ev.ordinal}"
    if ev.type == "signing" and ev.kind:
        return f"signing|{ev.kind}"
    # (a visit told only by its last day, 'kết thúc chuyến thăm … tối 31/5', goes by that day's month)
    when = ev.start if ev.start and ev.start.month else ev.end
    if ev.type == "visit" and ev.guests and ev.place and when and when.month:
        return f"visit|{'+'.join(sorted(ev.guests))}|{key(ev.place)}|{when.month}"
    if ev.start and ev.start.year and ev.start.month and _summit(ctx, ev):
        # (a body meets in the same month every year: the year tells its summits apart)
        return f"{ev.type}|{ev.organizer}|{ev.start.year}-{ev.start.month}"
    if ev.start and ev.start.day and ev.attendees:
        # (a press conference and the summit the same two attend that day are two: the family tells them apart)
        kind = f"{ev.kind}/{ev.family}" if ev.type in NAMED_TYPES and ev.family else ev.kind
        # (a reception of one no one knows by name is told apart by the words naming him: one host receives two)
        other = f"|{digest(key(ev.counterpart), 6)}" if ev.type in PAIR_TYPES and len(ev.attendees) < 2 \
            and ev.counterpart else ""
        year = ev.start.year or year_hint
        return f"{ev.type}|{kind}|{'+'.join(sorted(ev.attendees))}|{ev.start.month}-{ev.start.day}{other}" \
            + (f"|{year}" if year else "")
    return f"{ctx.doc.id}|{ev.type}|{n}|{digest(ev.name, 6)}"


YEAR_TOLD = re.compile(r"\|\d{4}$")


def year_free(key: str) -> str:
    """An event's key without the year a day's key ends in: what an article without a year shares with
    one telling the same event with it."""
    return YEAR_TOLD.sub("", key)
