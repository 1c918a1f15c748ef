#!/usr/bin/env bash
# Fetches the JavaScript library the timeline page inlines (vis-timeline's standalone UMD build, its CSS
# and its licence) from the npm registry into kg/views/assets/, and checks every byte against
# kg/views/assets/SHA256SUMS: the page is offline, so what it embeds is pinned and verifiable.
# Usage: scripts/vendor_assets.sh           fetch and check (fails if a file differs from SHA256SUMS)
#        scripts/vendor_assets.sh --check   only check the files already in kg/views/assets/
set -euo pipefail
PACKAGE=vis-timeline
VERSION=8.5.4
# sha256 of the npm tarball itself (npm's own sha512 integrity is checked by `npm pack` too)
TARBALL_SHA256=695f0491f385444add8bddb040bdd59d3b6e7ca5e3283ba33186164291c5f200
ASSETS="$(cd "$(dirname "$0")/.." && pwd)/kg/views/assets"
FILES=(standalone/umd/vis-timeline-graph2d.min.js styles/vis-timeline-graph2d.min.css
       LICENSE.md LICENSE.Apache-2.0.txt LICENSE.MIT.txt)

check() { (cd "$ASSETS" && sha256sum --quiet -c SHA256SUMS); }

if [ "${1:-}" = "--check" ]; then check; echo "assets match SHA256SUMS"; exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tarball="$work/$PACKAGE-$VERSION.tgz"
echo "$TARBALL_SHA256  $tarball" | sha256sum --quiet -c -
tar -xzf "$tarball" -C "$work"
for f in "${FILES[@]}"; do cp "$work/package/$f" "$ASSETS/$(basename "$f")"; done
check
echo "$PACKAGE $VERSION: ${#FILES[@]} files in $ASSETS match SHA256SUMS"
