"""The vocabularies of the data contract (docs/data-model.md) and the IRIs the project mints."""
from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
DK = Namespace("https://w3id.org/diplomacy-kg/ontology#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SH = Namespace("http://www.w3.org/ns/shacl#")
VOCAB = Namespace("https://w3id.org/diplomacy-kg/vocab/")

DEFAULT_BASE_IRI = "https://w3id.org/diplomacy-kg/id/"


def graphs_base(base_iri: str) -> str:
    """Where the named graphs of a build live: one per article, plus the vocabulary's."""
    return base_iri + ("" if base_iri.endswith(("/", "#")) else "/") + "graph/"

PREFIXES = {
    "schema": SCHEMA, "org": ORG, "prov": PROV, "skos": SKOS, "dcterms": DCTERMS, "xsd": XSD,
    "dk": DK, "nif": NIF, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "sh": SH,
    "role": Namespace(VOCAB + "role/"), "etype": Namespace(VOCAB + "event-type/"),
    "topic": Namespace(VOCAB + "topic/"), "measure": Namespace(VOCAB + "measure/"),
    "status": Namespace(VOCAB + "status/"),
}


def scheme_concept(scheme: str, notation: str):
    """The IRI of a concept of one of the SKOS schemes (role, event-type, topic, measure, status)."""
    return VOCAB[f"{scheme}/{notation}"]


def bind_prefixes(graph, base_iri: str = DEFAULT_BASE_IRI) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    graph.bind("id", Namespace(base_iri), override=True)
