"""`kg serve`: the store as a SPARQL 1.1 Protocol endpoint, fit to leave running.

GET and POST (form or direct body) at /sparql; SELECT/ASK answers in JSON, XML, CSV or TSV and graphs in
Turtle, N-Triples, JSON-LD or RDF/XML, chosen by the Accept header (or a `format`/`output` parameter, as
SPARQLWrapper and many endpoints use); the protocol answers every row. The page at / runs the library's
queries with a field per declared parameter (bound, never pasted into the text) or a typed query, and reads
its answers a page of rows at a time from /page, in plain values: literals without language tags or datatypes,
nodes by their label, linked to their evidence. Nothing is loaded from the network.

What one request can do is bounded: queries too deeply nested for the parser are refused before parsing
(kg.sparql.text.shape), each query runs in a worker process that is killed at the time limit or its memory
limit (the store cannot cancel a query), SERVICE is refused unless allowed, and so are bodies over a size.
Browsers are kept out unless invited: no CORS unless `cors` names an origin, a Host check against DNS
rebinding, and updates (when allowed at all) only from the endpoint's own origin."""
from __future__ import annotations

import html
import json
import multiprocessing
import queue
import re
import resource
import threading
import time
from dataclasses import asdict, dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from rdflib import BNode, Dataset, Literal, URIRef

from kg.errors import KgError
from kg.namespaces import PREFIXES
from kg.sparql.query import (GRAPH_FORMS, LibraryQuery, check_query, declared_parameters, library, page as page_of,
                      parse_binding, plain, render, run)
from kg.sparql.text import query_form
from kg.store import native_store

SELECT_TYPES = {  # media type → render format
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle", "application/x-turtle": "turtle", "application/n-triples": "ntriples",
    "text/plain": "ntriples", "application/ld+json": "jsonld", "application/rdf+xml": "xml",
}
SHORT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
               "ntriples": "application/n-triples", "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml"}


def negotiate(accept: str, graph: bool, short: str | None = None) -> str:
    """The media type to answer with: an explicit format parameter, else the best Accept entry we serve."""
    served = GRAPH_TYPES if graph else SELECT_TYPES
    if short:
        wanted = SHORT_NAMES.get(short.lower(), short)
        if graph and wanted == "application/sparql-results+xml":
            wanted = "application/rdf+xml"
        if wanted in served:
            return wanted
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, fields[0].lower()))
    for _, _, media in sorted(ranked):
        if media in served:
            return media
    return "text/turtle" if graph else "application/sparql-results+json"


DEFAULT_TIMEOUT = 5.0          # seconds a query may run
DEFAULT_MEMORY = 1024          # MiB a query's worker may add to what it holds at the start
MAX_BODY = 1 << 20             # bytes of a POST body
PAGE_ROWS = 100                # rows the page shows at once
CHUNK = 1 << 20                # bytes of an answer passed from a worker to its client at a time
SEND_TIMEOUT = 120             # seconds a client may leave the server's socket unread before it is dropped
MAX_PAGE_ROWS = 1000
LOCAL_NAMES = ("localhost", "127.0.0.1", "[::1]")


class Refused(Exception):
    """A request answered with an error status; the message is the body."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


class ReadWriteLock:
    """Queries share it, an update has it alone: on Oxigraph the workers read the store from disk, which must
    not change under them, and workers forked during an update would copy a half-written memory store."""

    def __init__(self):
        self.cond = threading.Condition()
        self.readers = 0
        self.writing = False

    def read(self):
        return _Held(self, False)

    def write(self):
        return _Held(self, True)


class _Held:
    def __init__(self, lock: ReadWriteLock, write: bool):
        self.lock, self.write = lock, write

    def __enter__(self):
        with self.lock.cond:
            self.lock.cond.wait_for(lambda: not self.lock.writing and (not self.write or self.lock.readers == 0))
            if self.write:
                self.lock.writing = True
            else:
                self.lock.readers += 1

    def __exit__(self, *exc):
        with self.lock.cond:
            if self.write:
                self.lock.writing = False
            else:
                self.lock.readers -= 1
            self.lock.cond.notify_all()


@dataclass
class Worker:
    process: multiprocessing.Process
    conn: object
    generation: int

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def _answer(ds: Dataset, text: str, accept: str, short: str | None, allow_service: bool) -> tuple[int, str, bytes]:
    graph = query_form(text) in GRAPH_FORMS
    media = negotiate(accept, graph, short)
    fmt = (GRAPH_TYPES if graph else SELECT_TYPES)[media]
    return 200, media, render(run(ds, text, allow_service=allow_service), fmt).encode("utf-8")


def library_query(name: str) -> LibraryQuery:
    """A query of the library by its name only: the page never names a file."""
    for q in library():
        if q.name == name:
            return q
    raise KgError(f"{name}: no such library query")


def page_bindings(values: dict, query: str | None) -> dict:
    """The page's fields as bindings: empty ones left unbound, an IRI typed as <…> or http(s)://… an IRI;
    a library query's required parameter left empty is refused, not answered with no rows."""
    bindings = {}
    for name, value in values.items():
        value = str(value).strip()
        if not value:
            continue
        if re.fullmatch(r"https?://\S+", value):
            value = f"<{value}>"
        key, term = parse_binding(f"{name}={value}")
        bindings[key] = term
    if query:
        for p in declared_parameters(library_query(query).params):
            if p.required and p.name not in bindings:
                raise KgError(f"{query} needs ?{p.name} ({p.help or 'see its header'}); fill it in")
    return bindings


# what names a node, best first; a commitment has no name but its statement, a mention or sentence its text
_LABELS = ("skos:prefLabel", "schema:name", "rdfs:label", "schema:headline", "dk:statement", "nif:anchorOf",
           "schema:identifier")
_LABEL_WORDS = 12
_WRITABLE_IRI = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')


def short_iri(iri: str) -> str:
    """An IRI without its scheme and host: a vocabulary term by its prefix, an instance by its kind and key."""
    prefixed = plain(URIRef(iri))
    if prefixed != iri:
        return prefixed
    scheme = re.match(r"[a-z][\w+.-]*:/*([^/]*)/?", iri)
    parts = [p for p in re.split(r"[/#]", iri[scheme.end():] if scheme else iri) if p]
    return "/".join(parts[-2:]) or (scheme.group(1) if scheme and scheme.group(1) else iri)


def _labels(ds: Dataset, iris: set[URIRef]) -> tuple[dict[str, str], set[str]]:
    """Each IRI's label (Vietnamese first) and the IRIs that have evidence (a mention) to show."""
    # an IRI the SPARQL grammar cannot write (a store may hold one) is shown by its short form only
    iris = sorted(i for i in iris if _WRITABLE_IRI.fullmatch(i))
    if not iris:
        return {}, set()
    values = " ".join(i.n3() for i in iris)
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    found: dict[str, list] = {}
    rows = ds.query(f"{prefixes}SELECT ?s ?p ?l WHERE {{ VALUES ?s {{ {values} }} "
                    f"VALUES ?p {{ {' '.join(_LABELS)} }} ?s ?p ?l }}")
    for s, p, label in rows:
        rank = (_LABELS.index(short_iri(str(p))), getattr(label, "language", None) not in ("vi", None), str(label))
        found.setdefault(str(s), []).append((rank, str(label)))
    labels = {}
    for s, ranked in found.items():
        words = min(ranked)[1].split()
        labels[s] = " ".join(words[:_LABEL_WORDS]) + (" …" if len(words) > _LABEL_WORDS else "")
    rows = ds.query(f"{prefixes}SELECT DISTINCT ?s WHERE {{ VALUES ?s {{ {values} }} ?s dk:mention ?m }}")
    return labels, {str(s) for (s,) in rows}


def _page(ds: Dataset, text: str, bindings: dict, offset: int, limit: int, allow_service: bool) -> tuple[int, str, bytes]:
    """One page of an answer as the page shows it: plain cells, nodes by label; the total counted. Strict as
    the CLI: a person's name is found whatever its case or diacritics, or refused with the closest names."""
    result = run(ds, text, bindings, allow_service=allow_service, strict=True)
    if result.type == "ASK":
        data = {"form": "ASK", "boolean": bool(result.askAnswer)}
        return 200, "application/json", json.dumps(data).encode("utf-8")
    if result.type in GRAPH_FORMS:   # a graph as a table of its triples
        names = ["subject", "predicate", "object"]
        rows = sorted(result.graph, key=lambda t: tuple(plain(x) for x in t))
        total, shown = len(rows), rows[offset:offset + limit]
    else:
        names = [str(v) for v in result.vars]
        one = page_of(result, limit, offset)
        total, shown = one.total, [tuple(row.get(v) for v in result.vars) for row in one.result.bindings]
    labels, evidenced = _labels(ds, {t for row in shown for t in row if isinstance(t, URIRef)})

    def cell(term):
        if term is None:
            return None
        if isinstance(term, URIRef):
            iri = str(term)
            return {"text": labels.get(iri) or short_iri(iri), "iri": iri, "evidence": iri in evidenced}
        if isinstance(term, BNode):
            return {"text": "(blank node)"}
        return {"text": plain(term)}

    data = {"form": result.type, "vars": names, "total": total, "offset": offset, "limit": limit,
            "rows": [[cell(t) for t in row] for row in shown]}
    return 200, "application/json", json.dumps(data, ensure_ascii=False).encode("utf-8")


def _limit_memory(mib: int | None) -> None:
    """Cap the address space at what the worker holds now plus `mib`: a query past it fails alone."""
    if not mib:
        return
    try:
        with open("/proc/self/statm") as f:
            held = int(f.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (held + mib * 2**20, resource.getrlimit(resource.RLIMIT_AS)[1]))
    except (OSError, ValueError):  # not Linux, or a hard limit below ours: run without a cap
        pass


def _work(conn, own_end, ds: Dataset, reopen: Callable[[], Dataset] | None, memory: int | None) -> None:
    """A worker process: answers the queries sent down its pipe, one at a time, until the pipe closes."""
    own_end.close()   # the server's end, copied by the fork: only the server may hold it, so EOF comes
    if reopen is not None:
        ds = reopen()  # a handle of its own, not one copied mid-use from the server's threads
    _limit_memory(memory)
    tasks = {"protocol": _answer, "page": _page}
    while True:
        try:
            kind, *args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = tasks[kind](ds, *args)
        except KgError as e:
            reply = (400, "text/plain", f"{e}\n".encode("utf-8"))
        except MemoryError:
            reply = (503, "text/plain", b"the query needed more memory than the endpoint allows\n")
        status, media, body = reply
        # the head first, then the body in chunks the server forwards as they come: it never holds a second
        # copy of a large answer, and the client reads its first bytes before the last have left the worker
        conn.send((status, media, len(body)))
        for start in range(0, len(body), CHUNK):
            conn.send_bytes(body, start, min(CHUNK, len(body) - start))


class Endpoint:
    """Runs queries in a pool of forked worker processes and updates in the server itself.

    A worker that passes the time limit is killed and replaced, which frees the store and its memory at
    once; the other workers keep answering. After an update the workers are replaced as they are next
    used, so that each reads the store as it now is."""

    def __init__(self, ds: Dataset, allow_update: bool = False, timeout: float = DEFAULT_TIMEOUT,
                 allow_service: bool = False, workers: int = 2, memory: int | None = DEFAULT_MEMORY,
                 reopen: Callable[[], Dataset] | None = None):
        self.ds = ds
        self.allow_update = allow_update
        self.allow_service = allow_service
        self.timeout = timeout
        self.memory = memory
        self.reopen = reopen
        self.lock = ReadWriteLock()
        self.fork_lock = threading.Lock()
        self.generation = 0
        self.context = multiprocessing.get_context("fork")  # a worker shares the server's memory store
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.workers = workers
        for _ in range(workers):
            self.idle.put(self._start())

    def _start(self) -> Worker:
        with self.fork_lock:
            ours, theirs = self.context.Pipe()
            process = self.context.Process(target=_work, args=(theirs, ours, self.ds, self.reopen, self.memory),
                                           daemon=True, name="kg-query")
            process.start()
            theirs.close()
            return Worker(process, ours, self.generation)

    def _replace(self, worker: Worker) -> None:
        worker.kill()
        self.idle.put(self._start())

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                return

    def query(self, text: str, accept: str, short: str | None = None,
              sink: Callable[[str, int], Callable[[bytes], object]] | None = None) -> tuple[str, bytes]:
        """The whole answer, as the SPARQL protocol asks, in the negotiated media type. With a `sink`, it is
        called with the media type and length and gives the function that takes each chunk, and the
        answer is passed on as it comes (nothing is returned)."""
        return self._ask(text, ("protocol", text, accept, short, self.allow_service), sink)

    def page(self, text: str, bindings: dict, offset: int = 0, limit: int = PAGE_ROWS) -> bytes:
        """Rows offset … offset+limit of the answer, and how many there are, as the page's JSON."""
        return self._ask(text, ("page", text, bindings, offset, limit, self.allow_service))[1]

    def _ask(self, text: str, message: tuple, sink=None) -> tuple[str, bytes]:
        check_query(text, self.allow_service)   # refused here, before a worker's parser sees it
        deadline = time.monotonic() + self.timeout
        with self.lock.read():
            try:
                worker = self.idle.get(timeout=self.timeout)
            except queue.Empty:
                raise Refused(503, f"every query worker is busy; try again in {self.timeout:g} s") from None
            if worker.generation != self.generation:   # forked before the last update
                worker.kill()
                worker = self._start()
            try:
                worker.conn.send(message)
                if not worker.conn.poll(max(deadline - time.monotonic(), 0)):
                    self._replace(worker)
                    raise Refused(503, f"the query ran past the time limit ({self.timeout:g} s) and was stopped")
                status, media, length = worker.conn.recv()
            except (EOFError, OSError):
                code = worker.process.exitcode
                self._replace(worker)
                raise Refused(503, "the query stopped its worker (out of memory, or too complex to evaluate)"
                              f"{f'; exit code {code}' if code is not None else ''}") from None
        # the answer is made: the store may change now, but the worker is busy until its answer is read
        parts, write, received = [], None, 0
        try:
            if status == 200 and sink is not None:
                write = sink(media, length)
            while received < length:
                chunk = worker.conn.recv_bytes()
                received += len(chunk)
                if write:
                    write(chunk)
                else:
                    parts.append(chunk)
        except BaseException:   # the client went away, or the worker died: its pipe may hold the rest
            self._replace(worker)
            raise
        self.idle.put(worker)
        body = b"".join(parts)
        if status != 200:
            raise Refused(status, body.decode("utf-8").strip())
        return media, body

    def update(self, text: str) -> None:
        if not self.allow_update:
            raise Refused(403, "this endpoint is read-only; start it with `kg serve --allow-update`")
        check_query(text, self.allow_service)   # LOAD fetches like SERVICE
        with self.lock.write():
            try:
                self.ds.update(text)
            except Exception as e:
                raise Refused(400, f"the update failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None
            finally:
                store = native_store(self.ds)
                if store is not None:
                    store.flush()   # so that a worker opening the folder reads the update
                self.generation += 1


class Handler(BaseHTTPRequestHandler):
    endpoint: Endpoint
    cors: str | None = None           # the one origin allowed to read answers from a browser
    hosts: frozenset = frozenset()    # Host header values we answer to (names, with and without the port)
    max_body: int = MAX_BODY
    server_version = "kg-sparql"
    timeout = SEND_TIMEOUT            # a client that stops reading (or sending) is dropped, freeing its worker

    def log_message(self, format, *args):  # quiet: one line per request is noise in a terminal
        pass

    def _send(self, status: int, media: str, body: bytes) -> None:
        self._head(status, media, len(body))(body)

    def _head(self, status: int, media: str, length: int) -> Callable[[bytes], object]:
        """Sends the status and headers; gives the function that writes the body (nothing for HEAD)."""
        self.send_response(status)
        self.send_header("Content-Type", f"{media}; charset=utf-8")
        self.send_header("Content-Length", str(length))
        if self.cors and self.headers.get("Origin") == self.cors:
            self.send_header("Access-Control-Allow-Origin", self.cors)
        self.send_header("Vary", "Accept, Origin")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        return (lambda chunk: None) if self.command == "HEAD" else self.wfile.write

    def _error(self, status: int, message: str) -> None:
        self._send(status, "text/plain", (message + "\n").encode("utf-8"))

    def _same_origin(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme == "http" and parts.netloc.lower() in self.hosts

    def _checked(self, update: bool = False) -> bool:
        """False (the error sent) for a request from a host name we do not serve, or from a web page of
        another origin than ours and the one invited by --cors; updates only from our own pages."""
        host = (self.headers.get("Host") or "").strip().lower()
        if host and host not in self.hosts:
            self._error(403, f"Host '{host}' is not served here (a DNS rebinding attempt?); "
                             "use http://localhost:PORT, or start kg serve with --host NAME")
            return False
        origin = self.headers.get("Origin")
        if self.headers.get("Sec-Fetch-Site") == "cross-site" and not (origin and origin == self.cors and not update):
            self._error(403, "cross-site requests are refused")
            return False
        if origin is not None and not self._same_origin(origin) and (update or origin != self.cors):
            self._error(403, f"requests from origin '{origin}' are refused"
                             + ("" if update else "; start kg serve with --cors ORIGIN to allow one"))
            return False
        referer = self.headers.get("Referer")
        if update and origin is None and referer is not None and not self._same_origin(referer):
            self._error(403, "updates from another site's pages are refused")
            return False
        return True

    def do_OPTIONS(self):  # noqa: N802  (CORS preflight: answered only for the invited origin)
        if not self._checked():
            return
        self.send_response(HTTPStatus.NO_CONTENT)
        if self.cors and self.headers.get("Origin") == self.cors:
            self.send_header("Access-Control-Allow-Origin", self.cors)
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Max-Age", "86400")
            self.send_header("Vary", "Origin")
        self.end_headers()

    def do_GET(self):  # noqa: N802
        if not self._checked():
            return
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            return self._send(200, "text/html", page().encode("utf-8"))
        if url.path == "/favicon.ico":   # browsers ask for it; none is no error
            self.send_response(HTTPStatus.NO_CONTENT)
            self.end_headers()
            return None
        if url.path != "/sparql":
            return self._error(404, f"{url.path}: not here; the endpoint is /sparql")
        params = parse_qs(url.query)
        if "query" not in params:
            return self._error(400, "missing 'query' parameter")
        self._answer(params["query"][0], params)

    do_HEAD = do_GET

    def do_POST(self):  # noqa: N802
        url = urlsplit(self.path)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            return self._error(400, "a POST needs a valid Content-Length")
        if length > self.max_body:
            self.close_connection = True   # the unread body must not be taken for the next request
            if length <= 8 * self.max_body:   # read and drop it, so that a client still sending hears why
                left = length
                while left > 0 and (chunk := self.rfile.read(min(1 << 16, left))):
                    left -= len(chunk)
            return self._error(413, f"the body has {length} bytes; at most {self.max_body} are accepted")
        body = self.rfile.read(length).decode("utf-8", "replace")
        if media == "application/x-www-form-urlencoded":
            params.update(parse_qs(body))
        is_update = media == "application/sparql-update" or "update" in params
        if not self._checked(update=is_update):
            return
        if url.path == "/page":
            return self._page(body)
        if url.path != "/sparql":
            return self._error(404, f"{url.path}: not here; the endpoint is /sparql")
        if media == "application/x-www-form-urlencoded":
            if "update" in params:
                return self._update(params["update"][0])
            if "query" not in params:
                return self._error(400, "missing 'query' or 'update' parameter")
            return self._answer(params["query"][0], params)
        if media == "application/sparql-query":
            return self._answer(body, params)
        if media == "application/sparql-update":
            return self._update(body)
        self._error(415, f"unsupported Content-Type '{media}': send a form, sparql-query or sparql-update")

    def _answer(self, text: str, params: dict) -> None:
        short = (params.get("format") or params.get("output") or [None])[0]
        try:
            self.endpoint.query(text, self.headers.get("Accept", ""), short,
                                sink=lambda media, length: self._head(200, media, length))
        except Refused as e:
            return self._error(e.status, str(e))
        except KgError as e:
            return self._error(400, str(e))
        except OSError:   # the client left mid-answer: nothing more to tell it
            self.close_connection = True

    def _page(self, body: str) -> None:
        """The page's request, a JSON object: the query's text, the library query it came from (whose
        required parameters must be filled), the fields' values, and which rows to show."""
        try:
            request = json.loads(body)
            if not isinstance(request, dict):
                raise ValueError
            name = request.get("query") or None
            text = request.get("text") or ""
            values = request.get("bindings") or {}
            offset = int(request.get("offset") if request.get("offset") is not None else 0)
            limit = int(request.get("limit") if request.get("limit") is not None else PAGE_ROWS)
            if not isinstance(text, str) or not isinstance(values, dict) or offset < 0 or not 0 < limit <= MAX_PAGE_ROWS:
                raise ValueError
        except (ValueError, TypeError):
            return self._error(400, "the page sends a JSON object: text or query, bindings, offset, "
                                    f"limit (1 to {MAX_PAGE_ROWS})")
        try:
            if not text.strip():
                if not name:
                    raise KgError("type a query or choose one from the library")
                text = library_query(name).path.read_text(encoding="utf-8")
            body = self.endpoint.page(text, page_bindings(values, name), offset, limit)
        except Refused as e:
            return self._error(e.status, str(e))
        except KgError as e:
            return self._error(400, str(e))
        self._send(200, "application/json", body)

    def _update(self, text: str) -> None:
        try:
            self.endpoint.update(text)
        except Refused as e:
            return self._error(e.status, str(e))
        except KgError as e:
            return self._error(400, str(e))
        self._send(200, "text/plain", b"ok\n")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    endpoint: Endpoint

    def server_close(self):
        super().server_close()
        self.endpoint.close()


def make_server(ds: Dataset, host: str = "127.0.0.1", port: int = 7879, allow_update: bool = False,
                timeout: float = DEFAULT_TIMEOUT, allow_service: bool = False, cors: str | None = None,
                allowed_hosts: tuple[str, ...] = (), reopen: Callable[[], Dataset] | None = None,
                workers: int = 2, memory: int | None = DEFAULT_MEMORY, max_body: int = MAX_BODY) -> Server:
    """`reopen` gives each query worker a handle of its own on the store (an Oxigraph folder opened
    read-only); without it the workers use the copy of `ds` the fork gives them (a memory store)."""
    endpoint = Endpoint(ds, allow_update, timeout, allow_service, workers, memory, reopen)
    handler = type("BoundHandler", (Handler,), {"endpoint": endpoint, "cors": cors, "max_body": max_body})
    try:
        server = Server((host, port), handler)
    except OSError as e:
        endpoint.close()
        raise KgError(f"cannot listen on {host}:{port} ({e.strerror}); choose another --port") from None
    server.endpoint = endpoint
    names = {host.lower(), *LOCAL_NAMES, *(h.lower() for h in allowed_hosts)}
    if ":" in host and not host.startswith("["):
        names.add(f"[{host.lower()}]")
    handler.hosts = frozenset(names | {f"{n}:{server.server_port}" for n in names})
    return server


def page() -> str:
    queries = {q.name: {"title": q.title, "answers": q.answers, "text": q.path.read_text(encoding="utf-8"),
                        "params": [asdict(p) for p in declared_parameters(q.params)]}
               for q in library()}
    options = "".join(f'<option value="{html.escape(n)}">{html.escape(q["title"] or n)}</option>'
                      for n, q in queries.items())
    data = json.dumps(queries, ensure_ascii=False).replace("</", "<\\/")
    return (PAGE.replace("{{options}}", options).replace("{{queries}}", data)
            .replace("{{rows}}", str(PAGE_ROWS)))


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg — query the knowledge graph</title>
<style>
body{font:14px system-ui,sans-serif;margin:1.5em;color:#222;max-width:90em}
textarea{width:100%;height:14em;font:13px monospace}
table{border-collapse:collapse;margin-top:.5em}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}td.short{white-space:nowrap}
#status{color:#555;margin-left:1em}#status.error{color:#b00020}#answers{color:#555}
#params label{display:block;margin:.3em 0}#params input{width:24em}#params small{color:#666;margin-left:.5em}
#params .required::after{content:" *";color:#b00020}
#pager{margin-top:.8em}#pager[hidden]{display:none}a.node{color:#0645ad;cursor:pointer}
#evidence{margin-top:1.5em;border-top:1px solid #ccc}#evidence li{margin:.4em 0}mark{background:#fff3a0}
.article{color:#555;font-size:12px}footer{margin-top:2em;color:#777;font-size:12px}
</style></head><body>
<h1>Query the knowledge graph</h1>
<p><label>Library query: <select id="library"><option value="">— type your own —</option>{{options}}</select></label>
<span id="answers"></span></p>
<form id="form">
<div id="params"></div>
<details id="sparql"><summary>SPARQL</summary>
<textarea id="query" spellcheck="false">PREFIX schema: <https://schema.org/>
SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name</textarea></details>
<p><button id="run" type="submit">Run</button><span id="status" role="status"></span></p>
</form>
<div id="pager" hidden><button id="prev" type="button">← previous</button> <span id="range"></span>
<button id="next" type="button">next →</button></div>
<div id="results"></div>
<section id="evidence" hidden><h2 id="evidence-title"></h2><div id="evidence-status"></div><ol id="evidence-list"></ol></section>
<footer>The SPARQL 1.1 Protocol endpoint, answering in full: GET or POST <code>/sparql</code>.
This page shows {{rows}} rows at a time.</footer>
<script>
"use strict";
const LIBRARY = {{queries}};
const ROWS = {{rows}};
const $ = (id) => document.getElementById(id);
let current = null;          // the request of the table shown: its query, text, bindings and offset
window.kgRuns = 0;           // answers drawn so far (the browser test waits on it)

function chosen() { return LIBRARY[$("library").value] || null; }

function showParams() {
  const q = chosen(), box = $("params");
  box.textContent = "";
  $("answers").textContent = q ? q.answers : "";
  $("sparql").open = !q;
  if (q) $("query").value = q.text;
  for (const p of (q ? q.params : [])) {
    const label = document.createElement("label");
    const name = document.createElement("span");
    name.textContent = p.name;
    if (p.required) name.className = "required";
    const input = document.createElement("input");
    input.name = p.name;
    input.dataset.required = p.required ? "1" : "";
    const iri = /^<|^https?:/.test(p.example);     // no IRI as an example: a click on a name fills it
    if (p.example && !iri) input.placeholder = "e.g. " + p.example;
    const help = document.createElement("small");
    help.textContent = p.help + (iri ? "; a linked name in a result shows its evidence" : "")
      + (p.required ? "" : " (optional)");
    label.append(name, " ", input, help);
    box.appendChild(label);
  }
}

function setStatus(el, text, error) { el.textContent = text; el.className = error ? "error" : ""; }

async function fetchPage(request) {
  const res = await fetch("page", {method: "POST", headers: {"Content-Type": "application/json"},
                                   body: JSON.stringify(request)});
  const text = await res.text();
  if (!res.ok) throw new Error(text.trim() || ("error " + res.status));
  return JSON.parse(text);
}

function cellNode(c) {
  if (!c) return document.createTextNode("");
  if (c.iri && c.evidence) {
    const a = document.createElement("a");
    a.className = "node"; a.href = "#evidence"; a.title = c.iri; a.dataset.iri = c.iri;
    a.textContent = c.text;
    a.addEventListener("click", (e) => { e.preventDefault(); evidence(c.iri, c.text); });
    return a;
  }
  const span = document.createElement("span");
  span.textContent = c.text;
  if (c.iri) span.title = c.iri;
  return span;
}

function draw(data) {
  const out = $("results");
  out.textContent = "";
  if (data.form === "ASK") { out.textContent = data.boolean ? "yes" : "no"; $("pager").hidden = true; return; }
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const v of data.vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
  const body = table.createTBody();
  for (const row of data.rows) {
    const tr = body.insertRow();
    row.forEach((c) => {
      const td = tr.insertCell();
      if (c && !c.iri && /^-?[0-9][0-9.]*$/.test(c.text)) td.className = "num";
      else if (c && c.text.length <= 24) td.className = "short";
      td.appendChild(cellNode(c));
    });
  }
  out.appendChild(table);
  const last = data.offset + data.rows.length;
  $("pager").hidden = data.total <= data.limit && data.offset === 0;
  $("range").textContent = data.total ? `rows ${data.offset + 1}–${last} of ${data.total}` : "no rows";
  $("prev").disabled = data.offset === 0;
  $("next").disabled = last >= data.total;
}

async function run(offset) {
  const started = performance.now();
  setStatus($("status"), "running…");
  try {
    const data = await fetchPage({...current, offset: offset, limit: ROWS});
    current.offset = offset;
    draw(data);
    const ms = Math.round(performance.now() - started);
    setStatus($("status"), data.form === "ASK" ? `answered in ${ms} ms`
      : `${data.total} row${data.total === 1 ? "" : "s"} in ${ms} ms`);
  } catch (e) {
    $("results").textContent = ""; $("pager").hidden = true;
    setStatus($("status"), e.message, true);
  }
  window.kgRuns += 1;
}

$("library").addEventListener("change", showParams);
$("form").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = chosen(), bindings = {};
  for (const input of $("params").querySelectorAll("input")) {
    const value = input.value.trim();
    if (!value && input.dataset.required) {
      setStatus($("status"), `fill in ${input.name}: this query needs it`, true);
      input.focus();
      return;
    }
    if (value) bindings[input.name] = value;
  }
  const text = $("query").value;
  // a library query run as written is sent by name; an edited one by its text (with the same fields)
  current = {query: q ? $("library").value : null, text: q && text === q.text ? null : text, bindings: bindings, offset: 0};
  run(0);
});
$("prev").addEventListener("click", () => run(Math.max(current.offset - ROWS, 0)));
$("next").addEventListener("click", () => run(current.offset + ROWS));

async function evidence(iri, label) {
  const box = $("evidence"), list = $("evidence-list");
  box.hidden = false;
  $("evidence-title").textContent = "Evidence of " + label;
  list.textContent = "";
  setStatus($("evidence-status"), "reading…");
  try {
    const data = await fetchPage({query: "evidence", bindings: {node: "<" + iri + ">"}, offset: 0, limit: ROWS});
    const at = (row, name) => { const c = row[data.vars.indexOf(name)]; return c ? c.text : ""; };
    for (const row of data.rows) {
      const li = document.createElement("li"), sentence = at(row, "sentence"), anchor = at(row, "anchor");
      // the anchor where the offsets put it when the query gives the sentence's own start, else its first place
      const from = data.vars.includes("sentenceBegin") ? Number(at(row, "begin")) - Number(at(row, "sentenceBegin")) : -1;
      const i = from >= 0 && sentence.substr(from, anchor.length) === anchor ? from : (anchor ? sentence.indexOf(anchor) : -1);
      if (i >= 0) {
        const mark = document.createElement("mark");
        mark.textContent = anchor;
        li.append(sentence.slice(0, i), mark, sentence.slice(i + anchor.length));
      } else li.append(sentence || anchor);
      const where = document.createElement("div");
      where.className = "article";
      where.textContent = `article ${at(row, "article")}, characters ${at(row, "begin")}–${at(row, "end")}`;
      li.appendChild(where);
      list.appendChild(li);
    }
    setStatus($("evidence-status"), data.total > data.rows.length
      ? `the first ${data.rows.length} of ${data.total} mentions` : `${data.total} mention${data.total === 1 ? "" : "s"}`);
  } catch (e) { setStatus($("evidence-status"), e.message, true); }
  box.scrollIntoView();
  window.kgRuns += 1;
}
showParams();
</script></body></html>
"""
