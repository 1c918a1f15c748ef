"""One node per person across articles: which person keys of a corpus name one foreign person written in
different spellings ('esteban lazo henandez' / 'esteban lazo hernandez', 'a. kawada' / 'atsusuke kawada'),
and the country the articles that mark it agree on, for the articles that only guessed it.

Vietnamese names are never merged by spelling: one tone apart they are different people."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg import lexicons
from kg.extract.actors import grammar

HOME = lexicons.load("boilerplate")["publisher_country"]

MAX_EDITS = 2          # letters apart, for names of at least MIN_LENGTH letters
MIN_LENGTH = 10


@dataclass
class Named:
    """Everything the corpus says of one person key."""
    key: str
    name: str
    articles: set[str] = field(default_factory=set)
    marked: Counter = field(default_factory=Counter)      # country read in the text → articles


def alike_keys(key: str, name: str) -> set[str]:
    """Blocking keys: two spellings of one foreign name share one of them (the first name and the start of
    the last, or the initial and the whole last: 'esteban|he|3', 'a|kawada|2'), so the articles that may
    name the same person are found by lookup, without comparing every pair. A Vietnamese name is only ever
    itself."""
    if grammar().is_vietnamese_name(name):
        return {f"={key}"}
    words = key.split()
    # also the first name and the end of the last ('tomas|~rin': 'valdorin' / 'veldorin'), the name without
    # its spaces ('lucas mc allister' / 'lucas mcallister'), and the first name and the letters of the last
    # ('saleh|%abdii': 'abidi' / 'adibi', two letters swapped)
    return {f"={key}", f"{words[0]}|{words[-1][:2]}|{len(words)}", f"{words[0][:1]}|{words[-1]}|{len(words)}",
            f"{words[0]}|~{words[-1][-3:]}|{len(words)}", f"#{key.replace(' ', '')}",
            f"{words[0]}|%{''.join(sorted(words[-1]))}|{len(words)}"}


def tells_others(name: str, country: str | None, marked: bool) -> bool:
    """Whether an article's mention of a person can tell the others anything: not a Vietnamese name marked
    as ours (the others take a Vietnamese name to be ours anyway). Leaving those out keeps adding one
    article to a large store from reading every article that names our own leaders."""
    return not (marked and country == HOME and grammar().is_vietnamese_name(name))


def same_person(a: str, b: str) -> bool:
    """Two foreign name keys of one person: an initial for a given name ('a. kawada' / 'atsusuke kawada'), or
    a letter or two apart in a long name, word by word from the same initials."""
    wa, wb = a.split(), b.split()
    if a != b and a.replace(" ", "") == b.replace(" ", "") and min(len(wa), len(wb)) >= 2:
        return True         # 'lucas mc allister' / 'lucas mcallister': one name spaced two ways
    if a == b or len(wa) != len(wb) or len(wa) < 2:
        return a == b
    if all(x == y or _initial_of(x, y) or _initial_of(y, x) for x, y in zip(wa, wb)):
        return True
    return min(len(a), len(b)) >= MIN_LENGTH and all(x == y or _misspelt(x, y) for x, y in zip(wa, wb)) \
        and _edits(a, b) <= MAX_EDITS


def _misspelt(x: str, y: str) -> bool:
    """One word written with a letter or two off ('henandez' / 'hernandez', 'aleksander' / 'alexander') or two
    letters swapped:
    same first and last letter (so 'petrov' / 'petrova', 'lopez' / 'lopes' stay apart), and a long word.
    A last 'y' or 'i' is one letter transliterated two ways ('sergey' / 'sergei', 'dmitry' / 'dmitri')."""
    limit = 2 if min(len(x), len(y)) >= 8 else 1
    last = x[-1] == y[-1] or {x[-1], y[-1]} == {"i", "y"}
    return min(len(x), len(y)) >= 5 and x[0] == y[0] and last and (_edits(x, y) <= limit or _swapped(x, y))


def _swapped(x: str, y: str) -> bool:
    """Two letters of one word written in each other's place ('abidi' / 'adibi')."""
    apart = [i for i, (a, b) in enumerate(zip(x, y)) if a != b] if len(x) == len(y) else []
    return len(apart) == 2 and x[apart[0]] == y[apart[1]] and x[apart[1]] == y[apart[0]]


def _initial_of(short: str, word: str) -> bool:
    return len(short) == 2 and short.endswith(".") and word.startswith(short[0]) and len(word) > 2


def _edits(a: str, b: str) -> int:
    """Levenshtein distance, stopping early past MAX_EDITS."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > MAX_EDITS:
            return MAX_EDITS + 1
    return row[-1]


def identities(named: dict[str, Named]) -> dict[str, tuple[str, str | None]]:
    """person key → (the key of the node it joins, the country the marking articles agree on or None),
    for every key of `named`. The node's key is the spelling most articles use (then the longer, the less
    spaced, the first in order), and a group never joins names whose articles mark different countries."""
    parent = {k: k for k in named}
    marked = {k: set(n.marked) for k, n in named.items()}       # a group's marked countries, at its root

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    blocks: dict[str, list[Named]] = {}
    for n in named.values():
        if not grammar().is_vietnamese_name(n.name):
            for b in alike_keys(n.key, n.name):
                blocks.setdefault(b, []).append(n)
    # blocks in key order: which pairs join first decides which groups a mark of country keeps apart, and
    # alike_keys is a set, whose order changes with the string hash seed of each process
    for _, members in sorted(blocks.items()):
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                ra, rb = root(a.key), root(b.key)
                if ra != rb and same_person(a.key, b.key) and \
                        (not marked[ra] or not marked[rb] or marked[ra] == marked[rb]):
                    parent[rb] = ra
                    marked[ra] |= marked[rb]
    groups: dict[str, list[Named]] = {}
    for k, n in named.items():
        groups.setdefault(root(k), []).append(n)
    out = {}
    for members in groups.values():
        # most articles, then most letters ('atsusuke kawada' over 'a. kawada'), then fewest spaces ('john mccain'
        # over 'john mc cain', a name spaced by a slip)
        node = min(members, key=lambda n: (-len(n.articles), -len(n.key.replace(" ", "")), n.key.count(" "),
                                           n.key)).key
        marks = sum((n.marked for n in members), Counter())
        ranked = marks.most_common(2)
        country = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
        for n in members:
            out[n.key] = (node, country)
    return out
