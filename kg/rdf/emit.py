"""Extraction records → quads in the article's own named graph, under the data contract
(docs/data-model.md). IRIs are minted deterministically from content; no blank nodes."""
from __future__ import annotations

from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

from kg import lexicons
from kg.extract.artifacts import named_key
from kg.extract.model import DateValue, Extraction, Mention, Quantity
from kg.namespaces import DK, NIF, ORG, SCHEMA, graphs_base, scheme_concept
from kg.text.normalize import digest, key, slug


class _Terms:
    """A vocabulary whose terms are made once: rdflib builds and checks a new IRI at every `SCHEMA.name`,
    which was a tenth of the time emitting an article took."""

    def __init__(self, ns):
        self._ns = ns

    def __getattr__(self, name: str) -> URIRef:
        term = self._ns[name]
        setattr(self, name, term)
        return term


DCTERMS, PROV, RDF, SKOS, XSD, DK, NIF, ORG, SCHEMA = map(_Terms, (DCTERMS, PROV, RDF, SKOS, XSD, DK, NIF, ORG, SCHEMA))


@lru_cache(maxsize=65536)
def integer(value: int) -> Literal:
    """Offsets repeat across mentions and articles; rdflib's typed literal is slow to build."""
    return Literal(value, datatype=XSD.integer)


@lru_cache(maxsize=65536)
def vi(text: str) -> Literal:
    return Literal(text, lang="vi")


concept = lru_cache(maxsize=4096)(scheme_concept)

ORG_CLASSES = {
    "ministry": SCHEMA.GovernmentOrganization, "government": SCHEMA.GovernmentOrganization,
    "parliament": SCHEMA.GovernmentOrganization, "party-organ": SCHEMA.GovernmentOrganization,
    "agency": SCHEMA.GovernmentOrganization, "embassy": SCHEMA.GovernmentOrganization,
    "army": SCHEMA.GovernmentOrganization, "police": SCHEMA.GovernmentOrganization,
    "party": SCHEMA.PoliticalParty, "news": SCHEMA.NewsMediaOrganization,
    "international": SCHEMA.NGO,
}


class Minter:
    """Deterministic IRIs under a base: the same thing gets the same IRI in every article and run."""

    def __init__(self, base: str):
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def __call__(self, kind: str, local: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{local}")

    def graph(self, article_id: str) -> URIRef:
        return URIRef(graphs_base(self.base) + slug_id(article_id))

    def article(self, article_id: str) -> URIRef:
        return self("article", slug_id(article_id))

    def country(self, code: str) -> URIRef:
        return self("country", code)

    def person(self, key: str) -> URIRef:
        return self("person", slug(key))

    def org(self, key: str) -> URIRef:
        return self("org", slug(key))

    def event(self, key: str, etype: str) -> URIRef:
        return self("event", f"{etype}-{digest(key)}")


EVIDENCE_KINDS = ("mention", "sentence")     # nodes that belong to one article: their statements are its evidence
# every statement emit() makes about them, as (predicate, object or None for any), and no other node's: the
# Turtle export reads the evidence back from the article graphs by these (kg.rdf.dump)
EVIDENCE_STATEMENTS = ((RDF.type, NIF.Sentence), (NIF.beginIndex, None), (NIF.endIndex, None),
                       (NIF.anchorOf, None), (NIF.sentence, None), (NIF.referenceContext, None))


def evidence_subjects(base: str) -> tuple[bytes, ...]:
    """How N-Triples lines about evidence nodes begin: what the store's union leaves to the article graphs
    (kg.store.writer) and the Turtle export takes from them (kg.rdf.dump)."""
    return tuple(f"<{Minter(base).base}{kind}/".encode("utf-8") for kind in EVIDENCE_KINDS)


def slug_id(article_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in article_id)


def date_literal(value: DateValue) -> Literal | None:
    iso = value.iso()
    if iso is None:
        return None
    if value.year and value.month and value.day:
        return Literal(iso, datatype=XSD.date)
    if value.month and value.day:
        return Literal(iso, datatype=XSD.gMonthDay)
    if value.month:
        return Literal(iso, datatype=XSD.gYearMonth)
    return Literal(iso, datatype=XSD.gYear)


def emit(x: Extraction, base: str) -> tuple[URIRef, list[tuple]]:
    """The article's named graph IRI and its triples."""
    mint = Minter(base)
    art = mint.article(x.article_id)
    triples: list[tuple] = []
    add = triples.append

    add((art, RDF.type, SCHEMA.NewsArticle))
    add((art, RDF.type, NIF.Context))
    add((art, SCHEMA.identifier, Literal(x.article_id)))
    add((art, NIF.isString, Literal(x.text)))
    if x.published:
        add((art, SCHEMA.datePublished, Literal(x.published, datatype=XSD.date)))
    if x.publisher:
        # the same node as the agency when the text names it too ('Theo đặc phái viên TTXVN')
        pub = mint.org(f"{key(x.publisher)}|{lexicons.load('boilerplate')['publisher_country']}")
        add((art, SCHEMA.publisher, pub))
        add((pub, RDF.type, SCHEMA.Organization))
        add((pub, RDF.type, SCHEMA.NewsMediaOrganization))
        add((pub, SCHEMA.name, vi(x.publisher)))
        add((pub, PROV.wasDerivedFrom, art))

    sentences = {}

    def sentence(index: int) -> URIRef:
        if index not in sentences:
            s = x.sentences[index]
            node = mint("sentence", f"{slug_id(x.article_id)}-{s.begin}-{s.end}")
            sentences[index] = node
            add((node, RDF.type, NIF.Sentence))
            add((node, NIF.beginIndex, integer(s.begin)))
            add((node, NIF.endIndex, integer(s.end)))
            add((node, NIF.anchorOf, Literal(s.text)))
            add((node, NIF.referenceContext, art))
        return sentences[index]

    def evidence(subject: URIRef, m: Mention) -> None:
        # no `a nif:Phrase` (the range of dk:mention says so) and no nif:referenceContext (its sentence's
        # gives the article): each cost one statement in six, twelve index entries on Oxigraph
        node = mint("mention", f"{slug_id(x.article_id)}-{m.begin}-{m.end}")
        add((subject, DK.mention, node))
        add((node, NIF.beginIndex, integer(m.begin)))
        add((node, NIF.endIndex, integer(m.end)))
        add((node, NIF.anchorOf, Literal(x.text[m.begin:m.end])))
        add((node, NIF.sentence, sentence(m.sentence)))

    def derived(subject: URIRef) -> None:
        add((subject, PROV.wasDerivedFrom, art))

    countries = lexicons.countries()
    used_countries: set[str] = set(x.countries)

    def country(code: str) -> URIRef:
        used_countries.add(code)
        return mint.country(code)

    for o in x.organizations.values():
        node = mint.org(o.key)
        add((node, RDF.type, SCHEMA.Organization))
        if o.kind in ORG_CLASSES:
            add((node, RDF.type, ORG_CLASSES[o.kind]))
        for name in sorted(o.names):
            add((node, SCHEMA.name, vi(name)))
        add((node, SKOS.prefLabel, vi(o.label or o.name)))
        if o.country:
            add((node, DK.country, country(o.country)))
        derived(node)
        for m in o.mentions:
            evidence(node, m)

    for p in x.persons.values():
        node = mint.person(p.key)
        add((node, RDF.type, SCHEMA.Person))
        add((node, SCHEMA.name, vi(p.name)))
        if p.country:
            add((node, SCHEMA.nationality, country(p.country)))
        derived(node)
        for m in p.mentions:
            evidence(node, m)
        for post in p.posts:
            ms = mint("membership", digest(f"{x.article_id}|{p.key}|{post.role}|{post.org_key}"))
            add((ms, RDF.type, ORG.Membership))
            add((ms, ORG.member, node))
            add((ms, ORG.role, concept("role", post.role)))
            if post.org_key and post.org_key in x.organizations:
                add((ms, ORG.organization, mint.org(post.org_key)))
            if post.country:
                add((ms, DK.country, country(post.country)))
            if post.acting:
                add((ms, DK.acting, Literal(True)))
            if post.former:
                add((ms, DK.former, Literal(True)))
            if x.observed:
                add((ms, DK.observedOn, Literal(x.observed, datatype=XSD.date)))
            derived(ms)

    for ev in x.events:
        node = mint.event(ev.key, ev.type)
        add((node, RDF.type, SCHEMA.Event))
        add((node, DCTERMS.type, concept("event-type", ev.type)))
        add((node, SCHEMA.name, vi(ev.name)))
        add((node, DK.eventStatus, concept("event-status", ev.status)))
        for attr, prop in (("start", SCHEMA.startDate), ("end", SCHEMA.endDate)):
            value = getattr(ev, attr)
            lit = date_literal(value) if value else None
            if lit is not None:
                add((node, prop, lit))
        actor = lambda k: mint.person(k) if k in x.persons else mint.org(k)  # noqa: E731
        for k in ev.attendees + ev.chairs + ev.guests + ev.hosts:
            add((node, SCHEMA.attendee, actor(k)))
        for k in ev.chairs:
            add((node, DK.chair, actor(k)))
        for k in ev.guests:
            add((node, DK.guest, actor(k)))
        for k in ev.hosts:            # 'thăm … theo lời mời của X': X hosts the visit
            add((node, DK.host, actor(k)))
        if ev.organizer:
            add((node, SCHEMA.organizer, mint.org(ev.organizer)))
        if ev.ordinal is not None:
            add((node, DK.ordinal, integer(ev.ordinal)))
        if ev.place:
            place = mint("place", slug(ev.place))
            add((node, SCHEMA.location, place))
            add((place, RDF.type, SCHEMA.Place))
            add((place, SCHEMA.name, vi(ev.place)))
        if ev.super_event:
            sup = next((e for e in x.events if e.key == ev.super_event), None)
            if sup is not None:
                add((node, SCHEMA.superEvent, mint.event(sup.key, sup.type)))
        derived(node)
        for m in ev.mentions:
            evidence(node, m)

    def amounts(node: URIRef, q: Quantity) -> None:
        if q.value is not None:
            add((node, SCHEMA.value, Literal(q.value, datatype=XSD.double)))
        if q.min is not None:
            add((node, SCHEMA.minValue, Literal(q.min, datatype=XSD.double)))
            add((node, SCHEMA.maxValue, Literal(q.max, datatype=XSD.double)))
        add((node, SCHEMA.unitText, Literal(q.unit)))
        if q.measure:
            add((node, DK.measure, concept("measure", q.measure)))

    def quantity(owner: URIRef, q: Quantity, n: int) -> URIRef:
        node = mint("quantity", digest(f"{owner}|{n}|{q.text}"))
        add((node, RDF.type, SCHEMA.QuantitativeValue))
        amounts(node, q)
        if q.year:
            add((node, DK.targetYear, Literal(str(q.year), datatype=XSD.gYear)))
        if q.baseline:
            add((node, DK.baselineYear, Literal(str(q.baseline), datatype=XSD.gYear)))
        return node

    for k in x.commitments:
        node = mint("commitment", k.id or digest(f"{x.article_id}|{k.mention.begin}|{k.statement}"))
        add((node, RDF.type, DK.Commitment))
        add((node, DK.statement, vi(k.statement)))
        add((node, DK.status, concept("status", k.status)))
        add((node, DK.topic, concept("topic", k.topic)))
        for code in k.parties:
            add((node, DK.party, country(code)))
        for body in k.bodies:      # an international body commits for itself (the data model allows an org)
            add((node, DK.party, mint.person(body) if body in x.persons else mint.org(body)))
        if k.made_at:
            ev = next((e for e in x.events if e.key == k.made_at), None)
            if ev is not None:
                add((node, DK.madeAt, mint.event(ev.key, ev.type)))
        for n, q in enumerate(k.targets):
            add((node, DK.target, quantity(node, q, n)))
        if k.reaffirms:
            add((node, DK.reaffirms, mint("commitment", k.reaffirms)))
        derived(node)
        evidence(node, k.mention)

    for ob in x.observations:
        node = mint("observation", digest(f"{x.article_id}|{ob.mention.begin}|{ob.quantity.text}"))
        add((node, RDF.type, DK.Observation))
        amounts(node, ob.quantity)
        for code in ob.parties:
            add((node, DK.party, country(code)))
        if ob.period:
            add((node, DK.period, Literal(ob.period)))
        derived(node)
        evidence(node, ob.mention)

    for thing in x.named:
        cls = DK.Project if thing.kind == "project" else DK.Agreement
        node = mint(thing.kind, slug(named_key(thing)))
        add((node, RDF.type, cls))
        add((node, SCHEMA.name, vi(thing.name)))
        if thing.period:
            add((node, DK.period, Literal(thing.period)))
        derived(node)
        evidence(node, thing.mention)

    for code in sorted(used_countries):
        node = mint.country(code)
        add((node, RDF.type, SCHEMA.Country))
        add((node, SCHEMA.identifier, Literal(code)))
        add((node, SCHEMA.name, Literal(countries[code]["vi"], lang="vi")))
        add((node, SCHEMA.name, Literal(countries[code]["en"], lang="en")))
    return mint.graph(x.article_id), triples
