"""The starting vocabulary of properties; reviewers extend it in the admin.

Labels are stored in English, the code's language; the interface translates
the ones it knows.
"""

from django.db import migrations

VOCABULARY = [
    # code, label, expected value kind
    ("founding-date", "founding date", "date"),
    ("founder", "founder", "text"),
    ("headquarters", "headquarters", "text"),
    ("origin", "origin", "text"),
    ("release-date", "release date", "date"),
    ("price-per-unit", "price per unit", "money"),
    ("training-cost", "training cost", "money"),
    ("operating-cost", "operating cost", "percentage"),
    ("revenue", "revenue", "money"),
    ("valuation", "valuation", "money"),
    ("funding", "funding raised", "money"),
    ("market-value-change", "market value change", "money"),
    ("parameter-count", "parameter count", "quantity"),
    ("gpu-count", "GPUs used", "quantity"),
    ("hardware-requirement", "hardware requirement", "text"),
    ("user-count", "number of users", "quantity"),
    ("employee-count", "number of employees", "quantity"),
    ("download-ranking", "download ranking", "rank"),
    ("leaderboard-rank", "leaderboard rank", "rank"),
    ("benchmark-standing", "benchmark standing", "text"),
    ("training-duration", "training duration", "duration"),
    ("data-location", "data location", "text"),
    ("licence", "licence", "text"),
    ("statement-attributed", "statement attributed", "text"),
]


def add_vocabulary(apps, schema_editor):
    Property = apps.get_model("claims", "Property")
    for code, label, kind in VOCABULARY:
        Property.objects.get_or_create(code=code, defaults={"label": label, "value_kind": kind})


def remove_vocabulary(apps, schema_editor):
    Property = apps.get_model("claims", "Property")
    Property.objects.filter(
        code__in=[code for code, _label, _kind in VOCABULARY], claims__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]

    operations = [migrations.RunPython(add_vocabulary, remove_vocabulary)]
