"""Publishing: a short statement for the ClaimReview, evidence marked public, its event.

1. ``Claim.short_statement``: what the published ClaimReview names as reviewed
   (Google: under 75 characters, without the rating). Empty for every existing
   claim: the statement cut at a word stands in for it (``Claim.claim_reviewed``).
2. ``Evidence.public``: shown on the public page or not; every existing piece of
   evidence stays internal, as the newsroom had it.
3. The timeline's new kind of event, "evidence made public or internal".

Adding a NOT NULL column makes Django rebuild ``claims_claim`` on SQLite (copy,
drop, rename), which drops the full-text search triggers of 0007 with the old
table: they are created again and the FTS table rebuilt, as 0007 asks.
"""

from importlib import import_module

from django.db import migrations, models

fts = import_module("claims.migrations.0007_full_text_search")


def recreate_search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for sql in fts.SQLITE_DROP + fts.SQLITE_CREATE:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0017_news_vocabulary_update"),
    ]

    operations = [
        # Going back, this runs last, after the columns' removal rebuilt the table again.
        migrations.RunPython(migrations.RunPython.noop, recreate_search_triggers),
        migrations.AddField(
            model_name="claim",
            name="short_statement",
            field=models.CharField(
                blank=True,
                help_text=(
                    "What the published fact-check names as checked, in at most 75 characters "
                    "and without the verdict. Left empty, the statement cut at a word."
                ),
                max_length=75,
                verbose_name="in brief",
            ),
        ),
        migrations.AddField(
            model_name="historicalclaim",
            name="short_statement",
            field=models.CharField(
                blank=True,
                help_text=(
                    "What the published fact-check names as checked, in at most 75 characters "
                    "and without the verdict. Left empty, the statement cut at a word."
                ),
                max_length=75,
                verbose_name="in brief",
            ),
        ),
        migrations.AddField(
            model_name="evidence",
            name="public",
            field=models.BooleanField(
                default=False,
                help_text="Shown on the published fact-check (never its note).",
                verbose_name="public",
            ),
        ),
        migrations.AddField(
            model_name="historicalevidence",
            name="public",
            field=models.BooleanField(
                default=False,
                help_text="Shown on the published fact-check (never its note).",
                verbose_name="public",
            ),
        ),
        migrations.AlterField(
            model_name="claimevent",
            name="kind",
            field=models.CharField(
                choices=[
                    ("created", "created"),
                    ("status_changed", "status changed"),
                    ("assigned", "assigned"),
                    ("value_changed", "value changed"),
                    ("evidence_added", "evidence added"),
                    ("evidence_changed", "evidence changed"),
                    ("evidence_removed", "evidence removed"),
                    ("evidence_restored", "evidence restored"),
                    ("verdict_proposed", "verdict proposed"),
                    ("verdict_approved", "verdict approved"),
                    ("verdict_sent_back", "verdict sent back"),
                    ("reopened", "reopened"),
                    ("commented", "commented"),
                    ("appearance_added", "quote added"),
                    ("dispute_resolved", "dispute resolved"),
                    ("evidence_copy_kept", "copy of the evidence kept"),
                    ("evidence_visibility", "evidence made public or internal"),
                ],
                max_length=24,
                verbose_name="what",
            ),
        ),
        migrations.RunPython(recreate_search_triggers, migrations.RunPython.noop),
    ]
