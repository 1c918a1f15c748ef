"""Bytes to text: UTF-8 (with or without BOM) unless told otherwise; binary and other encodings are refused
with the way to fix them, never guessed silently into garbled text."""
from __future__ import annotations

import codecs

from kg.errors import KgError


def _looks_binary(raw: bytes) -> bool:
    """NUL bytes: no text encoding but UTF-16/32 (read above by their BOM) writes them."""
    return b"\x00" in raw[:8192]


def decode(raw: bytes, source: str, encoding: str | None = None) -> str:
    if encoding:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as e:
            raise KgError(f"{source}: not {encoding} text (byte {e.start}); check --encoding") from None
        except (LookupError, ValueError):    # no such codec, or one that does not decode bytes to text
            raise KgError(f"unknown encoding '{encoding}'; give one Python knows, e.g. cp1258 or latin-1") from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as e:
            raise KgError(f"{source}: broken UTF-16 text ({e.reason} at byte {e.start}); save it again as "
                          "UTF-8") from None
    if _looks_binary(raw):
        raise KgError(f"{source}: binary data, not text; remove it from the corpus")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        guess = _guess(raw)
        hint = f" (it looks like {guess})" if guess else ""
        raise KgError(f"{source}: not UTF-8 text{hint} at byte {e.start}; convert it "
                      f"(iconv -f {guess or 'CP1258'} -t UTF-8) or build with --encoding "
                      f"{guess or 'cp1258'}") from None


def _guess(raw: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(raw[:65536]).best()
    return best.encoding if best is not None else None
