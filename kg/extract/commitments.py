"""Commitments: clauses with an agreement, pledge or proposal cue (kg/lexicons/commitments.json), their
parties, topic and targets; and the figures reported outside them (observations)."""
from __future__ import annotations

import re
from functools import lru_cache

from kg import lexicons
from kg.extract.model import Commitment, Event, Mention, Observation
from kg.extract.quantities import find_quantities, measure_of
from kg.text.clauses import clauses
from kg.text.tokens import PhraseMatcher, tokenize

PERIOD_MONTHS = re.compile(r"(\d{1,2}) tháng đầu năm (\d{4})")
QUARTER = re.compile(r"quý (I{1,3}|IV|\d)/(\d{4})", re.I)
YEAR = re.compile(r"\bnăm (\d{4})\b", re.I)
QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@lru_cache(maxsize=1)
def _lexicon():
    data = lexicons.load("commitments")
    cues = PhraseMatcher([(c, status) for status, cs in data["status"].items() for c in cs])
    blocked = PhraseMatcher([(c, c) for c in data["not_cues"]])
    both = PhraseMatcher([(c, c) for c in data["both_sides"]])
    events = PhraseMatcher([(c, c) for c in data["event_verbs"]])
    return data, cues, blocked, both, events


def find_commitments(ctx, events: list[Event]) -> tuple[list[Commitment], list[Observation]]:
    data, cues, blocked, both, event_verbs = _lexicon()
    commitments: list[Commitment] = []
    observations: list[Observation] = []
    event_at = _event_index(events)
    for view in ctx.views:
        s = view.sentence
        if s.kind != "body":
            continue
        previous: Commitment | None = None
        if _agenda(s.text, data):
            continue                   # 'Kỳ họp nhằm rà soát …': what a meeting is for, not what was agreed
        for c0, c1 in clauses(s.text):
            raw = s.text[c0:c1]
            lead = len(raw) - len(raw.lstrip())
            clause = raw.strip()
            c0 += lead
            toks = tokenize(clause)
            found = next(cues.scan(toks, blocked), None)
            status = None
            if found:
                i, j, status = found
                if i > 0 and toks[i - 1].low in data["past_markers"]:
                    status = None                                   # 'đã thống nhất': a description of the past
                elif status == "pledged" and toks[i].low == "sẽ" and \
                        any(event_verbs.match_at(toks, n) for n in range(j, min(j + 8, len(toks)))):
                    status = None                  # 'sẽ cùng Thủ tướng Lào đồng chủ trì': an announced event
            subject_end = None
            if status is None and not found:
                subject_end = _continuing_actor(view, s.begin + c0, clause)
                if subject_end is not None:
                    status = "pledged"     # 'Hoa Kỳ tiếp tục đặt …': a side saying it will go on doing
            quantities = find_quantities(clause)
            for q in quantities:
                q.quantity.measure = measure_of(q.quantity, clause)
                _baseline(q.quantity, clause)
            if status is None:
                previous = None
                parties = _parties(ctx, view, s.begin + c0, s.begin + c0 + len(clause), both, clause) or ctx.sides()
                for q in quantities:
                    observations.append(Observation(q.quantity, _period(clause, q.begin, q.end),
                                                    Mention(s.begin + c0 + q.begin, s.begin + c0 + q.end, view.index),
                                                    parties))
                continue
            cue_at = subject_end if subject_end is not None else (toks[i].begin if found and i < len(toks) else 0)
            parties = _parties(ctx, view, s.begin + c0, s.begin + c0 + cue_at, both, clause[:cue_at])
            if not parties and previous is not None and status != "agreed":
                parties = list(previous.parties)
            if not parties:
                parties = ctx.sides() if status == "agreed" else [ctx.home]
            k = Commitment(clause, status, parties, _topic(clause[cue_at:] or clause),
                           Mention(s.begin + c0, s.begin + c0 + len(clause), view.index))
            for q in quantities:
                year = YEAR.search(_without_baseline(_segment(clause, q.begin)))
                if year:
                    q.quantity.year = int(year.group(1))
                k.targets.append(q.quantity)
            k.made_at = event_at(s.begin)
            commitments.append(k)
            previous = k
    return commitments, observations


CONTINUES = re.compile(r"^\s*(?:sẽ\s+)?(?:luôn\s+)?tiếp tục\s+(?!được\b|có\b|là\b)")


def _continuing_actor(view, clause_begin: int, clause: str) -> int | None:
    """Where the subject ends when a country or government comes right before 'tiếp tục <verb>'
    (not 'tiếp tục được …', a description); None otherwise."""
    for ref in view.refs:
        local = ref.end - clause_begin
        if ref.kind in ("country", "org") and clause_begin <= ref.begin and local <= len(clause) \
                and CONTINUES.match(clause[local:]):
            return local
    return None


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


def _parties(ctx, view, a: int, b: int, both, subject_text: str) -> list[str]:
    toks = tokenize(subject_text)
    if any(both.match_at(toks, i) for i in range(len(toks))):
        return ctx.sides()
    codes: list[str] = []
    for ref in view.refs:
        if a <= ref.begin and ref.end <= b:
            for k in ref.keys:
                code = k if ref.kind == "country" else ctx.country_of(k)
                if code and code not in codes:
                    codes.append(code)
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
LOOKAHEAD = 400


def _event_index(events: list[Event]):
    """The event a statement was made at: the last one mentioned before the statement's sentence start
    plus LOOKAHEAD characters, else the article's first."""
    spots = sorted((m.begin, ev.key) for ev in events for m in ev.mentions)

    def at(offset: int) -> str | None:
        before = [k for b, k in spots if b <= offset + LOOKAHEAD]
        if before:
            return before[-1]
        return spots[0][1] if spots else None
    return at
