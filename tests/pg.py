"""A throwaway PostgreSQL server for the test session (Debian's ``postgresql`` package).

The server is started lazily, the first time a test asks for ``pg_server`` (or
``pg_url``), from ``initdb``/``pg_ctl`` in ``/usr/lib/postgresql/*/bin`` (the newest
version found; ``$PATH`` as a fallback).  Its data folder is a fresh temporary folder;
it listens on 127.0.0.1 only, on a free port, and on a Unix socket inside that folder;
authentication is ``trust`` (nothing else can reach it).  Durability is switched off
(``fsync=off``): the data is thrown away at the end of the session, when the server is
stopped and its folder removed.

PostgreSQL refuses to run as root: when the tests run as root (CI, containers) the
server runs as the ``postgres`` user if it exists, else ``nobody``; the folder is
handed to that user.

Tests that need the server skip, with the reason, only when no server binary is
installed (``apt-get install postgresql``); any other failure to start is an error.

Use from a test module::

    from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

or for the whole suite, in tests/conftest.py: ``pytest_plugins = ("tests.pg",)``.
``pg_url`` gives each test its own new, empty database (a SQLAlchemy URL for the
psycopg 3 driver).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

SUPERUSER = "postgres"
START_TIMEOUT_S = 60
# Server settings for a disposable test cluster: fast, small, loopback only.
SERVER_OPTIONS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "40",
    "shared_buffers": "32MB",
    "max_wal_size": "64MB",
    "log_min_messages": "warning",
    "timezone": "UTC",
}


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path.parent.parent.name)) or (0,)


def find_bin_dir() -> Path | None:
    """The folder with ``initdb``, ``pg_ctl`` and ``postgres`` (newest version), or None."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=_version_key)
    for initdb in reversed(candidates):
        folder = initdb.parent
        if (folder / "pg_ctl").exists() and (folder / "postgres").exists():
            return folder
    found = shutil.which("initdb")
    if found is not None:
        folder = Path(found).resolve().parent
        if (folder / "pg_ctl").exists() and (folder / "postgres").exists():
            return folder
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_user() -> pwd.struct_passwd | None:
    """The unprivileged account to run the server as, when we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' user exists")


@dataclass
class PostgresServer:
    bin_dir: Path
    root: Path
    port: int
    user: pwd.struct_passwd | None
    _names: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "HOME": str(self.root),
            "TZ": "UTC",
        }
        kwargs: dict[str, object] = {}
        if self.user is not None:
            kwargs = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        return subprocess.run(
            [str(self.bin_dir / args[0]), *args[1:]],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_S,
            check=False,
            **kwargs,
        )

    def _checked(self, *args: str) -> None:
        done = self._run(*args)
        if done.returncode != 0:
            log = self.log_file.read_text(errors="replace") if self.log_file.exists() else ""
            raise RuntimeError(
                f"{args[0]} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}\n{log}"
            )

    def start(self) -> None:
        if self.user is not None:
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        self._checked(
            "initdb",
            "--pgdata",
            str(self.data_dir),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C.UTF-8",
            "--no-sync",
        )
        options = {**SERVER_OPTIONS, "port": str(self.port)}
        options["unix_socket_directories"] = str(self.root)
        settings = " ".join(f"-c {key}={value}" for key, value in options.items())
        self._checked(
            "pg_ctl",
            "start",
            "--pgdata",
            str(self.data_dir),
            "--log",
            str(self.log_file),
            "--wait",
            "--timeout",
            str(START_TIMEOUT_S),
            "-o",
            settings,
        )

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run("pg_ctl", "stop", "--pgdata", str(self.data_dir), "-m", "immediate", "-w")

    def url(self, database: str = "postgres") -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=SUPERUSER,
            host="127.0.0.1",
            port=self.port,
            database=database,
        )

    def create_database(self) -> URL:
        """A new, empty database on this server; its URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        return self.url(name)


@contextlib.contextmanager
def running_server() -> Iterator[PostgresServer]:
    """Start a throwaway server; stop it and remove its files on exit."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(
            "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb): "
            "apt-get install postgresql to run the PostgreSQL tests"
        )
    user = _server_user()
    # As root, a folder the server's own user can reach (TMPDIR may be under /root).
    parent = "/tmp" if user is not None and Path("/tmp").is_dir() else None
    root = Path(tempfile.mkdtemp(prefix="partner-desk-pg-", dir=parent))
    server = PostgresServer(bin_dir, root, free_port(), user)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """The session's PostgreSQL server (started on first use)."""
    with running_server() as server:
        yield server


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> URL:
    """A fresh, empty PostgreSQL database for this test (postgresql+psycopg URL)."""
    return pg_server.create_database()
