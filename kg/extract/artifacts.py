"""Named projects (a university, a hospital, an expressway, a mine) and named agreements and plans."""
from __future__ import annotations

import re
from functools import lru_cache

from kg import lexicons
from kg.extract.model import Mention, NamedThing

PERIOD = re.compile(r"giai đoạn (\d{4})\s*-\s*(\d{4})")


@lru_cache(maxsize=1)
def _patterns():
    data = lexicons.load("artifacts")
    stops = "|".join(map(re.escape, sorted(data["stop_words"], key=len, reverse=True)))
    end = rf"(?=\s*(?:[,;:.…(\"“]|\s(?:{stops})\b|$))"
    generic = "|".join(map(re.escape, data["generic_before"]))
    proj = "|".join(map(re.escape, sorted(data["project_heads"], key=len, reverse=True)))
    agr = "|".join(map(re.escape, sorted(data["agreement_heads"], key=len, reverse=True)))
    builders = "|".join(map(re.escape, data["project_builders"]))
    project = re.compile(rf"(?:(?<=^)|(?<=[\s,]))(?P<name>(?:{proj})\s+(?!(?:{generic})\b)[^,;.…()]{{2,90}}?){end}")
    agreement = re.compile(rf"(?P<name>(?:{agr})\b[^,;:.…()]{{0,120}}?(?:giai đoạn \d{{4}}\s*-\s*\d{{4}})?){end}")
    return data, project, agreement, re.compile(rf"\b(?:{builders})\s+(?:các\s+)?$"), re.compile(rf"\b(?:{generic})\s+$")


def find_named(ctx) -> list[NamedThing]:
    data, project, agreement, builder_before, generic_before = _patterns()
    out: list[NamedThing] = []
    for view in ctx.views:
        s = view.sentence
        for kind, pattern in (("agreement", agreement), ("project", project)):
            for m in pattern.finditer(s.text):
                name = m.group("name").strip()
                before = s.text[:m.start("name")]
                if generic_before.search(before):
                    continue
                if kind == "project":
                    head = name.split()[0].casefold()
                    if head not in ("dự", "tuyến", "đường", "cao") and not builder_before.search(before[-40:]):
                        continue          # 'Học viện …' is an organisation unless it is being built or opened
                if len(name.split()) < 2 or name.casefold() in ("dự án", "hiệp định"):
                    continue
                period = PERIOD.search(name)
                out.append(NamedThing(kind, name, f"{period.group(1)}/{period.group(2)}" if period else None,
                                      Mention(s.begin + m.start("name"), s.begin + m.start("name") + len(name),
                                              view.index)))
    return out
