"""The build: articles → extraction → each article's named graph in the store → exports."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rdflib import Dataset, URIRef

from kg.corpus import article_paths, read_article
from kg.errors import KgError
from kg.extract.article import extract_corpus
from kg.namespaces import DEFAULT_BASE_IRI, graphs_base
from kg.rdf.emit import emit
from kg.store import replace_graph
from kg.vocabulary import vocabulary_graph


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)     # one clear line per article that failed


def vocabulary_graph_iri(base_iri: str) -> URIRef:
    return URIRef(graphs_base(base_iri) + "vocabulary")


def load_vocabulary(ds: Dataset, base_iri: str) -> None:
    replace_graph(ds, vocabulary_graph_iri(base_iri), vocabulary_graph())


def build_articles(ds: Dataset, sources: list[str | Path], base_iri: str = DEFAULT_BASE_IRI,
                   progress: Callable[[Path], None] | None = None) -> BuildReport:
    """Extract every article of `sources` into its own named graph; a bad article does not stop the others."""
    paths = article_paths(sources)
    if not paths:
        raise KgError("no articles found (expected .txt files)")
    load_vocabulary(ds, base_iri)
    report = BuildReport()
    seen: dict[str, Path] = {}
    articles = []
    for path in paths:
        if progress:
            progress(path)
        try:
            article = read_article(path)
            if article.id in seen:
                raise KgError(f"{path}: same article id as {seen[article.id]}; rename one of them")
            seen[article.id] = path
            articles.append(article)
        except KgError as e:
            report.failed.append(str(e))
    # articles are extracted together: one article names the person another only titles
    for x in extract_corpus([(a.id, a.text) for a in articles]):
        graph, triples = emit(x, base_iri)
        replace_graph(ds, graph, triples)
        report.built.append(x.article_id)
    return report
