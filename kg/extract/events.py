"""Meetings: typed by trigger phrases (kg/lexicons/events.json), with participants, roles, dates, places,
ordinals, and one record per real event within the article (mentions of the same event merge)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg import lexicons
from kg.extract.dates import find_dates
from kg.extract.context import principals
from kg.extract.model import DateValue, Event, Mention, Organization
from kg.text.clauses import clauses
from kg.text.normalize import digest, key
from kg.text.tokens import PhraseMatcher, tokenize

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
PLACE = re.compile(r"\b(?:tại|ở) ((?:(?:Thủ đô|thủ đô|thành phố|tỉnh|sân bay(?: quốc tế| quân sự)?|trụ sở)\s+)?"
                   r"[A-ZÀ-ỸĐ][\wÀ-ỹ]*(?:(?:\s+|\s*-\s*)[A-ZÀ-ỸĐ][\wÀ-ỹ]*)*)")
NOT_PLACES = re.compile(r"^(?:Kỳ|Lễ|Hội nghị|Cuộc|Diễn đàn|Đại hội|Phiên|Buổi)\b")

PAIR_TYPES = {"meeting", "talks", "phone-call", "award"}
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
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


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

    @property
    def family(self) -> str:
        return _family(self.phrase.removeprefix("noun:"))


def find_events(ctx) -> list[Event]:
    data, triggers, blocked = _lexicon()
    year = _reference_year(ctx)
    events: list[Event] = []
    discourse_date: DateValue | None = None
    for view in ctx.views:
        s = view.sentence
        low = s.text.casefold()
        past = any(w in low for w in data["past_markers"])
        dates = find_dates(s.text, year, discourse_date)
        if _lists_attendees(s.text, data) and events:
            _add_side_list(view, events[-1], ctx)
            continue
        last_subject: list[str] = []
        in_sentence: list[Event] = []
        found = _triggers(view, triggers, blocked, data)
        for n, trig in enumerate(found):
            trig.next_begin = found[n + 1].begin if n + 1 < len(found) else len(s.text)
            trig.prev_end = found[n - 1].end if n else 0
            # 'gặp nhau bên lề Hội nghị … tháng 10/2024': the occasion's stretch dates the meeting too
            gap = s.text[trig.end:trig.next_begin].casefold().rstrip()
            if n + 1 < len(found) and any(gap.endswith(w) for w in data["occasion_links"]):
                trig.next_begin = found[n + 2].begin if n + 2 < len(found) else len(s.text)
            new = _event(ctx, view, trig, dates, None if past else discourse_date, past, last_subject, data,
                         events)
            for ev in new:
                same = _continues(ev, trig, view, ctx, in_sentence)
                if same is not None:
                    same.attendees.extend(k for k in ev.attendees if k not in same.attendees)
                    same.mentions.extend(ev.mentions)
                    continue
                if ev.attendees:
                    last_subject = [k for k in ev.attendees if k in ctx.persons][:1] or last_subject
                events.append(ev)
                in_sentence.append(ev)
        points = [d for d in dates if d.end_date is None]      # a span ('từ 10 đến 13/9') is no time point
        if points and not past:
            discourse_date = points[-1].start
    merged = _merge(events)
    for ev in merged:
        if ev.type == "visit" and not ev.guests and ctx.protagonist:
            ev.guests = [ctx.protagonist]
            ev.attendees = [ctx.protagonist] + [k for k in ev.attendees if k != ctx.protagonist]
            ev.name = f"{type_label('visit')} {ctx.persons[ctx.protagonist].name}"
    merged = _merge(merged)
    for ev in merged:
        if ev.type == "visit":
            names = [ctx.persons[g].name for g in ev.guests if g in ctx.persons]
            ev.name = " ".join([type_label("visit")] + names)
    for n, ev in enumerate(merged):
        ev.key = _identity(ctx, ev, n)
        if ev.ordinal is not None and ev.organizer in ctx.orgs:
            org = ctx.orgs[ev.organizer]
            ev.name = f"{type_label(ev.type)} lần thứ {ev.ordinal} {org.label or org.name}"
    _link_visits(merged)
    return merged


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
                if phrase in proper and not toks[i].is_cap:
                    continue      # 'các diễn đàn đa phương': a common noun, not a named event
                trig = Trigger(etype, phrase, a + toks[i].begin, a + toks[end - 1].end, a, b, cont)
                if phrase in noun:
                    trig.phrase = "noun:" + phrase
                out.append(trig)
    return out


def _family(phrase: str) -> str:
    """Welcomes stay apart from other meetings and ceremonies of the same article."""
    for family, phrases in _lexicon()[0]["families"].items():
        if phrase in phrases:
            return family
    return ""


def _lists_attendees(text: str, data) -> bool:
    """'Về phía Việt Nam có A; B', 'Cùng dự lễ đón có A; B': a list of the previous event's participants."""
    return any(re.match(rf"^\s*{re.escape(m)}\b[^,.;]{{0,40}}?\bcó\b", text) for m in data["attendee_lists"])


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


def _event(ctx, view, trig: Trigger, dates, discourse_date, past, last_subject, data, events) -> list[Event]:
    s = view.sentence
    notation = trig.etype["notation"]
    a, b = trig.span_begin, trig.span_end
    before = _persons(ctx, _refs_in(view, max(a, trig.prev_end), trig.begin)) or \
        _persons(ctx, _refs_in(view, a, trig.begin))
    after = _persons(ctx, _refs_in(view, trig.end, min(b, trig.next_begin)))
    if trig.continues:
        before = list(dict.fromkeys(last_subject + before))
    ev = Event("", notation, trig.etype["vi"], mentions=[Mention(s.begin + trig.begin, s.begin + trig.end, view.index)])
    ev.family = trig.family
    if notation == "ceremony":
        ev.kind = trig.family or trig.phrase.removeprefix("lễ ")
    rest = s.text[trig.end:b]
    head = s.text[a:trig.begin].casefold()
    if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", head) for w in data["announced_cues"]):
        ev.status = "announced"
    if any(head.rstrip().endswith(w) for w in data["back_references"]):
        earlier = [e for e in events if e.type == notation]
        if earlier:              # 'triển khai kết quả hội đàm': the talks already told, not new ones
            earlier[-1].mentions.append(ev.mentions[0])
            return []
    if notation in NAMED_TYPES:
        if not _named_event(ctx, view, ev, trig, rest, before, after, last_subject, s.text):
            return []
    elif notation == "visit":
        _visit(ctx, view, ev, trig, before, after, past, s.text)
    else:
        if trig.phrase in data["welcome_triggers"]:
            # 'Đón X tại sân bay có A; B; C' and 'Ra đón có A và B': the whole list, across ';'
            # the one welcomed is often only 'Đoàn' or implied: the article's protagonist
            everyone = _persons(ctx, _refs_in(view, 0, len(s.text))) or list(last_subject)
            ev.attendees = list(dict.fromkeys(everyone + ([ctx.protagonist] if ctx.protagonist else [])))
            ev.name = _pair_name(ctx, trig.etype, ev.attendees)
        else:
            subject = before or list(last_subject)
            if notation in ("interview", "speech") and not before:
                # 'Trả lời phỏng vấn …, Bộ trưởng X khẳng định': the speaker is the clause's subject
                comma = s.text.find(",", trig.end, b)
                speaker = _persons(ctx, _refs_in(view, comma + 1, b)) if comma >= 0 else []
                subject = speaker[:1] or subject
            if not subject and not after and events:
                subject = [k for k in events[-1].attendees if k in ctx.persons]   # 'tiến hành hội đàm'
            chair = _patterns()["chair"].search(s.text[a:b])
            if chair:
                ev.chairs = before if chair.start() < trig.begin - a else after
            objects = [k for k in after if k not in subject]
            direct = _persons(ctx, _refs_in(view, trig.end, min(trig.end + _first_comma(rest), trig.next_begin)))
            if notation in PAIR_TYPES and len(subject) > 1 and _patterns()["respectively"].search(s.text[a:trig.begin]):
                return [_twin(ctx, ev, trig, [subj] + objects, dates, discourse_date) for subj in subject]
            if notation in PAIR_TYPES and len(direct) > 1 and re.search(r"\bvà\b", rest):
                return [_twin(ctx, ev, trig, subject + [obj], dates, discourse_date) for obj in direct]
            ev.attendees = list(dict.fromkeys(subject + objects + ev.chairs))
            ev.name = _pair_name(ctx, trig.etype, ev.attendees)
    ev.place = _place(view, s.text, a, b)
    if notation == "ceremony":
        ev.name = _ceremony_name(ctx, trig, s.text, ev.attendees)
    _date(ev, dates, discourse_date, trig)
    return [ev]


def _place(view, text: str, a: int, b: int) -> str | None:
    """'tại Thủ đô Vientiane', 'tại sân bay quốc tế Wattay', 'tại Học viện …' (an institution), a country."""
    for m in PLACE.finditer(text, a, b):
        start = m.start(1)
        org = next((r for r in view.refs if r.kind in ("org", "country")
                    and r.begin - view.sentence.begin == start), None)
        if org is not None:
            return text[start:org.end - view.sentence.begin]
        if not NOT_PLACES.match(m.group(1)):
            return m.group(1)
    return None


def _ceremony_name(ctx, trig: Trigger, text: str, attendees: list[str]) -> str:
    """'Lễ khánh thành Bệnh viện Hữu nghị', else the kind of ceremony and who took part."""
    phrase = text[trig.begin:trig.end]
    obj = re.match(r"\s+((?:[A-ZÀ-ỸĐ0-9][\wÀ-ỹ]*)(?:\s+[\wÀ-ỹ]+){0,6}?)(?=[,.;]|\s+(?:tại|ở|cho|của|do)\b|$)",
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
    subject = _persons(ctx, _refs_in(view, trig.prev_end, trig.begin))
    if subject and set(subject) <= set(prev.attendees[1:]):
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


def _named_event(ctx, view, ev, trig, rest, before, after, last_subject, text) -> bool:
    notation = ev.type
    m = _patterns()["ordinal"].match(rest)
    if m:
        ev.ordinal = roman(m.group(1) or m.group(2))
    orgs_after = _refs_in(view, trig.end, trig.span_end, ("org",))
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
        ev.attendees = list(ev.chairs)
    elif notation in ("conference", "forum"):
        ev.attendees = before or after[:1] or list(last_subject)
        joint = "|".join(_lexicon()[0]["joint_markers"])
        if re.search(rf"\b(?:{joint})$", trig.phrase) or re.match(rf"^\s*(?:{joint})\b", rest):
            ev.attendees = list(dict.fromkeys(ev.attendees + principals(ctx, list(ctx.persons.values()))))
    ev.name = " ".join((text[trig.begin:trig.end] + _name_tail(rest)).split()).strip(" ,.;:")
    return True


def _clause_subject(ctx, view, trig: Trigger) -> list[str]:
    """The first person of the clause: 'Bà thăm …, đồng thời cùng Thủ tướng X chủ trì …' → 'Bà'."""
    return _persons(ctx, _refs_in(view, trig.span_begin, trig.begin))[:1]


def _visit(ctx, view, ev, trig, before, after, past, text) -> None:
    invite = _patterns()["host"].search(text[trig.span_begin:trig.span_end])
    inviters = _refs_in(view, trig.span_begin + invite.end(), trig.span_end) if invite else []
    attribution = re.match(r"^\s*Theo [^,]*,", text[trig.span_begin:trig.begin])
    if attribution:
        before = _persons(ctx, _refs_in(view, trig.span_begin + attribution.end(), trig.begin))
    guest: list[str] = []
    if trig.phrase.startswith("noun:"):
        # 'chuyến thăm … của X', 'X có chuyến thăm', 'X bắt đầu chuyến công tác'
        if re.match(r"^[^,;]*?\bcủa\b", text[trig.end:trig.span_end]):
            guest = [k for k in after if k not in inviters][:1]
        elif re.search(r"\b(?:có|bắt đầu|thực hiện|kết thúc)\s*$", text[trig.span_begin:trig.begin]):
            guest = [k for k in before if k not in inviters][-1:]
    else:
        guest = [k for k in before if k not in inviters][-1:]   # 'X … thăm chính thức': the nearest subject
    ev.hosts = inviters[:1]
    ev.guests = guest
    ev.attendees = list(guest)
    if past and not guest:
        ev.status = "held"
    ev.name = f"{type_label('visit')} {', '.join(ctx.persons[g].name for g in guest)}".strip()


def _add_side_list(view, event: Event, ctx) -> None:
    """'Về phía Việt Nam có A; B …' right after an event: more participants of that event."""
    for k in _persons(ctx, _refs_in(view, 0, len(view.sentence.text))):
        if k not in event.attendees:
            event.attendees.append(k)


def _name_tail(rest: str) -> str:
    """What names the event after its trigger: 'lần thứ 47', 'ASEAN', up to a verb or connective."""
    m = re.match(r"^((?:\s+(?:lần thứ|khóa|thứ)\s+\S+)?)(\s+(?:của\s+)?[^,;.(]*)?", rest)
    tail = (m.group(1) or "") + (m.group(2) or "") if m else ""
    return re.split(r"\s+(?:và|để|vào|nhằm|diễn ra|tại|ở|với|trưa|sáng|chiều|tối|ngày|theo|do)\s", tail)[0]


def _pair_name(ctx, etype, keys) -> str:
    names = [ctx.persons[k].name if k in ctx.persons else (ctx.orgs[k].label or ctx.orgs[k].name) for k in keys
             if k in ctx.persons or k in ctx.orgs]
    label = etype["vi"]
    return f"{label[:1].upper()}{label[1:]} {' – '.join(names)}".strip()


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
    """The date in the trigger's own stretch (up to the next trigger) first, then the nearest before it."""
    if dates:
        own = [d for d in dates if trig.begin <= d.begin < trig.next_begin]
        before = [d for d in dates if trig.prev_end <= d.begin < trig.begin]
        best = own[0] if own else (before[-1] if before else min(dates, key=lambda d: abs(d.begin - trig.begin)))
        ev.start, ev.end = best.start, best.end_date
    elif discourse_date is not None:
        ev.start = discourse_date


def _dates_clash(a: DateValue | None, b: DateValue | None, days: bool = True) -> bool:
    """Two dates that cannot be one event's; events of several days ('visit') only clash by month."""
    if not a or not b:
        return False
    if a.year and b.year and a.year != b.year:
        return True
    if a.month and b.month and abs(a.month - b.month) > (0 if days else 1):
        return True
    return days and bool(a.day and b.day and a.day != b.day)


def _compatible(a: Event, b: Event) -> bool:
    if a.family != b.family:
        return False
    if a.type != b.type:
        # a welcome told twice, as 'đón' and as 'lễ đón', by the same people
        return bool(a.family) and bool(a.attendees) and set(a.attendees) == set(b.attendees) \
            and not _dates_clash(a.start, b.start)
    if a.type == "ceremony" and a.kind and b.kind and a.kind != b.kind:
        return False
    if a.ordinal is not None and b.ordinal is not None:
        return a.ordinal == b.ordinal and (a.organizer == b.organizer or not a.organizer or not b.organizer)
    multi_day = a.type in _lexicon()[0]["multi_day"]
    if _dates_clash(a.start, b.start, days=not multi_day):
        return False
    if a.type == "visit":
        return not a.guests or not b.guests or a.guests == b.guests
    if not a.attendees or not b.attendees:
        return True
    if a.type in PAIR_TYPES:
        return set(a.attendees) <= set(b.attendees) or set(b.attendees) <= set(a.attendees) \
            or len(set(a.attendees) & set(b.attendees)) >= 2
    return bool(set(a.attendees) & set(b.attendees))


def _merge(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        target = next((x for x in reversed(out) if _compatible(x, ev)), None)
        if target is None:
            out.append(ev)
            continue
        for attr in ("attendees", "hosts", "guests", "chairs"):
            merged = getattr(target, attr)
            merged.extend(k for k in getattr(ev, attr) if k not in merged)
        target.mentions.extend(m for m in ev.mentions if m not in target.mentions)
        if target.start is None or (ev.start and ev.start.day and not target.start.day):
            target.start, target.end = ev.start, ev.end
        elif target.end is not None and ev.start and ev.end is None and target.type != "visit":
            target.start, target.end = ev.start, None     # a day beats the span it falls in
        if target.type != ev.type and "ceremony" in (target.type, ev.type):
            target.type = "ceremony"
        for attr in ("ordinal", "organizer", "place"):
            if getattr(target, attr) is None:
                setattr(target, attr, getattr(ev, attr))
        if target.type == "visit":
            pass                              # named from its guests once merging is done
        elif len(ev.name) > len(target.name):
            target.name = ev.name
        if ev.status == "held":
            target.status = "held"
    return out


def _link_visits(events: list[Event]) -> None:
    visits = [e for e in events if e.type == "visit" and e.status == "held"]
    if len(visits) != 1:
        return
    visit = visits[0]
    for ev in events:
        if ev is not visit and ev.type in ("talks", "meeting", "award", "speech", "ceremony", "signing", "session",
                                           "forum", "high-level-meeting", "conference"):
            if not visit.guests or not ev.attendees or set(visit.guests) & set(ev.attendees):
                ev.super_event = visit.key


def _identity(ctx, ev: Event, n: int) -> str:
    """One key per real event: numbered sessions by body and number, dated events by type, participants and
    day; everything else stays local to its article."""
    if ev.ordinal is not None and ev.organizer:
        return f"{ev.type}|{ev.organizer}|{ev.ordinal}"
    if ev.start and ev.start.day and ev.attendees:
        return f"{ev.type}|{ev.kind}|{'+'.join(sorted(ev.attendees))}|{ev.start.month}-{ev.start.day}"
    return f"{ctx.doc.id}|{ev.type}|{n}|{digest(ev.name, 6)}"
