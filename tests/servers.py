"""Real SPARQL servers for the tests, started by the repository's own scripts on free loopback ports.
Without the server's binary a test skips on a developer's machine and fails in CI (CI=true)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def required_or_skip(what: str, present: bool) -> None:
    if present:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: CI installs it with scripts/install-test-tools.sh")
    pytest.skip(f"{what} is not installed here (scripts/install-test-tools.sh installs it)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(script: str, folder: Path, env: dict):
    log = folder / f"{script}.log"

    def run(cmd):
        # output to a file, not a pipe: the server started in the background keeps a pipe open
        with open(log, "w") as out:
            return subprocess.run(["bash", str(ROOT / "scripts" / script), cmd, str(folder)], env={**os.environ, **env},
                                  stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, timeout=120)

    if run("start").returncode != 0:
        message = log.read_text()
        run("stop")
        pytest.fail(f"{script} start failed: {message.strip()}")
    try:
        yield
    finally:
        run("stop")


@contextmanager
def virtuoso(folder: Path):
    required_or_skip("Virtuoso (virtuoso-opensource)", bool(shutil.which("virtuoso-t") and shutil.which("isql-vt")))
    http = free_port()
    with running("virtuoso.sh", folder, {"KG_VIRTUOSO_HTTP": str(http), "KG_VIRTUOSO_SQL": str(free_port())}):
        yield f"http://127.0.0.1:{http}/sparql"


@contextmanager
def oxigraph_server(folder: Path):
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    required_or_skip("the Oxigraph server (pip oxigraph)", Path(binary).exists())
    port = free_port()
    with running("oxigraph-server.sh", folder, {"KG_OXIGRAPH_PORT": str(port), "OXIGRAPH": binary}):
        yield f"http://127.0.0.1:{port}/query"
