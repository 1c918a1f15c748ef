"""The ontology, SKOS schemes and SHACL shapes: Turtle data files beside this module."""
from __future__ import annotations

from importlib import resources

from rdflib import Graph

FILES = ("ontology.ttl", "imports.ttl", "schemes.ttl")


def path(name: str):
    return resources.files(__package__).joinpath(name)


def vocabulary_fingerprint() -> str:
    """Changes when the vocabulary's files change: a build then loads it again, and only then."""
    import hashlib
    h = hashlib.sha256()
    for name in FILES:
        h.update(path(name).read_bytes())
    return h.hexdigest()[:16]


def vocabulary_graph() -> Graph:
    """Ontology and concept schemes: loaded into the store in a named graph of their own."""
    g = Graph()
    for name in FILES:
        g.parse(data=path(name).read_text(encoding="utf-8"), format="turtle")
    return g


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(data=path("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def ontology_graph() -> Graph:
    """The ontology alone, with the external terms the data uses declared and labelled (for Protégé)."""
    g = Graph()
    for name in ("ontology.ttl", "imports.ttl"):
        g.parse(data=path(name).read_text(encoding="utf-8"), format="turtle")
    return g
