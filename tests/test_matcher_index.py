"""The matchers look phrases up by a word (first or last) instead of trying every phrase at every position:
they must find exactly what trying every phrase finds. Invented sentences and phrase lists."""
import pytest

from kg.extract.commitments import Phrases
from kg.lexicons import _country_patterns, strip_countries
from kg.text.tokens import PhraseMatcher, Token, tokenize

PHRASES = ["cam kết", "cam kết sẽ", "sẽ", "tiếp tục", "tiếp", "ủng hộ mạnh mẽ", "mạnh mẽ", "Bộ trưởng"]
SENTENCES = [
    "Bộ trưởng Kenya cam kết sẽ tiếp tục ủng hộ mạnh mẽ Peru.",
    "Phía Chile sẽ tiếp đón đoàn và cam kết hỗ trợ.",
    "cam kết",
    "",
    "Norway mạnh mẽ ủng hộ mạnh mẽ, tiếp tục tiếp.",
]


def _naive_ending_at(items, toks, k, floor):
    for words, payload in items:
        i = k - len(words)
        if i >= floor and all(toks[i + n].low == w for n, w in enumerate(words)):
            return i, payload
    return None


def _naive_starting_at(items, toks, j, k):
    for words, _ in items:
        if j + len(words) <= k and all(toks[j + n].low == w for n, w in enumerate(words)):
            return words
    return None


@pytest.mark.parametrize("sentence", SENTENCES)
def test_phrases_by_word_find_what_every_phrase_finds(sentence):
    phrases, toks = Phrases(PHRASES), tokenize(sentence)
    for floor in range(0, len(toks) + 1):
        for k in range(0, len(toks) + 1):
            assert phrases.ending_at(toks, k, floor) == _naive_ending_at(phrases.items, toks, k, floor)
    for j in range(0, len(toks)):
        for k in range(j, len(toks) + 1):
            assert phrases.starting_at(toks, j, k) == _naive_starting_at(phrases.items, toks, j, k)


@pytest.mark.parametrize("cased", [False, True])
@pytest.mark.parametrize("sentence", SENTENCES)
def test_scan_finds_what_matching_at_every_token_finds(sentence, cased):
    matcher = PhraseMatcher([(p, p) for p in PHRASES], cased=cased)
    blocked = PhraseMatcher([("tiếp tục", None)])
    toks = tokenize(sentence)
    naive, i = [], 0
    while i < len(toks):
        stop = blocked.match_at(toks, i)
        if stop:
            i = stop[0]
            continue
        m = matcher.match_at(toks, i)
        naive.append((i, m[0], m[1])) if m else None
        i = m[0] if m else i + 1
    assert list(matcher.scan(toks, blocked)) == naive


@pytest.mark.parametrize("text", ["Đại học Quốc gia", "ĐẠI HỘI", "Ông Ruto-Kamau nói", "2.500"])
def test_a_token_keeps_what_it_derives_and_stays_equal(text):
    for t in tokenize(text):
        plain = Token(t.text, t.begin, t.end)
        assert (t.low, t.is_cap, t.is_word) == (t.text.casefold(), t.text[0].isupper(), t.text[0].isalpha())
        assert t == plain and hash(t) == hash(plain) and repr(t) == repr(plain)


@pytest.mark.parametrize("text", [
    "Ủy ban liên Chính phủ Việt Nam - Lào họp tại Kenya",
    "Tổng thống Chile gặp Thủ tướng Na Uy và Bộ trưởng Peru",
    "một câu không có tên nước nào",
])
def test_strip_countries_as_if_every_pattern_were_tried(text):
    low, codes = text.casefold(), []
    for pattern, code, _ in _country_patterns():
        if pattern.search(low):
            codes.append(code)
            low = pattern.sub(" ", low)
    assert strip_countries(text) == (low, codes)
