"""Word tokens with offsets, and a longest-match phrase matcher over them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator

class _Kept:
    """A token's attribute derived from its text, computed on first read and kept in the token's __dict__,
    which is read first from then on: the matchers read `low` and `is_cap` millions of times. Outside eq,
    hash and repr (functools.cached_property would do the same behind a lock)."""

    def __init__(self, derive):
        self.derive, self.name = derive, derive.__name__

    def __get__(self, token, owner=None):
        if token is None:
            return self
        value = token.__dict__[self.name] = self.derive(token)
        return value


TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?(?<!\.)|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Token:
    text: str
    begin: int
    end: int

    @_Kept
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @_Kept
    def is_cap(self) -> bool:
        return self.text[0].isupper()

    @_Kept
    def low(self) -> str:
        return self.text.casefold()


def tokenize(text: str) -> list[Token]:
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    # each sentence is tokenized by several readers of one article (actors, events, commitments, names)
    return tuple(Token(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text))


class PhraseMatcher:
    """Finds lexicon phrases in token lists, longest first, case-insensitively.

    With `cased=True` the first token of a match must start with a capital letter in the text, which is
    how Vietnamese writes titles and proper names ('Thủ tướng' the title, not 'thủ tướng' the noun).
    """

    def __init__(self, phrases: Iterable[tuple[str, Any]], cased: bool = False):
        self.cased = cased
        self.index: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for phrase, payload in phrases:
            words = tuple(t.low for t in tokenize(phrase))
            if words:
                self.index.setdefault(words[0], []).append((words, payload))
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e[0]))

    def match_at(self, tokens: list[Token], i: int) -> tuple[int, Any] | None:
        """(end index, payload) of the longest phrase starting at token i."""
        if i >= len(tokens) or (self.cased and not tokens[i].is_cap):
            return None
        entries = self.index.get(tokens[i].low)
        if not entries:
            return None
        n = len(tokens)
        for words, payload in entries:
            j = i + len(words)
            if j <= n and all(tokens[i + k].low == words[k] for k in range(1, len(words))):
                return j, payload
        return None

    def scan(self, tokens: list[Token], blocked: "PhraseMatcher | None" = None) -> Iterator[tuple[int, int, Any]]:
        """Non-overlapping matches (start, end, payload), left to right, longest at each position; a phrase
        of `blocked` is stepped over whole ('tiếp tục' is no 'tiếp')."""
        i = 0
        while i < len(tokens):
            low = tokens[i].low     # no phrase of a matcher starts with a word its index lacks
            stop = blocked.match_at(tokens, i) if blocked and low in blocked.index else None
            if stop:
                i = stop[0]
                continue
            m = self.match_at(tokens, i) if low in self.index else None
            if m:
                yield i, m[0], m[1]
                i = m[0]
            else:
                i += 1

    def find_all(self, tokens: list[Token]) -> list[tuple[int, int, Any]]:
        return list(self.scan(tokens))


class RunMatcher(PhraseMatcher):
    """A PhraseMatcher whose match of an opener goes on over a run of its component words, each capitalised:
    a Khmer honorific is 'Samdech' and any string of title words after it ('Samdech Akka Moha Sena Padei
    Techo'), which no list of whole strings keeps up with."""

    def __init__(self, phrases: Iterable[tuple[str, Any]], runs: dict[str, Iterable[str]], cased: bool = False,
                 stacked: bool = False):
        super().__init__(phrases, cased)
        self.runs = {opener.casefold(): {w.casefold() for w in words} for opener, words in runs.items()}
        self.stacked = stacked      # one match may follow another ('Bà Hajjah X', 'Ngài Đại tướng X'): all in one

    def match_at(self, tokens: list[Token], i: int) -> tuple[int, Any] | None:
        m = self._one_at(tokens, i)
        while self.stacked and m and m[0] < len(tokens):
            more = self._one_at(tokens, m[0])
            if more is None:
                break
            m = more[0], m[1]
        return m

    def _one_at(self, tokens: list[Token], i: int) -> tuple[int, Any] | None:
        m = super().match_at(tokens, i)
        if m is None or " ".join(t.low for t in tokens[i:m[0]]) not in self.runs:
            return m
        words, j = self.runs[" ".join(t.low for t in tokens[i:m[0]])], m[0]
        while j < len(tokens) and tokens[j].is_cap and tokens[j].low in words:
            j += 1
        return j, m[1]
