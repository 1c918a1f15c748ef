"""The shape of a Vietnamese syllable: tells 'Uông' (a Vietnamese word) from 'Vingroup' (a foreign one)."""
from __future__ import annotations

import re
import unicodedata

# onset, vowel nucleus (with its glides), coda: the phonotactics of the written language, marks removed
SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


def is_vietnamese_syllable(word: str) -> bool:
    bare = "".join(ch for ch in unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
                   if not unicodedata.combining(ch))
    return SYLLABLE.fullmatch(bare) is not None
