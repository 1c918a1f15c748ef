"""What one article learns from the others built with it: the name behind a bare title, and the year of
a month-day. Both only where the corpus leaves a single answer; nothing is invented."""
from __future__ import annotations

from datetime import date

from kg.extract.model import DateValue, Person, Post


def _years_apart(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and abs((a - b).days) > 400


def resolve_names(contexts) -> None:
    """'Thủ tướng Lào' in an article that never names him → the one Lao prime minister the other
    articles of about the same date name."""
    for ctx in contexts:
        for sentence_index, ref in ctx.unresolved:
            candidates: dict[str, tuple[Person, object]] = {}
            for other in contexts:
                if other is ctx or _years_apart(other.doc.published, ctx.doc.published):
                    continue
                for person in other.persons.values():
                    if person.country == ref.country and any(p.role == ref.role for p in person.posts):
                        candidates.setdefault(person.key, (person, other))
            if len(candidates) != 1:
                continue
            found, _ = next(iter(candidates.values()))
            person = ctx.persons.get(found.key)
            if person is None:
                person = ctx.persons[found.key] = Person(found.key, found.name, found.country,
                                                         [Post(ref.role, country=ref.country)])
            person.mentions.append(ref.mention)
            from kg.extract.article import ActorRef
            view = ctx.views[sentence_index]
            view.refs.append(ActorRef(ref.mention.begin, ref.mention.end, [found.key], "person"))
            view.refs.sort(key=lambda r: r.begin)


def _year_for(month: int, day: int, published: date) -> int:
    """The year in which a month-day reported by an article published on `published` fell."""
    return published.year if (month, day) <= (published.month, published.day) else published.year - 1


def resolve_years(contexts, events_by_article) -> None:
    """An article that gives no year takes it from a dated article reporting one of the same events."""
    dated: dict[str, date] = {}
    for ctx, events in zip(contexts, events_by_article):
        if ctx.doc.published:
            for ev in events:
                dated.setdefault(ev.key, ctx.doc.published)
    for ctx, events in zip(contexts, events_by_article):
        if ctx.doc.published or any(ev.start and ev.start.year for ev in events):
            continue
        years = set()
        for ev in events:
            if ev.key in dated and ev.start and ev.start.month and ev.start.day:
                years.add(_year_for(ev.start.month, ev.start.day, dated[ev.key]))
        if len(years) != 1:
            continue
        year = years.pop()
        for ev in events:
            for attr in ("start", "end"):
                value = getattr(ev, attr)
                if value and value.month and not value.year:
                    setattr(ev, attr, DateValue(year, value.month, value.day))


def target_signature(commitment, quantity) -> tuple | None:
    if quantity.measure is None:
        return None
    return (quantity.measure, quantity.value, quantity.min, quantity.max, quantity.unit,
            tuple(sorted(commitment.parties)))


def link_reaffirmations(extractions, dates: list) -> None:
    """The same target (measure, value, unit, parties) stated again in a later article reaffirms the first
    statement of it: 'first promised when, repeated when' becomes one query."""
    first: dict[tuple, tuple] = {}
    order = sorted(range(len(extractions)), key=lambda i: (dates[i] is None, dates[i] or date.min,
                                                            extractions[i].article_id))
    for i in order:
        for k in extractions[i].commitments:
            for q in k.targets:
                sig = target_signature(k, q)
                if sig is None:
                    continue
                if sig in first and first[sig][0] != extractions[i].article_id:
                    k.reaffirms = k.reaffirms or first[sig][1]
                else:
                    first.setdefault(sig, (extractions[i].article_id, k.id))


def article_date(ctx, events) -> date | None:
    """When an article speaks: its publication date, else its earliest fully dated event."""
    if ctx.doc.published:
        return ctx.doc.published
    days = [date(e.start.year, e.start.month, e.start.day) for e in events
            if e.start and e.start.year and e.start.month and e.start.day]
    return min(days) if days else None
