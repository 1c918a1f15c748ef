"""The layout of one news article: publication metadata, boilerplate to drop, sentences with offsets.

Offsets are character offsets into the article text after NFC normalisation (what `Article.text` holds).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from kg.lexicons import load

UPDATED = re.compile(r"^\s*(?:Cập nhật|Cập nhật lúc|Đăng ngày|Ngày đăng)\s*:?\s*(\d{1,2})/(\d{1,2})/(\d{4})")
DATELINE = re.compile(r"^\s*[\wÀ-ỹ .]{2,30},\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*(?:\(([^)]+)\))?\s*$")
ISO_PREFIX = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\s*")
CREDIT_HEAD = re.compile(r"(\()?\s*Ảnh\s*:\s*")
CREDIT_WORD = re.compile(r"\S+")
# no end after an initial ('O. Bektenov', 'A. Bakayev'): a lone Latin capital and its dot open a name
# ('… Đông Nam Á. Thủ tướng …' does end: Á is a word)
# (a full stop run into the next sentence, 'Trung Quốc.Trong khuôn khổ …', ends one too: a lower-case word before,
# a capitalised word after; 'TP.Mombasa' and 'Quochoi.vn' do not)
SENTENCE_END = re.compile(r"(?<=[.!?…])(?<!(?<!\w)[A-Z]\.)[\"”’)]?\s+(?=[\"“(]?[A-ZÀ-ỸĐ0-9])"
                          r"|(?<=[a-zà-ỹđ]{2}\.)(?=[A-ZÀ-ỸĐ][a-zà-ỹđ]{2})")
# a longer "sentence" is no sentence a reporter wrote (a list, a table, garbage): it is cut into pieces of at
# most this many characters at a clause boundary, so that no step of extraction costs more than linear time
MAX_SENTENCE = 1200


@dataclass(frozen=True)
class Sentence:
    begin: int
    end: int
    text: str
    kind: str = "body"  # body | caption | heading


@dataclass
class Document:
    id: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    published: date | None = None
    publisher: str | None = None
    notes: list[str] = field(default_factory=list)     # what the reader should know of how it was read


def _boilerplate() -> dict:
    return load("boilerplate")


def _safe_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def analyse(article_id: str, text: str, published: date | None = None, publisher: str | None = None) -> Document:
    """Split an article into sentences, reading its publication date and publisher off its boilerplate."""
    doc = Document(article_id, text, published=published, publisher=publisher)
    rules = _boilerplate()
    publishers = rules["publishers"]
    pos = 0
    lines = text.split("\n")
    for index, raw in enumerate(lines):
        line_start, pos = pos, pos + len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        if line in rules["stop_sections"]:
            break  # related headlines, comment prompts: nothing after them is the article's content
        if line in rules["skip_lines"]:
            continue
        if line in publishers:
            doc.publisher = doc.publisher or line
            continue
        m = UPDATED.match(line)
        if m:
            doc.published = doc.published or _safe_date(m.group(3), m.group(2), m.group(1))
            continue
        m = DATELINE.match(line)
        if m:
            doc.published = doc.published or _safe_date(m.group(3), m.group(2), m.group(1))
            if m.group(4):
                doc.publisher = doc.publisher or m.group(4).strip()
            continue
        offset = line_start + (len(raw) - len(raw.lstrip()))
        m = ISO_PREFIX.match(line)
        if m:
            doc.published = doc.published or _safe_date(*m.groups())
            offset += m.end()
            line = line[m.end():]
        for name in publishers:
            if re.search(rf"\b(?:Theo|phóng viên|đặc phái viên)\b[^.]*\b{re.escape(name)}\b", line):
                doc.publisher = doc.publisher or name
        heading = not re.search(r"[.!?…:;\"”]$", line) and len(line.split()) <= 25 and index + 1 < len(lines)
        for sentence in _sentences(line, offset, "heading" if heading else "body"):
            pieces = _bounded(sentence)
            if len(pieces) > 1:
                doc.notes.append(f"a sentence of {len(sentence.text):,} characters at offset {sentence.begin} "
                                 f"was read as {len(pieces)} pieces of at most {MAX_SENTENCE:,}")
            doc.sentences.extend(pieces)
    return doc


def _bounded(sentence: Sentence) -> list[Sentence]:
    """A sentence cut at the last clause mark (';', ',') or space before MAX_SENTENCE characters, piece by
    piece; one of ordinary length is returned as it is."""
    out, text, begin = [], sentence.text, sentence.begin
    while len(text) > MAX_SENTENCE:
        window = text[:MAX_SENTENCE]
        cut = max(window.rfind("; "), window.rfind(", "))
        cut = cut + 1 if cut > MAX_SENTENCE // 2 else (window.rfind(" ") if window.rfind(" ") > 0 else MAX_SENTENCE)
        piece = text[:cut].rstrip()
        out.append(Sentence(begin, begin + len(piece), piece, sentence.kind))
        rest = text[cut:]
        lead = len(rest) - len(rest.lstrip())
        text, begin = rest.lstrip(), begin + cut + lead
    if text:
        out.append(Sentence(begin, begin + len(text), text, sentence.kind))
    return out


def credit_span(line: str) -> tuple[int, int] | None:
    """Where the first photo credit of a line starts and ends. Scraped pages run the credit into the body
    ('… Phu nhân. Ảnh: Lê Minh/TTXVN Chủ tịch nước …'), so a credit is bounded: to its ')' in brackets;
    else the source around a slash ('Lê Minh/TTXVN', 'VGP/Minh Hà': an acronym, or a two-word name),
    else an acronym ('TTXVN') or two words (a photographer's name)."""
    head = CREDIT_HEAD.search(line)
    if head is None:
        return None
    if head.group(1):
        close = line.find(")", head.end())
        return head.start(), (close + 1 if close >= 0 else len(line))
    words = list(islice(CREDIT_WORD.finditer(line, head.end()), 6))
    for n, w in enumerate(words):
        parts = re.split(r"[/–-]", w.group(0), maxsplit=1)
        if len(parts) == 2 and all(parts):
            if _acronym(parts[1]) or n + 1 >= len(words):
                return head.start(), w.end()
            return head.start(), words[n + 1].end()
    if words and _acronym(words[0].group(0)):
        return head.start(), words[0].end()
    if not words:
        return head.start(), head.end()
    # two words, or three where the third is the lowercase half of a word ('Bộ Ngoại giao Chủ tịch …')
    three = len(words) >= 4 and words[2].group(0).islower() and words[3].group(0)[:1].isupper()
    return head.start(), words[min(2 if three else 1, len(words) - 1)].end()


def _acronym(word: str) -> bool:
    letters = word.strip("().,+")
    return len(letters) >= 2 and letters.isupper()


def _sentences(line: str, offset: int, kind: str) -> list[Sentence]:
    """Sentences of one line. What comes before a photo credit is a caption; the credit is dropped; what
    follows it on the same line is read again as text."""
    span = credit_span(line)
    if span is not None:
        before, after = line[:span[0]], line[span[1]:]
        out = _split(before, offset, "caption")
        rest = len(after) - len(after.lstrip(" .)"))
        return out + _sentences(after[rest:], offset + span[1] + rest, kind) if after.strip(" .)") else out
    return _split(line, offset, kind)


def _split(line: str, offset: int, kind: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in SENTENCE_END.finditer(line):
        _add(out, line[start:m.start()], offset + start, kind)
        start = m.end()
    _add(out, line[start:], offset + start, kind)
    return out


def _add(out: list[Sentence], piece: str, begin: int, kind: str) -> None:
    stripped = piece.rstrip().removesuffix(" -").removesuffix(" –").rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    stripped = stripped.strip()
    if len(stripped) < 3:
        return
    out.append(Sentence(begin + lead, begin + lead + len(stripped), stripped, kind))
