"""SHACL validation of the graph against the shapes of the data contract."""
from __future__ import annotations

from pyshacl import validate as shacl_validate
from rdflib import Dataset

from kg.export import union_graph
from kg.vocabulary import shapes_graph, vocabulary_graph


def validate(ds: Dataset) -> tuple[bool, str]:
    data = union_graph(ds)
    conforms, _, text = shacl_validate(data, shacl_graph=shapes_graph(), ont_graph=vocabulary_graph(),
                                       inference="none", advanced=True)
    return bool(conforms), text
