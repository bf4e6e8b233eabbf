import re
import sqlite3

from tests.cli.test_ingest_command import civicwatch


def test_demo_loads_reports_and_prints_password_once(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "one.md").write_text("# Update one\n\nPublished 3 May 2024\n\nText.", "utf-8")
    (reports / "two.txt").write_text("Update two\n\nSome other text.", "utf-8")
    home = tmp_path / "home"
    first = civicwatch(home, "demo", "--reports", str(reports))
    assert first.returncode == 0, first.stderr
    assert "2 loaded" in first.stdout
    password = re.search(r"password: (\S+)", first.stdout)
    assert password
    second = civicwatch(home, "demo", "--reports", str(reports))
    assert second.returncode == 0
    assert "password:" not in second.stdout
    assert "exists" in second.stdout
    with sqlite3.connect(home / "civicwatch.sqlite3") as connection:
        assert connection.execute("select count(*) from store_document").fetchone()[0] == 2
        assert (
            connection.execute(
                "select is_superuser from auth_user where username='admin'"
            ).fetchone()[0]
            == 1
        )


def test_create_admin_refuses_existing_without_reset(tmp_path):
    home = tmp_path / "home"
    assert civicwatch(home, "create-admin", "--username", "amina").returncode == 0
    again = civicwatch(home, "create-admin", "--username", "amina")
    assert again.returncode == 1 and "already exists" in again.stderr
    reset = civicwatch(home, "create-admin", "--username", "amina", "--reset")
    assert reset.returncode == 0 and "password:" in reset.stdout
