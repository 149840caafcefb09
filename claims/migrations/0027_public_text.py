"""The public index's search by word, accent- and case-blind, from an index on both databases.

Until now a reader's search was a substring test of the statement (``icontains``): accents
counted ("parametres" missed "paramètres"), and it read every published claim, on SQLite
always and on PostgreSQL for words under three letters (1.2 s at a million claims), on a
page anyone can ask for. Each claim now keeps ``public_text``: the folded words of its
statement and short statement (``claims.search.public_document``), indexed for published
claims only:

- SQLite: an FTS5 table over the column (external content, as in 0007), kept by one
  trigger per event on ``claims_claim`` that adds a claim as it becomes published and
  takes it out as it stops being so (or its words change);
- PostgreSQL: a GIN index of ``to_tsvector('simple', public_text)``, partial to published
  claims, which replaces 0026's trigram index; and statistics on that expression (ANALYZE
  keeps none for the expressions of a partial index). Without them the planner guessed
  any word in 0.5 % of the claims: at a million claims it counted "p" (118,000 published
  checks) through the index, 120 ms, where reading the list's order stops after 1,700
  rows, 8.5 ms; and it sorted "parametres" from the list's order, 16 ms, not 3.7.

The column is added by ``ALTER TABLE … ADD COLUMN … DEFAULT ''`` on both databases:
Django's SQLite schema editor would rebuild the claims table for a NOT NULL column, which
drops the triggers of 0007 and 0022. Beware, as for those: a later migration that rebuilds
the table must create these triggers again and refill the FTS table.
"""

from django.db import migrations, models

FTS_TABLE = "claims_claim_public_fts"
INDEX = "claim_public_vector"
STATISTICS = "claim_public_words_stats"
TRIGRAM_INDEX = "claim_public_words"
BATCH = 2000

SQLITE_CREATE = [
    f"""
    CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        public_text,
        content = 'claims_claim',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
    # Not 'rebuild', which would index every claim of the content table.
    f"""
    INSERT INTO {FTS_TABLE}(rowid, public_text)
    SELECT id, public_text FROM claims_claim WHERE status = 'published'
    """,
    f"""
    CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON claims_claim
    WHEN new.status = 'published' BEGIN
        INSERT INTO {FTS_TABLE}(rowid, public_text) VALUES (new.id, new.public_text);
    END
    """,
    f"""
    CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON claims_claim
    WHEN old.status = 'published' BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, public_text)
        VALUES ('delete', old.id, old.public_text);
    END
    """,
    # One trigger, so that the old entry always leaves before the new one comes.
    f"""
    CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE OF id, status, public_text ON claims_claim
    WHEN old.id IS NOT new.id OR old.status IS NOT new.status
        OR old.public_text IS NOT new.public_text BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, public_text)
        SELECT 'delete', old.id, old.public_text WHERE old.status = 'published';
        INSERT INTO {FTS_TABLE}(rowid, public_text)
        SELECT new.id, new.public_text WHERE new.status = 'published';
    END
    """,
]

SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]

POSTGRESQL_CREATE = [
    f"""
    CREATE INDEX IF NOT EXISTS {INDEX} ON claims_claim
    USING gin (to_tsvector('simple'::regconfig, public_text))
    WHERE status = 'published'
    """,
    f"""
    CREATE STATISTICS IF NOT EXISTS {STATISTICS}
    ON (to_tsvector('simple'::regconfig, public_text)) FROM claims_claim
    """,
    f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}",
]

POSTGRESQL_DROP = [
    f"DROP STATISTICS IF EXISTS {STATISTICS}",
    f"DROP INDEX IF EXISTS {INDEX}",
    f"""
    CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON claims_claim USING gin
    (UPPER(statement) gin_trgm_ops, UPPER(short_statement::text) gin_trgm_ops)
    WHERE status = 'published'
    """,
]


def add_column(apps, schema_editor):
    schema_editor.execute(
        "ALTER TABLE claims_claim ADD COLUMN public_text text NOT NULL DEFAULT ''"
    )


def drop_column(apps, schema_editor):
    schema_editor.execute("ALTER TABLE claims_claim DROP COLUMN public_text")


def fill(apps, schema_editor):
    """Each claim's public words, a batch at a time, then the indexes over them."""
    from claims.search import public_document

    connection = schema_editor.connection
    last = 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                "SELECT id, statement, short_statement FROM claims_claim"
                " WHERE id > %s ORDER BY id LIMIT %s",
                [last, BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                break
            texts = [public_document(statement, short or "") for _, statement, short in rows]
            ids = [pk for pk, _, _ in rows]
            if connection.vendor == "postgresql":
                # One statement per batch: each UPDATE fires 0022's statement triggers.
                cursor.execute(
                    "UPDATE claims_claim AS claim SET public_text = words.text"
                    " FROM unnest(%s::bigint[], %s::text[]) AS words(id, text)"
                    " WHERE claim.id = words.id",
                    [ids, texts],
                )
            else:
                cursor.executemany(
                    "UPDATE claims_claim SET public_text = %s WHERE id = %s", zip(texts, ids)
                )
            last = rows[-1][0]
    vendor = connection.vendor
    for statement in {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}.get(vendor, []):
        schema_editor.execute(statement)


def unfill(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("claims", "0026_public_search_trigrams")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="claim",
                    name="public_text",
                    field=models.TextField(blank=True, default="", editable=False),
                )
            ],
            database_operations=[migrations.RunPython(add_column, drop_column)],
        ),
        migrations.RunPython(fill, unfill),
    ]
