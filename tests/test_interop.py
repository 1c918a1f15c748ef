"""Exports other tools read: an independent Turtle parser (Debian's rapper), an offline HTML page."""
from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest


def test_rapper_parses_the_turtle(seeds_export):
    if shutil.which("rapper") is None:
        if os.environ.get("CI"):
            pytest.fail("rapper missing: scripts/install-test-tools.sh installs raptor2-utils in CI")
        pytest.skip("rapper (raptor2-utils) not installed")
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(seeds_export / "kg.ttl")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert re.search(r"returned \d+ triples", done.stderr)


def test_html_opens_with_no_network(seeds_export):
    html = (seeds_export / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"(?:src|href)=\"https?://", html), "the page loads something from the network"
    assert "vis.Network" in html or "new vis.Network" in html
    assert "Phạm Minh Chính" in html or "Ph\\u1ea1m Minh Ch\\u00ednh" in html
    assert 'id="legend"' in html
