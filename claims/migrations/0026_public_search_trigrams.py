"""The public index's search (a published check whose statement or short statement contains
each word, ``publishing.search``) through a trigram index on PostgreSQL.

Without it each search read every published claim: 1.2 s at a million claims (a quarter
of them published), on a page any reader can ask for. The GIN index of ``pg_trgm`` answers
Django's ``icontains`` (``UPPER(column) LIKE UPPER('%word%')``) for words of three letters
or more; it holds published claims only, the only ones the search looks at. ``pg_trgm`` is
one of PostgreSQL's trusted extensions: the owner of the database may create it. SQLite has
no such index; there the search stays a scan.
"""

from django.db import migrations

INDEX = "claim_public_words"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON claims_claim USING gin "
        "(UPPER(statement) gin_trgm_ops, UPPER(short_statement::text) gin_trgm_ops) "
        "WHERE status = 'published'"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0025_subject_meaning")]

    operations = [migrations.RunPython(create_index, drop_index)]
