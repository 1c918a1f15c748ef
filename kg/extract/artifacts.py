"""Named projects (a university, a hospital, an expressway, a mine) and named agreements and plans.

A name runs from its head ('dự án', 'Bệnh viện', 'Hiệp định', 'Kế hoạch hợp tác' …) to the first
punctuation, stop word, year ('năm 2011') or coordinated second name ('… và Tuyên bố …'); a period
'giai đoạn 2021-2025' ends it."""
from __future__ import annotations

import re
from functools import lru_cache

from kg import lexicons
from kg.extract.model import Mention, NamedThing
from kg.text.normalize import key

PERIOD = re.compile(r"giai đoạn (\d{4})\s*-\s*(\d{4})")
ACRONYM = re.compile(r"\s*\([A-ZĐ][A-Z0-9+&\-]{1,9}\)")


def _alternation(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _patterns():
    data = lexicons.load("artifacts")
    heads = {"project": _alternation(data["project_heads"]), "agreement": _alternation(data["agreement_heads"])}
    starts = {kind: re.compile(rf"(?:(?<=^)|(?<=[\s,(\"“]))(?:{h})\b") for kind, h in heads.items()}
    # a year ends a name ('Bản ghi nhớ … năm 2011') unless it is the name's horizon ('… đến năm 2030')
    stop = re.compile(rf"\s+(?:{_alternation(data['stop_words'])})\b|(?<!đến)(?<!tới)\s+năm \d{{4}}\b"
                      rf"|[,;:.…\"”(]|$")
    second = re.compile(rf"\s+và\s+(?:{heads['agreement']})\b")
    return data, starts, stop, second


def _extent(text: str, start: int, kind: str) -> int:
    data, _, stop, second = _patterns()
    pos = start
    while True:
        m = stop.search(text, pos)
        end = m.start() if m else len(text)
        # '(AFD)' and 'trong lĩnh vực' belong to the name
        acr = ACRONYM.match(text, end)
        if acr and text[end:end + 2].strip().startswith("("):
            pos = acr.end()
            continue
        if kind == "agreement" and any(text.startswith(" " + p, end) for p in data["agreement_keep_phrases"]):
            pos = end + 1 + len(data["agreement_keep_phrases"][0])
            continue
        break
    period = PERIOD.search(text, start, end)
    if period:
        end = period.end()
    if kind == "agreement":
        coordinated = second.search(text, start, end)
        if coordinated:
            end = coordinated.start()
    return end


def find_named(ctx) -> list[NamedThing]:
    data, starts, _, _ = _patterns()
    generic_before = re.compile(rf"\b(?:{_alternation(data['generic_before'])})\s+$")
    builder_before = re.compile(rf"\b(?:{_alternation(data['project_builders'])})\s+(?:các\s+)?$")
    generic_after = re.compile(rf"^\s*(?:{_alternation(data['project_generic_after'])})\b")
    cut = re.compile(rf"\s+(?:{_alternation(data['project_cut_before'])})\s+")
    quoted = re.compile(rf"\b(?:{_alternation(data['quoted_heads'])})\s+[\"“][^\"”]{{2,60}}[\"”]")
    out: list[NamedThing] = []
    for view in ctx.views:
        s = view.sentence
        taken: list[tuple[int, int]] = []
        for m in quoted.finditer(s.text):         # 'Chiến lược "Ba kết nối"'
            taken.append((m.start(), m.end()))
            out.append(NamedThing("agreement", m.group(0), None,
                                  Mention(s.begin + m.start(), s.begin + m.end(), view.index)))
        for kind in ("agreement", "project"):
            for m in starts[kind].finditer(s.text):
                if any(a <= m.start() < b for a, b in taken):
                    continue                      # a head inside a name already read
                before = s.text[:m.start()]
                if generic_before.search(before):
                    continue
                end = _extent(s.text, m.start(), kind)
                name = s.text[m.start():end].strip()
                if kind == "project":
                    head = m.group(0)
                    if generic_after.match(s.text[m.end():end]):
                        continue
                    if not any(head.casefold().startswith(w) for w in data["projects_without_builder"]) \
                            and not builder_before.search(before[-40:]):
                        continue          # 'Học viện …' is an organisation unless it is being built or opened
                    if head not in data["keep_place_heads"]:
                        name = cut.split(name)[0]
                if len(name.split()) < 2:
                    continue
                taken.append((m.start(), m.start() + len(name)))
                period = PERIOD.search(name)
                out.append(NamedThing(kind, name, f"{period.group(1)}/{period.group(2)}" if period else None,
                                      Mention(s.begin + m.start(), s.begin + m.start() + len(name), view.index)))
    return out


def named_key(thing: NamedThing) -> str:
    """One node for the aliases of one thing: 'trường Đại học Việt Nam - Lào' = 'Đại học Lào - Việt'."""
    text, codes = lexicons.strip_countries(re.sub(r"^(?:trường|tuyến)\s+", "", key(thing.name)))
    text = re.sub(r"[\s-]+", " ", text).strip()
    return f"{thing.kind}|{text}|{'+'.join(sorted(set(codes)))}"
