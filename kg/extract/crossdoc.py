"""What one article learns from the others built with it: the name behind a bare title, the year of a
month-day, the node and country of a person it spells or marks otherwise; and which later statements
reaffirm an earlier target. Both only where the corpus leaves a
single answer; nothing is invented.

Each article is extracted on its own (a pure function, so it runs in a process pool and can be skipped
when unchanged) and leaves a `Summary` of what the others need. `corpus_hints` reads all summaries and
tells each article what it can learn; an article whose hints changed is extracted again with them."""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Protocol

from kg.extract.artifacts import name_rank, named_key
from kg.extract.context import ActorRef
from kg.extract.events import NAMED, place_rank, trips, year_free
from kg.extract.identity import Named, alike_keys, identities, tells_others
from kg.extract.model import DateValue, Person, Post
from kg.text.normalize import digest


YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass
class Hints:
    names: dict[str, list] = field(default_factory=dict)   # "role|country" → [person key, name, country]
    year: int | None = None
    persons: dict[str, list] = field(default_factory=dict)  # person key → [key of its node, country or None]
    dates: dict[str, str] = field(default_factory=dict)     # digest of an event key → its most precise date
    statuses: dict[str, str] = field(default_factory=dict)  # digest of an event key → its status in the corpus
    spans: dict[str, list] = field(default_factory=dict)    # digest of an event key → [start, end] where the
                                                            # articles' days for it differ
    titles: dict[str, str] = field(default_factory=dict)    # digest of an event key → its one name where the
                                                            # articles name it otherwise
    things: dict[str, str] = field(default_factory=dict)    # digest of a project's or agreement's key → its
                                                            # one name where the articles name it otherwise
    keys: dict[str, str] = field(default_factory=dict)      # digest of an event key → the key of the one event
                                                            # of the corpus it tells (an undated visit's trip)
    places: dict[str, str] = field(default_factory=dict)    # digest of an event key → its one place where the
                                                            # articles place it otherwise

    def __bool__(self) -> bool:
        return bool(self.names) or self.year is not None or bool(self.persons) or bool(self.dates) \
            or bool(self.statuses) or bool(self.spans) or bool(self.titles) or bool(self.things) \
            or bool(self.keys) or bool(self.places)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict | None) -> "Hints":
        return cls(**data) if data else cls()


@dataclass
class Summary:
    """What the other articles of a corpus need from this one; JSON-able, kept in the store's index."""
    article_id: str
    published: str | None
    observed: str | None                      # published, else its earliest fully dated event
    roster: list[list] = field(default_factory=list)     # [person key, name, country, [roles], marked]
    wanted: list[list] = field(default_factory=list)     # bare titles left unresolved: [role, country]
    events: list[list] = field(default_factory=list)     # [digest of the event key without its year, month,
                                                         # day] of each event (events.year_free)
    needs_year: bool = False
    targets: list[list] = field(default_factory=list)    # [signature, commitment id]
    dated: list[list] = field(default_factory=list)      # [digest of the event key, its start as ISO or None]
    read: list[list] = field(default_factory=list)       # persons as the article alone tells them, before
                                                         # any hint: [key, name, country, marked]
    statuses: list[list] = field(default_factory=list)   # [digest of the event key, its status as told here]
    ends: list[list] = field(default_factory=list)       # [digest of the event key, its end as ISO or None]
    titles: list[list] = field(default_factory=list)     # [digest of the event key, its name as told here]
    things: list[list] = field(default_factory=list)     # [digest of a project's or agreement's key, its name]
    trips: list[list] = field(default_factory=list)      # [event key, its trip (events.trip), its start as ISO
                                                         # or None] of each event that has a trip
    places: list[list] = field(default_factory=list)     # [digest of the event key, its place as told here]

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Summary":
        return cls(**data)


@lru_cache(maxsize=4096)
def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _when(s: Summary) -> date | None:
    """The day an article speaks of its holders: published, else a full date of its own (not one whose year
    came from the others: that would chain hints the incremental settling cannot follow)."""
    return _day(s.published or (s.observed if not s.needs_year else None))


def _holder(holders: dict[str, list], article_id: str, day: date | None) -> list | None:
    """The one holder of a post the other articles name at the time of an article: a dated article
    takes only a holder named in its own year; one seen only in other years may have come before or after
    it (a president of 2021 is not the bare 'Tổng thống' of 2020). An undated article takes the corpus's one
    holder, if there is one. Unsure, none."""
    seen = {person[0]: (person, [when for aid, when in named_in if aid != article_id and when is not None
                                 and day is not None and when.year == day.year])
            for person, named_in in holders.values()
            if any(aid != article_id and (day is None or (when is not None and when.year == day.year))
                   for aid, when in named_in)}
    if len(seen) == 1:
        return next(iter(seen.values()))[0]
    if day is None:
        return None
    # several in that year (a predecessor recalled, a change of office): the one named both before and after
    # the article, with no other named between those two days
    bracketing = []
    for key, (person, days) in seen.items():
        before, after = [d for d in days if d <= day], [d for d in days if d >= day]
        if before and after and not any(max(before) <= d <= min(after)
                                        for other, (_, others) in seen.items() if other != key for d in others):
            bracketing.append(person)
    return bracketing[0] if len(bracketing) == 1 else None


def summarize(ctx, events, extraction, needs_year: bool) -> Summary:
    published = ctx.doc.published.isoformat() if ctx.doc.published else None
    roster = [[p.key, p.name, p.country, sorted({post.role for post in p.posts if post.role}), p.marked]
              for p in ctx.persons.values()]
    wanted = sorted({(ref.role, ref.country) for _, ref in ctx.unresolved})
    targets = [[sig, k.id] for k in extraction.commitments for q in k.targets
               if (sig := target_signature(k, q)) is not None]
    return Summary(extraction.article_id, published, extraction.observed, roster, [list(w) for w in wanted],
                   [[digest(year_free(ev.key)), ev.start.month if ev.start else None,
                     ev.start.day if ev.start else None] for ev in events],
                   needs_year, targets, [[digest(ev.key), ev.start.iso() if ev.start else None] for ev in events],
                   [list(r) for r in ctx.read], [[digest(ev.key), ev.status] for ev in events],
                   [[digest(ev.key), ev.end.iso() if ev.end else None] for ev in events],
                   [[digest(ev.key), ev.name] for ev in events],
                   [[digest(named_key(t)), t.name] for t in extraction.named],
                   [[ev.key, sig, _trip_date(ev)] for ev, sig in trips(ctx, events)],
                   [[digest(ev.key), ev.place] for ev in events if ev.place])


def _trip_date(ev) -> str | None:
    """A trip's date as its key goes by (kg.extract.events._identity): its start, a visit told only by its
    last day that day; else the one year its name gives."""
    told = ev.end if ev.type == "visit" and not (ev.start and ev.start.month) and ev.end and ev.end.month \
        else ev.start
    return told.iso() if told else _year_named(ev.name)


def _year_named(name: str) -> str | None:
    """The one year an event's name gives ('… APEC 2017'), as ISO."""
    years = set(YEAR.findall(name))
    return years.pop() if len(years) == 1 else None


def corpus_hints(summaries: list[Summary]) -> dict[str, Hints]:
    """For every article, the names and year the rest of the corpus gives it (empty when none)."""
    # in article order: the first article naming a person gives the name told, and the summaries come in
    # the order the store or a set of ids gives them, which differs between runs
    summaries = sorted(summaries, key=lambda s: s.article_id)
    # an undated telling of a trip counts, for everything below, as a telling of the one dated trip it joins
    joins = _joins(summaries)
    summaries = [_rekeyed(s, joins[s.article_id]) if s.article_id in joins else s for s in summaries]
    # (role, country) → person key → [person, [(article id, its date) of the articles naming them]]
    holders: dict[tuple, dict[str, list]] = {}
    for s in summaries:
        for key, name, country, roles, _ in s.roster:
            for role in roles:
                found = holders.setdefault((role, country), {}).setdefault(key, [[key, name, country], []])
                found[1].append((s.article_id, _when(s)))
    dated: dict[str, date] = {}
    for s in summaries:
        # an article that writes a full date of its own is as good a clock as a publication date (not
        # one whose year came from the others: that would chain hints the incremental settling cannot follow)
        when = s.published or (s.observed if not s.needs_year else None)
        if when:
            for ev_key, _, _ in s.events:
                dated.setdefault(ev_key, _day(when))
    nodes = _person_nodes(summaries)
    best = _best_dates(summaries)
    statuses = _statuses(summaries, best)
    spans = _spans(summaries)
    titles = _titles(summaries)
    places = _places(summaries)
    things = _things(summaries)
    hints: dict[str, Hints] = {}
    for s in summaries:
        h = Hints(keys={digest(own): key for own, key in sorted(joins.get(s.article_id, {}).items())})
        for ev_key, iso in s.dated:
            found = best.get(ev_key)
            if found and found != iso and _precision(found) > _precision(iso) and _agree(found, iso):
                h.dates[ev_key] = found
        ends = dict((ev_key, iso) for ev_key, iso in s.ends)
        h.spans = {ev_key: spans[ev_key] for ev_key, iso in s.dated
                   if ev_key in spans and spans[ev_key] != [iso, ends.get(ev_key)]}
        h.statuses = {ev_key: statuses[ev_key] for ev_key, status in s.statuses
                      if statuses.get(ev_key, status) != status}
        h.titles = {ev_key: titles[ev_key] for ev_key, name in s.titles if titles.get(ev_key, name) != name}
        h.things = {k: things[k] for k, name in s.things if things.get(k, name) != name}
        h.places = {ev_key: places[ev_key] for ev_key, place in s.places if places.get(ev_key, place) != place}
        h.persons = _persons_told(s, nodes)
        for role, country in s.wanted:
            found = _holder(holders.get((role, country), {}), s.article_id, _when(s))
            if found:
                h.names[role_key(role, country)] = found
        if s.needs_year:
            # a visit is keyed to its month: its month alone places it in a year; an event told without a
            # day (a numbered session) ties the article to the other's time, so its own days are placed
            own_days = [(month, day) for _, month, day in s.events if month]
            years = {_year_for(m, d or 1, dated[k]) for k, month, day in s.events if k in dated
                     for m, d in ([(month, day)] if month else own_days)}
            if len(years) == 1:
                h.year = years.pop()
        hints[s.article_id] = h
    return hints


JOIN_DAYS = 45   # an undated telling of a trip this close to the days another article gives it tells that trip:
                 # no guest goes to one country twice in so short a time


def _joins(summaries: list[Summary]) -> dict[str, dict[str, str]]:
    """Article id → {its event key → the key of the event it tells}: an article telling a trip (a guest's visit
    to a place, a body's summit: kg.extract.events.trip) without a month joins the one trip of that guest and
    place, or body, another article dates to the month: within JOIN_DAYS of this article's day, or in the year
    it gives (a key told in different years is several trips: each but the first takes its year). Unsure,
    none: an article that tells the trip twice, or dates one itself, keeps its own; so does one near two dated
    trips. Tellings near no dated trip are one trip when they give one year (each joins the
    first of them, in time and then article order), or when their articles' days are close: each joins the
    first told within JOIN_DAYS before it. So a trip told again a year later stays another, and what an
    article learns depends only on the articles of about its time (the index finds them: `_trip_values`)."""
    by_key: dict[str, dict[str, list[tuple[tuple[date, date], str]]]] = {}
    out: dict[str, dict[str, str]] = {}
    same = _same_meeting(summaries)
    for s in summaries:
        when = _when(s)
        for ev_key, sig, iso in s.trips:
            days = _days_of(iso, when)
            if days is not None:
                if ev_key in same:
                    out.setdefault(s.article_id, {})[ev_key] = same[ev_key]
                    ev_key = same[ev_key]
                by_key.setdefault(sig, {}).setdefault(ev_key, []).append((days, s.article_id))
    # a visit's key goes by its month alone (so that an article without the year may learn it): the trips of
    # one month in different years are told apart here, each after the first year's taking its year
    anchors: dict[str, dict[str, list[tuple[str, tuple[date, date]]]]] = {}
    for sig, keys in by_key.items():
        for ev_key, tellings in keys.items():
            first = min(tellings)[0][0].year
            for days, aid in tellings:
                k = ev_key
                if days[0].year != first:
                    k = out.setdefault(aid, {})[ev_key] = f"{ev_key}|{days[0].year}"
                anchors.setdefault(sig, {}).setdefault(k, []).append((aid, days))
    alone: dict[tuple, list[tuple]] = {}     # (trip, year told or None) → (day, article id, key, status)
    for s in summaries:
        when = _when(s)
        told = Counter(sig for _, sig, _ in s.trips)
        statuses = dict((ev_key, status) for ev_key, status in s.statuses)
        for ev_key, sig, iso in s.trips:
            year, month, _ = _parts(iso)
            if month is not None or told[sig] != 1 or (year is None and when is None):
                continue
            status = statuses.get(digest(ev_key))
            near = {k for k, tellings in anchors.get(sig, {}).items()
                    if any(aid != s.article_id and (days[0].year == year if year else _near(when, status, days))
                           for aid, days in tellings)}
            if len(near) == 1:
                out.setdefault(s.article_id, {})[ev_key] = near.pop()
            elif not near:
                alone.setdefault((sig, year), []).append((when or date.min, s.article_id, ev_key, status))
    for (_, year), tellings in alone.items():
        tellings.sort()
        for n, (when, aid, ev_key, status) in enumerate(tellings):
            # (one told held, then one told ahead: the trip done and the next)
            first = next(t for t in tellings if year or (when - t[0]).days <= JOIN_DAYS
                         and not (t[3] == "held" and status == "announced" and t[0] < when))
            if n and first[1] != aid:
                out.setdefault(aid, {})[ev_key] = first[2]
    return out


MEETING_DAYS = 5   # a named meeting told on days this close to (or within) the days another article gives it is
                   # that meeting: one name is one forum within a week ('từ ngày 11-15/5' here, '15/5' there)


def _same_meeting(summaries: list[Summary]) -> dict[str, str]:
    """Key of a named meeting's telling → the key of the one meeting it is (kg.extract.events.trip): the
    tellings of one name whose days lie within (or MEETING_DAYS of) the days of the first, by start, join it."""
    told: dict[str, dict[str, tuple[date, date]]] = {}
    for s in summaries:
        when = _when(s)
        ends = dict(s.ends)
        for ev_key, sig, iso in s.trips:
            days = _days_of(iso, when) if sig.endswith(f"|{NAMED}") else None
            if days is None:
                continue
            last = _days_of(ends.get(digest(ev_key)), when)
            end = max(days[1], last[1]) if last else days[1]
            seen = told.setdefault(sig, {}).get(ev_key)
            told[sig][ev_key] = (min(days[0], seen[0]), max(end, seen[1])) if seen else (days[0], end)
    out: dict[str, str] = {}
    for keys in told.values():
        first, span = None, None
        for (start, end), ev_key in sorted((days, k) for k, days in keys.items()):
            if span is not None and start <= span[1] + timedelta(days=MEETING_DAYS):
                out[ev_key] = first
                span = (span[0], max(span[1], end))
            else:
                first, span = ev_key, (start, end)
    return out


SLACK_DAYS = 2   # an article of the day a trip begins may tell it ahead or begun (time zones, the hour it appeared)


def _near(when: date, status: str | None, days: tuple[date, date]) -> bool:
    """Whether an undated telling in an article of day `when` may tell the trip dated `days`: close in time,
    and not a trip over by then told ahead ('sẽ thăm'), nor one still to come told as done."""
    if _apart(when, days) > JOIN_DAYS:
        return False
    if status == "announced":
        return days[1] >= when - timedelta(days=SLACK_DAYS)
    if status == "held":
        return days[0] <= when + timedelta(days=SLACK_DAYS)
    return True


def _trip_values(s: Summary) -> set[str]:
    """An article's trips as the index finds them, each with the years of the days it may share a trip with:
    a dated trip its own; an undated telling those from twice JOIN_DAYS before its article's day (the earlier
    undated telling it may join, and the dated trip that one may join) to JOIN_DAYS after; a year told, that
    year. So adding an article reads the tellings of its trips of about its time, not of every year."""
    when = _when(s)
    values = set()
    for _, sig, iso in s.trips:
        year, month, _ = _parts(iso)
        days = _days_of(iso, when)
        if days is not None:
            years = {days[0].year, days[1].year}
        elif month is None and year is not None:
            years = {year}
        elif month is None and when is not None:
            years = set(range((when - timedelta(days=2 * JOIN_DAYS)).year, (when + timedelta(days=JOIN_DAYS)).year + 1))
        else:
            years = {0}
        values |= {f"{sig}|{y}" for y in years}
    return values


def _days_of(iso: str | None, when: date | None) -> tuple[date, date] | None:
    """The first and last day a start told to the month at least may be (the year, if the text leaves it out,
    from the day the article speaks); None when it gives no month."""
    year, month, day = _parts(iso)
    if month is None:
        return None
    if year is None:
        if when is None:
            return None
        year = _year_for(month, day or 1, when)
    if day:
        return date(year, month, day), date(year, month, day)
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
    return date(year, month, 1), last


def _apart(when: date, days: tuple[date, date]) -> int:
    first, last = days
    return 0 if first <= when <= last else min(abs((when - first).days), abs((when - last).days))


def _rekeyed(s: Summary, keys: dict[str, str]) -> Summary:
    """A summary whose events that join another's are told under that one's key."""
    swap = {digest(own): digest(key) for own, key in keys.items()}
    moved = lambda rows: [[swap.get(row[0], row[0])] + list(row[1:]) for row in rows]   # noqa: E731
    return replace(s, events=moved(s.events), dated=moved(s.dated), statuses=moved(s.statuses),
                   ends=moved(s.ends), titles=moved(s.titles), places=moved(s.places))


def _persons_told(s: Summary, nodes: dict[str, tuple[str, str | None]]) -> dict[str, list]:
    """An article's person hints: the node each of its persons joins and the country it should take,
    where either differs from what the article alone read."""
    persons = {}
    for key, _, country, marked in s.read:
        node, agreed = nodes.get(key, (key, None))
        told = agreed if agreed and not marked and agreed != country else None
        if node != key or told:
            persons[key] = [node, told]
    return persons


def _person_nodes(summaries: list[Summary]) -> dict[str, tuple[str, str | None]]:
    return _nodes_of_reads({s.article_id: _reads(s) for s in summaries})


def apply_persons(ctx, hints: Hints) -> None:
    """A person this article names in a spelling others write otherwise joins their node; one whose
    country it only guessed takes the country the articles that mark it agree on."""
    for key, (node, country) in sorted(hints.persons.items()):
        person = ctx.persons.get(key)
        if person is None:
            continue
        if country and not person.marked:
            person.country = country
        if node != key:
            del ctx.persons[key]
            into = ctx.persons.setdefault(node, person)
            if into is not person:
                into.mentions += person.mentions
                into.posts += [p for p in person.posts if p not in into.posts]
            person.key = node
            for view in ctx.views:
                for ref in view.refs:
                    ref.keys = [node if k == key else k for k in ref.keys]
            if ctx.protagonist == key:
                ctx.protagonist = node


def apply_names(ctx, hints: Hints) -> None:
    """'Thủ tướng Lào' in an article that never names him → the one Lao prime minister the other
    articles of about the same date name."""
    for sentence_index, ref in ctx.unresolved:
        found = hints.names.get(role_key(ref.role, ref.country))
        if not found:
            continue
        key, name, country = found
        person = ctx.persons.get(key)
        if person is None:
            person = ctx.persons[key] = Person(key, name, country, [Post(ref.role, country=ref.country)])
        person.mentions.append(ref.mention)
        view = ctx.views[sentence_index]
        view.refs.append(ActorRef(ref.mention.begin, ref.mention.end, [key], "person"))
        view.refs.sort(key=lambda r: r.begin)


def _year_for(month: int, day: int, published: date) -> int:
    """The year in which a month-day reported by an article published on `published` fell."""
    return published.year if (month, day) <= (published.month, published.day) else published.year - 1


def _parts(iso: str | None) -> tuple:
    """'2024-10-28' → (2024, 10, 28); '2024-10' → (2024, 10, None); '--10-28' → (None, 10, 28)."""
    if not iso:
        return None, None, None
    if iso.startswith("--"):
        month, day = iso[2:].split("-")
        return None, int(month), int(day)
    bits = [int(b) for b in iso.split("-")]
    return tuple(bits + [None] * (3 - len(bits)))


def _precision(iso: str | None) -> int:
    return sum(part is not None for part in _parts(iso))


def _agree(a: str | None, b: str | None) -> bool:
    """No part told by both differs: '2024-10' and '2024-10-28' are one date told twice."""
    return all(x is None or y is None or x == y for x, y in zip(_parts(a), _parts(b)))


def _best_dates(summaries: list[Summary]) -> dict[str, str]:
    """Event key → the most precise date the articles telling it give, where they agree on it: one
    node keeps one start date, whichever article tells it to the month only."""
    told: dict[str, set[str]] = {}
    for s in summaries:
        for ev_key, iso in s.dated:
            if iso:
                told.setdefault(ev_key, set()).add(iso)
    best = {}
    for ev_key, dates in told.items():
        top = max(map(_precision, dates))
        most = {d for d in dates if _precision(d) == top}
        if len(most) == 1 and all(_agree(d, next(iter(most))) for d in dates):
            best[ev_key] = most.pop()
    return best


def _statuses(summaries: list[Summary], best: dict[str, str]) -> dict[str, str]:
    """Event key → its one status where articles telling it differ: as the latest article telling it says
    (one published before a visit announces it, one after reports it held), and held if that article
    appeared on or after the event's start. An article with no day of its own ranks before the dated ones;
    among articles of one day, held beats announced."""
    told: dict[str, list[tuple]] = {}
    for s in summaries:
        when = _when(s)
        starts = dict((ev_key, iso) for ev_key, iso in s.dated)
        for ev_key, status in s.statuses:
            told.setdefault(ev_key, []).append((when is not None, when or date.min, status == "held",
                                                status, starts.get(ev_key)))
    out = {}
    for ev_key, tellings in told.items():
        if len({t[3] for t in tellings}) < 2:
            continue
        dated, when, _, status, own = max(tellings, key=lambda t: t[:4])
        if status == "announced" and dated and _started(best.get(ev_key) or own, when):
            status = "held"
        out[ev_key] = status
    return out


def _spans(summaries: list[Summary]) -> dict[str, list]:
    """Event key → [start, end] where the articles telling it give days that disagree (not one date told more
    precisely by one of them): those of the earliest dated article giving its start most precisely. A visit
    is dated beforehand by its programme and as it begins; later articles recall it by the day of one of
    its meetings, or inside the span of a longer trip."""
    told: dict[str, list[tuple]] = {}
    for s in summaries:
        when = _when(s)
        ends = dict((ev_key, iso) for ev_key, iso in s.ends)
        for ev_key, iso in s.dated:
            if iso:
                told.setdefault(ev_key, []).append((when is None, when or date.min, s.article_id, iso,
                                                    ends.get(ev_key)))
    out = {}
    for ev_key, tellings in told.items():
        starts, ends = {t[3] for t in tellings}, {t[4] for t in tellings if t[4]}
        if all(_agree(a, b) for a in starts for b in starts) and all(_agree(a, b) for a in ends for b in ends):
            continue
        top = max(_precision(t[3]) for t in tellings)
        first = min((t for t in tellings if _precision(t[3]) == top), key=lambda t: t[:3])
        out[ev_key] = [first[3], first[4]]
    return out


def _titles(summaries: list[Summary]) -> dict[str, str]:
    """Event key → its one name where the articles telling it name it otherwise (each from its own words): the
    name of the earliest dated article telling it, as `_spans` takes its days."""
    told: dict[str, list[tuple]] = {}
    for s in summaries:
        when = _when(s)
        for ev_key, name in s.titles:
            told.setdefault(ev_key, []).append((when is None, when or date.min, s.article_id, name))
    return {ev_key: min(tellings)[3] for ev_key, tellings in told.items() if len({t[3] for t in tellings}) > 1}


def _places(summaries: list[Summary]) -> dict[str, str]:
    """Event key → its one place where the articles place it otherwise ('Đức', 'Hamburg', 'thành phố
    Hamburg'): an event is held in one place, and the places told of one event are nested, so the narrowest
    (`place_rank`); of several as narrow, the place of the earliest dated article telling it."""
    told: dict[str, list[tuple]] = {}
    for s in summaries:
        when = _when(s)
        for ev_key, place in s.places:
            told.setdefault(ev_key, []).append((-place_rank(place), when is None, when or date.min, s.article_id,
                                                place))
    return {ev_key: min(tellings)[4] for ev_key, tellings in told.items() if len({t[4] for t in tellings}) > 1}


def _things(summaries: list[Summary]) -> dict[str, str]:
    """Project or agreement key → its one name where the articles write it otherwise: the first by `name_rank`
    of all they write, as one article settles its own mentions."""
    told: dict[str, set[str]] = {}
    for s in summaries:
        for k, name in s.things:
            told.setdefault(k, set()).add(name)
    return {k: min(names, key=name_rank) for k, names in told.items() if len(names) > 1}


def _started(iso: str | None, day: date) -> bool:
    """Whether an event dated `iso` had begun by `day`: surely so only if its start is told to the day, or
    to a month or year already over."""
    year, month, dd = _parts(iso)
    if year is None:
        return False
    if month is None:
        return day.year > year
    if dd is None:
        return (day.year, day.month) > (year, month)
    return day >= date(year, month, dd)


def apply_keys(events, commitments, hints: Hints) -> None:
    """An event that tells a trip another article dates takes that event's key, and so its node; the acts
    within it and the commitments made at it follow. First of the event hints: the others name the key taken."""
    if not hints.keys:
        return
    renamed = {ev.key: hints.keys[digest(ev.key)] for ev in events if digest(ev.key) in hints.keys}
    for ev in events:
        ev.key = renamed.get(ev.key, ev.key)
        ev.super_event = renamed.get(ev.super_event, ev.super_event)
    for k in commitments:
        k.made_at = renamed.get(k.made_at, k.made_at)


def apply_statuses(events, hints: Hints) -> None:
    """An event the latest article telling it reports otherwise (announced here, held there) takes that
    status: one node, one status."""
    for ev in events:
        status = hints.statuses.get(digest(ev.key))
        if status:
            ev.status = status


def apply_titles(events, hints: Hints) -> None:
    """An event the articles name otherwise takes the one name they settle on: one node, one name."""
    for ev in events:
        ev.name = hints.titles.get(digest(ev.key), ev.name)


def apply_places(events, hints: Hints) -> None:
    """An event the articles place otherwise takes the one place they settle on: one node, one place."""
    for ev in events:
        ev.place = hints.places.get(digest(ev.key), ev.place)


def apply_things(named, hints: Hints) -> None:
    """A project or agreement the articles write otherwise takes the one name they settle on."""
    for t in named:
        t.name = hints.things.get(digest(named_key(t)), t.name)


def apply_dates(events, hints: Hints) -> None:
    """An event another article dates more precisely (the day of a visit told here by its month) takes
    that date; one the articles date otherwise takes the days they settle on: one node, one start date."""
    for ev in events:
        iso = hints.dates.get(digest(ev.key))
        if iso:
            ev.start = DateValue(*_parts(iso))
        span = hints.spans.get(digest(ev.key))
        if span:
            ev.start, ev.end = DateValue(*_parts(span[0])), DateValue(*_parts(span[1])) if span[1] else None


def apply_year(events, year: int | None) -> None:
    """An article that gives no year takes it from a dated article reporting one of the same events."""
    if year is None:
        return
    for ev in events:
        for attr in ("start", "end"):
            value = getattr(ev, attr)
            if value and value.month and not value.year:
                setattr(ev, attr, DateValue(year, value.month, value.day))


def target_signature(commitment, quantity) -> list | None:
    """JSON-shaped, so that one read back from the index compares equal to one just made."""
    if quantity.measure is None:
        return None
    return [quantity.measure, quantity.value, quantity.min, quantity.max, quantity.unit,
            sorted(commitment.parties)]


def reaffirmations(summaries: list[Summary]) -> dict[str, str]:
    """commitment id → the id of the first statement of the same target (measure, value, unit, parties)
    in an earlier article: 'first promised when, repeated when' becomes one query."""
    first: dict[str, tuple[str, str]] = {}
    links: dict[str, str] = {}
    order = sorted(summaries, key=lambda s: (s.observed is None, s.observed or "", s.article_id))
    for s in order:
        for sig, commitment_id in s.targets:
            sig_key = signature_key(sig)
            if sig_key in first and first[sig_key][0] != s.article_id:
                links.setdefault(commitment_id, first[sig_key][1])
            else:
                first.setdefault(sig_key, (s.article_id, commitment_id))
    return links


def article_date(ctx, events) -> date | None:
    """When an article speaks: its publication date, else its earliest fully dated event."""
    if ctx.doc.published:
        return ctx.doc.published
    days = [date(e.start.year, e.start.month, e.start.day) for e in events
            if e.start and e.start.year and e.start.month and e.start.day]
    return min(days) if days else None


MAX_ROUNDS = 3   # a name learnt can date an event, which can give a year: rarely more than two rounds


def role_key(role: str, country: str | None) -> str:
    return f"{role}|{country}"


def facets(s: Summary) -> dict[str, set[str]]:
    """What an article shares with others that can carry knowledge between them: the posts it names a
    holder of, the bare titles it leaves unresolved, its events, its targets. Kept in the store's index,
    so that the articles sharing one with a changed article are found without reading the others."""
    return {"holds": {role_key(role, country) for _, _, country, roles, _ in s.roster for role in roles},
            "alike": {b for key, name, country, marked in s.read if tells_others(name, country, marked)
                      for b in alike_keys(key, name)},
            "reads": _reads(s),
            "wants": {role_key(role, country) for role, country in s.wanted},
            "event": {ev_key for ev_key, _, _ in s.events},
            "trip": _trip_values(s),
            "target": {signature_key(sig) for sig, _ in s.targets}}


def _reads(s: Summary) -> set[str]:
    return {read_value(key, name, country, marked) for key, name, country, marked in s.read
            if tells_others(name, country, marked)}


def read_value(key: str, name: str, country: str | None, marked: bool) -> str:
    """A person as an article alone reads it, as far as identity across articles needs: key, name and the
    country the text marks ('' when it only guesses one)."""
    return f"{key}\t{name}\t{country if marked and country else ''}"


def signature_key(sig: list) -> str:
    return json.dumps(sig, ensure_ascii=False)


class Corpus(Protocol):
    """The built articles as settling reads them; `ids=None` means all of them."""

    def summaries(self, ids: Iterable[str] | None = None) -> dict[str, Summary]: ...

    def hints(self, ids: Iterable[str] | None = None) -> dict[str, Hints]: ...

    def sharing(self, facet: str, values: Iterable[str]) -> set[str]:
        """Ids of the articles with any of `values` among their `facet`s."""

    def facet_values(self, facet: str, ids: Iterable[str]) -> dict[str, set[str]]:
        """Each article's values of one facet: what settling needs of many articles, without their summaries."""


@dataclass
class Links:
    """Reaffirmation links (later commitment id → earlier one) for the commitments of `scope`; a scope of
    None means every commitment, so the links replace all there were."""
    links: dict[str, str]
    scope: set[str] | None = None


def settle(corpus: Corpus, reextract, changed: dict[str, Summary | None] | None = None) -> Links:
    """Extract again, with their hints, the articles the rest of the corpus tells something new, until
    nothing changes; then link reaffirmed targets. `reextract([(article id, hints)])` writes the new
    extractions (the corpus then answers with them) and returns their ids.

    With `changed` (article id → its summary before this run, None if new; a removed article is absent
    from the corpus), the corpus is taken to have been settled before those changes, and only the articles
    sharing a facet with a changed one are looked at: adding one article to a large store reads a few
    entries, not all of them."""
    if changed is None:
        for _ in range(MAX_ROUNDS):
            hints = corpus_hints(list(corpus.summaries().values()))
            used = corpus.hints()
            redo = [(aid, h) for aid, h in hints.items() if h != used.get(aid, Hints())]
            if not redo:
                break
            reextract(redo)
        return Links(reaffirmations(list(corpus.summaries().values())))

    said_before = [s for s in changed.values() if s is not None]     # what the changed articles used to say
    recent, touched, touched_before = set(changed), set(changed), list(said_before)
    for _ in range(MAX_ROUNDS):
        now = corpus.summaries(recent)
        said = said_before + list(now.values())
        candidates = (set(now) | corpus.sharing("wants", _union(said, "holds"))
                      | corpus.sharing("event", _union(said, "event")) | corpus.sharing("trip", _union(said, "trip")))
        persons = _persons_after(corpus, said_before, now)
        candidates |= set(persons)
        wanting = corpus.summaries(candidates)
        # every article sharing an event: it may lend a year or a more precise date
        context = candidates | corpus.sharing("holds", _union(wanting.values(), "wants")) | corpus.sharing(
            "event", _union(wanting.values(), "event")) | corpus.sharing("trip", _union(wanting.values(), "trip"))
        hints = corpus_hints(list(corpus.summaries(context).values()))
        used = corpus.hints(candidates)
        for aid in candidates & set(wanting):
            hints[aid].persons = persons.get(aid, used.get(aid, Hints()).persons)
        redo = [(aid, hints[aid]) for aid in sorted(candidates) if hints[aid] != used.get(aid, Hints())]
        if not redo:
            break
        said_before = [wanting[aid] for aid, _ in redo]
        touched_before += said_before
        recent = set(reextract(redo))
        touched |= recent
    return _reaffirmations_around(corpus, touched_before + list(corpus.summaries(touched).values()))


def _persons_after(corpus: Corpus, before: list[Summary], now: dict[str, Summary]) -> dict[str, dict[str, list]]:
    """Article id → its person hints after a change, for the changed articles and those whose hints it
    changes. The persons sharing a blocking key with what the changed articles say or said are settled
    from the reads of every article naming one of them (a facet of the index, so no summary is read),
    once as the corpus was and once as it is; only the articles naming a person whose node or agreed
    country moved are read and extracted again. Adding an article that names a leader a thousand others
    name reads their facets and extracts none of them again."""
    alike = _union(before + list(now.values()), "alike")
    reads = corpus.facet_values("reads", corpus.sharing("alike", alike) | set(now))
    reads_before = {aid: values for aid, values in reads.items() if aid not in now}
    reads_before.update({s.article_id: _reads(s) for s in before})
    nodes_before, nodes = _nodes_of_reads(reads_before), _nodes_of_reads(reads)
    moved = {key for key in set(nodes_before) | set(nodes)
             if nodes_before.get(key, (key, None)) != nodes.get(key, (key, None))}
    reach = corpus.sharing("alike", {f"={key}" for key in moved}) | set(now)
    used = corpus.hints(reach)
    out = {}
    for aid, s in corpus.summaries(reach).items():
        old = used.get(aid, Hints()).persons
        new = _persons_around(s, alike, _persons_told(s, nodes), old)
        if new != old or aid in now:
            out[aid] = new
    return out


def _nodes_of_reads(reads: dict[str, set[str]]) -> dict[str, tuple[str, str | None]]:
    """Identities (kg.extract.identity) of the persons the articles read, in article order, so that a part
    of the corpus and the whole give one answer for the persons they share."""
    named: dict[str, Named] = {}
    for aid in sorted(reads):
        for value in sorted(reads[aid]):
            key, name, country = value.split("\t")
            n = named.setdefault(key, Named(key, name))
            n.articles.add(aid)
            if country:
                n.marked[country] += 1
    return identities(named)


def _persons_around(s: Summary, alike: set[str], new: dict[str, list], used: dict[str, list]) -> dict[str, list]:
    """An article's person hints after a change: recomputed for the persons that share a blocking key with
    what the changed articles say (every article naming them is in the settling's reach), kept as they
    were for the others (the change tells nothing new of them)."""
    touched = {key for key, name, country, marked in s.read
               if tells_others(name, country, marked) and alike_keys(key, name) & alike}
    out = {k: v for k, v in used.items() if k not in touched}
    out.update({k: v for k, v in new.items() if k in touched})
    return dict(sorted(out.items()))


def _union(summaries: Iterable[Summary], facet: str) -> set[str]:
    return set().union(*(facets(s)[facet] for s in summaries))


def _reaffirmations_around(corpus: Corpus, said: list[Summary]) -> Links:
    """The links of every commitment sharing a target with what the changed articles say or said: the
    articles with those targets, widened until each commitment's every target is in (a commitment links
    to the first earlier statement of any of its targets)."""
    keys = _union(said, "target")
    found: dict[str, Summary] = {}
    while True:
        found.update(corpus.summaries(corpus.sharing("target", keys) - set(found)))
        wider = keys | {signature_key(sig) for s in found.values() for sig, cid in s.targets
                        if cid in _commitments_with(s, keys)}
        if wider == keys:
            break
        keys = wider
    trimmed = [Summary(s.article_id, s.published, s.observed,
                       targets=[[sig, cid] for sig, cid in s.targets if signature_key(sig) in keys])
               for s in found.values()]
    scope = {cid for s in said + trimmed for _, cid in s.targets}
    return Links(reaffirmations(trimmed), scope)


def _commitments_with(s: Summary, keys: set[str]) -> set[str]:
    return {cid for sig, cid in s.targets if signature_key(sig) in keys}


class MemoryCorpus:
    """Summaries and hints held in dicts: the in-memory build (extract_corpus), which settles everything at
    once and so never asks which articles share a facet."""

    def __init__(self, summaries: dict[str, Summary], hints: dict[str, Hints] | None = None):
        self.summary_of = summaries
        self.hints_of = hints if hints is not None else {}

    def summaries(self, ids=None):
        return dict(self.summary_of) if ids is None else {i: self.summary_of[i] for i in ids if i in self.summary_of}

    def hints(self, ids=None):
        return dict(self.hints_of) if ids is None else {i: self.hints_of[i] for i in ids if i in self.hints_of}
