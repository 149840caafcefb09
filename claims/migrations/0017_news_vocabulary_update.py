"""The news vocabulary as the suggester reads it (after reading real articles).

Migration 0011 was applied as it first stood; this brings the vocabulary up to
what claims.properties now proposes: company results and fortunes gain their
own properties, and "growth" and "duration" become generic (a change or a
length of what? they are never compared across claims). Rows already used by
claims keep their codes; "operating-cost-share" stays for the claims that use it.
"""

from django.db import migrations

ADDED = [
    # code, English label, French label, expected value kind, compared
    ("profit-change", "profit change", "évolution du bénéfice", "percentage", True),
    ("operating-margin", "operating margin", "marge opérationnelle", "percentage", True),
    ("dividend", "dividend", "dividende", "money", True),
    ("assets-under-management", "assets under management", "actifs sous gestion", "money", True),
    ("net-worth-change", "change in net worth", "variation de la fortune", "", True),
    ("contract-length", "contract length", "durée du contrat", "duration", True),
]
CHANGED = [
    ("growth-rate", "change", "variation", "percentage", False),
    ("duration", "duration", "durée", "duration", False),
]
BEFORE = [
    ("growth-rate", "growth", "croissance", "percentage", True),
    ("duration", "duration", "durée", "duration", True),
]


def _write(Property, rows):
    for code, label, label_fr, kind, compared in rows:
        Property.objects.update_or_create(
            code=code,
            defaults={"label": label, "label_fr": label_fr, "value_kind": kind, "compared": compared},
        )


def forwards(apps, schema_editor):
    _write(apps.get_model("claims", "Property"), ADDED + CHANGED)


def backwards(apps, schema_editor):
    Property = apps.get_model("claims", "Property")
    _write(Property, BEFORE)
    Property.objects.filter(code__in=[row[0] for row in ADDED], claims__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0016_suggestion_corrections")]

    operations = [migrations.RunPython(forwards, backwards)]
