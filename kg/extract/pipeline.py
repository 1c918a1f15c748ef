"""The one module that runs extraction: article → context → events → commitments and figures → named
projects and agreements → records; then the corpus step, where articles built together settle what
they tell each other. Every other module of kg.extract serves it and imports nothing from it."""
from __future__ import annotations

from datetime import date

from kg.extract.artifacts import find_named
from kg.extract.commitments import find_commitments
from kg.extract.context import ArticleContext, build_context
from kg.extract.crossdoc import (Hints, MemoryCorpus, Summary, apply_dates, apply_keys, apply_names,
                                 apply_persons, apply_places, apply_statuses, apply_things, apply_titles,
                                 apply_year, article_date, settle, summarize)
from kg.extract.events import find_events
from kg.extract.model import Extraction
from kg.text.normalize import digest


def extract_article(article_id: str, text: str, published: date | None = None,
                    publisher: str | None = None) -> Extraction:
    """One article on its own (no other article to learn names or years from)."""
    return extract(article_id, text, published, publisher)[0]


def extract(article_id: str, text: str, published: date | None = None, publisher: str | None = None,
            hints: Hints | None = None) -> tuple[Extraction, Summary]:
    """One article, with what the rest of the corpus tells it (`hints`), and the summary the rest of the
    corpus needs from it: a pure function of its inputs."""
    ctx = build_context(article_id, text, published, publisher)
    if hints:
        apply_persons(ctx, hints)
        apply_names(ctx, hints)
    events = find_events(ctx, hints.year if hints else None)
    # whether the article dates itself is its own fact, not what a hint made of it
    needs_year = not ctx.doc.published and not any(ev.start and ev.start.year for ev in events)
    if hints:
        apply_year(events, hints.year)
    x = _finish(ctx, events)
    x.notes = list(ctx.doc.notes)
    day = article_date(ctx, events)
    x.observed = day.isoformat() if day else None
    summary = summarize(ctx, events, x, needs_year)
    if hints:
        apply_keys(events, x.commitments, hints)   # after the summary, which tells the others its own keys
        apply_dates(events, hints)   # after the summary, which tells the others this article's own dates
        apply_statuses(events, hints)
        apply_titles(events, hints)
        apply_places(events, hints)
        apply_things(x.named, hints)
    return x, summary


def extract_corpus(items: list[tuple], mapper=map) -> list[Extraction]:
    """Articles that are built together, in memory: each on its own first, then again with what the
    others tell it (names behind bare titles, years); reaffirmed targets are linked.
    `mapper` may be a process pool's map; the items are (id, text[, published, publisher])."""
    items = {item[0]: tuple(item) + (None,) * (4 - len(item)) for item in items}
    results = dict(zip(items, mapper(_extract_item, [(item, None) for item in items.values()])))
    corpus = MemoryCorpus({aid: summary for aid, (_, summary) in results.items()})

    def reextract(redo):
        for (aid, hints), result in zip(redo, mapper(_extract_item, [(items[aid], h) for aid, h in redo])):
            results[aid] = result
            corpus.summary_of[aid], corpus.hints_of[aid] = result[1], hints
        return [aid for aid, _ in redo]

    links = settle(corpus, reextract).links
    for x, _ in results.values():
        for k in x.commitments:
            k.reaffirms = links.get(k.id)
    return [x for x, _ in results.values()]


def _extract_item(job):
    item, hints = job
    return extract(*item, hints=hints)


def _finish(ctx: ArticleContext, events) -> Extraction:
    commitments, observations = find_commitments(ctx, events)
    for k in commitments:
        k.id = digest(f"{ctx.doc.id}|{k.mention.begin}|{k.statement}")
    named = find_named(ctx)
    project_spans = {(n.mention.begin, n.mention.end) for n in named if n.kind == "project"}
    _drop_orgs_inside(ctx, project_spans)
    countries = {ctx.home} | ({ctx.foreign} if ctx.foreign else set())
    countries |= {p.country for p in ctx.persons.values() if p.country}
    countries |= {o.country for o in ctx.orgs.values() if o.country}
    doc = ctx.doc
    return Extraction(doc.id, doc.text, doc.published.isoformat() if doc.published else None, doc.publisher,
                      doc.sentences, ctx.persons, ctx.orgs, countries, events, commitments, observations, named)


def _drop_orgs_inside(ctx: ArticleContext, spans: set[tuple[int, int]]) -> None:
    """A named project (a university to be built, say) is not also an organisation."""
    for k, org in list(ctx.orgs.items()):
        org.mentions = [m for m in org.mentions if not any(a <= m.begin and m.end <= b for a, b in spans)]
        if not org.mentions:
            del ctx.orgs[k]
