"""Configuration from environment variables, with documented defaults.

This module is plain Python (no Django) so the CLI can validate the environment before
Django starts, and tests can exercise it directly. ``civicwatch/settings.py`` turns the
result into Django settings. Every variable is listed in docs/configuration.md.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from civicwatch.errors import ConfigurationError

DEFAULT_HOME = "var"
DEFAULT_ALLOWED_HOSTS = ("127.0.0.1", "localhost")
DEFAULT_MAX_INGEST_MB = 50
SQLITE_NAME = "civicwatch.sqlite3"
SECRET_KEY_FILE = "secret_key"

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class Config:
    home: Path
    database: dict[str, Any]
    secret_key: str
    allowed_hosts: tuple[str, ...]
    debug: bool
    max_ingest_bytes: int
    broker_url: str = ""  # Celery's broker (Redis); empty: background work runs in-process

    @property
    def blob_dir(self) -> Path:
        return self.home / "blobs"

    @property
    def upload_dir(self) -> Path:
        """Where uploaded files wait, stored safely, until their ingest has finished."""
        return self.home / "uploads"


def load(environ: Mapping[str, str] | None = None, *, create_home: bool = True) -> Config:
    """Read the configuration from ``environ`` (default ``os.environ``)."""
    env = os.environ if environ is None else environ
    home = Path(env.get("CIVICWATCH_HOME") or DEFAULT_HOME).expanduser().resolve()
    if create_home:
        _ensure_home(home)
    url = env.get("CIVICWATCH_DATABASE_URL", "").strip()
    database = parse_database_url(url) if url else sqlite_database(home / SQLITE_NAME)
    return Config(
        home=home,
        database=database,
        secret_key=env.get("CIVICWATCH_SECRET_KEY") or _stored_secret_key(home, create_home),
        allowed_hosts=_hosts(env.get("CIVICWATCH_ALLOWED_HOSTS")),
        debug=_flag(env.get("CIVICWATCH_DEBUG", ""), "CIVICWATCH_DEBUG"),
        max_ingest_bytes=_megabytes(env.get("CIVICWATCH_MAX_INGEST_MB")) * 1024 * 1024,
        broker_url=_broker_url(env.get("CIVICWATCH_BROKER_URL", "")),
    )


def sqlite_database(path: Path) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        # WAL lets the web app read while an ingest writes; the timeout waits out a writer
        # instead of failing at once with "database is locked". A 64 MB page cache and
        # memory-mapped reads keep list pages and their counts off the disk (SQLite's
        # default cache is 2 MB, a few percent of a database of 100,000 events).
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;"
            ),
        },
    }


def parse_database_url(url: str) -> dict[str, Any]:
    """Turn ``postgres://user:pass@host:5432/name`` or ``sqlite:///path`` into Django's form."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        path = unquote(parts.path)
        if parts.netloc:
            raise ConfigurationError(
                f"CIVICWATCH_DATABASE_URL {url!r}: write sqlite:///relative or sqlite:////absolute"
            )
        if not path or path == "/":
            raise ConfigurationError(f"CIVICWATCH_DATABASE_URL {url!r} names no database file")
        return sqlite_database(Path(path[1:]).resolve())
    if scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ConfigurationError(f"CIVICWATCH_DATABASE_URL {url!r} names no database")
        options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        try:
            port = parts.port
        except ValueError:
            raise ConfigurationError(f"CIVICWATCH_DATABASE_URL {url!r} has a bad port") from None
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(port or ""),
            "OPTIONS": options,
            "CONN_MAX_AGE": 60,
        }
    raise ConfigurationError(
        f"CIVICWATCH_DATABASE_URL {url!r}: only sqlite:/// and postgres:// URLs are supported"
    )


def _ensure_home(home: Path) -> None:
    try:
        home.mkdir(parents=True, exist_ok=True)
        (home / "blobs").mkdir(exist_ok=True)
        (home / "static").mkdir(exist_ok=True)  # WhiteNoise warns when STATIC_ROOT is missing
    except OSError as error:
        raise ConfigurationError(f"cannot create data directory {home}: {error}") from None
    if not os.access(home, os.W_OK):
        raise ConfigurationError(f"data directory {home} is not writable")


def _stored_secret_key(home: Path, create: bool) -> str:
    """The key generated into the data directory on first run (never committed)."""
    path = home / SECRET_KEY_FILE
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    if not create:
        return "unconfigured-" + secrets.token_urlsafe(16)
    key = secrets.token_urlsafe(50)
    # O_EXCL so two processes starting at once cannot write two different keys.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key


def _hosts(value: str | None) -> tuple[str, ...]:
    if not value:
        return DEFAULT_ALLOWED_HOSTS
    return tuple(host.strip() for host in value.split(",") if host.strip())


def _flag(value: str, name: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigurationError(f"{name}={value!r}: use 1/0, true/false, yes/no or on/off")


def _megabytes(value: str | None) -> int:
    if not value:
        return DEFAULT_MAX_INGEST_MB
    try:
        megabytes = int(value)
    except ValueError:
        raise ConfigurationError(f"CIVICWATCH_MAX_INGEST_MB={value!r} is not a number") from None
    if megabytes <= 0:
        raise ConfigurationError("CIVICWATCH_MAX_INGEST_MB must be a positive number")
    return megabytes


def _broker_url(value: str) -> str:
    """A Redis URL for Celery (``redis://host:6379/0``, ``rediss://`` with TLS), or ``""``."""
    url = value.strip()
    if not url:
        return ""
    if urlsplit(url).scheme.lower() not in {"redis", "rediss"}:
        raise ConfigurationError(
            f"CIVICWATCH_BROKER_URL {url!r}: use a Redis URL such as redis://127.0.0.1:6379/0"
        )
    return url
