"""`kg serve`: the store as a SPARQL 1.1 Protocol endpoint.

GET and POST (form or direct body) at /sparql; SELECT/ASK answers in JSON, XML, CSV or TSV and graphs in
Turtle, N-Triples, JSON-LD or RDF/XML, chosen by the Accept header (or a `format`/`output` parameter, as
SPARQLWrapper and many endpoints use); CORS for browser clients; updates refused unless allowed. The page
at / types and runs queries, the library's among them, with nothing loaded from the network."""
from __future__ import annotations

import html
import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from rdflib import Dataset

from kg.errors import KgError
from kg.query import GRAPH_FORMS, library, render, run
from kg.sparql_text import query_form

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


class Endpoint:
    """What the HTTP handler calls: one lock, since rdflib's stores are not safe for concurrent writers."""

    def __init__(self, ds: Dataset, allow_update: bool = False):
        self.ds = ds
        self.allow_update = allow_update
        self.lock = threading.Lock()

    def query(self, text: str, accept: str, short: str | None = None) -> tuple[str, bytes]:
        graph = query_form(text) in GRAPH_FORMS
        media = negotiate(accept, graph, short)
        fmt = (GRAPH_TYPES if graph else SELECT_TYPES)[media]
        with self.lock:
            body = render(run(self.ds, text), fmt)
        return media, body.encode("utf-8")

    def update(self, text: str) -> None:
        if not self.allow_update:
            raise PermissionError("this endpoint is read-only; start it with `kg serve --allow-update`")
        with self.lock:
            try:
                self.ds.update(text)
            except Exception as e:
                raise KgError(f"the update failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None


class Handler(BaseHTTPRequestHandler):
    endpoint: Endpoint
    server_version = "kg-sparql"

    def log_message(self, format, *args):  # quiet: one line per request is noise in a terminal
        pass

    def _send(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{media}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, "text/plain", (message + "\n").encode("utf-8"))

    def do_OPTIONS(self):  # noqa: N802  (CORS preflight)
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")
        self.end_headers()

    def do_GET(self):  # noqa: N802
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
        if url.path != "/sparql":
            return self._error(404, f"{url.path}: not here; the endpoint is /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query)
        if media == "application/x-www-form-urlencoded":
            params.update(parse_qs(body))
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
        except KgError as e:
            return self._error(400, str(e))
        self._send(200, media, body)

    def _update(self, text: str) -> None:
        try:
            self.endpoint.update(text)
        except PermissionError as e:
            return self._error(403, str(e))
        except KgError as e:
            return self._error(400, str(e))
        self._send(200, "text/plain", b"ok\n")


def make_server(ds: Dataset, host: str = "127.0.0.1", port: int = 7879, allow_update: bool = False):
    handler = type("BoundHandler", (Handler,), {"endpoint": Endpoint(ds, allow_update)})
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError as e:
        raise KgError(f"cannot listen on {host}:{port} ({e.strerror}); choose another --port") from None


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
