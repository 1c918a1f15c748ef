"""The `kg` command: each subcommand parses its options and calls one library function."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click

from kg.errors import KgError
from kg.namespaces import DEFAULT_BASE_IRI
from kg.store import DEFAULT_STORE, open_dataset

STATS = """PREFIX schema: <https://schema.org/>
SELECT ?class (COUNT(DISTINCT ?s) AS ?count) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?count) ?class"""

store_option = click.option("--store", default=DEFAULT_STORE, show_default=True,
                            help="Folder of the on-disk store, or 'memory'.")
base_option = click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True,
                           help="Base under which instance IRIs are minted.")


@contextmanager
def dataset(store: str, create: bool = True):
    ds = open_dataset(store, create=create)
    try:
        yield ds
    finally:
        ds.close()


class KgGroup(click.Group):
    """Turns a KgError anywhere below into one clear line and exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as e:
            raise click.ClickException(str(e)) from None


@click.group(cls=KgGroup)
@click.version_option(package_name="kg")
def main():
    """Vietnamese diplomatic news into a knowledge graph of actors, meetings and commitments."""


@main.command()
@click.argument("sources", nargs=-1, type=click.Path())
@store_option
@click.option("--out", default="exports", show_default=True, type=click.Path(), help="Folder for the exports.")
@base_option
def build(sources, store, out, base_iri):
    """Build articles (.txt files or folders; default seeds/) into the store and write the exports."""
    from kg.build import build_articles
    from kg.export import write_build_exports

    sources = list(sources) or ["seeds"]
    with dataset(store) as ds:
        report = build_articles(ds, sources, base_iri, progress=_progress())
        if sys.stderr.isatty():
            click.echo("", err=True)
        written = write_build_exports(ds, Path(out), base_iri)
    for line in report.failed:
        click.echo(f"error: {line}", err=True)
    click.echo(f"built {len(report.built)} article(s) into {store}; wrote {', '.join(map(str, written))}")
    if report.failed:
        raise click.exceptions.Exit(1)


def _progress():
    count = {"n": 0}

    def tick(path):
        count["n"] += 1
        if sys.stderr.isatty():
            click.echo(f"\r[{count['n']}] {path.name[:60]:<60}", err=True, nl=False)
    return tick


@main.command()
@click.argument("query_file", required=False)
@click.option("-e", "--expression", help="SPARQL text instead of a file.")
@click.option("--param", "params", multiple=True, help="name=value, bound as ?name (repeatable).")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json"]))
@store_option
def query(query_file, expression, params, fmt, store):
    """Run a SPARQL query (a .rq file, a name from queries/, or -e TEXT)."""
    from kg.query import load_query, parse_binding, render, run

    if bool(query_file) == bool(expression):
        raise KgError("give either a query file or -e 'SPARQL', not both or neither")
    text = expression or load_query(query_file)
    bindings = dict(parse_binding(p) for p in params)
    with dataset(store, create=False) as ds:
        click.echo(render(run(ds, text, bindings), fmt), nl=False)


@main.command()
@click.option("--format", "fmt", default="ttl", show_default=True,
              type=click.Choice(["ttl", "trig", "nq", "jsonld", "html"]))
@click.option("--output", "-o", type=click.Path(), help="File to write (default exports/kg.<format>).")
@store_option
@base_option
def export(fmt, output, store, base_iri):
    """Export the graph in one format."""
    from kg.export import SUFFIX, export as do_export

    path = Path(output) if output else Path("exports") / (("graph" if fmt == "html" else "kg") + SUFFIX[fmt])
    with dataset(store, create=False) as ds:
        do_export(ds, fmt, path, base_iri)
    click.echo(f"wrote {path}")


@main.command()
@store_option
def validate(store):
    """Check the graph against the SHACL shapes of the data contract."""
    from kg.validate import validate as do_validate

    with dataset(store, create=False) as ds:
        conforms, report = do_validate(ds)
    if conforms:
        click.echo("the graph conforms to the shapes")
    else:
        click.echo(report)
        raise click.exceptions.Exit(1)


@main.command()
@store_option
def stats(store):
    """Count the nodes of each class."""
    from kg.query import render, run

    with dataset(store, create=False) as ds:
        click.echo(render(run(ds, STATS), "table"), nl=False)
