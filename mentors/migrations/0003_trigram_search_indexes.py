"""Trigram GIN indexes on the denormalised search text (PostgreSQL only).

pg_trgm serves ``LIKE '%海洋%'`` for Chinese and English text alike; SQLite, the embedded
mode, scans instead and needs no index at its size.
"""

from django.db import migrations

TABLES = ("mentors_mentor", "mentors_mentee", "mentors_organization")


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table in TABLES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_search_trgm "
            f"ON {table} USING gin (search_text gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("mentors", "0002_search_text_members_and_directory_indexes")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
