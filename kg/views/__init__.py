"""Views of the graph for people and other tools: the network page, the timeline, GraphML/GEXF."""
from __future__ import annotations

from rdflib import Dataset

from kg.errors import KgError
from kg.namespaces import DEFAULT_BASE_IRI


def select(ds: Dataset, focus: str | None = None, hops: int = 2, event: str | None = None,
           between: tuple[str, str] | None = None, base_iri: str = DEFAULT_BASE_IRI):
    """The view graph, whole or focused on an actor, one event, or a date range."""
    from kg.views import model

    g = model.view_graph(ds)
    if focus:
        g = model.focus(g, focus, hops)
        if not len(g):
            raise KgError(f"--focus {focus}: no person, organization or country of that name in the graph")
    if event:
        g = model.event_view(g, event)
        if not len(g):
            raise KgError(f"--event {event}: no event with that IRI or name")
    if between:
        g = model.between(g, *between)
    return g
