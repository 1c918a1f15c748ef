"""Vietnamese numbers with their units: '1.300' = 1300, '1,6 tỷ USD' = 1.6e9, '10-15%' a range,
'10 tỷ USD/năm', 'tăng 16,7%'. Dots group thousands and the comma is the decimal mark."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from kg import lexicons
from kg.extract.model import Quantity

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


@dataclass(frozen=True)
class QuantityMention:
    begin: int
    end: int
    quantity: Quantity


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    data = lexicons.load("quantities")
    scales = "|".join(sorted(map(re.escape, data["scales"]), key=len, reverse=True))
    units = "|".join(sorted(map(re.escape, data["units"]), key=len, reverse=True))
    words = "|".join(sorted(map(re.escape, data["spelled"]), key=len, reverse=True))
    number = rf"{NUMBER}|(?:(?:{words})\s+)*(?:{words})(?=\s)"
    return re.compile(
        rf"(?<![\d.,/\wÀ-ỹ])(?P<a>{number})(?:\s*(?:-|–|đến)\s*(?P<b>{NUMBER}))?\s*(?P<scale>{scales})?\s*"
        rf"(?P<unit>{units})(?P<per>/năm)?(?![\wÀ-ỹ])")


def scaled(text: str, scale: float) -> float:
    """The number times its scale word, computed in decimal: '8,2 tỷ' is 8200000000, not the 8199999999.999999
    that binary floats give (a figure stored off by a rounding error reads as another figure)."""
    number = Decimal(text.replace(".", "").replace(",", ".")) if text[:1].isdigit() else Decimal(spelled_number(text))
    return float(number * Decimal(repr(scale)))


def spelled_number(text: str) -> float:
    """'hai', 'mười lăm', 'ba trăm' → 2, 15, 300 (the small numbers news spells out before a scale word)."""
    spelled = lexicons.load("quantities")["spelled"]
    total, current = 0.0, 0.0
    for word in text.split():
        value = spelled[word]
        if value == 100:
            current = (current or 1) * 100
        elif value == 10 and current == 0:
            current = 10
        else:
            current += 5 if word == "lăm" else value
    return total + current


def find_quantities(text: str) -> list[QuantityMention]:
    data = lexicons.load("quantities")
    out = []
    for m in _pattern().finditer(text):
        if not m.group("a")[:1].isdigit() and not m.group("scale") and m.group("unit") != "%":
            continue          # 'hai suất' is no figure worth keeping; 'hai tỷ USD' is
        scale = data["scales"].get(m.group("scale") or "", 1.0)
        unit = data["units"][m.group("unit")]
        a = scaled(m.group("a"), scale)
        q = Quantity(unit=unit, text=m.group(0).strip())
        if m.group("b"):
            q.min, q.max = a, scaled(m.group("b"), scale)
        else:
            q.value = a
        out.append(QuantityMention(m.start(), m.end(), q))
    return out


def measure_of(quantity: Quantity, context: str) -> str | None:
    """The measure a figure is of, from cue words in its clause and its unit."""
    ctx = context.casefold()
    for entry in lexicons.load("quantities")["measures"]:
        if quantity.unit in entry["units"] and any(c in ctx for c in entry["cues"]):
            return entry["notation"]
    return None
