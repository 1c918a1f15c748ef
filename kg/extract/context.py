"""One article's context: its persons, posts, organizations and countries with identity and coreference,
sentence by sentence. The pipeline builds it first; the event, commitment and corpus steps read it."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from kg import lexicons
from kg.extract.actors import SentenceActors, grammar
from kg.extract.dates import find_dates
from kg.extract.model import Mention, OrgRef, Organization, Person, Post, RoleRef
from kg.text.document import Document, Sentence, analyse
from kg.text.normalize import key
from kg.text.syllables import is_vietnamese_syllable


@dataclass
class ActorRef:
    """Who a stretch of a sentence names: person or organisation keys, or a country code."""
    begin: int          # article offsets
    end: int
    keys: list[str]
    kind: str           # person | org | country | plural


@dataclass
class SentenceView:
    index: int
    sentence: Sentence
    refs: list[ActorRef] = field(default_factory=list)


@dataclass
class ArticleContext:
    doc: Document
    home: str                        # the publisher's country: unmarked titles are its officials
    foreign: str | None              # the other side the article is mostly about
    persons: dict[str, Person]
    orgs: dict[str, Organization]
    views: list[SentenceView]
    protagonist: str | None
    unresolved: list[tuple[int, RoleRef]] = field(default_factory=list)   # (sentence index, bare title)
    read: list[list] = field(default_factory=list)   # its persons as the article alone tells them, before any
                                                     # hint: [key, name, country, marked]

    def country_of(self, actor_key: str) -> str | None:
        if actor_key in self.persons:
            return self.persons[actor_key].country
        if actor_key in self.orgs:
            return self.orgs[actor_key].country or self.orgs[actor_key].bloc
        return None

    def sides(self) -> list[str]:
        return [c for c in (self.home, self.foreign) if c]


def org_key(ref: OrgRef, country: str | None) -> str:
    if ref.joint:      # one key whatever the order of the countries and the 'về …' description
        text, _ = lexicons.strip_countries(ref.base)
        text = re.sub(r"[\s-]+", " ", text).split(" về ")[0]
        return f"{key(text)}|{'+'.join(sorted(ref.countries))}"
    return f"{key(ref.base)}|{country or ''}"


def canonical_label(ref: OrgRef, country: str | None) -> str:
    """One display name per organisation: a national body with its country ('Bộ Ngoại giao Lào'), a joint
    body with its countries in a fixed order, anything else as written."""
    names = lexicons.countries()
    if ref.joint:
        words = org_key(ref, None).split("|")[0]      # case-folded: the same label from every article
        return f"{words[:1].upper()}{words[1:]} {' - '.join(names[c]['vi'] for c in sorted(ref.countries))}"
    own_country = not ref.countries or ref.base != ref.surface
    if country and own_country and _national(ref.kind):
        return f"{ref.base} {names[country]['vi']}"
    return ref.surface


def person_key(name: str) -> str:
    """One key per person whatever the spelling: case, dashes and hyphens folded ('Gu-tê-rết', 'Gu tê rết');
    a foreign name also without its accents ('Díaz-Canel', 'Diaz Canel'). A Vietnamese name keeps its tones,
    which tell different people apart ('Tâm', 'Tám')."""
    k = key(name).replace(" - ", " ").replace("-", " ")
    if not grammar().is_vietnamese_name(name):
        k = "".join(ch for ch in unicodedata.normalize("NFD", k) if not unicodedata.combining(ch))
        k = unicodedata.normalize("NFC", k.replace("đ", "d"))
    return k


def _national(kind: str) -> bool:
    """A body of one state (ministry, parliament, party …), named with its country when written without."""
    return kind in lexicons.load("institutions")["national_kinds"]


def build_context(article_id: str, text: str, published: date | None = None,
                  publisher: str | None = None) -> ArticleContext:
    doc = analyse(article_id, text, published, publisher)
    home = lexicons.load("boilerplate")["publisher_country"]
    g = grammar()
    readings = [g.read(s.text, s.begin, i) for i, s in enumerate(doc.sentences)]
    _places_as_titles(readings)

    # the other side: the foreign country named most often (titles, institutions, plain mentions)
    counts: Counter = Counter()
    for r in readings:
        for code, _ in r.countries:
            counts[code] += 1
        for p in r.persons:
            for post in p.posts:
                for code in (post.country, post.org and (post.org.country or post.org.bloc), post.posted_to):
                    if code:
                        counts[code] += 1
        for o in r.orgs:
            for code in o.org.countries or ((o.org.country or o.org.bloc,) if o.org.country or o.org.bloc else ()):
                counts[code] += 1
    counts.pop(home, None)
    foreign = counts.most_common(1)[0][0] if counts else None
    # an unmarked foreign name is guessed to be of that side only when it dominates the article: in one
    # about two powers ('Mỹ - Trung'), a guess would be as often wrong as right
    ranked = counts.most_common(2)
    guess = foreign if len(ranked) < 2 or ranked[0][1] >= 2 * ranked[1][1] else None

    full_names = _full_names([pm.name for r in readings for pm in r.persons])
    full_names.update(_cut_names(text, [pm for r in readings for pm in r.persons]))
    full_names.update(_unmarked_slips([pm.name for r in readings for pm in r.persons]))
    # a transliteration with the original in brackets: both spellings are one person, keyed by the original,
    # which other articles may write alone
    originals = {full_names.get(pm.name, pm.name): pm.original for r in readings for pm in r.persons if pm.original}

    def pkey(name: str) -> str:
        full = full_names.get(name, name)
        return person_key(originals.get(full, full))

    persons: dict[str, Person] = {}
    explicit: dict[str, str] = {}
    sides: dict[str, str] = {}
    officers: set[str] = set()           # officers of an international body: no country unless one is marked
    told_then: list[tuple[Person, Post]] = []     # posts named in sentences of years long past
    for r, sentence in zip(readings, doc.sentences):
        titled = any(post.role for pm in r.persons for post in pm.posts)
        past = _long_past(sentence, doc.published) if titled else []
        for pm in r.persons:
            k = pkey(pm.name)
            name = full_names.get(pm.name, pm.name)
            person = persons.setdefault(k, Person(k, name))
            if name.count(" ") < person.name.count(" "):
                person.name = name      # 'Berg-Dahl' over 'Berg – Dahl': one spelling, spaced by a slip
            person.mentions.append(pm.mention)
            for post in pm.posts:
                if post.role and any(abs(at - pm.mention.begin) <= PAST_REACH for at in past):
                    told_then.append((person, post))
                elif post.role:                    # a title the role scheme does not name marks only the country
                    _add_post(person, post)
                code = post.country or (post.org.country or post.org.bloc if post.org and not post.org.joint else None)
                if code and k not in explicit:
                    explicit[k] = code
                if post.org and post.org.kind == "international":
                    officers.add(k)
            if pm.side and k not in sides:
                sides[k] = pm.side
    for r, sentence in zip(readings, doc.sentences):
        code, followers = _companions(sentence, r, persons, pkey, explicit)
        for k in followers:
            if code and k not in explicit and k not in sides and not g.is_vietnamese_name(persons[k].name):
                sides[k] = code
    for person, post in told_then:
        # held now too when the article says so elsewhere (the body it names counts); else marked as held then
        post.former = not any(q.role == post.role for q in person.posts)
        _add_post(person, post)
    for r in readings:
        for pm in r.persons:
            for post in pm.posts:
                if post.former_role:
                    _drop_post_once_held(persons[pkey(pm.name)], post)
    for k, person in persons.items():
        person.marked = k in explicit or k in sides
        if k in explicit:
            person.country = explicit[k]
        elif k in sides:
            person.country = sides[k]
        elif g.is_vietnamese_name(person.name):
            person.country = home
        elif k in officers:
            person.country = None
        else:
            person.country = guess     # none when nothing marks a foreign side: a foreign name is not ours

    orgs: dict[str, Organization] = {}
    explicit_org_country: dict[str, set] = {}
    for r in readings:
        for om in r.orgs:
            if om.org.country and not om.org.joint:
                explicit_org_country.setdefault(key(om.org.base), set()).add(om.org.country)

    def org_country(ref: OrgRef, holder: Person | None) -> str | None:
        if ref.joint or ref.kind == "international":
            return None
        if ref.country:
            return ref.country
        if holder is not None and holder.country:
            return holder.country
        known = explicit_org_country.get(key(ref.base), set())
        if len(known) == 1:
            return next(iter(known))
        # an unmarked national body, or one the grammar only knows by its head word, is the publisher's; not a
        # company or school with a foreign name ('Tập đoàn Andes Mining'), whose country the text did not give
        if ref.kind == "organization":
            return home if grammar().native_name(ref.base) else None
        return home if _national(ref.kind) else None

    def add_org(ref: OrgRef, mention: Mention, holder: Person | None) -> str:
        country = org_country(ref, holder)
        if holder is not None and country and not ref.country and not ref.joint and ref.kind == "organization":
            # 'Chủ tịch Tập đoàn X' with a foreign holder: the same body named alone later is that country's
            explicit_org_country.setdefault(key(ref.base), set()).add(country)
        k = org_key(ref, country)
        org = orgs.get(k)
        if org is None:
            org = orgs[k] = Organization(k, ref.surface, set(), country, ref.kind, bloc=ref.bloc)
        org.names.add(ref.surface)
        org.names.add(ref.base)
        if country and (_national(ref.kind) or ref.kind == "organization") and not ref.joint \
                and ref.base == ref.surface and not ref.countries:
            org.names.add(f"{ref.base} {lexicons.countries()[country]['vi']}")   # 'Bộ Ngoại giao Việt Nam'
        if org.label is None:
            org.label = canonical_label(ref, country)
        org.mentions.append(mention)
        return k

    post_orgs: dict[int, str] = {}
    unowned: set[int] = set()
    for r in readings:
        title_spans = {id(om.org): om.mention for om in r.orgs}     # where the title named the body
        for pm in r.persons:
            holder = persons[pkey(pm.name)]
            for post in pm.posts:
                if post.org and _national(post.org.kind) and not post.org.country and not post.org.joint \
                        and not holder.country and not g.is_vietnamese_name(holder.name):
                    # 'Chủ tịch Hạ viện X', a foreign name no side is known for: a body of X's country, which the
                    # text does not give; not the publisher's (the post stays, with no body)
                    unowned.add(id(post.org))
                    post.org = None
                elif post.org:
                    where = title_spans.get(id(post.org), pm.mention)
                    post_orgs[id(post.org)] = add_org(post.org, where, holder)
    for person in persons.values():
        for post in person.posts:
            if post.org and id(post.org) in post_orgs:
                post.org_key = post_orgs[id(post.org)]
    views = [SentenceView(i, s) for i, s in enumerate(doc.sentences)]
    for view, r in zip(views, readings):
        for om in r.orgs:
            if id(om.org) in unowned:
                continue
            if id(om.org) in post_orgs:
                k = post_orgs[id(om.org)]
            else:
                k = add_org(om.org, om.mention, None)
            view.refs.append(ActorRef(om.mention.begin, om.mention.end, [k], "org"))
        for pm in r.persons:
            view.refs.append(ActorRef(pm.mention.begin, pm.mention.end, [pkey(pm.name)], "person"))
        for code, m in r.countries:
            view.refs.append(ActorRef(m.begin, m.end, [code], "country"))

    _renamed(views, orgs, persons)
    mention_counts = Counter({k: len(p.mentions) for k, p in persons.items()})
    protagonist = mention_counts.most_common(1)[0][0] if mention_counts else None
    ctx = ArticleContext(doc, home, foreign, persons, orgs, views, protagonist)
    for view, r in zip(views, readings):
        named = tuple(k for ref in view.refs if ref.kind == "person" for k in ref.keys)
        for ref in r.roles:
            resolved = resolve_role(ctx, ref, named) or _one_word_name(ctx, ref)
            if not resolved and ref.role and ref.country and not ref.plural:
                ctx.unresolved.append((view.index, ref))
            if resolved:
                kind = "plural" if ref.plural else "person"
                view.refs.append(ActorRef(ref.mention.begin, ref.mention.end, resolved, kind))
                if not ref.plural and ref.surname:
                    persons[resolved[0]].mentions.append(ref.mention)
        view.refs.sort(key=lambda a: a.begin)
    _full_names_again(ctx)
    _bare_surnames(ctx)
    ctx.read = [[p.key, p.name, p.country, p.marked] for p in persons.values()]
    return ctx


def _renamed(views: list[SentenceView], orgs: dict[str, Organization], persons: dict[str, Person]) -> None:
    """'Bộ X là tên gọi mới của Bộ Y Peru': a body and its former name are one organization, the first named."""
    links = {re.sub(r"\s+", " ", f).strip() for f in lexicons.load("institutions")["renaming_links"]["links"]}
    merged: dict[str, str] = {}
    for view in views:
        refs = sorted((r for r in view.refs if r.kind == "org"), key=lambda r: r.begin)
        for a, b in zip(refs, refs[1:]):
            between = view.sentence.text[a.end - view.sentence.begin:b.begin - view.sentence.begin]
            ka, kb = merged.get(a.keys[0], a.keys[0]), merged.get(b.keys[0], b.keys[0])
            if ka == kb or re.sub(r"\s+", " ", between).strip() not in links:
                continue
            new, old = orgs[ka], orgs[kb]
            if new.country and old.country and new.country != old.country:
                continue
            new.names |= old.names
            new.mentions += old.mentions
            new.country = new.country or old.country
            merged[kb] = ka
            for k, v in merged.items():
                if v == kb:
                    merged[k] = ka
            del orgs[kb]
    if not merged:
        return
    for view in views:
        for r in view.refs:
            r.keys = [merged.get(k, k) for k in r.keys]
    for person in persons.values():
        for post in person.posts:
            post.org_key = merged.get(post.org_key, post.org_key)


def _full_names(names: list[str]) -> dict[str, str]:
    """A shorter mention of a foreign name to the one full name of the article it opens or ends:
    'Thái tử Mohammed bin Salman' after 'Thái tử Mohammed bin Salman Al Saud', 'ông Lopes da Costa' beside
    'Joaquim Ribeiro Lopes da Costa' (the press drops given names first). Vietnamese names are never
    shortened this way, and a short form that opens or ends two full names stays as it is."""
    words = {n: person_key(n).split() for n in dict.fromkeys(names)}     # in text order, each once
    by_first: dict[str, list[str]] = {}          # names by their first and last word: no comparison of every pair
    by_last: dict[str, list[str]] = {}
    for n, w in words.items():
        by_first.setdefault(w[0], []).append(n)
        by_last.setdefault(w[-1], []).append(n)
    out = {}
    for short, w in words.items():
        if grammar().is_vietnamese_name(short):
            continue
        longer = {n for n in by_first[w[0]] if len(words[n]) > len(w) and words[n][:len(w)] == w}
        if not longer and len(w) >= 2:
            longer = {n for n in by_last[w[-1]] if len(words[n]) > len(w) and words[n][-len(w):] == w
                      and not grammar().is_vietnamese_name(n)}
        if len(longer) == 1:
            out[short] = longer.pop()
    return out


def _places_as_titles(readings: list) -> None:
    """'Bí thư Khu ủy X Y' where the article shows X Y to be the province before a name elsewhere ('Bí thư Khu
    ủy X Y Lưu Z'): the title alone, not a person named X Y."""
    places = {p for r in readings for p in r.places}
    if not places:
        return
    for r in readings:
        for pm in [pm for pm in r.persons if pm.name in places]:
            r.persons.remove(pm)
            role = next((p.role for p in pm.posts if p.role), None)
            if role:
                r.roles.append(RoleRef(role, None, False, pm.mention))


def _full_names_again(ctx: ArticleContext) -> None:
    """'X tiếp Cố vấn … kiêm Phó toàn quyền Y Ahmed bin Khalid Al Saud' where a title the grammar does not know
    hides the name, told as 'ông Ahmed bin Khalid Al Saud' elsewhere: a foreign full name of the article, written
    again in full, is that person wherever it stands (a name of two words or more is no plain word)."""
    # (a name of Vietnamese syllables only may be a street's, a city's or a school's, named after a person)
    owners = {p.name: p for p in ctx.persons.values()
              if len(p.name.split()) >= 2 and not all(is_vietnamese_syllable(w) for w in p.name.split())}
    if not owners:
        return
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(owners, key=len, reverse=True)) + r")(?!\w)")
    found = set()
    for view in ctx.views:
        s = view.sentence
        for m in pattern.finditer(s.text):
            begin, end = s.begin + m.start(), s.begin + m.end()
            if any(r.begin < end and begin < r.end for r in view.refs):
                continue
            person = owners[m.group(1)]
            person.mentions.append(Mention(begin, end, view.index))
            view.refs.append(ActorRef(begin, end, [person.key], "person"))
            found.add(person.key)
        view.refs.sort(key=lambda a: a.begin)
    for k in found:         # (in the text's order, as read)
        ctx.persons[k].mentions.sort(key=lambda m: m.begin)


def _bare_surnames(ctx: ArticleContext) -> None:
    """'Ruto nói …' after 'Tổng thống Kenya William Ruto': a foreign surname standing alone, with no title or
    honorific, is the one person of the article whose full name it ends and who was named before. Vietnamese
    syllables are left alone: they are as often a given name or a plain word."""
    owners: dict[str, list[Person]] = {}
    for p in ctx.persons.values():
        words = p.name.split()
        if len(words) >= 2 and not grammar().is_vietnamese_name(p.name) and not is_vietnamese_syllable(words[-1]):
            owners.setdefault(words[-1], []).append(p)
    owners = {w: ps[0] for w, ps in owners.items() if len(ps) == 1 and w[:1].isupper()}
    if not owners:
        return
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in owners) + r")\b")
    for view in ctx.views:
        s = view.sentence
        for m in pattern.finditer(s.text):
            begin, end = s.begin + m.start(), s.begin + m.end()
            person = owners[m.group(1)]
            if any(r.begin <= begin < r.end or begin <= r.begin < end for r in view.refs) \
                    or _last_mention_before(person, begin) < 0 or _other_given_name(s.text[:m.start()], person):
                continue
            mention = Mention(begin, end, view.index)
            person.mentions.append(mention)
            view.refs.append(ActorRef(begin, end, [person.key], "person"))
        view.refs.sort(key=lambda a: a.begin)


def _other_given_name(before: str, person: Person) -> bool:
    """Whether the words before a bare surname make it someone or something else. 'Mary Ruto' is not
    William Ruto: a capitalised word before the surname that is neither one of the
    person's own names nor the end of a country's name ('Tổng thống Kenya Ruto')."""
    low = before.rstrip().casefold()
    if any(re.search(rf"(^|\s){noun}$", low) for noun in lexicons.load("honorifics")["administration_nouns"]):
        return True         # 'chính quyền Ruto', 'thời Kenyatta': a government or an era, not the person at hand
    prev = re.search(r"(\w+)\W*$", before)
    if not prev or not prev.group(1)[:1].isupper() or prev.group(1) in person.name.split():
        return False
    return not any(before.rstrip().endswith(form) for form, _ in lexicons.country_forms())


def _bare(word: str) -> str:
    """A word without its tone and vowel marks ('Thị' → 'Thi', 'Đức' → 'Duc')."""
    word = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in word if not unicodedata.combining(ch))


def _unmarked_slips(names: list[str]) -> dict[str, str]:
    """'Lê Thi Kim Hoa' for 'Lê Thị Kim Hoa': a Vietnamese name of three syllables or more whose
    syllables are another name's of the article, some written with no marks at all, is that person typed
    without them. Two marked spellings ('Tâm', 'Tám') stay two people."""
    by_bare: dict[str, set[str]] = {}
    for n in set(names):
        if grammar().is_vietnamese_name(n) and len(n.split()) >= 3:
            by_bare.setdefault(" ".join(_bare(w) for w in n.split()).casefold(), set()).add(n)
    out = {}
    for group in by_bare.values():
        for slip in group:
            fuller = [n for n in group if n != slip and all(
                w == v or w == _bare(v) for w, v in zip(slip.split(), n.split()))]
            if len(fuller) == 1:
                out[slip] = fuller[0]
    return out


def _cut_names(text: str, mentions: list) -> dict[str, str]:
    """'Trần Văn an' for 'Trần Văn An': a Vietnamese name that a lowercase word follows, when the name
    with that word capitalised is someone the article names, is that person written with a slip of case."""
    names = {pm.name for pm in mentions}
    out = {}
    for pm in mentions:
        if not grammar().is_vietnamese_name(pm.name):
            continue
        nxt = re.match(r" (\w+)", text[pm.mention.end:pm.mention.end + 12])
        if nxt and nxt.group(1).islower():
            full = f"{pm.name} {nxt.group(1).capitalize()}"
            if full in names:
                out[pm.name] = full
    return out


def _one_word_name(ctx: ArticleContext, ref: RoleRef) -> list[str]:
    """'Tổng thống Kê-ni-a Ruto', 'Tổng thống Ruto': a foreign leader the press names by one word, when no
    fuller name of the article holds it. A Vietnamese syllable after a title is left alone: it is more
    often a given name standing for someone named in full elsewhere."""
    if not (ref.surname and (ref.role or ref.foreign) and (ref.country or ref.foreign)) or ref.plural \
            or is_vietnamese_syllable(ref.surname) or ref.country == ctx.home:
        return []
    k = person_key(ref.surname)
    person = ctx.persons.get(k)
    if person is None:
        person = ctx.persons[k] = Person(k, ref.surname, ref.country or ctx.foreign,
                                         [Post(ref.role, country=ref.country)] if ref.role else [])
    person.mentions.append(ref.mention)
    return [k]


# a term of years ('Đại sứ Mỹ tại Hà Nội giai đoạn 2014-2017', 'nhiệm kỳ 2016 - 2021'): its last year counts
TERM = re.compile(r"\b(?:giai đoạn|nhiệm kỳ|từ năm|trong những năm)\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", re.I)
YEAR = re.compile(r"(?:19|20)\d\d")      # no year written, no time long past told
PAST_REACH = 150     # characters between a title and the date it is told at: one clause


def _long_past(sentence: Sentence, published: date | None) -> list[int]:
    """Where a sentence tells of a time two years or more before the article's ('chuyến thăm Kenya năm 2009 của
    Tổng thống X'): a title near such a date is the one held then, not necessarily now. None when any date it
    gives is recent or it speaks of now too ('từ năm 1990 đến nay')."""
    if published is None or not YEAR.search(sentence.text) or PRESENT.search(sentence.text):
        return []
    dates = [(d.begin, y) for d in find_dates(sentence.text, published.year, None, published)
             for y in (d.start.year, d.end_date and d.end_date.year) if y]
    dates += [(m.start(), int(m.group(2))) for m in TERM.finditer(sentence.text)]
    if not dates or max(y for _, y in dates) > published.year - 2:
        return []
    return [sentence.begin + at for at, _ in dates]


PRESENT = re.compile(r"\b(?:{})\b".format("|".join(lexicons.load("honorifics")["present_marks"])), re.I)


HON = lexicons.load("honorifics")
COMPANY = re.compile(r"^\W*(?:{})\s+(.+?)\s+(?:{})\s".format(
    "|".join(map(re.escape, HON["companion_marks"])),
    "|".join(map(re.escape, sorted(HON["companion_list_verbs"], key=len, reverse=True)))), re.I)


def _companions(sentence: Sentence, reading: SentenceActors, persons: dict[str, Person], pkey: Callable[[str], str],
                explicit: dict[str, str]) -> tuple[str | None, list[str]]:
    """'Cùng đi với Tổng thống Ruto có X, Y': the country of the person accompanied (named there, or by the
    surname of someone the article marks) and the keys of those listed after."""
    m = COMPANY.match(sentence.text)
    if not m:
        return None, []
    lead = (sentence.begin + m.start(1), sentence.begin + m.end(1))
    codes = {explicit.get(pkey(pm.name)) for pm in reading.persons if lead[0] <= pm.mention.begin < lead[1]}
    if not codes:
        words = set(m.group(1).split())
        codes = {explicit[k] for k, p in persons.items() if k in explicit and p.name.split()[-1] in words}
    followers = [pkey(pm.name) for pm in reading.persons if pm.mention.begin >= sentence.begin + m.end()]
    return (codes.pop() if len(codes) == 1 else None), followers


def _drop_post_once_held(person: Person, former: Post) -> None:
    """A post the article says a person once held ('cựu Thủ tướng X', 'cố Tổng Bí thư X') is not theirs when
    the same article names them by it bare ('khi Tổng Bí thư X còn sống'): the same role in the same body."""
    base = former.org and former.org.base
    person.posts[:] = [q for q in person.posts if not (
        q.role == former.former_role and (base is None or q.org is None or q.org.base == base))]


def _add_post(person: Person, post: Post) -> None:
    """One post per role and body: 'Bộ trưởng' and 'Bộ trưởng Ngoại giao' of one person are one post, the
    one that names its body kept; a bare 'Chủ tịch' of a head of state is the presidency said short."""
    if post.role == "chair" and post.org is None and any(q.role == "president" for q in person.posts):
        return
    if post.role == "president":
        person.posts[:] = [q for q in person.posts if not (q.role == "chair" and q.org is None)]
    for n, held in enumerate(person.posts):
        if held.role != post.role:
            continue
        if (held.org and held.org.base) == (post.org and post.org.base) or post.org is None:
            return
        if held.org is None:
            person.posts[n] = post
            return
    person.posts.append(post)


def principals(ctx: ArticleContext, people: list[Person], prefer: tuple[str, ...] = (),
               at: Mention | None = None) -> list[str]:
    """'hai Thủ tướng', 'hai nhà lãnh đạo': for our side and the other, the person the same sentence names,
    else the side's most-mentioned person. In an article about several partners, the other side is the
    foreign leader named within the last two sentences, when there is one."""
    def ranked(members) -> list[Person]:
        return sorted(members, key=lambda p: (p.key not in prefer, -len(p.mentions), p.mentions[0].begin))

    ours = ranked(p for p in people if p.country == ctx.home)
    theirs = ranked(p for p in people if p.country == ctx.foreign and ctx.foreign)
    if at is not None:
        recent = [p for p in people if p.country != ctx.home and p.posts
                  and (p.country or not grammar().is_vietnamese_name(p.name))
                  and any(at.sentence - 2 <= m.sentence <= at.sentence and m.begin < at.begin for m in p.mentions)]
        if recent:          # one of the article's partners: its most-named leader (the one just named, when
                            # the article could not tell its country)
            nearest = max(recent, key=lambda p: (p.key in prefer, _last_mention_before(p, at.begin)))
            theirs = ranked(p for p in people if p.country == nearest.country) if nearest.country else [nearest]
            leaders = lexicons.load("honorifics")["leader_posts"]
            if any(q.role in leaders for q in nearest.posts):
                theirs = [nearest]     # a head of state or government just named leads the side ('hai nhà lãnh đạo')
    return [side[0].key for side in (ours, theirs) if side]


def resolve_role(ctx: ArticleContext, ref: RoleRef, named: tuple[str, ...] = ()) -> list[str]:
    """A bare title to the person(s) of this article who hold it: 'Thủ tướng Lào' → the Lao PM."""
    people = list(ctx.persons.values())
    if ref.surname:
        return [p.key for p in people if ref.surname in p.name.split()][:1]
    at = ref.mention.begin
    if ref.pronoun:
        best = max(people, key=lambda p: _last_mention_before(p, at), default=None)
        return [best.key] if best is not None and _last_mention_before(best, at) >= 0 else []
    if ref.leader:                           # 'nhà lãnh đạo Cuba': its highest post holder named here
        order = lexicons.load("honorifics")["leader_posts"]
        ranked = sorted((min((order.index(q.role) for q in p.posts if q.role in order and not q.former),
                             default=len(order)),
                         -len(p.mentions), p.mentions[0].begin, p.key)
                        for p in people if p.country == ref.country and p.posts and p.mentions)
        return [ranked[0][3]] if ranked and ranked[0][0] < len(order) else []
    if ref.role is None:                     # 'hai nhà lãnh đạo'
        return principals(ctx, people, named, ref.mention) if ref.plural else []
    holders = [p for p in people if any(post.role == ref.role and not post.former for post in p.posts)]
    if ref.country:
        of_country = [p for p in holders if p.country == ref.country]
        untold = [p for p in holders if p.country is None]
        if not of_country and len(untold) == 1 and ref.country != ctx.home and _counterpart(ctx, ref):
            # 'Thủ tướng X' with no country, then 'người đồng cấp Campuchia': the one holder whose country the
            # article did not tell is that country's
            untold[0].country = ref.country
            of_country = untold
        holders = of_country
    elif ref.foreign:
        holders = [p for p in holders if p.country != ctx.home]
    if ref.plural:
        return principals(ctx, holders, named, ref.mention) if len(holders) > 2 else [p.key for p in holders]
    if not holders:
        return []
    if not ref.country:
        home = [p for p in holders if p.country == ctx.home]
        holders = home or holders
    # the holder mentioned nearest before the reference, else the first one
    best = max(holders, key=lambda p: _last_mention_before(p, at))
    return [best.key if _last_mention_before(best, at) >= 0 else holders[0].key]


def _counterpart(ctx: ArticleContext, ref: RoleRef) -> bool:
    """Whether a reference is written 'người đồng cấp <country>'."""
    said = ctx.doc.text[ref.mention.begin:ref.mention.end]
    return any(said.startswith(noun) for noun in lexicons.load("honorifics")["counterpart_nouns"])


def _last_mention_before(person: Person, offset: int) -> int:
    """The start of the person's last mention before `offset`, -1 if none: a binary search over their
    mentions' starts, sorted again only when mentions were added, so that resolving every pronoun of a long
    article stays near linear."""
    if person.sorted_starts is None or person.sorted_starts[0] != len(person.mentions):
        person.sorted_starts = (len(person.mentions), sorted(m.begin for m in person.mentions))
    starts = person.sorted_starts[1]
    n = bisect_left(starts, offset)
    return starts[n - 1] if n else -1
