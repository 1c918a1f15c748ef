"""`kg serve`: the store as a SPARQL 1.1 Protocol endpoint, fit to leave running.

GET and POST (form or direct body) at /sparql; SELECT/ASK answers in JSON, XML, CSV or TSV and graphs in
Turtle, N-Triples, JSON-LD or RDF/XML, chosen by the Accept header (or a `format`/`output` parameter, as
SPARQLWrapper and many endpoints use). The page at / types and runs queries, the library's among them, with
nothing loaded from the network.

What one request can do is bounded: queries too deeply nested for the parser are refused before parsing
(kg.sparql_text.shape), each query runs in a worker process that is killed at the time limit or its memory
limit (the store cannot cancel a query), SERVICE is refused unless allowed, and so are bodies over a size.
Browsers are kept out unless invited: no CORS unless `cors` names an origin, a Host check against DNS
rebinding, and updates (when allowed at all) only from the endpoint's own origin."""
from __future__ import annotations

import html
import json
import multiprocessing
import queue
import resource
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from rdflib import Dataset

from kg.errors import KgError
from kg.query import GRAPH_FORMS, check_query, library, render, run
from kg.sparql_text import query_form
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
    while True:
        try:
            text, accept, short, allow_service = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = _answer(ds, text, accept, short, allow_service)
        except KgError as e:
            reply = (400, "text/plain", f"{e}\n".encode("utf-8"))
        except MemoryError:
            reply = (503, "text/plain", b"the query needed more memory than the endpoint allows\n")
        conn.send(reply)


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

    def query(self, text: str, accept: str, short: str | None = None) -> tuple[str, bytes]:
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
                worker.conn.send((text, accept, short, self.allow_service))
                if not worker.conn.poll(max(deadline - time.monotonic(), 0)):
                    self._replace(worker)
                    raise Refused(503, f"the query ran past the time limit ({self.timeout:g} s) and was stopped")
                status, media, body = worker.conn.recv()
            except (EOFError, OSError):
                code = worker.process.exitcode
                self._replace(worker)
                raise Refused(503, "the query stopped its worker (out of memory, or too complex to evaluate)"
                              f"{f'; exit code {code}' if code is not None else ''}") from None
            self.idle.put(worker)
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

    def log_message(self, format, *args):  # quiet: one line per request is noise in a terminal
        pass

    def _send(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{media}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if self.cors and self.headers.get("Origin") == self.cors:
            self.send_header("Access-Control-Allow-Origin", self.cors)
        self.send_header("Vary", "Accept, Origin")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

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
            media, body = self.endpoint.query(text, self.headers.get("Accept", ""), short)
        except Refused as e:
            return self._error(e.status, str(e))
        except KgError as e:
            return self._error(400, str(e))
        self._send(200, media, body)

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
    queries = {q.name: {"title": q.title, "params": q.params, "text": q.path.read_text(encoding="utf-8")}
               for q in library()}
    options = "".join(f'<option value="{html.escape(n)}">{html.escape(q["title"] or n)}</option>'
                      for n, q in queries.items())
    data = json.dumps(queries, ensure_ascii=False).replace("</", "<\\/")
    return PAGE.replace("{{options}}", options).replace("{{queries}}", data)


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<style>
body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}
textarea{width:100%;height:16em;font:13px monospace}
table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}#status{color:#555;margin-left:1em}#params{color:#555;font-size:12px}
</style></head><body>
<h1>kg SPARQL endpoint</h1>
<p>POST or GET <code>/sparql</code> (SPARQL 1.1 Protocol). Library:
<select id="library"><option value="">— type your own —</option>{{options}}</select></p>
<div id="params"></div>
<textarea id="query">PREFIX schema: <https://schema.org/>
SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name LIMIT 50</textarea>
<p><button id="run">Run</button><span id="status"></span></p>
<div id="results"></div>
<script>
const LIBRARY = {{queries}};
const $ = (id) => document.getElementById(id);
$("library").addEventListener("change", (e) => {
  const q = LIBRARY[e.target.value];
  if (!q) return;
  $("query").value = q.text;
  $("params").textContent = q.params ? "Parameters: " + q.params + " (bind them with a VALUES block or edit the FILTER)" : "";
});
function cell(b) {
  if (!b) return "";
  return b.type === "uri" ? "<" + b.value + ">" : b.value + (b["xml:lang"] ? "@" + b["xml:lang"] : "");
}
$("run").addEventListener("click", async () => {
  $("status").textContent = "running…";
  const started = performance.now();
  const res = await fetch("sparql", {method: "POST",
    headers: {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
    body: $("query").value});
  const text = await res.text();
  const out = $("results");
  out.textContent = "";
  if (!res.ok) { $("status").textContent = "error " + res.status; const pre = document.createElement("pre"); pre.textContent = text; out.appendChild(pre); return; }
  if (!(res.headers.get("Content-Type") || "").includes("json")) { const pre = document.createElement("pre"); pre.textContent = text; out.appendChild(pre); $("status").textContent = "done"; return; }
  const data = JSON.parse(text);
  if ("boolean" in data) { out.textContent = String(data.boolean); $("status").textContent = "done"; return; }
  const table = document.createElement("table");
  const head = table.insertRow();
  for (const v of data.head.vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
  for (const row of data.results.bindings) { const tr = table.insertRow(); for (const v of data.head.vars) tr.insertCell().textContent = cell(row[v]); }
  out.appendChild(table);
  $("status").textContent = data.results.bindings.length + " row(s) in " + Math.round(performance.now() - started) + " ms";
});
</script></body></html>
"""
