"""Language data kept apart from code: each lexicon is a JSON file beside this module, loaded once."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load(name: str):
    """The parsed content of `<name>.json` in this package."""
    return json.loads(resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def countries() -> dict[str, dict]:
    return {c["code"]: c for c in load("countries")}


@lru_cache(maxsize=None)
def country_forms() -> list[tuple[str, str]]:
    """(surface form, ISO code), longest form first so that 'CHDCND Lào' wins over 'Lào'."""
    pairs = [(form, c["code"]) for c in load("countries") for form in c["forms"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=None)
def _country_patterns() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(rf"(?<!\w){re.escape(form.casefold())}(?!\w)"), code) for form, code in country_forms()]


def strip_countries(text: str) -> tuple[str, list[str]]:
    """`text` case-folded with every country name cut out (whole words only, longest first), and the
    ISO codes of the names cut: 'Ủy ban liên Chính phủ Việt Nam - Lào' → ('ủy ban liên chính phủ  - ', [VN, LA])."""
    text, codes = text.casefold(), []
    for pattern, code in _country_patterns():
        if pattern.search(text):
            codes.append(code)
            text = pattern.sub(" ", text)
    return text, codes


@lru_cache(maxsize=None)
def role_forms() -> list[tuple[str, dict]]:
    pairs = [(form, role) for role in load("roles") for form in role["forms"]]
    return sorted(pairs, key=lambda p: -len(p[0]))

