"""PostgreSQL-only indexes of the boards: trigram GIN indexes on the search column, so that
substring search (Chinese and English alike) stays fast at city scale, and "highest amount
first" sort indexes with NULLS LAST, which SQLite cannot declare. SQLite scans instead."""

from django.db import migrations

TABLES = ("projects_challenge", "projects_project")
AMOUNTS = {"projects_challenge": "reward_max", "projects_project": "intended_investment"}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table in TABLES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_search_trgm "
            f"ON {table} USING gin (search_text gin_trgm_ops)"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_amount_desc "
            f"ON {table} ({AMOUNTS[table]} DESC NULLS LAST, id DESC)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_trgm")
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_amount_desc")


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_boards_and_claims")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
