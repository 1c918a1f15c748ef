"""The build: articles → extraction (a process pool when asked) → each article's named graph in the
store → what the corpus tells each article (names, years, reaffirmed targets).

Incremental: the store's index (kg.store.index) keeps each article's content hash, so building a corpus
again only extracts what changed; `remove_articles` takes articles out again."""
from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from kg.corpus import Article, read_corpus
from kg.corpus.article import VOCABULARY_ID
from kg.errors import KgError
from kg.extract.crossdoc import Hints, Summary, settle
from kg.extract.pipeline import extract
from kg.store.index import BUILD, Entry, StoredIndex, entry_triples, index_graph_iri, links_graph_iri, pipeline_fingerprint
from kg.namespaces import DEFAULT_BASE_IRI, DK, NIF, SCHEMA, graphs_base
from kg.rdf.emit import Minter, emit, evidence_subjects
from kg.rdf.nquads import nquads
from kg.store.summary import Keeper, facts_of
from kg.store.writer import ArticleWriter
from kg.vocabulary import vocabulary_fingerprint, vocabulary_graph

BATCH = 200          # articles per store transaction
POOL_FROM = 100      # fewer articles than this are extracted in-process: a pool costs more than it saves
LOCAL_UP_TO = 500    # up to this many changed articles, settling looks only at the articles around them
SETTLED = "settled"  # the links graph's mark: every article holds what the others tell it
MAX_JOBS = 64        # extraction processes: each holds the lexicons and models, and more only queue
LOCAL = "local"
DASK = "dask://"
DASK_CONNECT_S = 10  # a scheduler that does not answer in this time is reported, not waited for
IN_FLIGHT = 8        # dask tasks queued per worker thread: workers go on while the build writes a batch,
                     # and the results waiting stay a few MB per worker
DASK_CHUNK = 16      # articles per dask task at most

Progress = Callable[[str, int, int], None]     # (stage, done, total)


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)     # one clear line per article or file that failed
    notes: list[str] = field(default_factory=list)      # 'id: …' where an article was not read whole


@dataclass(frozen=True)
class Job:
    article: Article
    hints: Hints
    base_iri: str
    content_hash: str
    as_text: bool = True     # the graph as N-Triples text (ArticleWriter.wants_text), else rdflib triples


@dataclass
class Built:
    article_id: str
    article: URIRef
    graph: URIRef
    data: str | list         # the graph as N-Triples text, or its triples
    summary: Summary
    hints: Hints
    content_hash: str
    source: str
    notes: tuple[str, ...] = ()
    facts: bytes | None = None   # the lines of `data` the summary reads (kg.store.summary.facts_of), with text


def vocabulary_graph_iri(base_iri: str) -> URIRef:
    return URIRef(graphs_base(base_iri) + VOCABULARY_ID)


def extract_job(job: Job) -> Built:
    """A pure function of one article and its hints, run in a worker process."""
    a = job.article
    x, summary = extract(a.id, a.text, a.published, a.publisher, job.hints or None)
    graph, triples = emit(x, job.base_iri)
    article = Minter(job.base_iri).article(a.id)
    if a.title:
        triples.append((article, SCHEMA.headline, Literal(a.title, lang="vi")))
    if a.url:
        triples.append((article, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
    data = nquads(None, triples) if job.as_text else triples
    facts = facts_of(data, evidence_subjects(job.base_iri)) if job.as_text else None
    return Built(a.id, article, graph, data, summary, job.hints, job.content_hash, a.source, tuple(x.notes), facts)


def _end_with_parent(parent: int) -> None:
    """In each worker: a build killed (kill -9) leaves no worker behind extracting for nobody."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


def check_jobs(jobs: int | None) -> None:
    if jobs is not None and not 1 <= jobs <= MAX_JOBS:
        raise KgError(f"--jobs {jobs}: give 1 to {MAX_JOBS} extraction processes")


def check_executor(executor: str | None) -> str | None:
    """The dask scheduler's address (tcp://HOST:PORT) for `dask://HOST:PORT`; None for the local pool."""
    if executor in (None, LOCAL):
        return None
    if executor.startswith(DASK):
        host, _, port = executor[len(DASK):].rstrip("/").rpartition(":")
        if host and port.isdigit():
            return f"tcp://{host}:{port}"
    raise KgError(f"--executor {executor}: give 'local' or dask://HOST:PORT (a dask.distributed scheduler)")


def dask_client(executor: str, pipeline: str):
    """A client of the scheduler at `executor`, checked to have workers that run the `pipeline` (its
    fingerprint: the same kg, lexicons and models) the index records: another version builds another graph."""
    address = check_executor(executor)
    try:
        # imported here because dask is an optional dependency (pip install 'kg[dask]'), not to dodge a circle
        from distributed import Client
    except ImportError:
        raise KgError(f"--executor {executor}: dask.distributed is not installed; pip install 'kg[dask]'") from None
    try:
        client = Client(address, timeout=DASK_CONNECT_S, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise KgError(f"--executor {executor}: no dask scheduler answers there ({e})") from None
    try:
        fingerprints = client.run(pipeline_fingerprint)
    except Exception as e:      # noqa: BLE001 — whatever a worker raises, it cannot run kg
        client.close()
        raise KgError(f"--executor {executor}: the dask workers cannot run kg's extraction ({type(e).__name__}: "
                      f"{e}); install this kg on every worker") from None
    other = sorted(w for w, fp in fingerprints.items() if fp != pipeline)
    if not fingerprints or other:
        client.close()
        raise KgError(f"--executor {executor}: " + (f"workers {', '.join(other)} run another version of kg's "
                      "extraction; install this kg on every worker" if other else "the scheduler has no workers"))
    return client


def extract_jobs(jobs: list[Job]) -> list[Built]:
    """Several articles in one dask task: a task costs the scheduler about a millisecond."""
    return [extract_job(job) for job in jobs]


def dask_map(client, jobs: list[Job]) -> Iterator[Built]:
    """extract_job over `jobs` on the dask cluster, each chunk's results as soon as it is done; a bounded
    number of chunks is in flight, so a million articles never sit in the scheduler at once."""
    # optional dependency, as in dask_client
    from distributed import as_completed

    threads = max(1, sum(client.nthreads().values()))
    size = max(1, min(DASK_CHUNK, len(jobs) // (threads * 8)))
    chunks = (jobs[i:i + size] for i in range(0, len(jobs), size))
    window = max(2, IN_FLIGHT * threads)
    running = as_completed([client.submit(extract_jobs, chunk, pure=False) for chunk in islice(chunks, window)],
                           loop=client.loop)     # our client is not the default one
    for future in running:
        done = future.result()
        future.release()
        chunk = next(chunks, None)
        if chunk is not None:
            running.add(client.submit(extract_jobs, chunk, pure=False))
        yield from done


STORE_FILES = ("CURRENT", "IDENTITY")    # what every Oxigraph (RocksDB) store folder holds


def check_store_folder(store: str) -> None:
    """Before a build creates a store: a `--store` naming a file, or a folder holding other things, is
    refused rather than filled with database files."""
    path = Path(store)
    if store == "memory" or store.startswith(("http://", "https://")) or not path.exists():
        return
    if not path.is_dir():
        raise KgError(f"{store}: this is a file, not a store folder; give --store a new or empty folder, or "
                      "an existing kg store")
    if any(True for _ in path.iterdir()) and not all((path / name).is_file() for name in STORE_FILES):
        raise KgError(f"{store}: this folder holds other files and is not a kg store; give --store a new or "
                      "empty folder, or an existing kg store")


class Builder:
    """One build or removal against one store: its index, its writer, its worker pool."""

    def __init__(self, ds: Dataset, base_iri: str = DEFAULT_BASE_IRI, jobs: int | None = None,
                 progress: Progress | None = None, executor: str = LOCAL):
        self.ds = ds
        self.executor = executor
        self.base_iri = base_iri
        self.mint = Minter(base_iri)
        self.jobs = jobs
        self.progress = progress or (lambda stage, done, total: None)
        self.writer = ArticleWriter(ds, index_graph_iri(base_iri), base_iri)
        self.summary = Keeper(ds, base_iri, self.writer)    # facts the query library reads (kg.store.summary)
        self.index = StoredIndex(ds, base_iri)
        self.links_graph = links_graph_iri(base_iri)
        self.pipeline = pipeline_fingerprint()
        self.sources: dict[str, Article] = {}
        self.notes: dict[str, None] = {}          # in order, once each, whatever stage read the article
        self._pool: ProcessPoolExecutor | None = None
        # connected before anything is written: a scheduler that does not answer leaves the store untouched
        self._dask = dask_client(executor, self.pipeline) if check_executor(executor) is not None else None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if self._dask is not None:
            self._dask.close()

    # -- extraction -------------------------------------------------------------------------------------

    def _map(self, jobs: list[Job]) -> Iterable[Built]:
        if self._dask is not None:
            return dask_map(self._dask, jobs) if jobs else iter(())
        workers = self.jobs if self.jobs is not None else (os.cpu_count() or 1)
        if workers <= 1 or (self.jobs is None and len(jobs) < POOL_FROM):
            return map(extract_job, jobs)
        if self._pool is None:
            # spawn: workers start clean, with no copy of the open store's threads and locks
            self._pool = ProcessPoolExecutor(min(workers, len(jobs)), mp_context=get_context("spawn"),
                                             initializer=_end_with_parent, initargs=(os.getpid(),))
        return self._pool.map(extract_job, jobs, chunksize=max(1, min(32, len(jobs) // (workers * 8))))

    def extract(self, jobs: list[Job], stage: str) -> list[str]:
        """Extract and write `jobs`, a batch per transaction; returns the ids built."""
        done: list[str] = []
        batch: list[Built] = []
        self.progress(stage, 0, len(jobs))
        for built in self._map(jobs):
            batch.append(built)
            done.append(built.article_id)
            self.notes.update({f"{built.article_id}: {note}": None for note in built.notes})
            if len(batch) >= BATCH:
                self._write(batch)
                batch = []
            self.progress(stage, len(done), len(jobs))
        self._write(batch)
        return done

    def _write(self, batch: list[Built]) -> None:
        rows = []
        for b in batch:
            entry = Entry(b.article_id, b.content_hash, self.pipeline, b.summary, b.hints, b.source)
            rows.append((b.article, b.graph, b.data, entry_triples(b.article, entry)))
            self.index.put(b.article, entry)
        self.summary.touch((b.graph, b.data) for b in batch)
        self.summary.gather((b.graph, b.facts) for b in batch)
        self.writer.write(rows)

    # -- the corpus as a whole ---------------------------------------------------------------------------

    @contextmanager
    def _changing(self, changed: dict[str, Summary | None]):
        """Around every change to the store. The links graph's mark says the store is settled: every
        article holds what the others tell it, the links and the union are whole. It is taken off while the
        store changes and put back at the end, so a run killed midway leaves the next to settle everything
        and rebuild the union. From a settled store, only the articles around the `changed` ones (article
        id → its summary before, None if new) are looked at."""
        vocabulary = vocabulary_graph_iri(self.base_iri)
        was_settled = self.writer.mark(self.links_graph) == SETTLED
        if (was_settled and not changed and self.writer.mark(vocabulary) == vocabulary_fingerprint()
                and self.summary.whole()):
            yield
            return
        local = was_settled and len(changed) <= LOCAL_UP_TO
        empty = self.writer.is_empty()
        self.writer.tidy_union = local or empty
        self.writer.set_mark(self.links_graph, None)
        self.writer.replace(vocabulary, vocabulary_graph, vocabulary_fingerprint())
        # from an empty store every article graph passes through this build: the summary needs no reading back
        self.summary.follow(local, gather=empty)
        yield
        self._settle(changed if local else None)
        self.summary.update()
        if not self.writer.tidy_union:
            self.writer.rebuild_union()
        self.writer.set_mark(self.links_graph, SETTLED)

    def _settle(self, changed: dict[str, Summary | None] | None) -> None:
        """Give each article what the others tell it, extracting again those whose hints changed, and
        update the graph of reaffirmed targets: around the `changed` articles, or everywhere (None)."""
        def reextract(redo: list[tuple[str, Hints]]) -> list[str]:
            return self.extract([self._job(aid, hints) for aid, hints in redo], "linking")

        result = settle(self.index, reextract, changed)
        triples = [(self.mint("commitment", later), DK.reaffirms, self.mint("commitment", earlier))
                   for later, earlier in sorted(result.links.items())]
        if result.scope is None:
            self.writer.replace(self.links_graph, triples)
        else:
            self.writer.edit(self.links_graph, [self.mint("commitment", c) for c in sorted(result.scope)], triples)

    def _job(self, article_id: str, hints: Hints) -> Job:
        entry = self.index.get(article_id)
        source = self.sources.get(article_id) or self._stored_article(self.mint.article(article_id), article_id, entry.source)
        return self._new_job(source, hints, entry.content_hash)

    def _new_job(self, article: Article, hints: Hints, content_hash: str) -> Job:
        return Job(article, hints, self.base_iri, content_hash, self.writer.wants_text)

    def _stored_article(self, article: URIRef, article_id: str, source: str) -> Article:
        """An article built by an earlier run and not given now: its text and metadata, from its graph."""
        g = self.ds.graph(self.mint.graph(article_id))
        text = g.value(article, NIF.isString)
        published = g.value(article, SCHEMA.datePublished)
        publisher = g.value(article, SCHEMA.publisher)
        title, url = g.value(article, SCHEMA.headline), g.value(article, SCHEMA.url)
        return Article(article_id, str(text or ""), source,
                       date.fromisoformat(str(published)) if published is not None else None,
                       str(g.value(publisher, SCHEMA.name)) if publisher is not None else None,
                       str(title) if title is not None else None, str(url) if url is not None else None)

    def _orphans(self) -> dict[str, Article]:
        """Article graphs without an index entry: left by a run killed between taking an entry out and
        putting it back (kg.store.writer). Each still holds its article's text, so it can be built again from
        itself; one without text (a new article killed while loading) is only taken out. Looked for only
        when the store is not settled, which every run cut short leaves it."""
        if self.writer.mark(self.links_graph) == SETTLED:
            return {}
        base = graphs_base(self.base_iri)
        keep = {str(self.links_graph), str(vocabulary_graph_iri(self.base_iri)), str(self.index.graph)}
        found: dict[str, Article] = {}
        for graph in self.writer.named_graphs():
            local = graph[len(base):]
            if not graph.startswith(base) or "/" in local or graph in keep:
                continue
            article = self.mint("article", local)
            if self.index._lookup(str(article)) is not None:
                continue
            g = self.ds.graph(URIRef(graph))
            article_id = g.value(article, SCHEMA.identifier)
            recovered = self._stored_article(article, str(article_id or local), "")
            if article_id is None or not recovered.text.strip() or self.mint.graph(recovered.id) != URIRef(graph):
                self.writer.remove([(article, URIRef(graph))])
                continue
            found[recovered.id] = recovered
        return found

    def build(self, articles: list[Article]) -> BuildReport:
        report = BuildReport()
        jobs = []
        changed: dict[str, Summary | None] = {}
        given = {a.id for a in articles}
        if len(articles) > LOCAL_UP_TO:
            self.index.entries()     # one scan, not a lookup each (a request each on a server); settling reads all
        orphans = [a for aid, a in self._orphans().items() if aid not in given]
        for a in articles + orphans:
            self.sources[a.id] = a
            content_hash = a.content_hash()
            entry = self.index.get(a.id)
            if entry is not None and entry.content_hash == content_hash and entry.pipeline == self.pipeline:
                report.unchanged.append(a.id)
            else:
                jobs.append(self._new_job(a, Hints(), content_hash))
                changed[a.id] = entry.summary if entry is not None else None
        with self._changing(changed):
            report.built = [aid for aid in self.extract(jobs, "extracting") if aid in given]
        report.notes = list(self.notes)
        return report

    def remove(self, article_ids: list[str]) -> list[str]:
        """Take articles out: each graph (with all that only it said), then its index entry; the others
        then lose what they learnt from them. The ids being removed are noted in the index until the store
        is settled again, so that the same `kg remove` run again after a kill finishes the work instead of
        refusing the ids already gone."""
        article_ids = list(dict.fromkeys(article_ids))
        entries = self.index.entries(article_ids)
        interrupted = self.writer.notes(self.links_graph, BUILD.removing)
        missing = [aid for aid in article_ids if aid not in entries and aid not in interrupted]
        if missing:
            raise KgError(f"no article {', '.join(map(repr, missing))} in the store; "
                          "`kg query -e 'SELECT ?id { ?a a schema:NewsArticle ; schema:identifier ?id }'` lists them")
        self.writer.set_notes(self.links_graph, BUILD.removing, set(article_ids) | interrupted)
        orphans = self._orphans()
        gone_already = [aid for aid in orphans if aid in article_ids]
        for aid in gone_already:
            self.writer.remove([(self.mint.article(aid), self.mint.graph(aid))])
        recover = [self._new_job(a, Hints(), a.content_hash()) for aid, a in orphans.items() if aid not in article_ids]
        changed: dict[str, Summary | None] = {aid: entries[aid].summary for aid in entries}
        changed.update({job.article.id: None for job in recover})
        with self._changing(changed):
            self.extract(recover, "recovering")
            for aid in entries:
                self.summary.touch([self.mint.graph(aid)])
                self.writer.remove([(self.mint.article(aid), self.mint.graph(aid))])
                self.index.drop(self.mint.article(aid))
        self.writer.set_notes(self.links_graph, BUILD.removing, ())
        return article_ids


def unfinished(ds: Dataset, base_iri: str = DEFAULT_BASE_IRI) -> bool:
    """An Oxigraph store whose last build did not finish (killed, or made by an older kg): its union for
    queries may lack statements until `kg build` runs again."""
    writer = ArticleWriter(ds, index_graph_iri(base_iri), base_iri)
    return writer.native is not None and not writer.is_empty() and writer.mark(links_graph_iri(base_iri)) != SETTLED


def build_articles(ds: Dataset, sources: list[str | Path], base_iri: str = DEFAULT_BASE_IRI,
                   jobs: int | None = None, progress: Progress | None = None,
                   encoding: str | None = None, executor: str = LOCAL) -> BuildReport:
    """Build every article of `sources` that the store does not already hold as it is now; a bad article
    or file does not stop the others. `executor`: 'local' (a process pool of `jobs`) or dask://HOST:PORT."""
    check_jobs(jobs)
    check_executor(executor)
    articles, errors = read_corpus(sources, encoding)
    if not articles and not errors:
        raise KgError("no articles found (expected .txt, .html, .jsonl or .json files)")
    builder = Builder(ds, base_iri, jobs, progress, executor)
    try:
        report = builder.build(articles)
    finally:
        builder.close()
    report.failed = errors
    return report


def remove_articles(ds: Dataset, article_ids: list[str], base_iri: str = DEFAULT_BASE_IRI,
                    jobs: int | None = None, progress: Progress | None = None, executor: str = LOCAL) -> list[str]:
    check_jobs(jobs)
    check_executor(executor)
    builder = Builder(ds, base_iri, jobs, progress, executor)
    try:
        return builder.remove(article_ids)
    finally:
        builder.close()
