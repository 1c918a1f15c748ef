"""Named projects (a port, an industrial park, a hospital being built, 'dự án …') and named agreements
(memoranda, treaties, joint statements, action programmes, national plans).

A project is a facility head followed by a proper name ('cảng Mombasa', 'Khu công nghiệp …',
'tuyến đường sắt Astana - Almaty', also after a few lower-case descriptor syllables: 'cảng nước sâu
…'); a proper name in a list after a plural head ('các cảng lớn như A, B và C'); or 'dự án'
and its description. An institution (hospital, university, centre) is a project only while it is built,
opened or handed over, or when it is named after two countries ('Trung tâm Việt Nam - Chile'); otherwise it is
an organisation. Generic mentions ('các cảng biển', 'đường sắt tốc độ cao') name nothing.

An agreement name runs from its head to a clause boundary: a stop word (a verb, 'nhằm', 'với' …), a
semicolon or full stop, a second head after 'và', a year ('năm 2011') unless it is the horizon ('đến năm
2030') or the parties follow ('… năm 2024 giữa …'), or the end of a period ('giai đoạn 2026-2030'). A comma
ends it too, except in a list of documents (items after ':' or ';'), inside the parties' official names
('giữa Bộ Ngoại thương, Du lịch …'), in an enumeration of short items, before a horizon ('…, tầm nhìn đến năm
2045') and before a short last topic that runs to the end of the sentence.

Stop words are matched as words, not syllables: 'do' ends a name, the 'do' of 'tự do' does not."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from kg import lexicons
from kg.extract.model import Mention, NamedThing
from kg.text.normalize import key
from kg.text.tokens import PhraseMatcher, Token, tokenize

ACRONYM = re.compile(r"[A-ZĐ][A-Za-z0-9&+\-]{1,11}")
YEAR = re.compile(r"\d{4}")
TRAILING_ACRONYM = re.compile(r"\s*\(([A-ZĐ][A-Za-z0-9&+\-]{1,11})\)$")
BARE_ACRONYM = re.compile(r"\s([A-Z][A-Z0-9\-]{2,11})$")
DASHES = {"-", "–", "—"}
OPENERS = {'"', "“", "(", "-", "–", "—", "‘", "'", "*", "•"}
TAIL_MAX = 10           # words a last topic after a comma may have ('…, phát triển logistics.')
SHORT_ITEM = 4          # syllables of an enumerated item ('nông nghiệp, thủy sản, lâm nghiệp …')
DESCRIPTORS = 4         # lower-case syllables between a facility head and its proper name


@dataclass(frozen=True)
class _Lex:
    heads: PhraseMatcher          # payload: agreement | plan | facility | institution
    blockers: PhraseMatcher       # words that contain a head syllable ('yêu cầu', 'thị trường')
    stops: PhraseMatcher
    compounds: PhraseMatcher      # words that contain a stop syllable ('tự do')
    builders: PhraseMatcher
    project_generic_after: PhraseMatcher
    agreement_generic_after: PhraseMatcher
    agreement_generic_anywhere: PhraseMatcher
    agreement_generic_after_lowercase: PhraseMatcher
    horizon: PhraseMatcher
    topics: PhraseMatcher
    list_markers: PhraseMatcher
    admin_units: PhraseMatcher    # 'giữa quận A, thủ đô B và …': a party's place after a comma
    inner: PhraseMatcher          # lower-case words of official names ('… Quân đội nhân dân …')
    places: PhraseMatcher         # 'tới sân bay …': a place someone goes to, not a project
    generic_before: tuple[tuple[str, ...], ...]
    openers: frozenset[str]
    breaks: frozenset[str]
    capitalised_only: frozenset[str]
    comma_compounds: frozenset[tuple[str, str]]
    year_keepers: frozenset[str]
    parties: str
    generic_acronyms: frozenset[str]
    agreement_heads: frozenset[str]
    period: re.Pattern
    quoted: re.Pattern


def _matcher(words, payload=True) -> PhraseMatcher:
    return PhraseMatcher((w, payload) for w in words)


def _low(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(phrase))


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    d = lexicons.load("artifacts")
    heads = [(h, kind) for kind, field in (("agreement", "agreement_heads"), ("plan", "plan_heads"),
                                           ("facility", "facility_heads"), ("institution", "institution_heads"))
             for h in d[field]]
    periods = "|".join(map(re.escape, d["period_words"]))
    quoted = "|".join(map(re.escape, sorted(d["quoted_heads"], key=len, reverse=True)))
    return _Lex(
        heads=PhraseMatcher(heads), blockers=_matcher(d["head_blockers"]), stops=_matcher(d["stop_words"]),
        compounds=_matcher(d["stop_word_compounds"]), builders=_matcher(d["project_builders"]),
        project_generic_after=_matcher(d["project_generic_after"]),
        agreement_generic_after=_matcher(d["agreement_generic_after"]),
        agreement_generic_anywhere=_matcher(d["agreement_generic_anywhere"]),
        agreement_generic_after_lowercase=_matcher(d["agreement_generic_after_lowercase"]),
        horizon=_matcher(d["horizon_words"]), topics=_matcher(d["topic_markers"]),
        list_markers=_matcher(d["list_markers"]), admin_units=_matcher(d["admin_units"]), inner=_matcher(d["name_inner_words"]),
        places=_matcher(d["place_before"]),
        generic_before=tuple(sorted({_low(w) for w in d["generic_before"]}, key=len, reverse=True)),
        openers=frozenset(" ".join(_low(w)) for w in d["sentence_openers"]),
        breaks=frozenset(w.casefold() for w in d["project_descriptor_breaks"]),
        capitalised_only=frozenset(" ".join(_low(w)) for w in d["agreement_heads_capitalised_only"]),
        comma_compounds=frozenset((a.strip().casefold(), b.strip().casefold())
                                  for a, b in (c.split(",", 1) for c in d["comma_compounds"])),
        year_keepers=frozenset(w.casefold() for w in d["year_keepers"]),
        parties=d["parties_marker"].casefold(),
        generic_acronyms=frozenset(a.upper() for a in d["generic_acronyms"]),
        agreement_heads=frozenset(" ".join(_low(h)) for h in d["agreement_heads"]),
        period=re.compile(rf"(?:{periods})\s+(\d{{4}})\s*[-–]\s*(\d{{4}})", re.IGNORECASE),
        quoted=re.compile(rf"\b(?:{quoted})\s+[\"“][^\"”]{{2,60}}[\"”]"),
    )


# ---------------------------------------------------------------- token helpers

def _is_punct(t: Token) -> bool:
    return not t.is_word and not t.text[0].isdigit()


def _is_acronym(t: Token) -> bool:
    return bool(ACRONYM.fullmatch(t.text)) and sum(c.isupper() for c in t.text) >= 2


def _stop_at(lex: _Lex, toks: list[Token], k: int) -> bool:
    """A stop word at k that is a word of its own, not a syllable of 'tự do' or 'cho vay'."""
    if not lex.stops.match_at(toks, k):
        return False
    for start in (k - 1, k):
        m = lex.compounds.match_at(toks, start) if start >= 0 else None
        if m and m[0] > k:
            return False
    return True


def _head_at(lex: _Lex, toks: list[Token], k: int) -> str | None:
    m = lex.heads.match_at(toks, k)
    return m[1] if m else None


def _sentence_initial(toks: list[Token], i: int) -> bool:
    return all(t.text in OPENERS for t in toks[:i])


def _generic_before(lex: _Lex, toks: list[Token], i: int) -> bool:
    if i and toks[i - 1].text[0].isdigit():
        return True                               # '93 dự án'
    before = tuple(t.low for t in toks[max(0, i - 3):i])
    return any(before[-len(g):] == g for g in lex.generic_before if len(g) <= len(before))


def _inside_name(lex: _Lex, toks: list[Token], i: int) -> bool:
    """'Bộ Kế hoạch và Đầu tư', 'Đối tác Chiến lược', 'Tập đoàn Cảng …': the head is a word of
    another capitalised name, unless that word only opens the sentence ('Theo Hiệp định …')."""
    if not i or not toks[i - 1].is_word or not toks[i - 1].is_cap:
        return False
    return not (_sentence_initial(toks, i - 1) and (toks[i - 1].low in lex.openers
                                                     or (toks[i - 1].low,) in lex.generic_before))


def _cap_run(lex: _Lex | None, toks: list[Token], k: int, stops=()) -> int:
    """End of a proper name starting at k: capitalised words and acronyms, ' - ' between them, a number
    after them ('… Atyrau 2'). With `lex`, also the lower-case syllables of capitalised words ('Hữu nghị',
    'Kinh tế') and lower-case words of official names ('… Quân đội nhân dân …'). It ends before a
    title or where a person's or another organisation's name starts (`stops`, sentence offsets)."""
    start = end = k
    while k < len(toks) and not (k > start and (toks[k].begin in stops or _title_at(toks, k))):
        t = toks[k]
        if t.is_word and t.is_cap:
            k = end = k + 1
        elif end == k > start and t.text in DASHES and k + 1 < len(toks) and toks[k + 1].is_word \
                and toks[k + 1].is_cap:
            k += 1
        elif end == k > start and t.text[0].isdigit() and len(t.text) <= 3:
            k = end = k + 1
        elif end == k > start and lex and lex.inner.match_at(toks, k):
            j = lex.inner.match_at(toks, k)[0]
            if j >= len(toks) or not (toks[j].is_word and toks[j].is_cap):
                break
            k = j
        elif end == k > start and lex and t.is_word and toks[k - 1].is_word and _syllable_of_name(lex, toks, k):
            k = end = k + 1
        else:
            break
    return end


def _syllable_of_name(lex: _Lex, toks: list[Token], k: int) -> bool:
    """'Hữu nghị tại', 'Kinh tế Đối ngoại': a lower-case syllable after a capitalised one belongs to the
    name when what follows it cannot (punctuation, a function word) or is capitalised again."""
    if toks[k].low in lex.breaks or _stop_at(lex, toks, k):
        return False
    if k + 1 >= len(toks):
        return True
    nxt, inner = toks[k + 1], lex.inner.match_at(toks, k + 1)
    if inner and inner[0] < len(toks) and toks[inner[0]].is_cap:
        return True                              # '… Quân đội nhân dân …'
    return (_is_punct(nxt) and nxt.text != "-") or nxt.low in lex.breaks or _stop_at(lex, toks, k + 1) \
        or (nxt.is_word and nxt.is_cap)


@lru_cache(maxsize=1)
def _titles() -> PhraseMatcher:
    return PhraseMatcher(lexicons.role_forms(), cased=True)


def _title_at(toks: list[Token], k: int) -> bool:
    return bool(_titles().match_at(toks, k))


def _only_country(text: str) -> bool:
    rest, codes = lexicons.strip_countries(text)
    return len(codes) == 1 and not re.sub(r"[\s\-]+", "", rest)


def _countries_in(text: str) -> int:
    return len(set(lexicons.strip_countries(text)[1]))


# ---------------------------------------------------------------- extents

def _segment(toks: list[Token], k: int) -> tuple[int, str | None]:
    """Words after the comma at k up to the next punctuation: (count, that punctuation or None at the end)."""
    j = k + 1
    while j < len(toks) and not (_is_punct(toks[j]) and toks[j].text != "-"):
        j += 1
    return j - k - 1, (toks[j].text if j < len(toks) else None)


def _short_before_and(toks: list[Token], k: int) -> bool:
    """'…, thương mại và đầu tư': the comma opens the last pair of an enumeration."""
    for n in range(k + 1, min(len(toks), k + 2 + SHORT_ITEM)):
        if toks[n].low == "và":
            return n > k + 1
        if not toks[n].is_word or toks[n].is_cap:
            return False
    return False


def _comma_goes_on(lex: _Lex, toks: list[Token], k: int, state: dict) -> bool:
    if k + 1 >= len(toks) or not (toks[k + 1].is_word or toks[k + 1].text[0].isdigit()):
        return False
    nxt = toks[k + 1]
    if (toks[k - 1].low, nxt.low) in lex.comma_compounds:
        return True                              # 'phòng, chống'
    if _head_at(lex, toks, k + 1) in ("agreement", "plan") or _stop_at(lex, toks, k + 1):
        return False
    if lex.horizon.match_at(toks, k + 1):
        return True                              # '…, tầm nhìn đến năm 2045'
    if state["listed"]:
        return True                              # '…: A, từng bước …; B …'
    if _title_at(toks, k + 1):
        return False
    if state["parties"] and nxt.is_cap:
        return True                              # 'giữa Bộ Ngoại thương, Du lịch và …'
    words, until = _segment(toks, k)
    if state["parties"] == 1 and lex.admin_units.match_at(toks, k + 1):
        return not any(_stop_at(lex, toks, n) for n in range(k + 1, k + 1 + words))
    if state["closed"]:
        return False                             # '… B và C, trên cơ sở đó …'
    if _short_before_and(toks, k):
        state["enumeration"] = True              # '…, thương mại và đầu tư'
        return not any(_stop_at(lex, toks, n) for n in range(k + 1, len(toks)) if n < len(toks)
                       and not any(toks[m].low == "và" for m in range(k + 1, n + 1)))
    if state["enumeration"] or (words <= SHORT_ITEM and until == ","):
        state["enumeration"] = True              # 'nông nghiệp, thủy sản, lâm nghiệp …'
        return not any(_stop_at(lex, toks, j) for j in range(k + 1, k + 1 + words))
    if state["topic"] and not nxt.is_cap and words <= TAIL_MAX and until in (None, ".", ";", "…"):
        return not any(_stop_at(lex, toks, j) for j in range(k + 1, k + 1 + words))
    return False


def _after_proper(toks: list[Token], j: int, k: int) -> bool:
    """The words before k end a capitalised word of up to three syllables ('EU', 'Liên hợp quốc')."""
    for m in range(k - 1, max(j, k - 3) - 1, -1):
        if not toks[m].is_word:
            return False
        if toks[m].is_cap:
            return True
    return False


def _extent(lex: _Lex, text: str, toks: list[Token], i: int, j: int, listed: bool) -> int:
    """Token index where the name whose head is toks[i:j] ends."""
    state = {"listed": listed, "parties": 0, "closed": False, "topic": False, "enumeration": False}
    k = end = j
    while k < len(toks):
        t = toks[k]
        if _is_punct(t):
            if t.text in DASHES and end == k and k + 1 < len(toks) and not _is_punct(toks[k + 1]) \
                    and (t.text == "-" or toks[k + 1].is_cap):
                k += 1                           # 'Việt Nam - EU', 'kinh tế - xã hội', not '… – một dự án'
                continue
            if t.text == "(" and k + 2 < len(toks) and _is_acronym(toks[k + 1]) and toks[k + 2].text == ")":
                k = end = k + 3                  # '(ACR)'; the name goes on only to the parties
                if k < len(toks) and (toks[k].low == lex.parties or state["parties"] and toks[k].low == "và"
                                      and k + 1 < len(toks) and toks[k + 1].is_cap):
                    continue
                break
            if t.text == "," and _comma_goes_on(lex, toks, k, state):
                k += 1
                continue
            break
        if _stop_at(lex, toks, k):
            break
        if t.low == "và":
            if _head_at(lex, toks, k + 1) == "agreement" or _generic_before(lex, toks, k + 2):
                break                            # '… và Bản ghi nhớ …', '… và các cam kết …'
            if state["enumeration"]:
                state["enumeration"], state["closed"] = False, True   # 'A, B và C' ends the enumeration
            if state["parties"] == 1:
                state["parties"] = 2             # 'giữa tỉnh A và tỉnh B'
            elif k + 1 < len(toks) and toks[k + 1].is_word and not toks[k + 1].is_cap and _after_proper(toks, j, k):
                break                            # '… Liên hợp quốc và ủng hộ …'
            elif k + 1 < len(toks) and toks[k + 1].is_cap and not state["parties"] and not _after_proper(toks, j, k):
                break                            # '… về khí hậu và Khuôn khổ …'
            k += 1                               # 'và' is the name's only with what follows it
            continue
        if t.low == "năm" and k + 1 < len(toks) and YEAR.fullmatch(toks[k + 1].text):
            follows = toks[k + 2].low if k + 2 < len(toks) else ""
            if toks[k - 1].low in lex.year_keepers or follows == lex.parties or lex.topics.match_at(toks, k + 2):
                k = end = k + 2                  # '… đến năm 2045', '… năm 2024 giữa hai địa phương', '… năm 2014 về …'
                continue
            break                                # '… về quốc phòng năm 2015'
        period = lex.period.match(text, t.begin)
        if period:
            while k < len(toks) and toks[k].begin < period.end():
                k += 1
            end = k
            if k + 1 < len(toks) and toks[k].text == "," and lex.horizon.match_at(toks, k + 1):
                k += 1
                continue
            break
        if k == j and _is_acronym(t) and (k + 1 >= len(toks) or toks[k + 1].low != lex.parties):
            end = k + 1                          # 'Hiệp định ACR'
            break
        if t.low == lex.parties:
            state["parties"] = 1
        if lex.topics.match_at(toks, k):
            state["topic"] = True
        k = end = k + 1
    return end


# ---------------------------------------------------------------- finders

def _thing(kind, text, toks, a, b, s, view, name=None) -> NamedThing:
    begin, end = toks[a].begin, toks[b - 1].end
    name = name or text[begin:end]
    return NamedThing(kind, name, _period(name), Mention(s.begin + begin, s.begin + end, view.index))


def _period(name: str) -> str | None:
    m = _lex().period.search(name)
    if m:
        return f"{m.group(1)}/{m.group(2)}"
    m = re.search(r"(?<!đến )(?<!tới )năm (\d{4})\b", name)
    return m.group(1) if m else None


def _agreement(lex, text, toks, i, j, cased, after_agreement) -> int | None:
    """End of the agreement whose head is toks[i:j], or None when the words name no document."""
    head = " ".join(t.low for t in toks[i:j])
    if not cased and head in lex.capitalised_only:
        return None                              # 'theo kế hoạch', 'đối tác chiến lược'
    if lex.agreement_generic_after.match_at(toks, j):
        return None                              # 'hiệp định này', 'thỏa thuận đã ký'
    listed = i > 0 and toks[i - 1].text in (":", ";")
    end = _extent(lex, text, toks, i, j, listed)
    if end <= j or end == j + 3 and toks[j].text == "(":
        return None                              # a bare 'Hiệp định', 'theo thỏa thuận', 'Bản ghi nhớ (MoU)'
    if not cased:
        if lex.agreement_generic_after_lowercase.match_at(toks, j):
            return None                          # 'thỏa thuận tại phiên họp …', 'thỏa thuận của …'
        if any(lex.agreement_generic_anywhere.match_at(toks, k) for k in range(j, end)):
            return None                          # 'hiệp định … đầu tiên của …'
        if after_agreement:
            return None                          # '… (ACR), hiệp định đầu tiên của …'
        named = any(toks[k].is_cap and toks[k - 1].low not in ("hai", "các", "những") for k in range(j, end))
        if not named and not any(lex.topics.match_at(toks, k) for k in range(j, end)):
            return None                          # 'thỏa thuận hợp tác giữa hai Bộ'
    return end


def _project(lex, text, toks, i, j, kind, stops) -> int | None:
    """End of the project whose head is toks[i:j], or None."""
    if lex.project_generic_after.match_at(toks, j):
        return None                              # 'dự án đầu tư', 'Dự án rộng …'
    if kind != "plan" and i and any(lex.places.match_at(toks, n) == (i, True) for n in range(max(0, i - 2), i)):
        return None                              # 'tới sân bay quốc tế …'
    if kind == "plan":
        if j < len(toks) and toks[j].is_cap:
            end = _cap_run(lex, toks, j, stops)  # 'dự án Utsira Nord', not 'Dự án Hỗ' of 'Hỗ trợ …'
            if end >= len(toks) or not toks[end].is_word or toks[end].is_cap or toks[end].low in lex.breaks \
                    or _stop_at(lex, toks, end):
                return end if end > j else None
        if _sentence_initial(toks, i):
            return None                          # 'Dự án giúp nông dân …' speaks of one named before
        end = _extent(lex, text, toks, i, j, False)
        return end if end > j else None
    k = j
    while k < len(toks) and k - j < DESCRIPTORS and toks[k].is_word and not toks[k].is_cap \
            and toks[k].low not in lex.breaks and not _stop_at(lex, toks, k):
        k += 1                                   # 'cảng nước sâu …'
    end = _cap_run(lex, toks, k, stops)
    if end <= k:
        return None                              # 'đường sắt tốc độ cao', 'các cảng biển'
    proper = text[toks[k].begin:toks[end - 1].end]
    if _only_country(proper):
        return None                              # 'hệ thống cảng biển Na Uy'
    if kind == "institution":
        before = toks[max(0, i - 6):i]
        built = any(lex.builders.match_at(before, n) for n in range(len(before)))
        if not built and _countries_in(proper) < 2:
            return None                          # 'Học viện …' is an organisation unless it is being built
    return end


def _listed_projects(lex, text, toks, i, j) -> list[tuple[int, int]]:
    """'các cảng lớn như A, B và C': the spans of the proper names listed."""
    k = j
    while k < len(toks) and k - j < DESCRIPTORS and toks[k].is_word and not toks[k].is_cap \
            and not lex.list_markers.match_at(toks, k) and toks[k].low not in lex.breaks:
        k += 1
    m = lex.list_markers.match_at(toks, k)
    if not m:
        return []
    k, spans = m[0], []
    while k < len(toks):
        end = _cap_run(None, toks, k)
        if end <= k:
            break
        if not _only_country(text[toks[k].begin:toks[end - 1].end]):
            spans.append((k, end))
        if end < len(toks) and (toks[end].text == "," or toks[end].low == "và"):
            k = end + 1
            continue
        break
    return spans


def find_named(ctx) -> list[NamedThing]:
    lex = _lex()
    out: list[NamedThing] = []
    actor_spans = _actor_spans(ctx)
    for view in ctx.views:
        s = view.sentence
        text = s.text
        toks = tokenize(text)
        taken: list[tuple[int, int]] = []
        inside, starts = actor_spans.get(view.index, ([], set()))
        for m in lex.quoted.finditer(text):       # 'Chiến lược "…"'
            taken.append((m.start(), m.end()))
            out.append(NamedThing("agreement", m.group(0), None,
                                  Mention(s.begin + m.start(), s.begin + m.end(), view.index)))
        agreement_until = project_until = last_agreement_end = -1
        for i, j, kind in lex.heads.scan(toks, lex.blockers):
            if i < project_until or any(a <= toks[i].begin < b for a, b in taken):
                continue                          # a head inside a name already read
            if kind == "agreement" and i < agreement_until:
                continue
            if _inside_name(lex, toks, i) or any(a < toks[i].begin < b for a, b in inside):
                continue                          # 'Tập đoàn Cảng …' is a company
            cased = toks[i].is_cap and not _sentence_initial(toks, i)
            if _generic_before(lex, toks, i):
                if kind == "facility":
                    for a, b in _listed_projects(lex, text, toks, i, j):
                        head = text[toks[i].begin:toks[j - 1].end]
                        out.append(_thing("project", text, toks, a, b, s, view,
                                          f"{head} {text[toks[a].begin:toks[b - 1].end]}"))
                continue
            if kind == "agreement":
                after = i >= 2 and toks[i - 1].text == "," and i - 1 == last_agreement_end
                end = _agreement(lex, text, toks, i, j, cased, after)
                if end:
                    agreement_until = last_agreement_end = end
                    out.append(_thing("agreement", text, toks, i, end, s, view))
            else:
                end = _project(lex, text, toks, i, j, kind, starts)
                if end:
                    project_until = end
                    out.append(_thing("project", text, toks, i, end, s, view))
    return _one_name_each(out + _acronym_mentions(ctx, out))


def name_rank(name: str) -> tuple:
    """Of the names one thing is written by, the first in this order is its name: the fullest written as a
    name, capitalised ('trường Đại học …' is told of it, not its name)."""
    return not name[:1].isupper(), -len(name), name


def _one_name_each(things: list[NamedThing]) -> list[NamedThing]:
    """The mentions of one thing ('EVFTA', 'Hiệp định Thương mại tự do Việt Nam-EU (EVFTA)') are one node with one
    name: the first by `name_rank` the article writes."""
    best: dict[str, str] = {}
    for t in things:
        k = named_key(t)
        if k not in best or name_rank(t.name) < name_rank(best[k]):
            best[k] = t.name
    for t in things:
        t.name = best[named_key(t)]
    return things


def _actor_spans(ctx) -> dict[int, tuple[list[tuple[int, int]], set[int]]]:
    """For each sentence, its organisation spans and where persons' and organisations' names begin (sentence
    offsets): a project name does not start inside a company's name nor run into a person's. One pass over
    the mentions, sorted by the sentence each falls in."""
    sentences = ctx.doc.sentences
    begins = [s.begin for s in sentences]
    out: dict[int, tuple[list[tuple[int, int]], set[int]]] = {}
    for actor, is_org in [(o, True) for o in ctx.orgs.values()] + [(p, False) for p in ctx.persons.values()]:
        for m in actor.mentions:
            n = bisect_right(begins, m.begin) - 1
            if n < 0 or m.begin >= sentences[n].end:
                continue
            spans, starts = out.setdefault(n, ([], set()))
            starts.add(m.begin - sentences[n].begin)
            if is_org:
                spans.append((m.begin - sentences[n].begin, m.end - sentences[n].begin))
    return out


def _own_acronym(name: str) -> str | None:
    """The acronym that stands for the agreement itself: '… Việt Nam - Chile (ACR)', not the second party's
    '… giữa Việt Nam và Liên minh … (ACR)' nor a generic 'FTA'."""
    lex = _lex()
    m = TRAILING_ACRONYM.search(name) or BARE_ACRONYM.search(name)
    if not m or m.group(1).upper() in lex.generic_acronyms:
        return None
    rest = name[:m.start()]
    if m.re is BARE_ACRONYM and " ".join(_low(rest)) not in lex.agreement_heads:
        return None                              # only 'Hiệp định ACR', not '… Việt Nam - Chile'
    return m.group(1) if f" {lex.parties} " not in f" {rest.casefold()} " else None


def _acronym_mentions(ctx, found: list[NamedThing]) -> list[NamedThing]:
    """Later bare mentions of an agreement's acronym ('phê chuẩn ACR') are that agreement."""
    acronyms = {a for a in (_own_acronym(t.name) for t in found if t.kind == "agreement") if a}
    spans = {(t.mention.begin, t.mention.end) for t in found}
    out = []
    for acr in sorted(acronyms):
        pattern = re.compile(rf"(?<![\w(]){re.escape(acr)}(?![\w)])")
        for view in ctx.views:
            s = view.sentence
            for m in pattern.finditer(s.text):
                begin, end = s.begin + m.start(), s.begin + m.end()
                if not any(a <= begin < b for a, b in spans):
                    out.append(NamedThing("agreement", acr, None, Mention(begin, end, view.index)))
    return out


def named_key(thing: NamedThing) -> str:
    """One node for the aliases of one thing: 'Trung tâm Việt Nam - Peru' = 'Trung tâm Peru - Việt Nam', and
    an agreement with its own acronym is that acronym wherever it is written."""
    acr = _own_acronym(thing.name) if thing.kind == "agreement" else None
    if acr or (thing.kind == "agreement" and _is_acronym(Token(thing.name, 0, 0))
               and thing.name not in _lex().generic_acronyms):
        return f"{thing.kind}|{(acr or thing.name).casefold()}|"
    name = re.sub(r"\s*\([A-ZĐ][A-Za-z0-9&+\-]{1,11}\)", "", thing.name)   # '(MoU)', '(EEZ)' name nothing
    text, codes = lexicons.strip_countries(re.sub(r"^(?:trường|tuyến)\s+", "", key(name)))
    text = re.sub(r"[\s-]+", " ", text).strip()
    return f"{thing.kind}|{text}|{'+'.join(sorted(set(codes)))}"
