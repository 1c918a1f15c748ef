"""Commitments: clauses whose predicate is headed by an agreement, pledge or proposal cue
(kg/lexicons/commitments.json) and whose subject is a party — an actor of the article, 'hai bên', an anaphor
of one — with their parties, topic and targets; and the figures reported outside them (observations).

A cue alone is not a commitment: what a visit is expected to bring, a belief about another's future, one
side's standing position, a recollection, a question or a past event are told with the same words."""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from dataclasses import dataclass
from functools import lru_cache

from kg import lexicons
from kg.extract.model import Commitment, Event, Mention, Observation
from kg.extract.quantities import find_quantities, measure_of
from kg.text.clauses import clauses
from kg.text.tokens import PhraseMatcher, RunMatcher, Token, tokenize

PERIOD_MONTHS = re.compile(r"(\d{1,2}) tháng đầu năm (\d{4})")
QUARTER = re.compile(r"quý (I{1,3}|IV|\d)/(\d{4})", re.I)
YEAR = re.compile(r"\bnăm (\d{4})\b", re.I)
ANY_YEAR = re.compile(r"(?:\bnăm\s+|/)((?:19|20)\d{2})\b", re.I)
QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
TIME_OPENING = re.compile(r"\s*(?:(?:vào|hồi|trong|từ|cuối|đầu|giữa|sau|trước|tới)\s+)*(?:năm|tháng|ngày|quý|\d)",
                          re.I)
QUOTED_NAME = 6      # a quoted stretch this short is a name, not a quotation
HEAD_SLACK = 2       # words a head-opened subject may hold besides names and titles
BOUNDARY = set(",;:\"“”«»")
CLOSING_QUOTES = "\"”»"
OPENING_QUOTES = "\"“«"


class Phrases:
    """Phrases of one lexicon list, matched as whole tokens ending at a position (reading backwards)."""

    def __init__(self, phrases):
        words = ((tuple(t.low for t in tokenize(p)), p) for p in phrases)
        self.items = sorted((e for e in words if e[0]), key=lambda e: -len(e[0]))
        # the same items, longest first, under their last word and under their first: a position is only
        # tried against the phrases that can end (or start) with its token
        self.by_last: dict[str, list] = {}
        self.by_first: dict[str, list] = {}
        for e in self.items:
            self.by_last.setdefault(e[0][-1], []).append(e)
            self.by_first.setdefault(e[0][0], []).append(e)

    def ending_at(self, toks: list[Token], k: int, floor: int = 0):
        """(start index, payload) of the longest phrase whose last token is toks[k - 1], not before floor."""
        if floor < 0 or not 0 < k <= len(toks):
            return self._ending_at_any(toks, k, floor)
        for words, payload in self.by_last.get(toks[k - 1].low, ()):
            i = k - len(words)
            if i >= floor and all(toks[i + n].low == words[n] for n in range(len(words) - 1)):
                return i, payload
        return None

    def _ending_at_any(self, toks: list[Token], k: int, floor: int):
        for words, payload in self.items:
            i = k - len(words)
            if i >= floor and all(toks[i + n].low == w for n, w in enumerate(words)):
                return i, payload
        return None

    def starting_at(self, toks: list[Token], j: int, k: int):
        """The longest phrase that starts at toks[j] and ends by k, as its words."""
        if not 0 <= j < len(toks):
            return next((words for words, _ in self.items if j + len(words) <= k
                         and all(toks[j + n].low == w for n, w in enumerate(words))), None)
        for words, _ in self.by_first.get(toks[j].low, ()):
            if j + len(words) <= k and all(toks[j + n].low == words[n] for n in range(1, len(words))):
                return words
        return None


@dataclass
class Lexicon:
    data: dict
    cues: PhraseMatcher
    blocked: PhraseMatcher
    events: PhraseMatcher
    words: PhraseMatcher          # what a subject noun phrase is made of: (kind, phrase)
    adverbs: Phrases
    past: Phrases
    reporting: Phrases
    coordinators: Phrases
    subordinators: Phrases
    expectations: Phrases
    positions: Phrases
    warnings: Phrases                # 'không nên', 'cảnh báo': a clause that warns states a position
    recollections: Phrases
    becoming: PhraseMatcher
    history: Phrases
    purpose: Phrases
    staff: PhraseMatcher
    vague: PhraseMatcher
    acts: PhraseMatcher
    standing: PhraseMatcher
    joint: PhraseMatcher
    addressees: PhraseMatcher
    business: PhraseMatcher
    recent: Phrases
    commentators: PhraseMatcher
    protocol: PhraseMatcher
    empty: PhraseMatcher             # words that name no concrete act, field or thing
    contrast: PhraseMatcher          # 'trong khi', 'còn': a second side's pledge set against the first
    audiences: PhraseMatcher         # addressees that are no side: 'cộng đồng quốc tế', 'các nhà lãnh đạo'
    wish_empty: PhraseMatcher        # empty words, the addressee's heads and soft fields: what a wish may name idly
    welcomes: Phrases                # 'hoan nghênh': a standing welcome a bare 'và' lends to the cue after it
    ready_empty: PhraseMatcher       # empty words and soft fields: what a readiness may name idly
    background: PhraseMatcher        # 'trong bối cảnh', 'nhân dịp': the occasion a complement ends on
    agreed_before: PhraseMatcher     # 'đã nhất trí': an agreement a wish restates ('như … đã nhất trí')
    civil: PhraseMatcher             # heads of bodies that speak for themselves ('Hội', 'Tập đoàn') → True
    pronouns: frozenset              # 'Ông', 'Bà' opening a sentence: the one who spoke last
    former: str = ""                 # a regex alternation of the marks of a post once held ('cựu', 'nguyên')


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    data = lexicons.load("commitments")
    cues = PhraseMatcher([(c, status) for status, cs in data["status"].items() for c in cs])
    words = [(p, ("both", p)) for p in data["both_sides"]]
    words += [(p, ("anaphor", kind)) for p, kind in data["anaphors"].items()]
    words += [(p, ("head", p)) for p in data["subject_heads"]]
    words += [(p, ("join", p)) for p in data["subject_joiners"]]
    words += [(form, ("title", role["notation"])) for form, role in lexicons.role_forms()]
    honorifics = lexicons.load("honorifics")
    words += [(h, ("honorific", h)) for h in honorifics["honorifics"] + honorifics["ranks"]]
    return Lexicon(data, cues, PhraseMatcher([(c, c) for c in data["not_cues"]]),
                   PhraseMatcher([(c, c) for c in data["event_verbs"]]),
                   RunMatcher(words, honorifics["honorific_runs"]),
                   Phrases(data["adverbs"]), Phrases(data["past_markers"]), Phrases(data["reporting_verbs"]),
                   Phrases(data["coordinators"]), Phrases(data["subordinators"]),
                   Phrases(data["expectation_markers"]), Phrases(data["position_markers"]),
                   Phrases(data["warning_markers"]),
                   Phrases(data["recollection_markers"]),
                   PhraseMatcher([(c, c) for c in data["not_undertakings"]]),
                   Phrases(data["history_openers"]), Phrases(data["purpose_markers"]),
                   PhraseMatcher([(c, c) for c in data["own_staff"]]),
                   PhraseMatcher([(c, c) for c in data["vague_acts"]]),
                   PhraseMatcher([(c, c) for c in data["concrete_words"] + data["action_verbs"]]),
                   PhraseMatcher([(c, c) for c in data["standing_verbs"]]),
                   PhraseMatcher([(c, c) for c in data["joint_acts"] + data["cooperation_nouns"]]),
                   PhraseMatcher([(c, c) for c in data["addressee_heads"]]),
                   PhraseMatcher([(c, c) for c in data["business_heads"]]),
                   Phrases(data["recent_past"]),
                   PhraseMatcher([(c, c) for c in data["commentators"]]),
                   PhraseMatcher([(c, c) for c in data["protocol_acts"]]),
                   PhraseMatcher([(c, c) for c in data["empty_words"] + data["region_words"]]),
                   PhraseMatcher([(c, c) for c in data["contrast_links"]]),
                   PhraseMatcher([(c, c) for c in data["generic_audiences"]]),
                   PhraseMatcher([(c, c) for c in data["empty_words"] + data["region_words"]
                                  + data["addressee_heads"] + data["wish_empty_words"]]),
                   Phrases(data["welcome_verbs"]),
                   PhraseMatcher([(c, c) for c in data["empty_words"] + data["region_words"]
                                  + data["wish_empty_words"]]),
                   PhraseMatcher([(c, c) for c in data["background_markers"]]),
                   PhraseMatcher([(c, c) for c in data["agreed_before"]]),
                   PhraseMatcher(list(data["civil_heads"].items())),
                   frozenset(honorifics["pronouns"]),
                   "|".join(re.escape(m) for m in honorifics["former_marks"]))


@dataclass
class Subject:
    parties: list[str]
    both: bool = False              # 'hai bên', or two sides named
    reporter: list[str] | None = None   # the side of whoever reports the cue ('X cho biết …')
    body: bool = False              # an international body or its officer: it commits for itself, no country
    bodies: list[str] | None = None     # that body's organisation key (its officer's, else the officer's own)
    written: bool = True            # False when the cue has no subject of its own and shares one said before
    span: tuple[int, int] | None = None     # the subject's tokens, when written


REJECT = "reject"    # the cue's subject is not a party, or the statement is not an undertaking
NONE = "none"        # no subject written: the clause shares one said before


class Reading:
    """One sentence read for subjects: tokens in article offsets and the actors they name."""

    def __init__(self, ctx, view, lx: Lexicon):
        s = view.sentence
        self.ctx, self.view, self.lx, self.begin, self.text = ctx, view, lx, s.begin, s.text
        self.toks = [Token(t.text, t.begin + s.begin, t.end + s.begin) for t in tokenize(s.text)]
        self.kind: list[tuple | None] = [None] * len(self.toks)     # what each token is in a subject
        self.speaker: list[str] | None = None     # the side of the last sentence's subject, for 'Ông …'
        self.joint = False                        # the sentence before was told of both sides together
        self.aliases: dict[str, str] = {}         # names of the article's national bodies → their country
        self.partner_at = lambda offset: None     # the other side of the meeting told last before an offset
        self.abroad: list[str] = []               # the foreign sides the last sentence's subject named, alone
        i = 0
        while i < len(self.toks):
            m = lx.words.match_at(self.toks, i)
            if m:
                for n in range(i, m[0]):
                    self.kind[n] = m[1]
                i = m[0]
            else:
                i += 1
        # 'hai Bộ trưởng' read as a plural ref with one minister resolved still names both sides
        self.both_words = {n for n, k in enumerate(self.kind) if k is not None and k[0] == "both"}
        for ref in view.refs:
            for n, t in enumerate(self.toks):
                if ref.begin <= t.begin and t.end <= ref.end:
                    self.kind[n] = ("ref", ref)

    def sides(self, offset: int) -> list[str]:
        """The two sides at an offset: the home side and the partner of the meeting told last before it
        (an article may tell several bilateral meetings one after another), else the article's other side."""
        partner = self.partner_at(offset)
        return [self.ctx.home, partner] if partner and self.ctx.home else self.ctx.sides()

    def index_at(self, offset: int) -> int:
        return next((n for n, t in enumerate(self.toks) if t.begin >= offset), len(self.toks))

    def covered(self, n: int) -> bool:
        """Part of a subject noun phrase: an actor, a title, a head word, or a capitalised name (a sentence's
        first word only when the name goes on: 'Thanh Hóa', not 'Chuyến')."""
        t = self.toks[n]
        if self.kind[n] is not None:
            return True
        first = next((m for m, w in enumerate(self.toks) if w.is_word), 0)
        return t.is_cap and (n > first or (n + 1 < len(self.toks) and self.toks[n + 1].is_cap))

    def party_of(self, a: int, b: int, reporter: list[str] | None) -> Subject | None:
        """The parties a subject noun phrase toks[a:b] names; None when it names none."""
        codes: list[str] = []
        both = False
        evidence = False
        body = False
        bodies: list[str] = []
        refs = []
        plural = False                  # the sides come from a plural title ('Hai Thủ tướng') resolved to persons
        civil: list[str] = []           # bodies that are no state's ('Hội Hữu nghị …', a company), or their officers'
        civil_codes: list[str] = []
        for n in range(a, b):
            k = self.kind[n]
            if k is None:
                evidence |= self.covered(n)
                continue
            if k[0] == "ref" and n in self.both_words:
                both = evidence = True
            if k[0] == "ref" and k[1] not in refs:
                refs.append(k[1])
                plural |= k[1].kind == "plural"
            elif k[0] == "both":
                both = evidence = True
            elif k[0] == "anaphor":
                evidence = True
                if k[1] == "foreign":
                    # 'bạn' after 'Lãnh đạo X và Y đều khẳng định …' is both of them; else the partner of
                    # the meeting told last, else the article's other side
                    _add(codes, self.abroad or [self.partner_at(self.toks[n].begin) or self.ctx.foreign])
                elif k[1] == "home":
                    _add(codes, [self.ctx.home])     # 'ta', 'phía ta': the publisher's side
                elif k[1] in ("reporter", "speaker"):
                    side = reporter or self.quoted_speaker()
                    if side is None and k[1] == "speaker":
                        return None          # a first person no reporter is named for
                    _add(codes, side or [])
            elif k[0] == "title":
                evidence = True
        for ref in refs:
            evidence = True
            if self.speaker and self.is_pronoun(ref):
                _add(codes, self.speaker)    # 'Ông …' is whom the text spoke of last, not any name said in between
                continue
            for key in ref.keys:
                own = _civil_body(self.ctx, key) if ref.kind != "country" else None
                if own is not None:          # an association, a company: speaks for itself, not its state
                    _add(civil, [own])
                    _add(civil_codes, [self.ctx.country_of(key)])
                    continue
                code = key if ref.kind == "country" else self.ctx.country_of(key)
                _add(codes, [code] if code else [])
                if code is None and _international(self.ctx, key):
                    body = True
                    _add(bodies, [_body_of(self.ctx, key)])
        if not evidence:
            return None
        if civil and (codes or both or body):
            _add(codes, civil_codes)         # beside a state's actor or 'hai bên' it is its country's side
        elif civil:
            return Subject([], False, reporter, body=True, bodies=civil)
        met = next((m for n in range(a - 1, -1, -1) if (m := _met_with(self, n, a))), []) if both else []
        if met and not set(met) & set(codes):
            # 'Tại cuộc gặp với Thủ tướng Italy, hai bên …': the one met earlier in the sentence and the side
            # that met it (the article's own), not the article's other side
            own = [c for c in codes if c == self.ctx.home] or codes[:1] or \
                [c for c in self.sides(self.toks[a].begin) if c not in met][:1]
            codes = own + met
        elif both and plural and not met:
            # 'Hai Thủ tướng …' in the part of an article telling a later meeting: that meeting's two sides
            partner = self.partner_at(self.toks[a].begin)
            if partner and self.ctx.home in codes and partner not in codes:
                codes = [self.ctx.home, partner]
        if both and len(codes) < 2:
            _add(codes, self.sides(self.toks[a].begin))    # 'hai bên' with no leaders resolved behind it
        if not codes and not body:
            # 'JETRO sẽ …': a national body the article named in full before ('… Nhật Bản (JETRO)')
            said = " " + " ".join(t.text for t in self.toks[a:b]) + " "
            _add(codes, [c for name, c in self.aliases.items() if f" {name} " in said])
        if not codes and body:
            return Subject([], False, reporter, body=True, bodies=bodies)   # 'Tổng Thư ký Interpol cam kết …': the body's own
        if not codes:
            # 'Tỉnh Thanh Hóa': a named side the article does not place is the reporter's, else the home side
            codes = list(reporter) if reporter else [self.ctx.home]
        return Subject(codes, both or len(codes) > 1, reporter)

    def is_pronoun(self, ref) -> bool:
        return self.text[ref.begin - self.begin:ref.end - self.begin] in self.lx.pronouns

    def quoted_speaker(self) -> list[str] | None:
        """'"Chúng tôi sẽ …", ông X nói': the side of the actor named after the closing quote."""
        close = max(self.text.rfind(q) for q in CLOSING_QUOTES)
        if close < 0:
            return None
        at = self.begin + close
        for ref in self.view.refs:
            if ref.begin > at and ref.kind in ("person", "org", "country"):
                code = ref.keys[0] if ref.kind == "country" else self.ctx.country_of(ref.keys[0])
                return [code] if code else None
        return None

    def subject(self, k: int, floor: int, depth: int = 0):
        """Who heads the predicate starting at token k (the clause starts at token floor): a Subject,
        NONE or REJECT."""
        lx, toks = self.lx, self.toks
        while True:
            if lx.past.ending_at(toks, k, floor):
                return REJECT                     # 'đã thống nhất': a description of the past
            m = lx.adverbs.ending_at(toks, k, floor)
            if m is None:
                break
            k = m[0]
        comma = False
        while k > floor and toks[k - 1].text in BOUNDARY:
            k -= 1
            comma = True
        if k <= floor:
            return NONE
        m = lx.reporting.ending_at(toks, k, floor)
        if m is not None and depth < 3:
            return self.subject(m[0], floor, depth + 1)      # 'Tổng thống cho biết sẽ …': the reporter's
        if comma or lx.coordinators.ending_at(toks, k, floor):
            return NONE
        # the subject noun phrase: back to a boundary, a reporting verb or a subordinator
        j, stop = k, None
        while j > floor:
            if toks[j - 1].text in BOUNDARY:
                break
            for name, phrases in (("report", lx.reporting), ("sub", lx.subordinators),
                                  ("expect", lx.expectations)):
                m = phrases.ending_at(toks, j, floor)
                if m is not None and (name != "sub" or not self.in_head_phrase(m[0], floor)):
                    stop = name
                    break
            if stop:
                break
            j -= 1
        if stop in ("sub", "expect"):
            return REJECT
        j = self.skip_leading_adverbs(j, k)
        if stop is None and j > floor + 1 and self.toks[j - 1].text == "," \
                and lx.reporting.ending_at(toks, j - 1, floor) is not None:
            stop, j0 = "report", j - 1        # 'Ông cũng khẳng định, JETRO sẽ …': reported all the same
        else:
            j0 = j
        reporter = self.reporter_before(j0, floor, depth) if stop == "report" else None
        if stop == "report" and reporter is None:
            said = self.main_subject(j)       # '…; cho biết Mombasa sẽ …': the sentence's own speaker reports
            reporter = said.parties if said is not None and not said.both else None
        if not all(self.covered(n) for n in range(j, k)) and not self.opens_with_head(j, k):
            return REJECT
        found = self.party_of(j, k, reporter)
        if found is not None:
            found.span = (j, k)
        return found if found is not None else REJECT

    def reporter_before(self, j: int, floor: int, depth: int) -> list[str] | None:
        m = self.lx.reporting.ending_at(self.toks, j, floor)
        if m is None or depth >= 3:
            return None
        said = self.subject(m[0], floor, depth + 1)
        if isinstance(said, Subject) and not said.parties and said.bodies:
            # an association's officer reporting: a side named unplaced after it is of the body's country
            return [c for b in said.bodies if (c := self.ctx.country_of(b))] or None
        return said.parties if isinstance(said, Subject) and said.parties else None

    def skip_leading_adverbs(self, j: int, k: int) -> int:
        while j < k:
            words = self.lx.adverbs.starting_at(self.toks, j, k)
            if not words:
                break
            j += len(words)
        return j

    def opens_with_head(self, j: int, k: int) -> bool:
        """'lãnh đạo hai cơ quan của EU': a subject opened by a head word may say a little more than names
        (not a whole predicate: 'Thủ tướng X điện đàm với …' is no subject)."""
        loose = sum(1 for n in range(j, k) if not self.covered(n))
        return j < k and self.kind[j] is not None and self.kind[j][0] in ("head", "both") and loose <= HEAD_SLACK

    def in_head_phrase(self, at: int, floor: int) -> bool:
        """'của' inside a subject opened by a head word ('lãnh đạo hai cơ quan của EU') is part of it."""
        if self.toks[at].low != "của":
            return False
        n = at
        while n > floor and self.toks[n - 1].text not in BOUNDARY:
            n -= 1
        return n < at and self.kind[n] is not None and self.kind[n][0] in ("head", "both")

    def in_short_quote(self, i: int) -> bool:
        """Token i inside a quoted stretch of a few words: a name ('Đảng “Nước Nga thống nhất”')."""
        opened = next((n for n in range(i - 1, max(i - QUOTED_NAME, -1), -1) if self.toks[n].text in "“«"), None)
        if opened is None:
            return False
        return any(self.toks[n].text in "”»" for n in range(i + 1, min(opened + QUOTED_NAME + 1, len(self.toks))))

    def places_on(self, a: int) -> bool:
        """The segment at token a follows a comma closing a place phrase ('tại Hamburg, …'): it goes on
        naming the place."""
        if a < 2 or self.toks[a - 1].text != ",":
            return False
        n = a - 2
        while n >= 0 and self.covered(n) and self.toks[n].text not in BOUNDARY \
                and self.toks[n].low not in self.lx.data["place_prepositions"]:
            n -= 1
        if not (n >= 0 and n < a - 2 and self.toks[n].low in self.lx.data["place_prepositions"]):
            return False
        # only names up to the next comma: 'tại Dubai, Thủ tướng X đã tiếp …' goes on with a predicate
        end = next((m for m in range(a, len(self.toks)) if self.toks[m].text in BOUNDARY), len(self.toks))
        return all(self.covered(m) for m in range(a, end))

    def main_subject(self, before: int) -> Subject | None:
        """The sentence's own subject: the actors opening its first comma-separated segment that opens with
        them and goes on with a predicate ('Phía Qatar cho biết …, … và sẵn sàng …'); titles listed with
        commas ('Phó Thủ tướng, Bộ trưởng X') stay one subject."""
        starts = [0] + [n + 1 for n in range(before) if self.toks[n].text in BOUNDARY]
        for a in starts:
            if self.places_on(a):
                continue                     # 'tại Hamburg, CHLB Đức, Thủ tướng …': the place goes on
            a = self.skip_leading_adverbs(a, before)
            b = a
            while b < before and (self.covered(b) or
                                  (self.toks[b].text == "," and b + 1 < before and self.covered(b + 1))):
                b += 1
            named = any(self.kind[n] and self.kind[n][0] in ("ref", "both", "anaphor") for n in range(a, b))
            if a < b < before and self.toks[b].is_word and named:    # 'Tại Hội nghị, …' names no side
                found = self.party_of(a, b, None)
                if found is not None and (found.parties or found.body and found.bodies):
                    return found
        return None


def find_commitments(ctx, events: list[Event]) -> tuple[list[Commitment], list[Observation]]:
    lx = _lexicon()
    data = lx.data
    commitments: list[Commitment] = []
    observations: list[Observation] = []
    event_at = _event_index(ctx, events, data)
    now = _reference_year(ctx, events)
    last: Subject | None = None                 # the last party that spoke, for sentences that name none
    spoke: list[str] | None = None              # the side of the last sentence's own subject ('Ông' is it)
    aliases = _national_aliases(ctx)
    partner_at = _partners(ctx, events, data)
    recalled = False                            # the sentence before introduced a recollection
    joint = False                               # the sentence before had both sides as its subject
    abroad: list[str] = []                      # the foreign sides the sentence before had as its subject
    for view in ctx.views:
        s = view.sentence
        if s.kind != "body":
            continue
        previous: Commitment | None = None
        previous_subject: Subject | None = None
        if _agenda(s.text, data):
            continue                   # 'Kỳ họp nhằm rà soát …': what a meeting is for, not what was agreed
        sent = Reading(ctx, view, lx)
        sent.speaker, sent.aliases, sent.joint, sent.partner_at = spoke, aliases, joint, partner_at
        sent.abroad = abroad
        said = sent.main_subject(len(sent.toks))
        if said is not None and said.parties and not said.both:
            spoke = said.parties
        elif said is not None and said.bodies:    # an association's officer: 'Ông …' after is of its country
            spoke = [c for b in said.bodies if (c := ctx.country_of(b))] or spoke
        joint = said is not None and said.both
        abroad = list(said.parties) if said is not None and said.parties and ctx.home not in said.parties else []
        asker: Subject | None = None            # who asks in this sentence, for the items listed after
        heard: list[Subject] = []
        recalls = _has(lx.recollections, sent.toks, 0, len(sent.toks))
        # a quotation introduced by a recollection ('Nhớ lại sự kiện này, ông X nói: "…"') is recalled too
        aside = "?" in s.text or recalls or (recalled and s.text.lstrip()[:1] in OPENING_QUOTES) \
            or _commentary(sent)
        recalled = recalls and s.text.rstrip().endswith(":")
        for c0, c1 in clauses(s.text):
            raw = s.text[c0:c1]
            lead = len(raw) - len(raw.lstrip())
            clause = raw.strip()
            c0 += lead
            status, subject, cue_at = (None, None, None) if aside else \
                _commitment(sent, s.begin + c0, s.begin + c0 + len(clause), previous_subject, last, now, heard)
            if status == "pledged" and asker is not None and (
                    _continues_only(sent, cue_at) and (subject.body or not set(subject.parties) <= set(asker.parties))
                    or not subject.written and set(subject.parties) == set(asker.parties)
                    and _cue_at(sent, cue_at) in data["request_items"]):
                # '… đề nghị X …; tạo điều kiện …': a further item of the request, no subject of its own
                # '… đề nghị hai bên …; Chile tiếp tục khuyến khích …': a further item of the speaker's list
                status, subject = "proposed", Subject(list(asker.parties))
            asker = asker or _asker(sent, s.begin + c0, s.begin + c0 + len(clause), status, subject, last)
            quantities = find_quantities(clause)
            for q in quantities:
                q.quantity.measure = measure_of(q.quantity, clause)
                _baseline(q.quantity, clause)
            if status is None and previous is not None and quantities and any(
                    re.search(rf"(?<!\w){re.escape(w)}(?!\w)", clause.casefold()) for w in data["target_continuations"]):
                for q in quantities:        # '…; xa hơn là mục tiêu 18 tỷ USD trước năm 2028': the same pledge's
                    year = YEAR.search(_without_baseline(_segment(clause, q.begin)))
                    if year:
                        q.quantity.year = int(year.group(1))
                    previous.targets.append(q.quantity)
                continue
            if status is None and heard:
                last = heard[-1]            # a side that spoke without committing is still who 'Đồng chí' is
            if status is None:
                previous = None
                previous_subject = None
                both = any(k and k[0] == "both" for k in sent.kind[sent.index_at(s.begin + c0):
                                                                   sent.index_at(s.begin + c0 + len(clause))])
                parties = ctx.sides() if both else \
                    _subject_parties(ctx, view, s.begin + c0, s.begin + c0 + len(clause)) or ctx.sides()
                for q in quantities:
                    observations.append(Observation(q.quantity, _period(clause, q.begin, q.end),
                                                    Mention(s.begin + c0 + q.begin, s.begin + c0 + q.end, view.index),
                                                    parties))
                continue
            local = cue_at - (s.begin + c0)
            k = Commitment(clause, status, subject.parties, _topic(clause[local:] or clause),
                           Mention(s.begin + c0, s.begin + c0 + len(clause), view.index),
                           bodies=list(subject.bodies or []) if subject.body and not subject.parties else [])
            for q in quantities:
                year = YEAR.search(_without_baseline(_segment(clause, q.begin)))
                if year:
                    q.quantity.year = int(year.group(1))
                k.targets.append(q.quantity)
            k.made_at = event_at(k.mention, k.parties)
            commitments.append(k)
            previous = k
            previous_subject = subject
            if status != "proposed" or not subject.both:
                last = subject
    return commitments, observations


def _partners(ctx, events: list[Event], data):
    """offset → the foreign side of the meeting told last before it, or None: in an article telling a
    leader's meetings one after another, each part's 'hai bên' is that part's meeting. A meeting's other side
    is the foreign person its sentence names after the trigger ('gặp Tổng thống X', 'cuộc gặp với Thủ tướng
    Y'), else before it ('X và Y tại cuộc gặp'), when they are of one country — read off the sentence, not the event,
    whose attendees may merge two meetings; a country there may be a mere place ('bên lề Hội nghị tại Lào')."""
    views = {v.index: v for v in ctx.views}
    spots = []
    for ev in events:
        if ev.type not in data["meeting_types"]:
            continue
        for m in ev.mentions:
            view = views.get(m.sentence)
            if view is None:
                continue
            sides = [(ref.begin, code) for ref in view.refs if ref.kind == "person"
                     for code in map(ctx.country_of, ref.keys) if code and code != ctx.home]
            after = [c for b, c in sides if b >= m.end]
            before = [c for b, c in sides if b < m.begin]
            named = after or before
            if named:       # 'hội đàm với lãnh đạo X và Y': no one partner
                spots.append((m.begin, named[0] if len(set(named)) == 1 else None))
    spots.sort()
    starts = [b for b, _ in spots]

    def at(offset: int) -> str | None:
        n = bisect_right(starts, offset)
        return spots[n - 1][1] if n else None
    return at


def _commitment(sent: Reading, a: int, b: int, previous: Subject | None, last: Subject | None,
                now: int | None, heard: list[Subject]):
    """(status, Subject, cue offset) of the clause [a, b): its first cue whose subject is written and is a
    party, else its first cue with no subject written (which shares one said before); (None, None, None)
    when no cue heads a party's undertaking."""
    lx, toks = sent.lx, sent.toks
    floor, end = sent.index_at(a), sent.index_at(b)
    shared = None
    past = False                             # a cue before in this clause told the past ('đã tạo điều kiện')
    standing = False                         # the cue before was a standing position ('luôn mong muốn')
    idle = False                             # a wish or ask before in this clause was no commitment
    advised = False                          # advice before in this clause: its 'cần' is the advice's own
    for i, j, status in lx.cues.scan(toks[floor:end], lx.blocked):
        i, j = i + floor, j + floor
        if _has(lx.expectations, toks, floor, i) or _has(lx.positions, toks, floor, i) \
                or _has(lx.warnings, toks, floor, i):
            break                            # expected, believed, a standing position or a warning: not undertaken
        if _past_year(sent.text[a - sent.begin:toks[i].begin - sent.begin], now) or _opens_with(sent, lx.history, floor):
            break                            # 'Năm 2016, hai nước nhất trí …': history told in passing
        if toks[i].low == "sẽ" and any(lx.events.match_at(toks, n) for n in range(j, min(j + 8, end))):
            continue                         # 'sẽ cùng Thủ tướng Lào đồng chủ trì': an announced event
        if toks[i].low == "sẽ" and lx.becoming.match_at(toks, _after_adverbs(sent, j, end)):
            continue                         # 'sẽ là', 'sẽ trở thành': a forecast, not an undertaking
        if any(sent.kind[n] and sent.kind[n][0] == "ref" for n in range(i, j)) or sent.in_short_quote(i) \
                or toks[i].is_cap and i > 0 and toks[i - 1].is_word:
            # 'Các Tiểu vương quốc Ả-rập Thống nhất', 'Đảng “Nước Nga thống nhất”'; a capital inside the sentence
            # opens a name ('cảng Cần Giờ sẽ …')
            continue

        cue = _cue(toks, i, j)
        if advised and cue in lx.data["modal_cues"]:
            continue                         # 'khuyến nghị Kenya cần …': what the advice says Kenya needs
        wish = cue in lx.data["wish_cues"]
        found = sent.subject(i, floor)
        if (wish or status == "proposed") and isinstance(found, Subject) and _business(sent, found):
            continue                         # 'các doanh nghiệp Séc mong muốn hợp tác …': no side's ask
        if isinstance(found, Subject) and _former(sent, found):
            continue                         # 'Ngài X (a former premier) đề xuất …': nobody's side speaks
        if cue in lx.data["explicit_only"] and _has(lx.recent, toks, j, end):
            continue                         # 'tiếp tục đẩy mạnh hợp tác, mới đây, 30 doanh nghiệp … đã …': a report
        if cue in lx.data["invite_cues"] and _protocol(sent, j, end):
            continue                         # 'mời Thủ tướng phát biểu tại phiên 4': the programme of an event
        if status == "agreed" and _assessed(sent, j, end):
            continue                         # 'thống nhất các lĩnh vực … được triển khai tích cực': an assessment
        if wish and (_goodwill(sent, j, end) or _own_wish(sent, j, end)
                     or _empty(sent, j, end, floor, lx.wish_empty)) \
                or _vague(sent, j, end, wish or status == "proposed") or _empty(sent, j, end, floor) \
                or (wish or status == "proposed") and _to_audience(sent, j, end) \
                or _standing(sent, i, j, end, floor, status) or standing and _joined(sent, i, floor) \
                or status == "pledged" and _welcomed(sent, i, floor) \
                or cue in lx.data["readiness_cues"] and (_willing_only(sent, j, end)
                                                         or _empty(sent, j, end, floor, lx.ready_empty)) \
                or status == "agreed" and _on_a_matter(sent, j, end) \
                or cue in lx.data["modal_cues"] and isinstance(found, Subject) and not found.both \
                or cue in lx.data["advice_cues"] and _own_affairs(sent, i, j, end, found, last):
            # 'mong muốn quan hệ … phát triển', 'mong muốn xuất khẩu …' (no ask); 'mong muốn ông X tiếp tục có
            # những đóng góp …' (no act); 'Việt Nam luôn tạo điều kiện …', 'tiếp tục kiên định …' (a position);
            # 'Việt Nam cần chú trọng …', 'nhấn mạnh cần …' (a need); 'khuyến nghị Kenya cần …' (advice for the
            # other's own sake); 'mong muốn hai bên đẩy mạnh giao lưu' (a
            # soft field, nothing to do); 'đề nghị cộng đồng quốc tế …' (a call to the world); 'hoan nghênh và
            # sẵn sàng tạo điều kiện …' (a standing welcome); 'sẵn sàng hợp tác với X để duy trì trao đổi …' (a
            # willingness, no act; 'sẵn sàng cùng X duy trì trao đổi chiến lược, …' too); 'nhất trí về phi hạt
            # nhân hóa …' (a shared view on a matter, nothing to do): no commitment, but its subject spoke
            if isinstance(found, Subject) and found.parties and not found.both:
                heard.append(found)
            standing = _standing(sent, i, j, end, floor, status) or standing and _joined(sent, i, floor)
            idle |= wish or status == "proposed"
            advised |= cue in lx.data["advice_cues"]
            continue
        if idle and status == "pledged" and cue not in lx.data["strong_pledges"]:
            continue                         # 'mong muốn … tỉnh X tiếp tục hợp tác …': still the idle wish
        standing = False
        if status == "proposed" and _to_own_staff(sent, j, end, found, last):
            continue                         # 'đề nghị cán bộ Đại sứ quán …': an instruction at home
        if isinstance(found, Subject):
            if shared is not None and shared[0] == "proposed":
                break                        # '…; mong muốn hai bên tiếp tục …': what is asked, not undertaken
            if cue in lx.data["modal_cues"] and found.both and shared is not None and shared[0] == "agreed":
                return "agreed", found, toks[i].begin     # '…, nhất trí thời gian tới hai bên cần …'
            if wish and not found.both and _pledges_after(sent, j, end):
                return "pledged", found, toks[i].begin    # 'X mong muốn …, và cam kết …': the pledge is the act
            if status == "pledged" and found.parties and not found.both and not found.body:
                other = _contrasted(sent, j, end)
                if other is not None and not set(other) <= set(found.parties):
                    # 'A cam kết …, trong khi B cam kết …': both sides undertake
                    found = Subject(found.parties + [c for c in other if c not in found.parties], True,
                                    found.reporter, span=found.span)
            if status == "agreed" and found.parties and not found.both and not found.body \
                    and _after_adverbs(sent, j, end) < end and toks[_after_adverbs(sent, j, end)].low == "với":
                found = _agreeing(sent, found, j, b)      # 'Kenya nhất trí với Việt Nam …': both sides agree
            elif status == "agreed" and not found.both and cue in lx.data["assent_cues"] \
                    and _leader_at_meeting(sent, found, toks[i].begin):
                found = _agreeing(sent, found, j, b)      # 'Tổng thống Kenya nhất trí phối hợp …' at talks: both
            elif status == "agreed" and found.both and not found.body and len(found.parties) >= 2 \
                    and _after_adverbs(sent, j, end) < end and toks[_after_adverbs(sent, j, end)].low == "với":
                with_ = _with_whom(sent, _after_adverbs(sent, j, end), end)
                if with_:     # 'Na Uy và Kenya nhất trí với Việt Nam …': the one agreed with is a party too
                    found = Subject(found.parties + [c for c in with_ if c not in found.parties], True,
                                    found.reporter, span=found.span)
            return _restated(_status(status, cue, found, sent, last), found, sent, j, b) + (toks[i].begin,)
        coordinated = lx.coordinators.ending_at(toks, _before_adverbs(sent, i, floor), floor) is not None
        if found == REJECT and _after_past(sent, i, floor):
            past = True
        elif coordinated and past and found == NONE:
            continue                         # 'cảm ơn X đã tạo điều kiện … cũng như tạo điều kiện …': the same
        if found == NONE and shared is None and cue not in lx.data["explicit_only"] \
                and not _in_purpose(sent, i, floor):
            if previous is not None:
                shared = (status, previous, i, j)
            elif coordinated or cue not in lx.data["needs_subject"]:
                shared = (status, sent.main_subject(i) or last or Subject([], False), i, j)
    if shared is None:
        return None, None, None
    status, found, i, j = shared
    found = Subject(list(found.parties), found.both, found.reporter, found.body, found.bodies, written=False)
    if status == "agreed" and not found.both:
        found = _agreeing(sent, found, j, b)      # '…; hoàn toàn nhất trí …': one side agreeing to the other's
    if status == "proposed" and found.both and not found.reporter and _cue(toks, i, j) in lx.data["modal_cues"]:
        return "agreed", found, toks[i].begin     # 'Hai bên cũng nhấn mạnh … và cần …': both say so together
    return _restated(_status(status, _cue(toks, i, j), found, sent, last), found, sent, j, b) + (toks[i].begin,)


def _restated(status: str, found: Subject, sent: Reading, j: int, b: int):
    """(status, Subject): a wish or ask about what the sides agreed before ('… đạt mục tiêu 10 tỷ USD như lãnh
    đạo hai nước đã nhất trí') restates that agreement: both sides, agreed."""
    if status != "proposed" or found.body:
        return status, found
    lx, toks, end = sent.lx, sent.toks, sent.index_at(b)
    openers = set(lx.data["agreed_before_openers"])
    for n in range(j, end):
        if toks[n].low in openers and any(lx.agreed_before.match_at(toks, m) for m in range(n + 1, min(n + 9, end))):
            return "agreed", (found if found.both else _agreeing(sent, found, j, b))
    return status, found


def _own_affairs(sent: Reading, i: int, j: int, end: int, found, last: Subject | None) -> bool:
    """Advice whose complement names neither both sides, nor a joint act, nor the adviser's own side: what the
    addressee needs for its own sake ('khuyến nghị Kenya cần phát triển thị trường vốn')."""
    adviser = found if isinstance(found, Subject) else (sent.main_subject(i) or last)
    own = set(adviser.parties) if adviser is not None else set()
    k = _after_adverbs(sent, j, end)
    while k < end and sent.covered(k) and not (sent.kind[k] and sent.kind[k][0] == "both"):
        k += 1                               # the addressee
    for n in range(j, end):
        kind = sent.kind[n]
        if kind is not None and kind[0] == "both" or sent.lx.joint.match_at(sent.toks, n):
            return False
        if kind is not None and kind[0] == "ref" and n >= k and set(_sides_of(sent, kind[1])) & own:
            return False
    return True


def _asker(sent: Reading, a: int, b: int, status: str | None, subject: Subject | None,
           last: Subject | None) -> Subject | None:
    """The one side asking in the clause [a, b): a proposal's own subject, else the sentence's speaker (or
    the last side that spoke: 'Đồng chí cho rằng …') when the clause holds a proposal cue no commitment was
    read from ('X cho rằng hai bên cần …')."""
    if status == "proposed":
        return subject if subject is not None and subject.parties and not subject.both else None
    if status is not None:
        return None
    floor, end = sent.index_at(a), sent.index_at(b)
    for i, _, cue_status in sent.lx.cues.scan(sent.toks[floor:end], sent.lx.blocked):
        if cue_status == "proposed":
            said = sent.main_subject(i + floor) or last
            return said if said is not None and not said.both else None
    return None


def _continues_only(sent: Reading, at: int | None) -> bool:
    """The cue at offset `at` only says a side goes on doing something ('tiếp tục'), with no 'sẽ' or pledge."""
    if at is None:
        return False
    i = sent.index_at(at)
    m = sent.lx.cues.match_at(sent.toks, i)
    return m is not None and _cue(sent.toks, i, m[0]) in sent.lx.data["explicit_only"]


def _pledges_after(sent: Reading, j: int, end: int) -> bool:
    """A coordinated pledge cue later in the clause, with no subject of its own ('…, và cam kết …')."""
    lx = sent.lx
    for i, k, _ in lx.cues.scan(sent.toks[j:end], lx.blocked):
        if _cue(sent.toks, i + j, k + j) in lx.data["strong_pledges"] and \
                lx.coordinators.ending_at(sent.toks, _before_adverbs(sent, i + j, j), j) is not None:
            return True
    return False


def _cue_at(sent: Reading, at: int) -> str:
    i = sent.index_at(at)
    m = sent.lx.cues.match_at(sent.toks, i)
    return _cue(sent.toks, i, m[0]) if m else ""


def _goodwill(sent: Reading, j: int, end: int) -> bool:
    """The complement of a wish names no field but the relationship itself, and nothing concrete."""
    if j >= end:
        return False
    text = " " + " ".join(t.low for t in sent.toks[j:end]) + " "
    data = sent.lx.data
    fields = (w for topic, words in data["topics"].items() if topic != "politics" for w in words)
    if any(sent.lx.cues.match_at(sent.toks, n) for n in range(j, end)):
        return False                 # 'mong X tiếp tục …': a request with its own undertaking
    return any(f" {w} " in text for w in data["goodwill_objects"]) and \
        not any(f" {w} " in text for w in list(fields) + data["concrete_words"])


VAGUE_REACH = 14     # words after a proposal's cue that may name its addressee before the act
JOINT_REACH = 4      # words after a wish's cue within which 'hợp tác với X' must open its complement


def _own_wish(sent: Reading, j: int, end: int) -> bool:
    """A wish with no addressee ('X mong muốn xuất khẩu …', 'mong sẽ có dịp …', 'mong muốn cùng Chile mở rộng
    hợp tác nông nghiệp'): the speaker's own desire, not an ask, unless what it would do with another side is
    concrete ('mong muốn tăng cường trao đổi đoàn và hợp tác dầu khí')."""
    k = _after_adverbs(sent, j, end)
    while k < end and sent.toks[k].text in BOUNDARY:
        k = _after_adverbs(sent, k + 1, end)
    # 'cùng' read over as an adverb opens working together with whoever follows, who is then not asked
    together = next((n for n in range(j, min(k + 1, end)) if sent.lx.joint.match_at(sent.toks, n)), None)
    if k >= end or (sent.covered(k) or sent.lx.addressees.match_at(sent.toks, k)) and together is None:
        return False                    # 'mong muốn Chile …', 'mong quốc hội …': someone is asked
    data = sent.lx.data
    if find_quantities(" ".join(t.text for t in sent.toks[k:end])):
        return False                    # 'mong muốn kim ngạch … đạt 2 tỷ USD': a target
    k = k if together is None else together
    for n in range(k, min(k + JOINT_REACH, end)):
        m = sent.lx.joint.match_at(sent.toks, n)
        if m and m[0] < end and (m[1] in data["cooperation_nouns"] or
                                 sent.kind[m[0]] and sent.kind[m[0]][0] in ("ref", "both", "anaphor", "head")):
            return not _names_act(sent, n, end, data)
    return True


def _willing_only(sent: Reading, j: int, end: int) -> bool:
    """A readiness to work with a side for a purpose that names no field and nothing concrete ('sẵn sàng hợp tác
    với chính quyền mới của Chile để duy trì trao đổi, mở rộng hợp tác …'): a general willingness, no act.
    Without a purpose the act follows the side ('sẵn sàng phối hợp với Kenya tìm kiếm giải pháp …') and stays."""
    lx, toks, data = sent.lx, sent.toks, sent.lx.data
    k = _after_adverbs(sent, j, end)
    m = lx.joint.match_at(toks, k)
    if m is None or m[1] in data["cooperation_nouns"]:
        return False
    n = m[0]
    while n < end and not lx.purpose.ending_at(toks, n + 1, n):
        if toks[n].text in BOUNDARY or any(x.match_at(toks, n) for x in (lx.acts, lx.cues, lx.events)):
            return False                 # the act itself follows the side, or the clause ends on it
        n += 1
    if n >= end:
        return False
    text = " " + " ".join(t.low for t in toks[n:end]) + " "
    fields = (w for topic, words in data["topics"].items() if topic not in data["soft_topics"] for w in words)
    return not _names_act(sent, n, end, data) and not any(f" {w} " in text for w in fields) \
        and not find_quantities(" ".join(t.text for t in toks[n:end]))


def _on_a_matter(sent: Reading, j: int, end: int) -> bool:
    """An agreement 'về' a matter that names no act ('nhất trí về phi hạt nhân hóa bán đảo X'): a shared view,
    not an undertaking ('nhất trí về việc sớm mở đường bay thẳng', 'về hợp tác năng lượng gió' name one)."""
    lx, toks = sent.lx, sent.toks
    k = _after_adverbs(sent, j, end)
    if k >= end or toks[k].low != "về":
        return False
    return not any(x.match_at(toks, n) for n in range(k + 1, end) for x in (lx.acts, lx.cues, lx.events)) \
        and not find_quantities(" ".join(t.text for t in toks[k:end]))


def _names_act(sent: Reading, a: int, end: int, data) -> bool:
    """A concrete thing to do or have ('trao đổi đoàn', 'dự án', 'chia sẻ kinh nghiệm'): fields alone ('hợp tác
    với Chile trong lĩnh vực nông nghiệp') and words that also say cooperation in general ('phối hợp') are only
    the wish to cooperate."""
    text = " " + " ".join(t.low for t in sent.toks[a:end]) + " "
    idle = set(data["generic_words"]) | set(data["empty_words"])
    return any(f" {w} " in text for w in data["concrete_words"] if w not in idle)


def _vague(sent: Reading, j: int, end: int, asking: bool) -> bool:
    """The act a cue heads is only a contribution or a role ('sẵn sàng đóng góp …', 'mong muốn ông X tiếp
    tục có những đóng góp …'): right after the cue, or — for an ask — after its addressee, before any word
    that names an act or a field."""
    lx = sent.lx
    k = _after_adverbs(sent, j, end)
    if not asking:
        return lx.vague.match_at(sent.toks, k) is not None
    data = lx.data
    fields = {w for topic, words in data["topics"].items() if topic != "politics" for w in words}
    read = 0
    for n in range(k, end):
        if read >= VAGUE_REACH:
            break
        if sent.covered(n):
            continue                     # names and titles of the addressee ('Quốc hội Na Uy') are no act
        read += 1
        if lx.vague.match_at(sent.toks, n):
            return True
        if lx.acts.match_at(sent.toks, n) or any(
                " ".join(t.low for t in sent.toks[n:n + len(w.split())]) == w for w in fields):
            return False
        m = lx.cues.match_at(sent.toks, n)
        if m and _cue(sent.toks, n, m[0]) not in data["explicit_only"]:
            return False
    return False


BUSINESS_REACH = 3      # words a subject may open with before its head ('nhiều', 'các', 'giới')


def _business(sent: Reading, subject: Subject) -> bool:
    """A subject headed by companies or business people ('các doanh nghiệp Séc', 'giới đầu tư Chile'): their
    wishes and asks are no side's."""
    if subject.span is None:
        return False
    a, b = subject.span
    return any(sent.lx.business.match_at(sent.toks, n) for n in range(a, min(a + BUSINESS_REACH, b)))


FORMER_REACH = 40     # characters before a person's name within which 'cựu'/'nguyên' marks a post once held


def _former(sent: Reading, subject: Subject) -> bool:
    """A subject naming only persons who hold no post now and whom the article calls former office holders
    ('cựu Thủ tướng Canada X'): they speak for no side."""
    if subject.span is None:
        return False
    a, b = subject.span
    refs = list({id(k[1]): k[1] for n in range(a, b) if (k := sent.kind[n]) and k[0] == "ref"}.values())
    persons = [r for r in refs if r.kind == "person" and not sent.is_pronoun(r)]
    if not persons or len(persons) != len(refs):
        return False
    text, marks = sent.ctx.doc.text, sent.lx.former
    for r in persons:
        for key in r.keys:
            person = sent.ctx.persons.get(key)
            if person is None or any(p.role for p in person.posts):
                return False
            said = (text[max(0, m.begin - FORMER_REACH):m.begin].casefold() for m in person.mentions)
            if not any(re.search(rf"(?<!\w)(?:{marks})\s", before) for before in said):
                return False
    return True


def _commentary(sent: Reading) -> bool:
    """A sentence told as an analyst's or commentator's view: 'Theo <commentator or a person the article gives
    no post>, …', or a subject headed by a commentator ('Các chuyên gia nhấn mạnh hai nước cần …'). Nobody
    there speaks for a side."""
    lx, toks = sent.lx, sent.toks
    a = sent.skip_leading_adverbs(0, len(toks))
    if a < len(toks) and toks[a].low == "theo":
        b = next((n for n in range(a + 1, len(toks)) if toks[n].text in BOUNDARY), len(toks))
        if any(lx.commentators.match_at(toks, n) for n in range(a + 1, b)):
            return True
        persons = {k for n in range(a + 1, b) if sent.kind[n] and sent.kind[n][0] == "ref"
                   and sent.kind[n][1].kind == "person" for k in sent.kind[n][1].keys if k in sent.ctx.persons}
        return b < len(toks) and bool(persons) and all(not sent.ctx.persons[k].posts for k in persons)
    return any(lx.commentators.match_at(toks, n) for n in range(a, min(a + 2, len(toks)))
               if n == a or toks[a].low in lx.data["determiners"])


def _empty(sent: Reading, j: int, end: int, floor: int, empty: PhraseMatcher | None = None) -> bool:
    """The complement of a cue says nothing concrete: past its actors' names and titles, every word is one of
    the empty words ('nhất trí duy trì quan hệ hữu nghị và hợp tác', 'sẽ thúc đẩy triển khai những kết quả
    đạt được', 'mong muốn Bộ X cùng Bộ Y tiếp tục hợp tác chặt chẽ để triển khai các nội dung đã thỏa thuận'),
    and the clause opens on no field ('Về an ninh - quốc phòng, …'). `empty` widens the words for a wish."""
    data = sent.lx.data
    empty = empty or sent.lx.empty
    a = sent.skip_leading_adverbs(floor, end)
    opening = " ".join(t.low for t in sent.toks[a:end])
    opener = next((w for w in data["topic_openers"] if opening.startswith(w + " ")), None)
    if opener is not None and not _idle_words(sent, a + len(opener.split()), end, empty):
        return False                     # 'Về an ninh, …' names a field; 'Về các vấn đề quốc tế, …' none
    n, said = j, False
    while n < end:
        kind = sent.kind[n]
        if kind is not None and kind[0] == "both" and kind[1] in data["agency_sides"]:
            return False                 # 'công an hai nước tiếp tục mở rộng hợp tác': named bodies' work
        text = sent.toks[n].text
        if text.isdigit() or text in OPENING_QUOTES and _opens_quote(sent, n):
            return False                 # a figure, a quoted name ('đề xuất "7 tăng cường"')
        if text in CLOSING_QUOTES:
            break                        # the quotation ends: what follows says who said it
        if not sent.toks[n].is_word or kind is not None and kind[0] != "head" \
                or empty is not sent.lx.empty and sent.toks[n].text[:1].isupper() \
                and not ((m := empty.match_at(sent.toks, n)) and m[0] > n + 1):
            # a wish's addressee may be a name the article does not place ('tỉnh Nakuru'); a capitalised
            # phrase of empty words is no name ('Đối tác chiến lược')
            n += 1
            continue
        if sent.lx.background.match_at(sent.toks, n):
            break                        # '…, nhất là trong bối cảnh …': the occasion, not the content
        m = empty.match_at(sent.toks, n)
        if m is None or m[0] > end:
            return False
        n, said = m[0], True
    return said


def _opens_quote(sent: Reading, n: int) -> bool:
    """The quote mark at token n opens a quotation: a curly one, or a straight one after an even number of
    straight ones (the one closing '"Chile quyết tâm …", ông X nói' opens nothing)."""
    return sent.toks[n].text != '"' or sum(t.text == '"' for t in sent.toks[:n]) % 2 == 0


def _idle_words(sent: Reading, n: int, end: int, empty: PhraseMatcher) -> bool:
    """The words from token n to the next comma are all empty ones ('các vấn đề quốc tế')."""
    while n < end and sent.toks[n].text not in BOUNDARY:
        m = empty.match_at(sent.toks, n)
        if m is None:
            return False
        n = m[0]
    return True


def _to_audience(sent: Reading, j: int, end: int) -> bool:
    """An ask addressed to everyone rather than a side ('đề nghị G20 và cộng đồng quốc tế …', 'kêu gọi các nhà
    lãnh đạo APEC …'): past the names the addressee opens with, a generic audience."""
    n = _after_adverbs(sent, j, end)
    while n < end:
        m = sent.lx.audiences.match_at(sent.toks, n)
        if m is not None:
            after = sent.kind[m[0]] if m[0] < end else None
            # 'các nhà lãnh đạo Kenya', 'các đối tác Na Uy': a side's own people are that side
            return not (after is not None and after[0] == "ref" and _sides_of(sent, after[1]))
        kind = sent.kind[n]
        if kind is not None and kind[0] == "ref" and _sides_of(sent, kind[1]):
            return False             # 'mong Kenya và các bên liên quan …': a side is asked, the rest with it
        if not (sent.covered(n) or sent.toks[n].low == "và" or sent.toks[n].text == ","):
            return False
        n += 1
    return False


def _welcomed(sent: Reading, i: int, floor: int) -> bool:
    """The cue at token i is joined by a bare 'và' to a welcome ('hoan nghênh và sẵn sàng tạo điều kiện …'):
    a standing welcome, not an undertaking."""
    k = _before_adverbs(sent, i, floor)
    return k - 1 > floor and sent.toks[k - 1].low == "và" and \
        sent.lx.welcomes.ending_at(sent.toks, k - 1, floor) is not None


def _joined(sent: Reading, i: int, floor: int) -> bool:
    """The cue at token i is joined to the one before by a bare 'và' ('luôn mong muốn và sẵn sàng …')."""
    k = _before_adverbs(sent, i, floor)
    return k - 1 > floor and sent.toks[k - 1].low == "và" and sent.toks[k - 2].text not in BOUNDARY


def _contrasted(sent: Reading, j: int, end: int) -> list[str] | None:
    """The parties of a second side's pledge set against the first later in the clause: ', trong khi B cam kết
    …', ', còn B sẽ …'."""
    lx, toks = sent.lx, sent.toks
    for n in range(j + 1, end):
        if toks[n - 1].text != ",":
            continue
        m = lx.contrast.match_at(toks, n)
        if m is None:
            continue
        for i, _, status in lx.cues.scan(toks[m[0]:end], lx.blocked):
            if status != "pledged":
                return None
            found = sent.subject(i + m[0], m[0])
            return found.parties if isinstance(found, Subject) and found.parties and not found.both else None
    return None


def _leader_at_meeting(sent: Reading, found: Subject, at: int) -> bool:
    """The subject is a person of one side of the meeting told last before offset `at`: what one leader at
    talks agrees to is agreed with the other side, not one side's pledge."""
    if not found.parties or found.body or found.span is None:
        return False
    sides = sent.sides(at)
    if len(sides) != 2 or not all(sides) or not set(found.parties) < set(sides):
        return False
    return any(sent.kind[n] and sent.kind[n][0] == "ref" and sent.kind[n][1].kind == "person"
               for n in range(*found.span))


def _protocol(sent: Reading, j: int, end: int) -> bool:
    """An invitation whose act, after its addressee, is a part in an event's programme ('mời Thủ tướng phát
    biểu', 'mời ông X đồng chủ trì phiên họp') rather than a visit or anything undertaken."""
    lx, toks = sent.lx, sent.toks
    for n in range(j, min(j + VAGUE_REACH, end)):
        if lx.protocol.match_at(toks, n):
            return True
        if toks[n].text in BOUNDARY or lx.acts.match_at(toks, n) or lx.cues.match_at(toks, n) \
                or lx.events.match_at(toks, n):
            return False
    return False


def _assessed(sent: Reading, j: int, end: int) -> bool:
    """The complement of an agreement opens on no act but on a noun phrase that goes on, before any comma,
    with a passive or a copula ('… thống nhất các lĩnh vực hợp tác … được triển khai tích cực'): what both
    found, not what they undertake."""
    lx, toks = sent.lx, sent.toks
    k = _after_adverbs(sent, j, end)
    if k >= end or any(m.match_at(toks, k) for m in (lx.acts, lx.cues, lx.events, lx.joint)):
        return False
    for n in range(k + 1, end):
        if toks[n].text in BOUNDARY or lx.cues.match_at(toks, n):
            return False
        if toks[n].low in lx.data["assessment_predicates"]:
            return True
    return False


def _standing(sent: Reading, i: int, j: int, end: int, floor: int, status: str) -> bool:
    """A standing position, not an undertaking: a cue after 'luôn' ('Việt Nam luôn tạo điều kiện …'), or a
    pledge of keeping a policy or a regard ('tiếp tục kiên định …', 'sẽ tiếp tục coi trọng …')."""
    lx, k = sent.lx, i
    while (m := lx.adverbs.ending_at(sent.toks, k, floor)) is not None:
        if _cue(sent.toks, m[0], k) in lx.data["standing_adverbs"]:
            return True
        k = m[0]
    return status == "pledged" and lx.standing.match_at(sent.toks, _after_adverbs(sent, j, end)) is not None


STAFF_REACH = 8      # words after a staff addressee that may still name whose staff it is


def _to_own_staff(sent: Reading, j: int, end: int, found, last: Subject | None) -> bool:
    """A proposal addressed to officials, staff or bodies of the proposer's own state (no 'hai …' and no
    other country named in the addressee)."""
    k = _after_adverbs(sent, j, end)
    m = sent.lx.staff.match_at(sent.toks, k)
    if m is None:
        return False
    speaker = found if isinstance(found, Subject) else (sent.main_subject(k) or last)
    own = set(speaker.parties) if speaker is not None and speaker.parties else {sent.ctx.home}
    for n in range(m[0], min(m[0] + STAFF_REACH, end)):
        kind = sent.kind[n]
        if sent.toks[n].text in ";:" or sent.toks[n].low == "tại" or sent.lx.cues.match_at(sent.toks, n):
            break                            # 'Đại sứ quán Việt Nam tại Na Uy' is still the home side's
        if kind and kind[0] == "both":
            return False
        if kind and kind[0] == "ref":
            ref = kind[1]
            codes = {key if ref.kind == "country" else sent.ctx.country_of(key) for key in ref.keys}
            if not codes <= own:
                return False
    return True


ACRONYM = re.compile(r"\(\s*([A-ZĐ][A-Za-zĐ&\-]{1,15})\s*\)")
ACRONYM_NAME = re.compile(r"[A-ZĐ][A-ZĐ0-9&\-]{1,15}")


def _national_aliases(ctx) -> dict[str, str]:
    """The names a body of one country goes by in the article: its names, and an acronym bracketed in a
    mention of it ('Tổ chức Xúc tiến thương mại Peru (PROMPERU)'), each to that country."""
    found: dict[str, str] = {}
    for org in ctx.orgs.values():
        if org.country and org.kind != "international":
            for name in org.names | {org.name}:
                if ACRONYM_NAME.fullmatch(name):     # 'JETRO'; a generic name ('Chính phủ') tells no country
                    found.setdefault(name, org.country)
    text = ctx.doc.text
    for view in ctx.views:
        for ref in view.refs:
            if ref.kind != "org":
                continue
            codes = {ctx.country_of(k) for k in ref.keys} - {None}
            if len(codes) == 1 and not any(_international(ctx, k) for k in ref.keys):
                (code,) = codes
                for m in ACRONYM.finditer(text[ref.begin:ref.end + 20]):
                    if m.start() < ref.end - ref.begin + 2:     # inside the mention or right after it
                        found.setdefault(m.group(1), code)
    return found


def _international(ctx, key: str) -> bool:
    """An international body, or a person holding a post in one."""
    if key in ctx.orgs:
        return ctx.orgs[key].kind == "international"
    person = ctx.persons.get(key)
    return person is not None and any(p.org is not None and p.org.kind == "international" for p in person.posts)


def _civil_body(ctx, key: str) -> str | None:
    """The key of a body that speaks for itself and not for a state — an association, a company, a university:
    a name opened by a civil head (commitments.json), of no national or international kind — when `key` is
    that body or a person whose every post is in such a body; else None."""
    if key in ctx.orgs:
        return key if _civil(ctx.orgs[key]) else None
    person = ctx.persons.get(key)
    if person is None or not person.posts:
        return None
    orgs = [p.org_key for p in person.posts]
    if all(k in ctx.orgs and _civil(ctx.orgs[k]) for k in orgs):
        return orgs[0]
    return None


def _civil(org) -> bool:
    if org.kind in set(lexicons.load("institutions")["national_kinds"]) | {"international"}:
        return False
    m = _lexicon().civil.match_at(tokenize(org.name), 0)
    return m is not None and m[1] is True


def _body_of(ctx, key: str) -> str:
    """The node an international body's commitment is made by: the body, or the body its officer serves
    when the article holds it, else the officer."""
    if key in ctx.orgs:
        return key
    for post in ctx.persons[key].posts:
        if post.org is not None and post.org.kind == "international" and post.org_key in ctx.orgs:
            return post.org_key
    return key


def _with_whom(sent: Reading, n: int, end: int) -> list[str]:
    """The sides 'với' at token n names right after it: an actor ('với Việt Nam'), or the home side said as
    'ta', 'chúng ta' or 'phía ta'."""
    if n + 1 >= end:
        return []
    kind = sent.kind[n + 1]
    if kind and kind[0] == "ref":
        return _sides_of(sent, kind[1])
    if kind and kind[0] == "anaphor" and kind[1] in ("home", "speaker"):
        return [sent.ctx.home]
    return []


def _agreeing(sent: Reading, subject: Subject, j: int, b: int) -> Subject:
    """One side agreeing, its subject said before: that side and its partner — the one named by 'với X'
    after the cue, else the article's other side ('…, nhất trí phối hợp với Việt Nam …')."""
    own = list(subject.parties)
    if not own or subject.body:
        return Subject(sent.sides(sent.toks[min(j, len(sent.toks) - 1)].begin), True) if not subject.body else subject
    end = sent.index_at(b)
    partner: list[str] = []
    for n in range(j, end - 1):
        if sent.toks[n].low == "với" and sent.kind[n + 1] and sent.kind[n + 1][0] == "ref":
            partner = _sides_of(sent, sent.kind[n + 1][1])
            break
    if not partner:
        # '… điện đàm với lãnh đạo Peru, nhất trí …': the one met earlier in the sentence, nearest first
        for n in range(j - 1, -1, -1):
            met = _met_with(sent, n, j)
            if met and not set(met) <= set(own):
                partner = met
                break
    if not partner:
        home = sent.ctx.home
        foreign = sent.sides(sent.toks[min(j, len(sent.toks) - 1)].begin)[-1]
        partner = [foreign] if home in own else [home]
    parties = list(own)
    _add(parties, partner)
    return Subject(parties, len(parties) > 1, subject.reporter)


def _sides_of(sent: Reading, ref) -> list[str]:
    codes: list[str] = []
    for key in ref.keys:
        _add(codes, [key if ref.kind == "country" else sent.ctx.country_of(key)])
    return codes


def _met_with(sent: Reading, n: int, stop: int) -> list[str]:
    """The sides of 'với <actor>' at token n, over titles and head words ('với lãnh đạo Peru')."""
    if sent.toks[n].low != "với":
        return []
    for m in range(n + 1, stop):
        kind = sent.kind[m]
        if kind and kind[0] == "ref":
            return _sides_of(sent, kind[1])
        if kind is None and sent.covered(m):
            continue                         # a name the article does not place ('Thủ tướng Na Uy X')
        if not kind or kind[0] not in ("head", "title", "honorific"):
            return []
    return []


def _cue(toks: list[Token], i: int, j: int) -> str:
    return " ".join(t.low for t in toks[i:j])


def _opens_with(sent: Reading, phrases: Phrases, floor: int) -> bool:
    """The clause opens with one of `phrases` ('Trước đó, …')."""
    return any((m := phrases.ending_at(sent.toks, k, floor)) is not None and m[0] == floor
               for k in range(floor + 1, min(floor + 5, len(sent.toks)) + 1))


def _in_purpose(sent: Reading, i: int, floor: int) -> bool:
    """'… để trao đổi, thống nhất …': a cue with no subject of its own inside a purpose phrase (read back
    over words and commas, up to a clause boundary or 'đồng thời'; actors read over are the purpose's
    objects: 'nhằm củng cố quan hệ Việt Nam - Lào, thống nhất …')."""
    for k in range(i, floor, -1):
        if sent.toks[k - 1].text in ";:" or (k >= 2 and (sent.toks[k - 2].low, sent.toks[k - 1].low) == ("đồng", "thời")):
            return False
        if sent.lx.purpose.ending_at(sent.toks, k, floor):
            return True
    return False


def _status(cue_status: str, cue: str, subject: Subject, sent: Reading, last: Subject | None) -> str:
    """proposed when one side asks; agreed when both sides undertake ('hai bên sẽ …', a joint 'cam kết');
    else pledged ('Tỉnh X thống nhất cấp …' is one side's)."""
    if not subject.parties and not subject.body:
        subject.parties = sent.sides(sent.begin) if cue_status == "agreed" else [sent.ctx.home]
        subject.both = cue_status == "agreed"
    if cue_status == "proposed":
        if subject.both and not subject.body and (cue in sent.lx.data["wish_cues"] or
                                                  subject.written and cue not in sent.lx.data["modal_cues"]):
            # 'Hai bên bày tỏ mong muốn …', 'Hai nhà lãnh đạo kêu gọi khu vực tư nhân …': what both wish or ask
            # together is their agreement; neither asks the other
            return "agreed"
        if subject.both and cue in sent.lx.data["modal_cues"] and not subject.reporter and sent.joint:
            return "agreed"     # '… hai bên thống nhất cho rằng: … . Thời gian tới, hai bên cần …': still both
        if subject.both and (cue in sent.lx.data["modal_cues"] or not subject.written):
            # 'Hai nước cần …': the speaker proposes; so does a bare 'Đề nghị …' after both sides' statement
            # the reporter, else the side whose sentence came last ('Thủ tướng X cho rằng … . Do đó, hai nước
            # cần …'), else the last side that committed
            speaker = subject.reporter or sent.speaker or (last.parties if last and not last.both else None) \
                or [sent.ctx.home]
            subject.parties = list(speaker)
            subject.both = False
        return "proposed"
    mutual = cue_status == "agreed" or sent.ctx.home in subject.parties or len(subject.parties) < 2
    return "agreed" if subject.both and mutual \
        else "pledged"      # two foreign leaders offering Vietnam help together still pledge


def _after_past(sent: Reading, k: int, floor: int) -> bool:
    """A past marker before the cue, over adverbs ('đã', 'cũng đã từng')."""
    while True:
        if sent.lx.past.ending_at(sent.toks, k, floor):
            return True
        m = sent.lx.adverbs.ending_at(sent.toks, k, floor)
        if m is None:
            return False
        k = m[0]


def _before_adverbs(sent: Reading, k: int, floor: int) -> int:
    while True:
        m = sent.lx.adverbs.ending_at(sent.toks, k, floor)
        if m is None:
            return k
        k = m[0]


def _after_adverbs(sent: Reading, j: int, end: int) -> int:
    return sent.skip_leading_adverbs(j, end)


def _has(phrases: Phrases, toks: list[Token], a: int, b: int) -> bool:
    return any(phrases.ending_at(toks, k, a) for k in range(a + 1, b + 1))


def _past_year(prefix: str, now: int | None) -> bool:
    """A clause opening with a time adverbial of a year before the article's."""
    opening = prefix.split(",")[0]
    if now is None or not TIME_OPENING.match(opening):
        return False
    return any(int(y) < now for y in ANY_YEAR.findall(opening))


def _reference_year(ctx, events: list[Event]) -> int | None:
    """The year the article speaks in: its date, else its latest dated event."""
    if ctx.doc.published:
        return ctx.doc.published.year
    years = [ev.start.year for ev in events if ev.start and ev.start.year]
    return max(years) if years else None


def _add(codes: list[str], more) -> None:
    for c in more:
        if c and c not in codes:
            codes.append(c)


def _agenda(text: str, data) -> bool:
    """A sentence whose subject is a meeting and that says what it is for ('nhằm', 'là dịp để')."""
    low = text.casefold()
    subject = re.sub(r"^(?:tại|trong|theo đó,?)\s+", "", low)
    if not any(subject.startswith(w) for w in data["agenda_subjects"]):
        return False
    head = re.split(r"[;]", low)[0]
    return any(re.search(rf"(?<!\w){re.escape(m)}(?!\w)", head) for m in data["agenda_markers"])


BASELINE = re.compile(r"so với (?:cùng kỳ )?năm (\d{4})")


def _segment(clause: str, at: int) -> str:
    """The comma-separated stretch of a clause around a position: where a target's own year is said."""
    start = clause.rfind(",", 0, at) + 1
    end = clause.find(",", at)
    return clause[start:end if end >= 0 else len(clause)]


def _without_baseline(clause: str) -> str:
    return BASELINE.sub("", clause)


def _baseline(q, clause: str) -> None:
    """'năm 2026 tăng từ 10-15% so với năm 2025': the year a growth is measured against."""
    m = BASELINE.search(clause)
    if m and q.unit == "percent":
        q.baseline = int(m.group(1))


def _subject_parties(ctx, view, a: int, b: int) -> list[str]:
    """The countries a stretch of text names through its actors (a figure's parties)."""
    codes: list[str] = []
    for ref in view.refs:
        if a <= ref.begin and ref.end <= b:
            for k in ref.keys:
                _add(codes, [k if ref.kind == "country" else ctx.country_of(k)])
    return codes


def _topic(text: str) -> str:
    data = lexicons.load("commitments")
    low = text.casefold()
    scores = {t: sum(low.count(w) for w in words) for t, words in data["topics"].items()}
    best = max(scores.values(), default=0)
    if best == 0:
        return "cooperation"
    return next(t for t in data["topic_priority"] if scores.get(t) == best)


def _period(clause: str, begin: int, end: int) -> str | None:
    """The period a figure covers: '7 tháng đầu năm 2024' → 2024-01/2024-07, 'quý I/2025', 'năm 2023'
    right after the figure, else the last period named before it in the clause (never a baseline)."""
    text = _without_baseline(clause[:begin])
    months = list(PERIOD_MONTHS.finditer(text))
    quarters = list(QUARTER.finditer(text))
    after = YEAR.match(clause[end:end + 12].lstrip(" ,"))
    if after:
        return after.group(1)
    last = max(months + quarters, key=lambda m: m.start(), default=None)
    if last is not None and last.re is PERIOD_MONTHS:
        return f"{last.group(2)}-01/{last.group(2)}-{int(last.group(1)):02d}"
    if last is not None:
        q, y = QUARTERS[last.group(1).upper()], last.group(2)
        return f"{y}-{3 * q - 2:02d}/{y}-{3 * q:02d}"
    years = YEAR.findall(text)
    return years[-1] if years else None


# a meeting named up to this far after the start of a statement's sentence (in the same or the next
# sentence: 'Tại cuộc hội kiến X, hai bên nhất trí …') is still the one it was made at
def _event_index(ctx, events: list[Event], data):
    """The event a statement was made at: the nearest one told before it (or in its own clause: 'hai bên nhất
    trí … tại hội đàm') whose sides include every party of the statement, a meeting before a visit; none when
    none fits. Not one planned, nor one recalled from before the days the article reports (a visit of a month
    ago told in passing), nor a meeting with a third country told before the talks the statement is from."""
    first, then = set(data["occasion_types"]), set(data["occasion_fallback_types"])
    now = _reported_day(ctx, events)
    spots = sorted((m.sentence, m.begin, n) for n, ev in enumerate(events) for m in ev.mentions
                   if ev.type in first | then and ev.status == "held" and not _recalled(now, ev))
    sides = [_countries(ctx, ev) for ev in events]

    def at(mention: Mention, parties: list[str]) -> str | None:
        told = [n for sentence, begin, n in reversed(spots)
                if sentence < mention.sentence or sentence == mention.sentence and begin < mention.end]
        fits = [n for n in told if set(parties) <= sides[n]]
        # a meeting its own sentence tells, whose sides fit, else whose other side the graph does not know ('… đã tiếp
        # chủ tịch … Dubai X, đề nghị …') or that has no side but the parties; then the nearest meeting told before
        # that fits; then a visit or summit that does
        here = [n for n in told if events[n].type in first
                and any(m.sentence == mention.sentence for m in events[n].mentions)]
        order = [n for n in here if n in fits] \
            + [n for n in here if set(parties) & sides[n] and sides[n] <= set(parties)
               or len(events[n].attendees) < 2] \
            + [n for n in fits if events[n].type in first] + fits
        return events[order[0]].key if order else None
    return at


def _countries(ctx, ev: Event) -> set[str]:
    """The sides of an event: the countries of those attending, and the country a visit goes to."""
    codes = {ctx.country_of(k) for k in ev.attendees + ev.hosts + ev.guests + ev.chairs}
    if ev.type == "visit" and ev.place:
        codes.add(next((c for c, v in lexicons.countries().items() if v["vi"] == ev.place), None))
    return codes - {None}


def _day(value) -> date | None:
    try:
        return date(value.year, value.month, value.day) if value and value.year and value.month and value.day else None
    except ValueError:
        return None


def _reported_day(ctx, events: list[Event]) -> date | None:
    """The latest day the article reports an event on (none after its publication), else its publication day."""
    days = [d for d in (_day(ev.start) for ev in events if ev.status == "held") if d is not None
            and (ctx.doc.published is None or d <= ctx.doc.published)]
    return max(days) if days else ctx.doc.published


def _recalled(now: date | None, ev: Event) -> bool:
    """An event dated before the days the article reports: by a year before theirs, a month before their month,
    or a day three weeks before the latest of them."""
    start = ev.start
    if start is None or start.year is None or now is None:
        return False
    if start.month is None:
        return start.year < now.year
    if start.day is None:
        return (start.year, start.month) < (now.year, now.month)
    day = _day(start)
    return day is not None and (now - day).days > 21
