"""Clauses of a sentence: the stretches between ';' (and '…'), where Vietnamese news lists several acts."""
from __future__ import annotations

import re

SEPARATORS = re.compile(r";|…|\.\.\.")


def clauses(text: str) -> list[tuple[int, int]]:
    """(begin, end) of each non-blank clause, separators excluded."""
    out, start = [], 0
    for m in SEPARATORS.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]
