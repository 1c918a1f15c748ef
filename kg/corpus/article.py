"""One article as read from any format, with the checks every format shares."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from kg.errors import KgError

MAX_ARTICLE_CHARS = 2_000_000   # a news article is a few thousand characters; beyond this it is a dump
VOCABULARY_ID = "vocabulary"    # the name of the vocabulary's graph beside the articles' (kg.build): no article's
# Unicode's control characters (category Cc) but line feed and tab, and the lone surrogates: found by one regular
# expression, not a Python test per character (that was seconds of a 10,000-article build before any extraction)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    source: str                       # file, or file:line for a record, for messages
    published: date | None = None
    publisher: str | None = None
    title: str | None = None
    url: str | None = None

    @property
    def slug(self) -> str:
        from kg.rdf.emit import slug_id
        return slug_id(self.id)

    def content_hash(self) -> str:
        """Changes when anything extraction reads changes: text or metadata."""
        h = hashlib.sha256()
        for part in (self.id, self.text, self.published and self.published.isoformat(), self.publisher,
                     self.title, self.url):
            h.update((part or "").encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


def shown(value) -> str:
    """Text that can always be printed on one line: a file name that is not UTF-8, a lone surrogate from a
    JSON escape, a newline or other control character in a name becomes a backslash escape."""
    text = str(value).encode("utf-8", "backslashreplace").decode("utf-8")
    return "".join(f"\\x{ord(ch):02x}" if unicodedata.category(ch) == "Cc" else ch for ch in text)


def _unicode(value, source: str, name: str):
    """A string holding a lone surrogate ('\\ud800' in JSON) is no Unicode text: nothing can write it."""
    lone = _SURROGATE.search(value) if isinstance(value, str) else None
    if lone is not None:
        lone = lone.group()
        raise KgError(f"{source}: the '{name}' field holds a lone surrogate (\\u{ord(lone):04x}), which is not "
                      "Unicode text; fix that escape in the record")
    return value


def clean_text(text: str) -> str:
    """One newline convention, composed Unicode (NFC), no NULs or other control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def parse_date(value, source: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        text = str(value).strip().replace("Z", "+00:00")
        return datetime.fromisoformat(text).date() if "T" in text or " " in text else date.fromisoformat(text[:10])
    except ValueError:
        raise KgError(f"{source}: date '{value}' is not ISO 8601; write it as YYYY-MM-DD") from None


def make_article(article_id, text, source: str, published=None, publisher=None, title=None,
                 url=None) -> Article:
    if not isinstance(text, str):
        raise KgError(f"{source}: 'text' must be a string")
    for name, value in (("id", article_id), ("text", text), ("date", published), ("publisher", publisher),
                        ("title", title), ("url", url)):
        _unicode(value, source, name)
    article_id = str(article_id).strip() if article_id is not None else ""
    if not article_id:
        raise KgError(f"{source}: no article id; give the record an 'id'")
    if article_id == VOCABULARY_ID:
        raise KgError(f"{source}: the article id '{VOCABULARY_ID}' is kg's own; give the article another id "
                      "(file name or 'id' field)")
    text = clean_text(text)
    if title and isinstance(title, str) and title.strip() and not text.lstrip().startswith(title.strip()):
        text = f"{clean_text(title).strip()}\n{text}"     # the headline often names the event
    if not text.strip():
        raise KgError(f"{source}: empty article; nothing to build")
    if len(text) > MAX_ARTICLE_CHARS:
        raise KgError(f"{source}: {len(text):,} characters is not one news article; "
                      "split it into articles (one per file, or one JSONL record each)")
    if not isinstance(published, date):
        published = parse_date(published, source)
    return Article(article_id, text, source, published, _optional(publisher), _optional(title), _optional(url))


def _optional(value) -> str | None:
    """A metadata field as text, or None when absent or blank."""
    return str(value).strip() or None if value else None
