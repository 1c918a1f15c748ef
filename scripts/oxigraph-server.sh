#!/usr/bin/env bash
# Runs an Oxigraph SPARQL server (PyPI package `oxigraph`) on loopback for kg's remote-store tests.
#   scripts/oxigraph-server.sh start DIR   store in DIR, union default graph, waits until it answers
#   scripts/oxigraph-server.sh stop DIR
# Port: KG_OXIGRAPH_PORT (default 7878). kg's store URL is http://127.0.0.1:$KG_OXIGRAPH_PORT/query
set -euo pipefail
cmd=${1:?usage: oxigraph-server.sh start|stop DIR}
dir=$(mkdir -p "${2:?usage: oxigraph-server.sh start|stop DIR}" && cd "$2" && pwd)
port=${KG_OXIGRAPH_PORT:-7878}
bin=${OXIGRAPH:-$(command -v oxigraph || echo "$(dirname "$0")/../.venv/bin/oxigraph")}

case "$cmd" in
start)
  [ -x "$bin" ] || { echo "oxigraph not found: pip install oxigraph" >&2; exit 2; }
  nohup "$bin" serve --location "$dir/data" --bind "127.0.0.1:$port" --union-default-graph < /dev/null \
    > "$dir/oxigraph.log" 2>&1 & echo $! > "$dir/oxigraph.pid"
  for _ in $(seq 1 100); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/query?query=ASK%7B%7D"; then
      echo "oxigraph ready: http://127.0.0.1:$port/query"; exit 0
    fi
    kill -0 "$(cat "$dir/oxigraph.pid")" 2>/dev/null || { echo "oxigraph exited; see $dir/oxigraph.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "oxigraph did not answer on port $port within 10 s" >&2; exit 1 ;;
stop)
  if [ -f "$dir/oxigraph.pid" ]; then kill "$(cat "$dir/oxigraph.pid")" 2>/dev/null || true; rm -f "$dir/oxigraph.pid"; fi ;;
*) echo "usage: oxigraph-server.sh start|stop DIR" >&2; exit 2 ;;
esac
