"""The `kg` command: each subcommand parses its options and calls one library function."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click

from kg.errors import KgError
from kg.namespaces import DEFAULT_BASE_IRI
from kg.store import DEFAULT_STORE, open_dataset, store_plugin

STATS = """PREFIX schema: <https://schema.org/>
SELECT ?class (COUNT(DISTINCT ?s) AS ?count) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?count) ?class"""

store_option = click.option("--store", default=DEFAULT_STORE, show_default=True,
                            help="Folder of the on-disk store, 'memory', or a SPARQL server's URL "
                                 "(http://HOST:PORT/sparql; an Oxigraph server's …/query).")
base_option = click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True,
                           help="Base under which instance IRIs are minted.")


@contextmanager
def dataset(store: str, create: bool = True, base_iri: str = DEFAULT_BASE_IRI, read_only: bool = False):
    from kg.build import unfinished

    ds = open_dataset(store, create=create, base_iri=base_iri, read_only=read_only)
    if not create and unfinished(ds, base_iri):
        click.echo(f"warning: the last build of {store} did not finish; answers may be incomplete until "
                   "`kg build` runs again", err=True)
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


jobs_option = click.option("--jobs", "-j", type=int, default=None,      # bounded by kg.build.check_jobs
                           help="Extraction processes, 1 to 64 (default: one per core for large builds).")
exports_option = click.option("--no-exports", is_flag=True, help="Only update the store; write no export files.")
executor_option = click.option("--executor", default="local", show_default=True,    # kg.build.check_executor
                               help="Where extraction runs: 'local' (processes here, --jobs) or dask://HOST:PORT "
                                    "(a dask.distributed scheduler whose workers have this kg installed).")


@main.command()
@click.argument("sources", nargs=-1, type=click.Path())
@store_option
@click.option("--out", default="exports", show_default=True, type=click.Path(), help="Folder for the exports.")
@base_option
@jobs_option
@executor_option
@click.option("--loader", help="Load a Virtuoso --store by its bulk loader: isql://[USER:PASSWORD@]HOST:PORT, its SQL "
                               "port (needs isql-vt and the server's folder on this machine). An Oxigraph server's "
                               "bulk upload is used by itself; other servers get INSERT DATA.")
@click.option("--encoding", help="Read text files in this encoding instead of UTF-8 (e.g. cp1258, latin-1).")
@exports_option
def build(sources, store, out, base_iri, jobs, executor, loader, encoding, no_exports):
    """Build articles (.txt, .html, .jsonl, .json files or folders; default seeds/) into the store and
    write the exports. Articles the store already holds unchanged are not extracted again."""
    from kg.build import build_articles, check_executor, check_jobs, check_store_folder
    from kg.export import check_writable, later_hint, write_build_exports
    from kg.store.remote import use_loader

    sources = list(sources) or ["seeds"]
    check_jobs(jobs)
    check_executor(executor)
    check_store_folder(store)
    if not no_exports:
        check_writable(Path(out))
    with dataset(store, base_iri=base_iri) as ds, ProgressBar() as progress:
        if loader:
            use_loader(ds, loader)
        report = build_articles(ds, sources, base_iri, jobs=jobs, progress=progress, encoding=encoding,
                                executor=executor)
        progress.finish()
        written = [] if no_exports else write_build_exports(ds, Path(out), base_iri)
    for line in report.failed:
        click.echo(f"error: {line}", err=True)
    for line in report.notes:
        click.echo(f"note: {line}", err=True)
    unchanged = f" ({len(report.unchanged)} unchanged)" if report.unchanged else ""
    wrote = f"; wrote {', '.join(map(str, written))}" if written else ""
    click.echo(f"built {len(report.built)} article(s) into {store}{unchanged}{wrote}")
    if later_hint(written, store):
        click.echo(f"note: {later_hint(written, store)}", err=True)
    if report.failed:
        click.echo(f"{len(report.failed)} input(s) failed; the others were built", err=True)
        raise click.exceptions.Exit(1)


@main.command()
@click.argument("article_ids", nargs=-1, required=True)
@store_option
@click.option("--out", default="exports", show_default=True, type=click.Path(), help="Folder for the exports.")
@base_option
@jobs_option
@executor_option
@exports_option
def remove(article_ids, store, out, base_iri, jobs, executor, no_exports):
    """Remove articles by id: their named graphs, and all that only they supported."""
    from kg.build import check_executor, check_jobs, remove_articles
    from kg.export import check_writable, write_build_exports

    check_jobs(jobs)
    check_executor(executor)
    if not no_exports:
        check_writable(Path(out))
    with dataset(store, create=False, base_iri=base_iri) as ds, ProgressBar() as progress:
        removed = remove_articles(ds, list(article_ids), base_iri, jobs=jobs, progress=progress, executor=executor)
        progress.finish()
        written = [] if no_exports else write_build_exports(ds, Path(out), base_iri)
    wrote = f"; wrote {', '.join(map(str, written))}" if written else ""
    click.echo(f"removed {len(removed)} article(s) from {store}{wrote}")


class ProgressBar:
    """A bar per stage on a terminal (extracting, linking); silent when stderr is a pipe or file."""

    def __init__(self):
        self.bar = None
        self.stage = None
        self.done = 0
        self.live = sys.stderr.isatty()

    def __enter__(self):
        return self

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.live or total < 2:
            return
        if stage != self.stage:
            self.finish()
            self.stage, self.done = stage, 0
            self.bar = click.progressbar(length=total, label=f"{stage:<10}", file=sys.stderr, show_pos=True,
                                         show_eta=True)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
            self.stage = None

    def __exit__(self, *exc):
        self.finish()


@main.command()
@click.argument("query_file", required=False)
@click.option("-e", "--expression", help="SPARQL text instead of a file.")
@click.option("--param", "params", multiple=True, help="name=value, bound as ?name (repeatable); <IRI> for an IRI.")
@click.option("--format", "fmt", default=None,
              type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld"]),
              help="Default: table for SELECT/ASK, turtle for CONSTRUCT/DESCRIBE.")
@click.option("--limit", type=click.IntRange(0), default=None,
              help="Rows to show (default: 100 in a table, every row in csv, tsv, json and xml).")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Rows to skip first.")
@click.option("--all", "every", is_flag=True, help="Every row, in a table too.")
@store_option
def query(query_file, expression, params, fmt, limit, offset, every, store):
    """Run a SPARQL query: a library query by name (see `kg queries`), a .rq file, or -e TEXT.
    A table shows the first 100 rows and says how many there are."""
    from kg.sparql.query import GRAPH_FORMS, PAGE, load_query, page, parse_binding, render, run
    from kg.sparql.text import query_form
    from kg.store.summary import kept, reads_summary

    if bool(query_file) == bool(expression):
        raise KgError("give either a query name or file, or -e 'SPARQL', not both or neither")
    if every and limit is not None:
        raise KgError("give --all or --limit, not both")
    text = expression or load_query(query_file)
    bindings = dict(parse_binding(p) for p in params)
    fmt = fmt or ("turtle" if query_form(text) in GRAPH_FORMS else "table")
    if limit is None and not every and fmt == "table":
        limit = PAGE
    with dataset(store, create=False, read_only=True) as ds:
        if reads_summary(text) and not kept(ds, DEFAULT_BASE_IRI):
            raise KgError(f"this store has no summary statements, which this query reads (it was built by an older "
                          f"kg): run `kg build SOURCES --store {store}` with any of its articles to add them")
        result = run(ds, text, bindings, source=query_file, strict=True)
        if result.type != "SELECT":
            click.echo(render(result, fmt), nl=False)
            return
        shown = page(result, limit, offset)
        click.echo(render(shown.result, fmt), nl=False)
        if len(shown.result.bindings) < shown.total:
            click.echo(shown.note(), err=True)


@main.command()
def queries():
    """List the library's queries with their titles and parameters."""
    from kg.sparql.query import library

    for q in library():
        click.echo(f"{q.name:<26} {q.title}")
        if q.params and q.params.lower() != "none":
            click.echo(f"{'':<26}   params: {q.params}")


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=7879, show_default=True, type=int)
@click.option("--timeout", default=5.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds a query may run before it is stopped (HTTP 503).")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update from this endpoint's own origin "
                                                    "(read-only otherwise, the store opened read-only).")
@click.option("--allow-service", is_flag=True, help="Let queries call other servers with SERVICE (and LOAD).")
@click.option("--cors", metavar="ORIGIN", help="Let web pages of this one origin (e.g. http://localhost:3000) "
                                              "read answers; no cross-origin access otherwise.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another Host name clients use to reach the endpoint (repeatable); by default only "
                   "--host, localhost, 127.0.0.1 and [::1] are answered, against DNS rebinding.")
def serve(store, host, port, timeout, allow_update, allow_service, cors, allow_hosts):
    """Serve the store as a SPARQL 1.1 endpoint at /sparql, with a query page at /."""
    from kg.sparql.endpoint import make_server

    plugin, location = store_plugin(store)
    # readers share an Oxigraph folder (kg query, other servers) unless this one may write to it
    on_disk = plugin == "Oxigraph"
    reopen = (lambda: open_dataset(location, read_only=True)) if on_disk else None
    with dataset(store, create=False, read_only=on_disk and not allow_update) as ds:
        server = make_server(ds, host, port, allow_update, timeout=timeout, allow_service=allow_service,
                             cors=cors.rstrip("/") if cors else None, allowed_hosts=allow_hosts, reopen=reopen)
        where = f"http://{f'[{host}]' if ':' in host else host}:{server.server_port}"
        click.echo(f"SPARQL endpoint on {where}/sparql ({'read-write' if allow_update else 'read-only'}), "
                   f"its query page on {where}/; Ctrl-C stops it", err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


EXPORT_FORMATS = ("ttl", "trig", "nq", "jsonld", "html", "timeline", "graphml", "gexf", "centrality", "ontology",
                  "articles")


@main.command()
@click.argument("kind", metavar="[FORMAT]", required=False, type=click.Choice(EXPORT_FORMATS))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), help="The same as FORMAT (default: ttl).")
@click.option("--output", "-o", type=click.Path(), help="File to write (default exports/<name>, a selection's own "
                                                        "name such as exports/graph-focus-to-lam.html; for articles "
                                                        "a folder, default exports/articles/).")
@click.option("--focus", help="An actor's ego network: the person's (or organization's) name.")
@click.option("--hops", default=2, show_default=True, type=click.IntRange(0, 6), help="Radius of --focus.")
@click.option("--event", help="One event (IRI, or words of its name) with participants and commitments.")
@click.option("--between", nargs=2, metavar="START END", help="Events between two ISO dates and their neighbours.")
@click.option("--betweenness", is_flag=True, help="graphml, gexf: add each node's betweenness (estimated from a "
                                                  "sample; a minute at ten thousand articles).")
@store_option
@base_option
def export(kind, fmt, output, focus, hops, event, between, betweenness, store, base_iri):
    """Export the graph in one format: `kg export ttl` (or --format ttl), or a view: `kg export html --focus NAME`.
    Formats: ttl, trig, nq, jsonld, ontology; views html, timeline, graphml, gexf, centrality; articles."""
    from kg.export import default_path, export as do_export

    if kind and fmt and kind != fmt:
        raise KgError(f"two formats given ({kind} and --format {fmt}): give one, e.g. `kg export {fmt}`")
    fmt = kind or fmt or "ttl"
    selection = {k: v for k, v in (("focus", focus), ("event", event), ("between", tuple(between) if between else None)) if v}
    if focus:
        selection["hops"] = hops
    path = Path(output) if output else default_path(fmt, selection)
    with dataset(store, create=False, base_iri=base_iri, read_only=True) as ds:
        do_export(ds, fmt, path, base_iri, selection or None, betweenness=betweenness)
    click.echo(f"wrote {path}")


@main.command()
@store_option
def validate(store):
    """Check the graph against the SHACL shapes of the data contract."""
    from kg.validate import validate as do_validate

    with dataset(store, create=False, read_only=True) as ds:
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
    from kg.sparql.query import render, run

    with dataset(store, create=False, read_only=True) as ds:
        click.echo(render(run(ds, STATS), "table", whole=True), nl=False)   # whole IRIs: classes never look alike


if __name__ == "__main__":
    main()
