"""Claims counted by status and rating by the database (``ClaimTally``, ``claims.tally``).

A table of +1/-1 rows and triggers on ``claims_claim`` that add them, filled
with today's counts. SQLite: row triggers after INSERT, DELETE and UPDATE OF
status, rating (only when one of them changes). PostgreSQL: statement triggers
with transition tables, one grouped insert per statement whatever its number of
rows (a ``COPY`` of a million claims adds a handful of rows), and a TRUNCATE
trigger, since a truncation fires no delete trigger.

Beware, as for 0007: SQLite drops a table's triggers with the table, and Django
rebuilds ``claims_claim`` (copy, drop, rename) for most changes to its columns.
A later migration that does so must create these triggers again and refill the
table; ``tests/test_tally.py`` fails on SQLite until it does.
"""

from django.db import migrations, models

TABLE = "claims_claimtally"

SQLITE_CREATE = [
    f"""
    CREATE TRIGGER {TABLE}_insert AFTER INSERT ON claims_claim BEGIN
        INSERT INTO {TABLE} (status, rating, n) VALUES (new.status, new.rating, 1);
    END
    """,
    f"""
    CREATE TRIGGER {TABLE}_delete AFTER DELETE ON claims_claim BEGIN
        INSERT INTO {TABLE} (status, rating, n) VALUES (old.status, old.rating, -1);
    END
    """,
    f"""
    CREATE TRIGGER {TABLE}_update AFTER UPDATE OF status, rating ON claims_claim
    WHEN old.status IS NOT new.status OR old.rating IS NOT new.rating BEGIN
        INSERT INTO {TABLE} (status, rating, n)
        VALUES (old.status, old.rating, -1), (new.status, new.rating, 1);
    END
    """,
]

SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
]

POSTGRESQL_CREATE = [
    f"""
    CREATE FUNCTION {TABLE}_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO {TABLE} (status, rating, n)
        SELECT status, rating, COUNT(*) FROM inserted GROUP BY status, rating;
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE FUNCTION {TABLE}_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO {TABLE} (status, rating, n)
        SELECT status, rating, -COUNT(*) FROM deleted GROUP BY status, rating;
        RETURN NULL;
    END $$
    """,
    # Every UPDATE of claims fires it (a column list cannot go with transition
    # tables): rows whose status and rating stay the same cancel out and add nothing.
    f"""
    CREATE FUNCTION {TABLE}_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO {TABLE} (status, rating, n)
        SELECT status, rating, SUM(n) FROM (
            SELECT status, rating, 1 AS n FROM after_update
            UNION ALL
            SELECT status, rating, -1 AS n FROM before_update
        ) AS moved
        GROUP BY status, rating
        HAVING SUM(n) <> 0;
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE FUNCTION {TABLE}_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM {TABLE};
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE TRIGGER {TABLE}_insert AFTER INSERT ON claims_claim
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_inserted()
    """,
    f"""
    CREATE TRIGGER {TABLE}_delete AFTER DELETE ON claims_claim
    REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_deleted()
    """,
    f"""
    CREATE TRIGGER {TABLE}_update AFTER UPDATE ON claims_claim
    REFERENCING OLD TABLE AS before_update NEW TABLE AS after_update
    FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_updated()
    """,
    f"""
    CREATE TRIGGER {TABLE}_truncate AFTER TRUNCATE ON claims_claim
    FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_truncated()
    """,
]

POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_{event} ON claims_claim"
    for event in ("insert", "delete", "update", "truncate")
] + [
    f"DROP FUNCTION IF EXISTS {TABLE}_{event}()"
    for event in ("inserted", "deleted", "updated", "truncated")
]


def create_tally(apps, schema_editor):
    schema_editor.create_model(apps.get_model("claims", "ClaimTally"))
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)
    # Today's counts, in the same transaction as the triggers: none is missed or twice.
    schema_editor.execute(
        f"INSERT INTO {TABLE} (status, rating, n)"
        " SELECT status, rating, COUNT(*) FROM claims_claim GROUP BY status, rating"
    )


def drop_tally(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)
    schema_editor.delete_model(apps.get_model("claims", "ClaimTally"))


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0021_event_recent_kind_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="ClaimTally",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("status", models.CharField(max_length=20)),
                ("rating", models.CharField(blank=True, max_length=16)),
                ("n", models.BigIntegerField()),
            ],
            options={"db_table": "claims_claimtally", "managed": False},
        ),
        migrations.RunPython(create_tally, drop_tally),
    ]
