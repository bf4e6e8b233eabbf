"""The full-text search index (civicwatch/store/search_index.py): FTS5 tables on SQLite,
tsvector tables with GIN indexes on PostgreSQL, the pending queue and its triggers."""

from typing import Any

from django.db import migrations

from civicwatch.store.search_index import install_sql, uninstall_sql


def install(apps: Any, schema_editor: Any) -> None:
    for statement in install_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


def uninstall(apps: Any, schema_editor: Any) -> None:
    for statement in uninstall_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    # Meant to follow ("store", "0003_accounts_and_sensitivity"); chained after the other
    # 0004 migrations of issue 9 so the graph has one leaf until the lead linearises them.
    dependencies = [("store", "0005_uploads")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
