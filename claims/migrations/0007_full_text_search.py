"""Full-text search of claims: an FTS5 table on SQLite, a GIN index on PostgreSQL.

Search used to test each word of a query as a substring of every claim's
``search_text`` (``LIKE '%word%'``): a scan of the whole table, 70-130 ms of SQL
at 100,000 claims for the paginator's count alone. It now looks words up in an
index (``claims/search.py`` says what a query finds).

1. ``search_text`` becomes what ``search.document`` now writes: its words joined by
   single spaces, punctuation left out. The text was already folded (lower case,
   no accents), so this is what ``search.refresh_all`` would write, without its
   queries. With words only, both databases cut the text into the same words:
   PostgreSQL's parser would keep "tcp/ip" or "+33" whole and drop "<...>" as a
   tag, where FTS5 sees separate words.

2. SQLite: an FTS5 table over ``claims_claim.search_text`` with external content
   (the text is not stored twice; 18 MB of index at 100,000 claims), tokenizer
   ``unicode61 remove_diacritics 2``, filled from the existing rows, and kept
   current by AFTER INSERT, UPDATE and DELETE triggers, whichever path writes
   (``save``, ``bulk_create``, ``bulk_update``, ``update``, raw SQL). The update
   trigger only runs when ``search_text`` (or the id) changes: editing a status
   costs nothing. No ``prefix`` index: it would make one- and two-letter prefixes
   1-2 ms faster for 2.5 times the index size.

   Beware: SQLite drops a table's triggers with the table, and Django rebuilds
   ``claims_claim`` (copy, drop, rename) for most changes to its columns. A later
   migration that does so must create the triggers again and ``rebuild`` the FTS
   table, as below; ``tests/test_search.py`` fails on SQLite until it does.

3. PostgreSQL: a column ``search_vector``, generated and stored by PostgreSQL as
   ``to_tsvector('simple', search_text)``, with a GIN index. Not an expression
   index on ``to_tsvector(...)``: with one, PostgreSQL computes the vector again
   for each row it rechecks (phrase queries such as "l'entreprise") or filters
   (walking the list's ``updated_at`` order; short prefixes it scans for), about
   0.1 ms a claim. At 100,000 claims that was 3.2 s for "p", 350 ms for
   "l'entreprise" and 250 ms for the first page of "chine", against 80, 17 and
   7 ms with the stored vector. The column is not a model field (it exists on
   PostgreSQL only, and no query should load it): ``search.search`` names it in
   SQL. Adding it rewrites the table under an exclusive lock: about 15 s at
   100,000 claims. A later change of ``search_text``'s type must drop the column
   first.

Why the 'simple' configuration, and neither 'french' nor 'english' nor unaccent:
the text is folded and unaccented in Python before it is stored, and queries are
folded the same way, so 'simple' is already accent- and case-blind; ``unaccent``
would have nothing left to do, and creating an extension needs a privilege that
not every deployment grants. Stemming would find "paramètre" from "paramètres",
but on PostgreSQL only: FTS5 has no French stemmer, so the two databases would
find different claims, and prefixes matched against stems ("param:*" against
"parametr") are hard to predict. A claim in French or in English is found the
same way, by the start of its words.

Reversible: going back drops the triggers and the FTS table, or the index and the
column. The text keeps its words-only form, which the substring search of 0006
reads too (a term with punctuation inside, such as "0,14", then no longer matches).
"""

import re

from django.db import migrations

FTS_TABLE = "claims_claim_fts"
VECTOR_COLUMN = "search_vector"
INDEX_NAME = "claim_search_vector"
WORD = re.compile(r"\w+")
BATCH = 1000

SQLITE_CREATE = [
    f"""
    CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        search_text,
        content = 'claims_claim',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
    f"""
    CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON claims_claim BEGIN
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END
    """,
    f"""
    CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON claims_claim BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END
    """,
    f"""
    CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE OF id, search_text ON claims_claim
    WHEN old.id IS NOT new.id OR old.search_text IS NOT new.search_text BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END
    """,
]

SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def keep_only_words(apps, schema_editor):
    """Rewrite each claim's search text as its words, a batch of claims at a time."""
    Claim = apps.get_model("claims", "Claim")
    last = 0
    while True:
        rows = list(
            Claim.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "search_text")[:BATCH]
        )
        if not rows:
            return
        changed = []
        for pk, text in rows:
            words_only = " ".join(WORD.findall(text))
            if words_only != text:
                changed.append((words_only, pk))
        # One plain UPDATE per claim: far cheaper than bulk_update's CASE over a batch.
        with schema_editor.connection.cursor() as cursor:
            cursor.executemany("UPDATE claims_claim SET search_text = %s WHERE id = %s", changed)
        last = rows[-1][0]


POSTGRESQL_CREATE = [
    f"""
    ALTER TABLE claims_claim ADD COLUMN {VECTOR_COLUMN} tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED
    """,
    f"CREATE INDEX {INDEX_NAME} ON claims_claim USING gin ({VECTOR_COLUMN})",
]

POSTGRESQL_DROP = [
    f"DROP INDEX IF EXISTS {INDEX_NAME}",
    f"ALTER TABLE claims_claim DROP COLUMN IF EXISTS {VECTOR_COLUMN}",
]


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for sql in SQLITE_CREATE:
            schema_editor.execute(sql)
    elif vendor == "postgresql":
        for sql in POSTGRESQL_CREATE:
            schema_editor.execute(sql)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for sql in SQLITE_DROP:
            schema_editor.execute(sql)
    elif vendor == "postgresql":
        for sql in POSTGRESQL_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0006_history"),
    ]

    operations = [
        migrations.RunPython(keep_only_words, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(create_index, drop_index),
    ]
