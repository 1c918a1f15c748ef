"""Views of the graph for people and other tools: the network page, the timeline, GraphML/GEXF."""
from __future__ import annotations

from rdflib import Dataset

from kg.errors import KgError
from kg.namespaces import DEFAULT_BASE_IRI
from kg.views import model


def select(ds: Dataset, focus: str | None = None, hops: int = 2, event: str | None = None,
           between: tuple[str, str] | None = None, base_iri: str = DEFAULT_BASE_IRI):
    """The view graph, whole or focused on an actor, one event, or a date range."""
    g = model.view_graph(ds)
    if focus:
        if not model.focus_centres(g, focus):
            close = model.closest_names(g, focus)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise KgError(f"--focus: no person named '{focus}'{hint} "
                          "(no person, organization or country in the graph has that name)")
        g = model.focus(g, focus, hops)
    if event:
        g = model.event_view(g, event)
        if not len(g):
            raise KgError(f"--event {event}: no event with that IRI or name")
    if between:
        g = model.between(g, *between)
    return g
