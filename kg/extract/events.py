"""Meetings: typed by trigger phrases (kg/lexicons/events.json), with participants, roles, dates, places,
ordinals, and one record per real event within the article (mentions of the same event merge)."""
from __future__ import annotations

import re
from functools import lru_cache

from kg import lexicons
from kg.extract.dates import find_dates
from kg.extract.model import DateValue, Event, Mention, Organization
from kg.text.normalize import digest, key
from kg.text.clauses import clauses
from kg.text.tokens import PhraseMatcher, tokenize

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ORDINAL = re.compile(r"^\s*(?:lần thứ|khóa|khoá|thứ)\s+(\d+|[IVXLC]+)\b|^\s+([IVXLC]+)\b")
PLACE = re.compile(r"\btại (?:(?:Thủ đô|thủ đô|thành phố|tỉnh|sân bay(?: quốc tế| quân sự)?)\s+)?"
                   r"((?:[A-ZÀ-ỸĐ][\wÀ-ỹ]*)(?:\s+[A-ZÀ-ỸĐ][\wÀ-ỹ]*)*)")
PAIR_TYPES = {"meeting", "talks", "phone-call", "award"}


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


@lru_cache(maxsize=1)
def _lexicon():
    data = lexicons.load("events")
    triggers = PhraseMatcher([(t, e) for e in data["types"] for t in e["triggers"]])
    blocked = PhraseMatcher([(t, t) for t in data["not_triggers"]])
    return data, triggers, blocked


def find_events(ctx) -> list[Event]:
    data, triggers, blocked = _lexicon()
    year = ctx.doc.published.year if ctx.doc.published else None
    events: list[Event] = []
    discourse_date: DateValue | None = None
    for view in ctx.views:
        s = view.sentence
        dates = find_dates(s.text, year, discourse_date)
        if dates:
            discourse_date = dates[-1].start
        last_subject: list[str] = []
        for c0, c1 in clauses(s.text):
            clause = s.text[c0:c1]
            toks = tokenize(clause)
            i = 0
            while i < len(toks):
                if blocked.match_at(toks, i):
                    i = blocked.match_at(toks, i)[0]
                    continue
                m = triggers.match_at(toks, i)
                if not m:
                    i += 1
                    continue
                end, etype = m
                t_begin, t_end = c0 + toks[i].begin, c0 + toks[end - 1].end
                new = _event(ctx, view, etype, clause, c0, t_begin, t_end, toks, end, dates, discourse_date,
                             last_subject, data)
                for ev in new:
                    if ev.attendees:
                        last_subject = ev.attendees[:1]
                    events.append(ev)
                i = end
    merged = _merge(events)
    for n, ev in enumerate(merged):
        ev.key = _identity(ctx, ev, n)
        if ev.ordinal is not None and ev.organizer in ctx.orgs:
            org = ctx.orgs[ev.organizer]
            ev.name = f"{data_label(ev.type)} lần thứ {ev.ordinal} {org.label or org.name}"
    _link_visits(merged)
    return merged


def _refs_in(view, a: int, b: int, kinds=("person", "plural")) -> list[str]:
    out: list[str] = []
    for r in view.refs:
        if r.kind in kinds and a <= r.begin - view.sentence.begin and r.end - view.sentence.begin <= b:
            out.extend(k for k in r.keys if k not in out)
    return out


def _event(ctx, view, etype, clause, c0, t_begin, t_end, toks, end, dates, discourse_date, last_subject, data):
    s = view.sentence
    notation = etype["notation"]
    local_b, local_e = t_begin - 0, t_end
    before = _refs_in(view, c0, local_b)
    after = _refs_in(view, local_e, c0 + len(clause))
    orgs_after = _refs_in(view, local_e, c0 + len(clause), ("org",))
    orgs_in = _refs_in(view, c0, c0 + len(clause), ("org",))
    ev = Event("", notation, etype["vi"], mentions=[Mention(s.begin + t_begin, s.begin + t_end, view.index)])
    rest = s.text[local_e:c0 + len(clause)]
    head = s.text[c0:local_b].casefold()
    if any(re.search(rf"\b{re.escape(w)}\b", head) for w in data["announced_cues"]):
        ev.status = "announced"
    past = any(w in s.text.casefold() for w in data["past_markers"])
    if notation in ("congress", "conference", "forum") and not s.text[local_b:local_e][:1].isupper():
        return []           # 'các diễn đàn đa phương': a common noun, not a named forum
    if notation in ("session", "congress", "conference", "forum", "high-level-meeting"):
        m = ORDINAL.match(rest)
        if m:
            ev.ordinal = roman(m.group(1) or m.group(2))
        if orgs_after:
            ev.organizer = orgs_after[0]
        if notation in ("session", "congress") and ev.ordinal is None and ev.organizer is None \
                and "kỳ họp" not in s.text[local_b:local_e].casefold():
            return []
        if notation == "high-level-meeting":
            parties = [k for k in orgs_in if ctx.orgs.get(k) and ctx.orgs[k].kind == "party"]
            if not parties and re.search(r"hai [Đđ]ảng", rest):
                parties = _ruling_parties(ctx)
            ev.attendees = parties
            ev.organizer = None
        elif notation == "session":
            # only those said to chair or attend it; a leader who merely proposes holding it is not there
            if re.search(r"chủ trì|\bdự\b|tham dự", s.text[c0:local_b]):
                ev.chairs = [k for k in before if k in ctx.persons]
            ev.attendees = list(ev.chairs)
        elif notation in ("conference", "forum"):
            ev.attendees = [k for k in before if k in ctx.persons] or list(last_subject)
        ev.name = clean_name(s.text[local_b:local_e] + _name_tail(rest, ctx, ev))
    elif notation == "visit":
        attribution = re.match(r"^\s*Theo [^,]*,", s.text[c0:local_b])
        start = c0 + attribution.end() if attribution else c0
        guest = [k for k in _refs_in(view, start, local_b) if k in ctx.persons] or (_refs_in(view, local_e, c0 + len(clause))[:1]
                                                              if re.match(r"^[^,;]*\bcủa\b", rest) else [])
        invite = re.search(r"(?:theo|nhận) lời mời của", s.text[c0:c0 + len(clause)], re.I)
        if invite:
            inviters = _refs_in(view, invite.end(), c0 + len(clause))
            guest = [g for g in guest if g not in inviters]
            ev.hosts = inviters[:1]
        if not guest and not past:
            guest = [ctx.protagonist] if ctx.protagonist and ctx.protagonist not in ev.hosts else []
        ev.guests = guest[:1]
        ev.attendees = list(ev.guests)
        ev.name = f"{etype['vi']} {', '.join(ctx.persons[g].name for g in ev.guests)}".strip()
    else:
        subject = [k for k in before if k in ctx.persons] or list(last_subject)
        objects = [k for k in after if k in ctx.persons and k not in subject]
        chair = re.search(r"(?:đồng |cùng )?chủ trì", clause)
        if chair:
            ev.chairs = [k for k in (before if chair.start() < local_b - c0 else after) if k in ctx.persons]
        if notation in PAIR_TYPES and len(objects) > 1 and re.search(r"\bvà\b", rest):
            out = []
            for obj in objects:
                twin = Event("", notation, etype["vi"], mentions=list(ev.mentions), status=ev.status)
                twin.attendees = subject + [obj]
                twin.name = _pair_name(ctx, etype, twin.attendees)
                _date(twin, dates, discourse_date, local_b, past)
                out.append(twin)
            return out
        ev.attendees = list(dict.fromkeys(subject + objects + ev.chairs))
        ev.name = _pair_name(ctx, etype, ev.attendees)
    place = PLACE.search(s.text[c0:c0 + len(clause)])
    if place:
        ev.place = place.group(1)
    _date(ev, dates, discourse_date, local_b, past)
    return [ev]


def data_label(notation: str) -> str:
    """The Vietnamese label of an event type, capitalised: 'Kỳ họp', 'Đại hội'."""
    label = next(t["vi"] for t in _lexicon()[0]["types"] if t["notation"] == notation)
    return label[:1].upper() + label[1:]


def clean_name(text: str) -> str:
    return " ".join(text.split()).strip(" ,.;:")


def _name_tail(rest: str, ctx, ev) -> str:
    m = re.match(r"^((?:\s+(?:lần thứ|khóa|thứ)\s+\S+)?)(\s+(?:của\s+)?[^,;.(]*)?", rest)
    tail = m.group(1) if m else ""
    if ev.organizer and ev.organizer in ctx.orgs:
        tail += " " + ctx.orgs[ev.organizer].name
    return tail


def _pair_name(ctx, etype, keys) -> str:
    names = [ctx.persons[k].name if k in ctx.persons else ctx.orgs[k].name for k in keys
             if k in ctx.persons or k in ctx.orgs]
    return f"{etype['vi']} {' – '.join(names)}".strip()


def _ruling_parties(ctx) -> list[str]:
    out = []
    for code in ctx.sides():
        name = lexicons.countries()[code].get("ruling_party")
        if name:
            k = f"{key(name.rsplit(' ', len(lexicons.countries()[code]['vi'].split()))[0])}|{code}"
            if k not in ctx.orgs:
                ctx.orgs[k] = Organization(k, name, {name}, code, "party", label=name)
            out.append(k)
    return out


def _date(ev: Event, dates, discourse_date, local_b: int, past: bool) -> None:
    if dates:
        best = min(dates, key=lambda d: abs(d.begin - local_b))
        ev.start, ev.end = best.start, best.end_date
    elif discourse_date is not None and not past:
        ev.start = discourse_date


def _compatible(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if a.ordinal is not None and b.ordinal is not None:
        return a.ordinal == b.ordinal and (a.organizer == b.organizer or not a.organizer or not b.organizer)
    if a.start and b.start and a.start.day and b.start.day and (a.start.day, a.start.month) != (b.start.day, b.start.month):
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
        target.mentions.extend(ev.mentions)
        if target.start is None or (ev.start and ev.start.day and not target.start.day):
            target.start, target.end = ev.start, ev.end
        for attr in ("ordinal", "organizer", "place"):
            if getattr(target, attr) is None:
                setattr(target, attr, getattr(ev, attr))
        if len(ev.name) > len(target.name) and target.type not in ("visit",):
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
        return f"{ev.type}|{'+'.join(sorted(ev.attendees))}|{ev.start.month}-{ev.start.day}"
    return f"{ctx.doc.id}|{ev.type}|{n}|{digest(ev.name, 6)}"
