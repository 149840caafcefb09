"""A subject's claims counted per property by the database (``GroupTally``, ``claims.tally``).

As 0022 for statuses: a table of +1/-1 rows, an index by subject, triggers on
``claims_claim`` that add rows when a claim is inserted, deleted or moved to
another subject or property, and today's counts. The same warning holds: on
SQLite, a later migration that rebuilds ``claims_claim`` must create these
triggers again and refill the table (``tests/test_tally.py`` fails until it does).
"""

from django.db import migrations, models

TABLE = "claims_grouptally"

SQLITE_CREATE = [
    f"""
    CREATE TRIGGER {TABLE}_insert AFTER INSERT ON claims_claim BEGIN
        INSERT INTO {TABLE} (subject_id, property_id, n)
        VALUES (new.subject_id, new.property_id, 1);
    END
    """,
    f"""
    CREATE TRIGGER {TABLE}_delete AFTER DELETE ON claims_claim BEGIN
        INSERT INTO {TABLE} (subject_id, property_id, n)
        VALUES (old.subject_id, old.property_id, -1);
    END
    """,
    f"""
    CREATE TRIGGER {TABLE}_update AFTER UPDATE OF subject_id, property_id ON claims_claim
    WHEN old.subject_id IS NOT new.subject_id OR old.property_id IS NOT new.property_id BEGIN
        INSERT INTO {TABLE} (subject_id, property_id, n)
        VALUES (old.subject_id, old.property_id, -1), (new.subject_id, new.property_id, 1);
    END
    """,
]

SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {TABLE}_{event}" for event in ("update", "delete", "insert")]

POSTGRESQL_CREATE = [
    f"""
    CREATE FUNCTION {TABLE}_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO {TABLE} (subject_id, property_id, n)
        SELECT subject_id, property_id, COUNT(*) FROM inserted GROUP BY subject_id, property_id;
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE FUNCTION {TABLE}_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO {TABLE} (subject_id, property_id, n)
        SELECT subject_id, property_id, -COUNT(*) FROM deleted GROUP BY subject_id, property_id;
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE FUNCTION {TABLE}_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO {TABLE} (subject_id, property_id, n)
        SELECT subject_id, property_id, SUM(n) FROM (
            SELECT subject_id, property_id, 1 AS n FROM after_update
            UNION ALL
            SELECT subject_id, property_id, -1 AS n FROM before_update
        ) AS moved
        GROUP BY subject_id, property_id
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
    schema_editor.create_model(apps.get_model("claims", "GroupTally"))
    schema_editor.execute(f"CREATE INDEX group_tally_subject ON {TABLE} (subject_id, property_id)")
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)
    schema_editor.execute(
        f"INSERT INTO {TABLE} (subject_id, property_id, n)"
        " SELECT subject_id, property_id, COUNT(*) FROM claims_claim"
        " GROUP BY subject_id, property_id"
    )


def drop_tally(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)
    schema_editor.delete_model(apps.get_model("claims", "GroupTally"))


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0023_desk_weeks"),
    ]

    operations = [
        migrations.CreateModel(
            name="GroupTally",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("subject_id", models.BigIntegerField()),
                ("property_id", models.BigIntegerField()),
                ("n", models.BigIntegerField()),
            ],
            options={"db_table": "claims_grouptally", "managed": False},
        ),
        migrations.RunPython(create_tally, drop_tally),
    ]
