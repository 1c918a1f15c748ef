"""Surface normalisation shared by extraction (matching keys) and IRI minting (slugs)."""
from __future__ import annotations

import hashlib
import re
import unicodedata

DASHES = re.compile(r"[\u2010-\u2015\u2212]")
SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """NFC, one kind of dash, single spaces: the form in which names are stored."""
    text = DASHES.sub("-", nfc(text))
    text = re.sub(r"\s*-\s*", " - ", text) if " -" in text or "- " in text else text
    return SPACES.sub(" ", text).strip()


def key(text: str) -> str:
    """Case- and dash-insensitive key: 'Đảng cộng sản Việt Nam' and 'Đảng Cộng sản Việt Nam' meet here."""
    text = DASHES.sub("-", nfc(text)).casefold()
    text = re.sub(r"[\"“”‘’'«»]", "", text)
    text = re.sub(r"\s*-\s*", " - ", text)
    return SPACES.sub(" ", text).strip(" .,;:…")


def fold(text: str) -> str:
    """`key` without diacritics: what a user typing 'da lat' for 'Đà Lạt' means; for lookups, never for IRIs alone."""
    folded = unicodedata.normalize("NFD", key(text).replace("đ", "d"))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def slug(text: str, max_len: int = 60) -> str:
    """ASCII slug for readable IRIs, with a short hash of the full key so that 'Tâm' and 'Tám' differ."""
    readable = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:max_len].strip("-")
    return f"{readable or 'x'}-{digest(key(text), 6)}"


def digest(text: str, length: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]
