"""The events of a built graph in a readable form, and a check of them against a reader's verdicts.

    python benchmarks/real_events.py GRAPH.trig                      # every event, article by article
    python benchmarks/real_events.py GRAPH.trig --sample 50 --seed 1  # a fixed sample, to judge by reading
    python benchmarks/real_events.py GRAPH.trig --verdicts FILE       # the share of judged events fully right

Each event is printed with its type, status, name, dates, participants (with nationality or the body's
country), and the sentence of each mention; its handle is `article@begin-end`, the offsets of its first
trigger mention, which stays put while the rules around it change.

A verdict file (kept outside the repository: it quotes articles) is a JSON list of
    {"handle": "real001_x@120-131", "expect": null}                     # no event should be there
    {"handle": "...", "expect": {"type": "talks", "participants": ["A", "B"], "start": "2024-08-01",
                                 "status": "held"}, "note": "..."}
`start` may be null (the text gives no day: the event stays undated); `status` is optional; `type` and
`start` may be lists of the answers a reader accepts; `optional` names participants that may be there. An event
is fully right when the event holding that mention has the type, exactly those participants (persons
by any of their names, bodies by name) and that start date; an `expect` of null is right when no
event holds the mention.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

SCHEMA = Namespace("https://schema.org/")
DK = Namespace("https://w3id.org/diplomacy-kg/ontology#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")


@dataclass
class Actor:
    names: list[str]
    country: str

    @property
    def label(self) -> str:
        return f"{self.names[0]} ({self.country})" if self.country else self.names[0]


@dataclass
class Item:
    iri: str
    article: str
    type: str
    status: str
    name: str
    start: str | None
    end: str | None
    attendees: list[Actor]
    roles: dict[str, list[str]]
    # begin, end, anchor, sentence, article: one node may hold mentions of several articles
    mentions: list[tuple[int, int, str, str, str]] = field(default_factory=list)

    @property
    def handles(self) -> list[str]:
        return [f"{art}@{b}-{e}" for b, e, _a, _s, art in self.mentions]

    @property
    def handle(self) -> str:
        return self.handles[0] if self.handles else f"{self.article}@?"


def _local(iri) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _status(ds: Dataset, ev, article):
    """The status the event's own article tells: one node told by an article before the day and by one
    after has both, and `value` would give either, by the order the file was read in."""
    told = sorted((_local(c) != _local(article) if article is not None else 0, str(o))
                  for _, _, o, c in ds.quads((ev, DK.eventStatus, None, None)))
    return URIRef(told[0][1]) if told else None


def load(path: Path) -> list[Item]:
    ds = Dataset(default_union=True)
    ds.parse(str(path), format="trig")
    g = ds    # statements are read across the named graphs, as the scorer reads them

    def names(node) -> list[str]:
        found = [str(o) for o in g.objects(node, SCHEMA.name)]
        return sorted(found, key=len, reverse=True) or [_local(node)]

    def country(node) -> str:
        c = next(g.objects(node, SCHEMA.nationality), None) or next(g.objects(node, DK.country), None)
        return _local(c) if c is not None else ""

    items: list[Item] = []
    for ev in set(g.subjects(RDF.type, SCHEMA.Event)):
        article = min(g.objects(ev, PROV.wasDerivedFrom), default=None)
        attendees = [Actor(names(a), country(a)) for a in sorted(set(g.objects(ev, SCHEMA.attendee)))]
        roles = {r: [names(a)[0] for a in g.objects(ev, DK[r])] for r in ("host", "guest", "chair")}
        mentions = []
        for m in g.objects(ev, DK.mention):
            b, e = g.value(m, NIF.beginIndex), g.value(m, NIF.endIndex)
            sent = g.value(m, NIF.sentence)
            text = str(g.value(sent, NIF.anchorOf) or "") if sent is not None else ""
            context = g.value(m, NIF.referenceContext)
            mentions.append((int(b), int(e), str(g.value(m, NIF.anchorOf) or ""), text,
                             _local(context) if context is not None else "?"))
        status = _status(ds, ev, article)
        start, end = g.value(ev, SCHEMA.startDate), g.value(ev, SCHEMA.endDate)
        mentions.sort(key=lambda m: (m[4] != _local(article) if article is not None else 0, m[0]))
        items.append(Item(str(ev), _local(article) if article is not None else "?", _local(g.value(ev, DCTERMS.type)),
                          _local(status) if status is not None else "", str(g.value(ev, SCHEMA.name) or ""),
                          str(start) if start is not None else None, str(end) if end is not None else None,
                          attendees, roles, mentions))
    return sorted(items, key=lambda i: (i.article, i.mentions[0][0] if i.mentions else -1))


def render(item: Item, sentences: int = 2) -> str:
    lines = [f"## {item.handle}  {item.type} [{item.status}] {item.name!r}",
             f"   date: {item.start or '–'}{' .. ' + item.end if item.end else ''}",
             f"   participants: {'; '.join(a.label for a in item.attendees) or '–'}"]
    roles = ", ".join(f"{r}={'/'.join(v)}" for r, v in item.roles.items() if v)
    if roles:
        lines.append(f"   roles: {roles}")
    seen: set[str] = set()
    for b, e, anchor, text, art in item.mentions:
        if text in seen or len(seen) >= sentences:
            continue
        seen.add(text)
        where = "" if art == item.article else f"{art} "
        lines.append(f"   > [{where}{anchor}@{b}] {' '.join(text.split())[:400]}")
    return "\n".join(lines)


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def _options(value) -> list:
    """A verdict field may accept several answers where the text leaves a reader two readings."""
    return list(value) if isinstance(value, list) else [value]


def judge(items: list[Item], verdicts: list[dict]) -> tuple[int, int, Counter, list[str]]:
    """(fully right, judged, failures by part, one line per failure)."""
    by_handle = {h: it for it in items for h in it.handles}
    right, faults, lines = 0, Counter(), []
    for v in verdicts:
        got, want = by_handle.get(v["handle"]), v.get("expect")
        wrong: list[str] = []
        if want is None:
            if got is not None:
                wrong.append("spurious")
        elif got is None:
            wrong.append("missing")
        else:
            types, starts = _options(want["type"]), _options(want.get("start"))
            if got.type not in types:
                wrong.append(f"type {got.type}≠{'|'.join(types)}")
            have = [{_norm(n) for n in a.names} for a in got.attendees]
            expected = [_norm(n) for n in want.get("participants", [])]
            allowed = set(expected) | {_norm(n) for n in want.get("optional", [])}
            lost = [n for n in expected if not any(n in h for h in have)]
            extra = [a.names[0] for a, h in zip(got.attendees, have) if not h & allowed]
            if lost or extra:
                wrong.append("participants" + (f" -{lost}" if lost else "") + (f" +{extra}" if extra else ""))
            if got.start not in starts:
                wrong.append(f"date {got.start}≠{'|'.join(map(str, starts))}")
            if want.get("status") and got.status != want["status"]:
                wrong.append(f"status {got.status}≠{want['status']}")
        for w in wrong:
            faults[w.split()[0]] += 1
        if wrong:
            lines.append(f"{v['handle']}: {'; '.join(wrong)}" + (f"   ({v['note']})" if v.get("note") else ""))
        else:
            right += 1
    return right, len(verdicts), faults, lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("graph", type=Path, help="A TriG file written by `kg build … --out DIR` (DIR/kg.trig).")
    ap.add_argument("--article", help="Only the events of articles whose id starts with this.")
    ap.add_argument("--sample", type=int, help="Print this many events drawn at random (fixed by --seed).")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--verdicts", type=Path, help="A verdict file: print the share of judged events fully right.")
    ap.add_argument("--json", action="store_true", help="With --sample: print the sample as a verdict skeleton.")
    a = ap.parse_args(argv)
    if not a.graph.is_file():
        print(f"real_events: {a.graph} is not a file", file=sys.stderr)
        return 2
    items = load(a.graph)
    if a.article:
        items = [i for i in items if i.article.startswith(a.article)]
    if a.verdicts:
        right, total, faults, lines = judge(items, json.loads(a.verdicts.read_text(encoding="utf-8")))
        print("\n".join(lines))
        print(f"fully right: {right}/{total} = {right / max(total, 1):.3f}   failures: {dict(faults)}")
        return 0
    if a.sample:
        chosen = random.Random(a.seed).sample(items, min(a.sample, len(items)))
        chosen.sort(key=lambda i: (i.article, i.mentions[0][0] if i.mentions else -1))
        if a.json:
            print(json.dumps([{"handle": i.handle, "expect": {
                "type": i.type, "participants": [x.names[0] for x in i.attendees], "start": i.start,
                "status": i.status}} for i in chosen], ensure_ascii=False, indent=1))
            return 0
        items = chosen
    counts = defaultdict(int)
    for i in items:
        counts[i.type] += 1
        print(render(i))
    print(f"{len(items)} events: {dict(sorted(counts.items()))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
