"""Language data kept apart from code: each lexicon is a JSON file beside this module, loaded once."""
from __future__ import annotations

import json
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
def role_forms() -> list[tuple[str, dict]]:
    pairs = [(form, role) for role in load("roles") for form in role["forms"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=None)
def roles() -> dict[str, dict]:
    return {r["notation"]: r for r in load("roles")}
