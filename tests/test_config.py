import os

import pytest

from civicwatch import config
from civicwatch.errors import ConfigurationError


def test_defaults_create_home_and_secret_key(tmp_path):
    home = tmp_path / "data"
    loaded = config.load({"CIVICWATCH_HOME": str(home)})
    assert loaded.home == home.resolve()
    assert loaded.database["ENGINE"] == "django.db.backends.sqlite3"
    assert loaded.database["NAME"] == str(home.resolve() / "civicwatch.sqlite3")
    assert loaded.debug is False
    assert loaded.allowed_hosts == ("127.0.0.1", "localhost")
    key_file = home / "secret_key"
    assert key_file.read_text().strip() == loaded.secret_key
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    # The key is stable across runs.
    assert config.load({"CIVICWATCH_HOME": str(home)}).secret_key == loaded.secret_key


def test_secret_key_from_environment_wins(tmp_path):
    loaded = config.load({"CIVICWATCH_HOME": str(tmp_path), "CIVICWATCH_SECRET_KEY": "k" * 50})
    assert loaded.secret_key == "k" * 50
    assert not (tmp_path / "secret_key").exists()


def test_postgres_url():
    db = config.parse_database_url("postgres://civic:p%40ss@db.example:6543/cw?sslmode=require")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "cw",
        "civic",
        "p@ss",
        "db.example",
        "6543",
    )
    assert db["OPTIONS"] == {"sslmode": "require"}


def test_sqlite_url(tmp_path):
    db = config.parse_database_url(f"sqlite:///{tmp_path}/x.db")
    assert db["NAME"] == str(tmp_path / "x.db")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://x/y", "only sqlite"),
        ("postgres://host/", "names no database"),
        ("sqlite://", "names no database"),
        ("postgres://host:notaport/db", "bad port"),
    ],
)
def test_bad_database_urls(url, message):
    with pytest.raises(ConfigurationError, match=message):
        config.parse_database_url(url)


def test_flags_and_limits(tmp_path):
    env = {
        "CIVICWATCH_HOME": str(tmp_path),
        "CIVICWATCH_DEBUG": "yes",
        "CIVICWATCH_ALLOWED_HOSTS": "civic.example, 10.0.0.5",
        "CIVICWATCH_MAX_INGEST_MB": "7",
    }
    loaded = config.load(env)
    assert loaded.debug is True
    assert loaded.allowed_hosts == ("civic.example", "10.0.0.5")
    assert loaded.max_ingest_bytes == 7 * 1024 * 1024
    with pytest.raises(ConfigurationError, match="CIVICWATCH_DEBUG"):
        config.load({**env, "CIVICWATCH_DEBUG": "maybe"})
    with pytest.raises(ConfigurationError, match="not a number"):
        config.load({**env, "CIVICWATCH_MAX_INGEST_MB": "lots"})


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_home(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(ConfigurationError, match=r"not writable|cannot create"):
        config.load({"CIVICWATCH_HOME": str(locked / "inner")})
