"""Django settings for the test suite.

Tests never touch a user's data: the data directory is always a fresh temporary folder.
Tests use SQLite unless CIVICWATCH_TEST_ON_POSTGRES=1, when Django's test database is
created on the server of CIVICWATCH_TEST_DATABASE_URL (pytest-django names it
``test_<name>``); ``make test`` runs the database-backed tests both ways.
"""

import atexit
import os
import shutil
import tempfile

_home = tempfile.mkdtemp(prefix="civicwatch-test-")
atexit.register(shutil.rmtree, _home, ignore_errors=True)
os.environ["CIVICWATCH_HOME"] = _home
os.environ.pop("CIVICWATCH_DATABASE_URL", None)
if os.environ.get("CIVICWATCH_TEST_ON_POSTGRES") == "1":
    os.environ["CIVICWATCH_DATABASE_URL"] = os.environ["CIVICWATCH_TEST_DATABASE_URL"]

from civicwatch.settings import *  # noqa: E402,F403

# Hashing passwords slowly is the point in production and a waste of minutes in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not SQLite's shared in-memory database: pages served to the browser and the
    # in-process upload worker run in threads of their own, and the in-memory database
    # answers "table is locked" at once where a file (WAL, a busy timeout) waits its turn,
    # as the application does.
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(_home, "test.sqlite3")}  # noqa: F405
    # a throwaway database need not survive a power cut: no waiting for the disk
    DATABASES["default"]["OPTIONS"]["init_command"] += " PRAGMA synchronous=OFF;"  # noqa: F405
