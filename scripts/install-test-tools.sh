#!/usr/bin/env bash
# Installs the system tools some tests use, from Debian's packages: raptor2-utils (`rapper`, an
# independent Turtle parser), virtuoso-opensource (a real triple store for the remote-store tests),
# chromium and chromium-driver (the browser tests). The tests start the servers themselves with
# scripts/virtuoso.sh and scripts/oxigraph-server.sh. Without root or apt it says so and the tests that
# need them skip; in CI (CI=true) it must work.
set -euo pipefail
need=()
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${need[*]} (apt-get)" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
elif [ "${CI:-}" = "true" ]; then
  echo "cannot install ${need[*]}: CI needs root and apt-get" >&2
  exit 1
else
  echo "note: ${need[*]} not installed (needs root); the tests that use it will skip" >&2
fi
