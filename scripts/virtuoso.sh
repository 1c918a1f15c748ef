#!/usr/bin/env bash
# Runs a private Virtuoso (Debian's virtuoso-opensource) on loopback for kg's remote-store tests.
#   scripts/virtuoso.sh start DIR   config + database in DIR, waits until SPARQL answers, grants update
#   scripts/virtuoso.sh stop DIR    clean shutdown
# Ports: KG_VIRTUOSO_HTTP (default 8890) and KG_VIRTUOSO_SQL (default 1111); memory: KG_VIRTUOSO_BUFFERS
# (8 KB pages, default 170000). The endpoint is
# http://127.0.0.1:$KG_VIRTUOSO_HTTP/sparql; `kg build --loader isql://127.0.0.1:$KG_VIRTUOSO_SQL` loads through
# Virtuoso's bulk loader, staging files in DIR/kg-load (DIR is in DirsAllowed).
set -euo pipefail
cmd=${1:?usage: virtuoso.sh start|stop DIR}
dir=$(mkdir -p "${2:?usage: virtuoso.sh start|stop DIR}" && cd "$2" && pwd)
http=${KG_VIRTUOSO_HTTP:-8890}
sql=${KG_VIRTUOSO_SQL:-1111}
# Page buffers (8 KB each): Debian's 10,000 (80 MB) hold the indexes of ~1,000 articles, and a larger load
# then waits on disk; 170,000 is Virtuoso's own setting for 2 GB of free memory, taken as pages are used.
# A 10,000-article build used 16,534 of them (2026-11-30). Debian's MaxQueryExecutionTime (60 s) is kept: a
# query past it fails with SR171 rather than tying up the server.
buffers=${KG_VIRTUOSO_BUFFERS:-170000}
isql() { isql-vt "127.0.0.1:$sql" dba dba "exec=$1" >/dev/null; }

case "$cmd" in
start)
  command -v virtuoso-t >/dev/null || { echo "virtuoso-t not found: apt-get install virtuoso-opensource" >&2; exit 2; }
  ini="$dir/virtuoso.ini"
  # Database files in DIR, both servers on loopback, and no silent truncation of large results
  # (Virtuoso's default ResultSetMaxRows = 10000 cuts SELECT and CONSTRUCT answers without an error).
  sed -e "s#/var/lib/virtuoso-opensource-7/db#$dir#g" \
      -e "s#^ServerPort *= *1111#ServerPort = 127.0.0.1:$sql#" \
      -e "s#^ServerPort *= *8890#ServerPort = 127.0.0.1:$http#" \
      -e "s#^ResultSetMaxRows.*#ResultSetMaxRows = 1000000#" \
      -e "s#^MaxQueryCostEstimationTime.*#MaxQueryCostEstimationTime = 0#" \
      -e "s#^NumberOfBuffers.*#NumberOfBuffers = $buffers#" \
      -e "s#^MaxDirtyBuffers.*#MaxDirtyBuffers = $((buffers * 3 / 4))#" \
      -e "s#^DirsAllowed.*#DirsAllowed = ., $dir, /usr/share/virtuoso-opensource-7/vad#" \
      /etc/virtuoso-opensource-7/virtuoso.ini > "$ini"
  (cd "$dir" && nohup virtuoso-t +foreground +configfile "$ini" < /dev/null > "$dir/stdout.log" 2>&1 & echo $! > "$dir/virtuoso.pid")
  for _ in $(seq 1 120); do
    if curl -sf -o /dev/null "http://127.0.0.1:$http/sparql?query=ASK%7B%7D"; then
      isql 'grant SPARQL_UPDATE to "SPARQL";'
      echo "virtuoso ready: http://127.0.0.1:$http/sparql (bulk loads: kg build --loader isql://127.0.0.1:$sql)"
      exit 0
    fi
    kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null || { echo "virtuoso exited; see $dir/virtuoso.log" >&2; tail -5 "$dir/virtuoso.log" >&2 || true; exit 1; }
    sleep 0.5
  done
  echo "virtuoso did not answer on port $http within 60 s; see $dir/virtuoso.log" >&2
  exit 1 ;;
stop)
  isql 'shutdown;' 2>/dev/null || true
  if [ -f "$dir/virtuoso.pid" ]; then
    pid=$(cat "$dir/virtuoso.pid")
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill "$pid" 2>/dev/null || true
    rm -f "$dir/virtuoso.pid"
  fi ;;
*) echo "usage: virtuoso.sh start|stop DIR" >&2; exit 2 ;;
esac
